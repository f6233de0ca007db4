// How strongly two articles tell the same event (docs/ARCHITECTURE.md): weighted cosines of their
// entities and words, boosted by shared numbers and damped by distant dates.
#ifndef CROSSWIRE_CORE_STORIES_PAIR_SCORES_H_
#define CROSSWIRE_CORE_STORIES_PAIR_SCORES_H_

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "crosswire/types.h"
#include "stories.h"
#include "stories/article_features.h"

namespace crosswire {

// A scored pair of articles (indices in id order, a < b).
struct Edge {
  int32_t a, b;
  double score;
};

// Closeness of two event dates as a multiplier: the same day joins, weeks apart separate two events
// of the same kind about the same actors (two earthquakes in one region).
double DateFactor(const std::optional<Date>& a, const std::optional<Date>& b);

// The pairs with a positive score, in the order given.
std::vector<Edge> ScorePairs(const std::vector<std::pair<int32_t, int32_t>>& pairs,
                             const std::vector<ArticleFeatures>& features,
                             const StoryTuning& tuning, int jobs = 1);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_STORIES_PAIR_SCORES_H_
