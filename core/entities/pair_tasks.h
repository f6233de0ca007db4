// The scoring of name pairs in entity linking, and the same work as a self-contained task: the
// pairs that share a block, the scores the merge steps will ask of each, and a binary
// "crosswire-pairs/1" buffer that any analyzer with the same data scores the same way. The page's
// worker pool hands pieces of it to other workers, each with its own module (docs/ARCHITECTURE.md,
// "The page's worker pool"); natively the pieces are scored on the thread pool.
#ifndef CROSSWIRE_CORE_ENTITIES_PAIR_TASKS_H_
#define CROSSWIRE_CORE_ENTITIES_PAIR_TASKS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosswire/status.h"

namespace crosswire {

struct NameKey;
class NameMatcher;
class PartScoreCache;

// A pair of names that share a block and that some merge step may compare, with the scores those
// steps ask the matcher for (a score depends only on the two names). `similarity`:
// Similarity(lo, hi); `partial`: PartialSimilarity of the name with fewer content parts against
// the other. NaN where no step asks.
struct ScoredPair {
  uint32_t lo = 0, hi = 0;
  double similarity = std::numeric_limits<double>::quiet_NaN();
  double partial = std::numeric_limits<double>::quiet_NaN();
};

// What a pair asks for, kept beside the pairs until all are scored.
enum PairAsk : uint8_t {
  kAskSimilarity = 1,
  kAskPartial = 2,
  kPartialFromHi = 4,  // the partial score's shorter name is `hi`
  kScored = 8,         // scored already (the pieces are cut the same way before and after)
};

// The pairs of a batch in block order, and what each still asks for.
struct PendingPairs {
  std::vector<ScoredPair> pairs;
  std::vector<uint8_t> asks;
};

// Computes the scores `asks` names into `pair`.
void ScorePair(const NameMatcher& matcher, const NameKey& lo, const NameKey& hi, uint8_t asks,
               PartScoreCache* cache, ScoredPair& pair);

// Piece `part` of `parts` of the pairs (a range of indexes), cut so that each piece asks for
// about as many scores; the pieces cover every pair, in order.
std::pair<size_t, size_t> PairPiece(std::span<const uint8_t> asks, size_t part, size_t parts);

// The pairs [begin, end) of `pairs` as a task: each distinct name once (`name_of(node)`: the text
// the matcher's key is made from, NameMatcher::Key), and each pair's two names and asks.
std::string WritePairTask(std::span<const ScoredPair> pairs, std::span<const uint8_t> asks,
                          size_t begin, size_t end,
                          const std::function<std::string_view(uint32_t node)>& name_of);

// Scores a task of WritePairTask: two numbers per pair, its similarity and partial score (NaN
// where not asked), in the task's order. An error for a buffer that is not such a task.
Result<std::vector<double>> ScorePairTask(std::string_view task, NameMatcher& matcher);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_PAIR_TASKS_H_
