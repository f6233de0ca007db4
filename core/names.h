// The standard form of a name and the similarity of two names, across scripts: script-aware
// transliteration to Latin (rules in core/data/translit/), folding of spelling variation, and a
// comparison that tolerates variants but refuses near-misses between different names.
#ifndef CROSSWIRE_CORE_NAMES_H_
#define CROSSWIRE_CORE_NAMES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosswire/types.h"
#include "data_pack.h"
#include "document.h"

namespace crosswire {

struct NameKey {
  std::string latin;               // transliterated, lower case, ASCII: "ali akbar ahmadian"
  std::vector<std::string> parts;  // folded standard form of each word part: {"ali","akbar","ahmadian"}
  std::string skeleton;            // consonant skeleton, for scripts written without short vowels
  // Each part as the symbols the edit distance compares (sh, ch, th, ts are one symbol each).
  std::vector<std::string> sounds;
  // The script the name was written in; it sets how cheap a missing vowel is (Arabic, Hebrew).
  Script script = Script::kCommon;
  // Made once per name, so that comparing two names looks nothing up: each part's sounds as a
  // number (equal sounds, equal numbers, within one matcher between two ClearCache calls), and
  // the indexes of the content parts (function words skipped; every part when all are such).
  std::vector<uint32_t> sound_ids;
  std::vector<uint32_t> content;
};

// Scores of two name parts already computed, for a caller that compares many names (entity
// linking compares names within blocks, whose parts recur: two fifths of the part pairs there
// were scored before). A fixed number of slots, the newest kept; one per thread. A score depends
// only on the two parts and their scripts, so what the cache holds never changes a result. Valid
// until the matcher's ClearCache.
class PartScoreCache {
 public:
  static constexpr size_t kSlots = size_t{1} << 15;
  PartScoreCache();
  struct Slot {
    uint32_t a = 0, b = 0;  // sound ids + 1 (0: empty)
    uint32_t scripts = 0;
    double score = 0;
  };
  std::vector<Slot> slots;
};

class NameMatcher {
 public:
  // Similarity at or above this means "same name".
  static constexpr double kSameThreshold = 0.8;
  // PartialSimilarity at or above this lets a partial name ("Ahmadian") stand for a full name of
  // the batch. Higher than kSameThreshold: a one-word name has little to go on (Soviet / Sweet).
  static constexpr double kPartialThreshold = 0.88;

  static Result<std::unique_ptr<NameMatcher>> Create(const DataPack& data);
  ~NameMatcher();

  // The standard form of a UTF-8 name. Each distinct string is transliterated once (cached); the
  // reference stays valid for the matcher's lifetime.
  const NameKey& Key(std::string_view utf8_name);

  // 0..1: how likely two names name the same thing (whole names). With a cache, parts scored
  // before are not scored again (the same result).
  double Similarity(const NameKey& a, const NameKey& b, PartScoreCache* cache = nullptr) const;
  // 0..1: how well `partial` (e.g. "Ahmadian", "อาหมัดเดียน") matches a part of `full` (e.g.
  // "Ali Akbar Ahmadian"); the surname-like last part counts most.
  double PartialSimilarity(const NameKey& partial, const NameKey& full,
                           PartScoreCache* cache = nullptr) const;

  MatchResult Match(std::string_view a, std::string_view b);

  struct CacheStats {
    int64_t hits = 0;
    int64_t misses = 0;
  };
  CacheStats cache_stats() const;
  // Drops the cached keys (the cache grows with every distinct name seen). Invalidates every
  // reference Key() returned; for a long-lived analyzer between batches.
  void ClearCache();

 private:
  struct Impl;
  explicit NameMatcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_NAMES_H_
