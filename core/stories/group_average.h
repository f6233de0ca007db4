// Story clusters from scored pairs (docs/ARCHITECTURE.md): group-average agglomerative clustering
// over the sparse graph, which does not chain two events through one ambiguous article.
#ifndef CROSSWIRE_CORE_STORIES_GROUP_AVERAGE_H_
#define CROSSWIRE_CORE_STORIES_GROUP_AVERAGE_H_

#include <cstdint>
#include <vector>

#include "stories.h"
#include "stories/pair_scores.h"

namespace crosswire {

// Merges the clusters of `n` articles while the best average pair score (a missing pair counts 0)
// is at least tuning.merge_threshold. Returns every cluster as sorted article indices, ordered by
// their first article.
std::vector<std::vector<int32_t>> GroupAverageClusters(int n, const std::vector<Edge>& edges,
                                                       const StoryTuning& tuning);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_STORIES_GROUP_AVERAGE_H_
