// What entity linking knows of each mention candidate before any merge (docs/ARCHITECTURE.md): its
// name key, its count of content parts, and the identity an alias line or the gazetteer gives it.
#ifndef CROSSWIRE_CORE_ENTITIES_MENTION_NODES_H_
#define CROSSWIRE_CORE_ENTITIES_MENTION_NODES_H_

#include <cstddef>
#include <cstdint>
#include <deque>
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

// One per candidate; a batch holds one for every mention, so it is kept small: what it names
// lives once per distinct name (MentionNodes::names).
struct MentionNode {
  const MentionCandidate* candidate = nullptr;
  const NameKey* key = nullptr;
  // The canonical name from the gazetteer or an alias line, as written; null when none.
  const std::string* canonical = nullptr;
  uint32_t doc = 0;  // position in the id-sorted order
  uint32_t input_doc = 0;
  // The identity key: the number of the case-folded canonical name, 1 and up; 0 when none.
  uint32_t identity = 0;
  uint16_t content_parts = 0;
  std::optional<EntityType> identity_type;  // the type the alias line or gazetteer gives
};

struct MentionNodes {
  std::vector<MentionNode> nodes;  // documents in id order, candidates in their order
  std::vector<uint32_t> first_of;  // [input doc] -> the node of its first candidate
  // The distinct canonical names the nodes point to (a deque: the pointers stay valid).
  std::deque<std::string> names;
  uint32_t identity_count = 0;  // identity keys are 1..identity_count
  // Each node's NameKey::latin once the keys are let go (KeepLatinForms), kept once per key.
  std::vector<const std::string*> latin_of;
  std::deque<std::string> latin_forms;

  size_t NodeOf(size_t input_doc, size_t candidate) const {
    return first_of[input_doc] + candidate;
  }
};

// One node per candidate, documents taken in article-id order so that the result does not depend
// on the order articles came in. The identities are looked up on `jobs` threads.
MentionNodes BuildMentionNodes(const std::vector<const Document*>& docs,
                               const std::vector<std::vector<MentionCandidate>>& candidates,
                               const std::vector<AliasEntry>& aliases, const Gazetteer& gazetteer,
                               NameMatcher& matcher, const NameParticles& particles, int jobs = 1);

// Keeps what the entities need of the nodes' name keys, their Latin forms (latin_of), and sets
// every node's key to null: the matcher's cache may then be cleared.
void KeepLatinForms(MentionNodes& mentions);

// Whether two mentions' types allow one entity.
bool TypesCompatible(const MentionCandidate& a, const MentionCandidate& b);

// A one-part person name without an identity ("Smith"): it may be John Smith in one article and
// Jane Smith in another, so it is grouped per article and linked to full names with care.
bool IsPartialName(const MentionNode& node);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_MENTION_NODES_H_
