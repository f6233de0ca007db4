// The output of entity linking (docs/ARCHITECTURE.md): entities numbered by first appearance, each
// with its type, canonical name, variants and articles, and every mention with its entity's id.
#ifndef CROSSWIRE_CORE_ENTITIES_ENTITY_RESULTS_H_
#define CROSSWIRE_CORE_ENTITIES_ENTITY_RESULTS_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "crosswire/types.h"
#include "document.h"
#include "entities.h"
#include "entities/identity_clusters.h"
#include "entities/mention_nodes.h"

namespace crosswire {

// Why linking joined two mention nodes (VariantLink::rule).
enum class LinkRule { kKnownName, kAbbreviation, kStated, kSameSpelling, kSimilar, kPartOf };

// A merge of two clusters, through nodes a and b, in the order linking made it.
struct LinkEdge {
  uint32_t a = 0, b = 0;
  LinkRule rule = LinkRule::kSameSpelling;
  double score = 1;
};

// A cluster's nodes, in order of appearance.
using Members = std::span<const uint32_t>;

// The entities of the final clusters of the nodes (one per cluster) and the mentions of each of
// `docs`, sorted by offset. Each variant's link is the edge by which it was first reached from the
// entity's first mention; a variant's Latin form is its node's in mentions.latin_of (the nodes'
// keys are no longer read: KeepLatinForms). The entities are made on `jobs` threads, each into its
// slot. Consumes the linking state: `mentions`, `clusters`, `edges` and `candidates` are left
// empty (the candidates' texts move into the mentions).
LinkedEntities CollectEntities(const std::vector<const Document*>& docs, MentionNodes& mentions,
                               IdentityClusters& clusters, std::vector<LinkEdge>& edges,
                               std::vector<std::vector<MentionCandidate>>& candidates,
                               int jobs = 1);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_ENTITY_RESULTS_H_
