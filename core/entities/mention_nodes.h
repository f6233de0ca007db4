// What entity linking knows of each mention candidate before any merge (docs/ARCHITECTURE.md): its
// name key, its count of content parts, and the identity an alias line or the gazetteer gives it.
#ifndef CROSSWIRE_CORE_ENTITIES_MENTION_NODES_H_
#define CROSSWIRE_CORE_ENTITIES_MENTION_NODES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "crosswire/types.h"
#include "document.h"
#include "entities.h"
#include "mentions.h"

namespace crosswire {

class Gazetteer;
class NameMatcher;
struct NameKey;

struct MentionNode {
  size_t doc = 0;  // position in the id-sorted order
  size_t input_doc = 0;
  const MentionCandidate* candidate = nullptr;
  const NameKey* key = nullptr;
  std::string identity;   // "n:" + folded canonical name from the gazetteer or an alias line
  std::string canonical;  // that canonical name as written
  std::optional<EntityType> identity_type;  // the type the alias line or gazetteer gives
  size_t content_parts = 0;
};

struct MentionNodes {
  std::vector<MentionNode> nodes;            // documents in id order, candidates in their order
  std::vector<std::vector<size_t>> node_of;  // [input doc][candidate] -> node
};

// One node per candidate, documents taken in article-id order so that the result does not depend
// on the order articles came in. The identities are looked up on `jobs` threads.
MentionNodes BuildMentionNodes(const std::vector<const Document*>& docs,
                               const std::vector<std::vector<MentionCandidate>>& candidates,
                               const std::vector<AliasEntry>& aliases, const Gazetteer& gazetteer,
                               NameMatcher& matcher, const NameParticles& particles, int jobs = 1);

// Whether two mentions' types allow one entity.
bool TypesCompatible(const MentionCandidate& a, const MentionCandidate& b);

// A one-part person name without an identity ("Smith"): it may be John Smith in one article and
// Jane Smith in another, so it is grouped per article and linked to full names with care.
bool IsPartialName(const MentionNode& node);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_MENTION_NODES_H_
