// The output of entity linking (docs/ARCHITECTURE.md): entities numbered by first appearance, each
// with its type, canonical name, variants and articles, and every mention with its entity's id.
#ifndef CROSSWIRE_CORE_ENTITIES_ENTITY_RESULTS_H_
#define CROSSWIRE_CORE_ENTITIES_ENTITY_RESULTS_H_

#include <cstddef>
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
  size_t a = 0, b = 0;
  LinkRule rule = LinkRule::kSameSpelling;
  double score = 1;
};

// The entities of the final clusters of `nodes` (one per cluster) and the mentions of each of
// `docs`, sorted by offset.
// Each variant's link is the edge by which it was first reached from the entity's first mention.
// The entities are made on `jobs` threads, each into its slot.
LinkedEntities CollectEntities(const std::vector<const Document*>& docs,
                               const std::vector<MentionNode>& nodes, IdentityClusters& clusters,
                               const std::vector<LinkEdge>& edges, int jobs = 1);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_ENTITY_RESULTS_H_
