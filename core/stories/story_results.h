// The stories the clusterer reports (docs/ARCHITECTURE.md): for each cluster its articles,
// languages, date, key entities, label, and the links that hold it together with their reasons.
#ifndef CROSSWIRE_CORE_STORIES_STORY_RESULTS_H_
#define CROSSWIRE_CORE_STORIES_STORY_RESULTS_H_

#include <cstdint>
#include <vector>

#include "crosswire/types.h"
#include "stories.h"
#include "stories/article_features.h"
#include "stories/pair_scores.h"

namespace crosswire {

// One story per cluster, ids "S1"... in the order of `clusters`. `articles` and the indices of
// `clusters` and `edges` are in article-id order.
std::vector<StoryResult> BuildStories(const std::vector<std::vector<int32_t>>& clusters,
                                      const std::vector<Edge>& edges,
                                      const std::vector<const StoryArticle*>& articles,
                                      const BatchFeatures& features,
                                      const EntityIndex& entity_by_id, const StoryTuning& tuning);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_STORIES_STORY_RESULTS_H_
