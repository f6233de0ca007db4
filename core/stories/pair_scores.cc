// Pair scores for the story clusterer: feature cosines, the number boost, and the date or year
// closeness factor (docs/ARCHITECTURE.md).
#include "stories/pair_scores.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "dates.h"
#include "parallel.h"

namespace crosswire {
namespace {

double PairScore(const ArticleFeatures& fa, const ArticleFeatures& fb, const StoryTuning& tuning) {
  const double ent = Dot(fa.entities, fb.entities);
  const double num = Dot(fa.numbers, fb.numbers);
  double base;
  if (fa.lang == fb.lang) {
    const double words = Dot(fa.words, fb.words);
    base = tuning.entity_weight * ent + tuning.word_weight * words;
  } else {
    // Across languages only entities (and numbers) can be compared.
    base = tuning.cross_entity_weight * ent;
  }
  // Shared numbers (a death toll, a magnitude, a sum) confirm a link but never make one alone:
  // day numbers and counts coincide too easily.
  base *= 1.0 + tuning.number_boost * num;
  double factor = DateFactor(fa.date, fb.date);
  if ((!fa.date || !fb.date) && fa.latest_year && fb.latest_year) {
    // Without two event dates, the years the texts mention still tell 2008 news from 2012 news.
    const int gap = std::abs(fa.latest_year - fb.latest_year);
    factor = gap == 0 ? 1.0 : gap == 1 ? tuning.year_gap1_factor : tuning.year_gap_factor;
  }
  return std::min(1.0, base * factor);
}

}  // namespace

double DateFactor(const std::optional<Date>& a, const std::optional<Date>& b) {
  if (!a || !b) return 1.0;
  if (a->precision == DatePrecision::kYear || b->precision == DatePrecision::kYear) {
    return std::abs(a->year - b->year) <= 0 ? 1.0 : 0.5;
  }
  if (a->precision == DatePrecision::kMonth || b->precision == DatePrecision::kMonth) {
    const int months = std::abs((a->year * 12 + a->month) - (b->year * 12 + b->month));
    return months == 0 ? 1.0 : months == 1 ? 0.8 : 0.3;
  }
  const int64_t days = std::abs(DaysBetween(*a, *b));
  if (days == 0) return 1.25;
  if (days <= 1) return 1.1;
  if (days <= 3) return 0.85;
  if (days <= 7) return 0.6;
  if (days <= 31) return 0.35;
  return 0.15;
}

std::vector<Edge> ScorePairs(const std::vector<std::pair<int32_t, int32_t>>& pairs,
                             const std::vector<ArticleFeatures>& features,
                             const StoryTuning& tuning, int jobs) {
  // Scored on the pool in slices of pairs, each into its own list; joined in pair order.
  constexpr std::size_t kSlice = 4096;
  std::vector<std::vector<Edge>> slices((pairs.size() + kSlice - 1) / kSlice);
  ParallelFor(jobs, slices.size(), [&](std::size_t s, int) {
    for (std::size_t i = s * kSlice; i < std::min(pairs.size(), (s + 1) * kSlice); ++i) {
      const auto [a, b] = pairs[i];
      const double score = PairScore(features[a], features[b], tuning);
      if (score > 0) slices[s].push_back({a, b, score});
    }
  });
  std::vector<Edge> edges;
  for (const std::vector<Edge>& slice : slices)
    edges.insert(edges.end(), slice.begin(), slice.end());
  return edges;
}

}  // namespace crosswire
