// Candidate pairs of articles for the story clusterer: the strongest features of each article, the
// shuffled posting lists and the bounded window through them (docs/ARCHITECTURE.md).
#include "stories/candidate_pairs.h"

#include <algorithm>

#include "parallel.h"

namespace crosswire {
namespace {

// A 64-bit mix (the finalizer of SplitMix64) giving each (feature, article) a fixed pseudo-random
// rank, the same on every platform.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

struct Posting {
  uint64_t order;
  int32_t article;
  int32_t slot;  // index into strongest[article]
};

struct InvertedIndex {
  std::vector<std::vector<std::pair<int32_t, float>>> strongest;  // article -> (feature, weight)
  std::vector<std::vector<Posting>> postings;                     // feature -> articles
  // position[k][j]: where article k stands in the posting list of its j-th strongest feature.
  std::vector<std::vector<int32_t>> position;
};

// The `limit` strongest features of `v` that another article shares.
void TakeStrongest(const SparseVector& v, int limit, const std::vector<int32_t>& df,
                   std::vector<std::pair<int32_t, float>>& top) {
  std::vector<std::pair<int32_t, float>> sorted(v.begin(), v.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (int i = 0; i < limit && i < static_cast<int>(sorted.size()); ++i) {
    if (df[sorted[i].first] > 1) top.push_back(sorted[i]);
  }
}

InvertedIndex BuildIndex(const BatchFeatures& features, const StoryTuning& tuning, int32_t window,
                         int jobs) {
  const int n = static_cast<int>(features.articles.size());
  InvertedIndex index;
  index.strongest.resize(n);
  index.postings.resize(features.df.size());
  index.position.resize(n);
  ParallelFor(jobs, n, [&](std::size_t k, int) {
    auto& top = index.strongest[k];
    const ArticleFeatures& f = features.articles[k];
    TakeStrongest(f.entities, tuning.index_entities, features.df, top);
    TakeStrongest(f.words, tuning.index_words, features.df, top);
    TakeStrongest(f.numbers, tuning.index_numbers, features.df, top);
    index.position[k].resize(top.size());
  });
  for (int k = 0; k < n; ++k) {
    const auto& top = index.strongest[k];
    for (std::size_t j = 0; j < top.size(); ++j) {
      index.postings[top[j].first].push_back({0, k, static_cast<int32_t>(j)});
    }
  }
  // Each (article, slot) stands in one posting list: the lists are ordered on the pool, a slice
  // of features at a time (most lists are short).
  constexpr std::size_t kSlice = 1024;
  const std::size_t features_count = index.postings.size();
  ParallelFor(jobs, (features_count + kSlice - 1) / kSlice, [&](std::size_t slice, int) {
    for (std::size_t id = slice * kSlice; id < std::min(features_count, (slice + 1) * kSlice);
         ++id) {
      auto& list = index.postings[id];
      if (static_cast<int32_t>(list.size()) > window) {
        for (Posting& p : list) p.order = Mix((static_cast<uint64_t>(id) << 32) | p.article);
        std::sort(list.begin(), list.end(), [](const Posting& x, const Posting& y) {
          return x.order != y.order ? x.order < y.order : x.article < y.article;
        });
      }
      for (std::size_t p = 0; p < list.size(); ++p) {
        index.position[list[p].article][list[p].slot] = static_cast<int32_t>(p);
      }
    }
  });
  return index;
}

}  // namespace

std::vector<std::pair<int32_t, int32_t>> CandidatePairs(const BatchFeatures& features,
                                                        const StoryTuning& tuning, int jobs) {
  const int n = static_cast<int>(features.articles.size());
  const int32_t window = std::max(2, tuning.posting_window);
  const InvertedIndex index = BuildIndex(features, tuning, window, jobs);
  // Each article's pairs on the pool, with a thread's own accumulators; joined in article order.
  const int threads = std::max(1, std::min(jobs, n));
  std::vector<std::vector<float>> accs(threads, std::vector<float>(n, 0));
  std::vector<std::vector<int32_t>> touched_of(threads);
  std::vector<std::vector<std::pair<int32_t, int32_t>>> pairs_of(n);
  ParallelFor(threads, n, [&](std::size_t article, int worker) {
    const int k = static_cast<int>(article);
    std::vector<float>& acc = accs[worker];
    std::vector<int32_t>& touched = touched_of[worker];
    std::vector<std::pair<int32_t, int32_t>>& pairs = pairs_of[k];
    touched.clear();
    for (std::size_t j = 0; j < index.strongest[k].size(); ++j) {
      const auto& [id, w] = index.strongest[k][j];
      const auto& list = index.postings[id];
      const int32_t size = static_cast<int32_t>(list.size());
      const int32_t span = std::min(size, window + 1);
      // The `window` neighbours around k, wrapping around the end of the list.
      const int32_t start = size <= window ? 0 : index.position[k][j] - window / 2 + size;
      for (int32_t i = 0; i < span; ++i) {
        const int32_t other = list[(start + i) % size].article;
        if (other == k) continue;
        if (acc[other] == 0) touched.push_back(other);
        acc[other] += w;
      }
    }
    // Keep the best few; each pair is proposed by either end.
    std::sort(touched.begin(), touched.end(),
              [&](int32_t a, int32_t b) { return acc[a] != acc[b] ? acc[a] > acc[b] : a < b; });
    const std::size_t keep = std::min<std::size_t>(touched.size(), tuning.candidates_per_article);
    for (std::size_t i = 0; i < keep; ++i) {
      pairs.emplace_back(std::min<int32_t>(k, touched[i]), std::max<int32_t>(k, touched[i]));
    }
    for (int32_t other : touched) acc[other] = 0;
  });
  std::vector<std::pair<int32_t, int32_t>> pairs;
  for (auto& of_article : pairs_of) {
    pairs.insert(pairs.end(), of_article.begin(), of_article.end());
    std::vector<std::pair<int32_t, int32_t>>().swap(of_article);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace crosswire
