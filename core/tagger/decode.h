// Viterbi decoding of a sequence of units over BIO labels, shared by tagging and training (which
// decodes with the weights it is learning). A path scores, at each unit, the unit's own features
// for its label, and two transition features for the pair (previous label, label): the pair alone,
// and the pair with the unit's shape. I-X may only follow B-X or I-X, and cannot start a sequence.
#ifndef CROSSWIRE_CORE_TAGGER_DECODE_H_
#define CROSSWIRE_CORE_TAGGER_DECODE_H_

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "tagger/features.h"
#include "tagger/model.h"

namespace crosswire::tagger {

// The "previous label" of a sequence's first unit.
constexpr int kStart = kLabels;

// The transition features of a unit whose previous label is `previous` (0..kLabels).
inline std::array<uint32_t, 2> TransitionFeatures(uint32_t shape, int previous) {
  const uint32_t p = static_cast<uint32_t>(previous);
  return {Combine(Hash("pt"), p), Combine(Combine(Hash("pts"), p), shape)};
}

// Labels units [first, end) into labels[first, end) with the best-scoring path that BIO allows;
// `f` holds the features of those units (f's unit i is unit first + i); `score(features, count,
// scores)` adds the weights of features to scores. Ties go to the lower label, so the result is the
// same in every build.
template <class ScoreFn>
void Viterbi(const Features& f, int32_t first, int32_t end, const ScoreFn& score,
             std::vector<int>& labels) {
  const int32_t n = end - first;
  if (n <= 0) return;
  constexpr int64_t kNone = INT64_MIN / 4;
  std::vector<std::array<int64_t, kLabels>> best(n);
  std::vector<std::array<int8_t, kLabels>> back(n);
  // The transition scores depend only on the unit's shape and the previous label, and a sentence
  // repeats few shapes: each shape's are looked up once (kStart and every label before it).
  std::unordered_map<uint32_t, std::size_t> shape_index;
  std::vector<std::array<Scores, kLabels + 1>> shape_moves;
  auto moves_of = [&](uint32_t shape) -> const std::array<Scores, kLabels + 1>& {
    auto [it, added] = shape_index.emplace(shape, shape_moves.size());
    if (added) {
      std::array<Scores, kLabels + 1>& moves = shape_moves.emplace_back();
      for (int previous = 0; previous <= kLabels; ++previous) {
        const std::array<uint32_t, 2> transition = TransitionFeatures(shape, previous);
        moves[previous] = Scores{};
        score(transition.data(), transition.size(), moves[previous]);
      }
    }
    return shape_moves[it->second];
  };
  for (int32_t i = 0; i < n; ++i) {
    Scores emission{};
    score(f.hashes.data() + f.offsets[i], f.offsets[i + 1] - f.offsets[i], emission);
    best[i].fill(kNone);
    const int previous_count = i == 0 ? 1 : kLabels;
    const std::array<Scores, kLabels + 1>& unit_moves = moves_of(f.shape[i]);
    for (int k = 0; k < previous_count; ++k) {
      const int previous = i == 0 ? kStart : k;
      if (i > 0 && best[i - 1][k] == kNone) continue;
      const int64_t before = i == 0 ? 0 : best[i - 1][k];
      const Scores& moves = unit_moves[previous];
      for (int label = 0; label < kLabels; ++label) {
        if (!Allowed(previous == kStart ? 0 : previous, label)) continue;
        const int64_t total = before + moves[label] + emission[label];
        if (total > best[i][label]) {
          best[i][label] = total;
          back[i][label] = static_cast<int8_t>(k);
        }
      }
    }
  }
  int label = 0;
  for (int l = 1; l < kLabels; ++l) {
    if (best[n - 1][l] > best[n - 1][label]) label = l;
  }
  for (int32_t i = n - 1; i >= 0; --i) {
    labels[first + i] = label;
    label = back[i][label];
  }
}

}  // namespace crosswire::tagger

#endif  // CROSSWIRE_CORE_TAGGER_DECODE_H_
