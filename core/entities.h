// Entity linking: groups the mention candidates of a batch into entities across articles, languages
// and scripts, with a canonical name and every variant.
#ifndef CROSSWIRE_CORE_ENTITIES_H_
#define CROSSWIRE_CORE_ENTITIES_H_

#include <memory>
#include <string>
#include <vector>

#include "crosswire/types.h"
#include "document.h"
#include "mentions/finder.h"

namespace crosswire {

class Gazetteer;
class NameMatcher;

// User corrections and curated names, in the aliases format of DESIGN.md.
struct AliasEntry {
  EntityType type = EntityType::kMisc;
  std::string canonical;
  std::vector<std::string> variants;
};
// Parses aliases text; errors name the line. `source` names the file in messages.
Result<std::vector<AliasEntry>> ParseAliases(std::string_view text, std::string_view source);

struct LinkedEntities {
  // Sorted deterministically (by first appearance in the id-sorted batch); ids "E1", "E2"...
  std::vector<EntityResult> entities;
  // For each document, its mentions (from the candidates), each with the id of its entity.
  std::vector<std::vector<Mention>> mentions;
};

// Links candidates to entities. `aliases` force merges (variants of one line are one entity) and
// splits (names on different lines are never merged).
LinkedEntities LinkEntities(const std::vector<const Document*>& docs,
                            const std::vector<std::vector<MentionCandidate>>& candidates,
                            const std::vector<AliasEntry>& aliases, const Gazetteer& gazetteer,
                            NameMatcher& matcher);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_H_
