// Name pairs as tasks (entities/pair_tasks.h). A task is little-endian 32-bit words: the sign
// "CWP1", the number of names, of pairs and of name bytes; the names' end offsets; three words a
// pair (its two names, its asks); then the names' UTF-8 bytes.
#include "entities/pair_tasks.h"

#include <cstring>
#include <unordered_map>

#include "names.h"

namespace crosswire {
namespace {

constexpr uint32_t kTaskSign = 0x31505743;  // "CWP1"
constexpr size_t kHeaderWords = 4;

int AskedScores(uint8_t asks) {
  return ((asks & kAskSimilarity) != 0) + ((asks & kAskPartial) != 0);
}

void PutWord(std::string& out, uint32_t word) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>(word >> shift & 0xFF));
}

uint32_t WordAt(std::string_view task, size_t index) {
  uint32_t word = 0;
  for (int k = 3; k >= 0; --k) {
    word = word << 8 | static_cast<unsigned char>(task[index * 4 + static_cast<size_t>(k)]);
  }
  return word;
}

Status NotATask(const std::string& why) {
  return Status(StatusCode::kInvalidArgument, "not a crosswire-pairs/1 task: " + why);
}

}  // namespace

void ScorePair(const NameMatcher& matcher, const NameKey& lo, const NameKey& hi, uint8_t asks,
               PartScoreCache* cache, ScoredPair& pair) {
  if (asks & kAskSimilarity) pair.similarity = matcher.Similarity(lo, hi, cache);
  if (asks & kAskPartial) {
    pair.partial = (asks & kPartialFromHi) ? matcher.PartialSimilarity(hi, lo, cache)
                                           : matcher.PartialSimilarity(lo, hi, cache);
  }
}

std::pair<size_t, size_t> PairPiece(std::span<const uint8_t> asks, size_t part, size_t parts) {
  if (parts == 0 || part >= parts) return {asks.size(), asks.size()};
  size_t total = 0;
  for (uint8_t a : asks) total += static_cast<size_t>(AskedScores(a));
  // Piece k begins at the first pair after k * total / parts scores.
  const auto start_of = [&](size_t k) {
    if (k == 0) return size_t{0};
    if (k >= parts) return asks.size();
    const size_t before = total * k / parts;
    size_t seen = 0, i = 0;
    while (i < asks.size() && seen < before) seen += static_cast<size_t>(AskedScores(asks[i++]));
    return i;
  };
  return {start_of(part), start_of(part + 1)};
}

std::string WritePairTask(std::span<const ScoredPair> pairs, std::span<const uint8_t> asks,
                          size_t begin, size_t end,
                          const std::function<std::string_view(uint32_t node)>& name_of) {
  std::unordered_map<std::string_view, uint32_t> index_of;
  std::vector<std::string_view> names;
  std::vector<uint32_t> words;  // three a pair
  for (size_t i = begin; i < end && i < pairs.size(); ++i) {
    for (uint32_t node : {pairs[i].lo, pairs[i].hi}) {
      const std::string_view name = name_of(node);
      auto [it, added] = index_of.try_emplace(name, static_cast<uint32_t>(names.size()));
      if (added) names.push_back(name);
      words.push_back(it->second);
    }
    words.push_back(asks[i] & ~kScored);
  }
  size_t name_bytes = 0;
  for (std::string_view name : names) name_bytes += name.size();
  std::string out;
  out.reserve(4 * (kHeaderWords + names.size() + words.size()) + name_bytes);
  PutWord(out, kTaskSign);
  PutWord(out, static_cast<uint32_t>(names.size()));
  PutWord(out, static_cast<uint32_t>(words.size() / 3));
  PutWord(out, static_cast<uint32_t>(name_bytes));
  size_t offset = 0;
  for (std::string_view name : names) PutWord(out, static_cast<uint32_t>(offset += name.size()));
  for (uint32_t word : words) PutWord(out, word);
  for (std::string_view name : names) out += name;
  return out;
}

Result<std::vector<double>> ScorePairTask(std::string_view task, NameMatcher& matcher) {
  if (task.size() < 4 * kHeaderWords || WordAt(task, 0) != kTaskSign) {
    return NotATask("no header");
  }
  const size_t name_count = WordAt(task, 1), pair_count = WordAt(task, 2);
  const size_t name_bytes = WordAt(task, 3);
  const size_t text_at = 4 * (kHeaderWords + name_count + 3 * pair_count);
  if (text_at + name_bytes != task.size()) return NotATask("its counts do not fit its size");
  std::vector<const NameKey*> keys(name_count);
  size_t from = 0;
  for (size_t n = 0; n < name_count; ++n) {
    const size_t to = WordAt(task, kHeaderWords + n);
    if (to < from || to > name_bytes) return NotATask("a name's offset is out of range");
    keys[n] = &matcher.Key(task.substr(text_at + from, to - from));
    from = to;
  }
  std::vector<double> scores;
  scores.reserve(2 * pair_count);
  PartScoreCache cache;
  const size_t pairs_at = kHeaderWords + name_count;
  for (size_t p = 0; p < pair_count; ++p) {
    const uint32_t a = WordAt(task, pairs_at + 3 * p), b = WordAt(task, pairs_at + 3 * p + 1);
    const uint32_t asks = WordAt(task, pairs_at + 3 * p + 2);
    if (a >= name_count || b >= name_count || asks > 0xFF) {
      return NotATask("a pair names a name it does not have");
    }
    ScoredPair pair;
    ScorePair(matcher, *keys[a], *keys[b], static_cast<uint8_t>(asks), &cache, pair);
    scores.push_back(pair.similarity);
    scores.push_back(pair.partial);
  }
  return scores;
}

}  // namespace crosswire
