// Greedy left-to-right decoding of a sequence of units, shared by tagging and training (which
// decodes with the weights it is learning, so that it learns from the labels it will really see
// before each unit).
#ifndef CROSSWIRE_CORE_TAGGER_DECODE_H_
#define CROSSWIRE_CORE_TAGGER_DECODE_H_

#include <vector>

#include "tagger/features.h"
#include "tagger/model.h"

namespace crosswire::tagger {

// Labels units [first, end) of `f` into labels[first, end): for each unit, its features and the
// history features of the two labels before it are scored by `score(features, count, scores)`
// and the best label that BIO allows is chosen (ties go to the lower label). `on_unit(u,
// features, count, chosen)` sees every decision (training updates its weights there).
template <class ScoreFn, class OnUnit>
void Decode(const Features& f, int32_t first, int32_t end, const ScoreFn& score,
            std::vector<int>& labels, const OnUnit& on_unit) {
  std::vector<uint32_t> scratch;
  int previous = 0, before_previous = 0;
  for (int32_t u = first; u < end; ++u) {
    scratch.assign(f.hashes.begin() + f.offsets[u], f.hashes.begin() + f.offsets[u + 1]);
    AppendHistory(f.shape[u], previous, before_previous, scratch);
    Scores scores{};
    score(scratch.data(), scratch.size(), scores);
    int best = 0;
    for (int label = 1; label < kLabels; ++label) {
      if (Allowed(previous, label) && scores[label] > scores[best]) best = label;
    }
    labels[u] = best;
    on_unit(u, scratch, best);
    before_previous = previous;
    previous = best;
  }
}

}  // namespace crosswire::tagger

#endif  // CROSSWIRE_CORE_TAGGER_DECODE_H_
