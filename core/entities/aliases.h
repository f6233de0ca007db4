// The aliases format (docs/ARCHITECTURE.md): user corrections and curated names, one line each.
//   TYPE<TAB>canonical<TAB>variant...   one entity: every spelling on the line is it
//   APART<TAB>spelling<TAB>spelling...  these spellings are different entities, never merged
//   STORY<TAB>article id<TAB>article id the first article belongs to the story of the second
// Read here; entities/corrections resolves the lines against each other (a later line wins) and
// applies them.
#ifndef CROSSWIRE_CORE_ENTITIES_ALIASES_H_
#define CROSSWIRE_CORE_ENTITIES_ALIASES_H_

#include <string>
#include <string_view>
#include <vector>

#include "crosswire/types.h"

namespace crosswire {

enum class AliasKind { kEntity, kKeepApart, kSameStory };

struct AliasEntry {
  AliasKind kind = AliasKind::kEntity;
  EntityType type = EntityType::kMisc;  // kEntity only
  // kEntity: the canonical name; kKeepApart: the first spelling; kSameStory: the article moved.
  std::string canonical;
  // kEntity: other spellings; kKeepApart: the other spellings; kSameStory: the article it joins.
  std::vector<std::string> variants;
};

// Parses aliases text; errors name the line. `source` names the file in messages.
Result<std::vector<AliasEntry>> ParseAliases(std::string_view text, std::string_view source);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_ALIASES_H_
