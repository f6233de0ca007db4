// Which pairs of articles the story clusterer scores at all (docs/ARCHITECTURE.md): an inverted
// index over each article's strongest features, never all pairs.
#ifndef CROSSWIRE_CORE_STORIES_CANDIDATE_PAIRS_H_
#define CROSSWIRE_CORE_STORIES_CANDIDATE_PAIRS_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "stories.h"
#include "stories/article_features.h"

namespace crosswire {

// Each article's strongest features go into the index. A feature in more than
// `tuning.posting_window` articles (a big story's names, or a common word) does not pair each of
// them with all the others: its posting list is shuffled by a hash of (feature, article), and an
// article meets only the `window` articles around it in that order. Different features shuffle
// differently, so members of a big story still meet many of each other, and the cost stays linear
// in the batch. Each article keeps its best few partners. Sorted pairs (a < b) of article indices.
std::vector<std::pair<int32_t, int32_t>> CandidatePairs(const BatchFeatures& features,
                                                        const StoryTuning& tuning, int jobs = 1);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_STORIES_CANDIDATE_PAIRS_H_
