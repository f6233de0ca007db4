#include "names.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "names/part_scores.h"
#include "segment.h"
#include "text/fields.h"
#include "text/script.h"

namespace crosswire {
namespace {

using names::Costs;
using names::CostsFor;
using names::IsUnspacedScript;
using names::IsVowelSymbol;
using names::PartScore;
using names::ToSymbols;

// The factor on a one-word name standing for a full name whose last part begins with another
// consonant (see PartialSimilarity).
constexpr double kOtherFirstConsonant = 0.9;

struct Alignment {
  double score = 0;
  int matched = 0;
  bool last_matched = false;   // the last content part of the longer name took part
  bool first_matched = false;  // ...and the first
  double lowest = 0;           // the weakest matched part
};

}  // namespace

struct NameMatcher::Impl {
  // One transliterator per script with rules of our own; `other` is ICU's Any-Latin for the
  // scripts we have no rules for (it may be missing from a trimmed ICU data file).
  std::unique_ptr<icu::Transliterator> thai, cyrillic, greek, arabic, hebrew, latin, fold, other;
  bool tried_other = false;
  // ICU's Han-Latin, Hiragana-Latin and Katakana-Latin as rules of the data pack
  // (toolchain/gen_translit.cc), compiled at their first name: Han-Latin is 166 KB of rules.
  struct Lazy {
    std::string_view path;
    std::optional<std::string_view> rules;
    std::unique_ptr<icu::Transliterator> t;
    bool tried = false;
  };
  Lazy han{"gen/translit-han.txt"}, hiragana{"gen/translit-hiragana.txt"},
      katakana{"gen/translit-katakana.txt"};
  icu::Transliterator* Compiled(Lazy& lazy);
  std::unordered_map<std::string, NameKey> cache;  // node-based: references stay valid
  CacheStats stats;
  names::SubstitutionTable substitution{};              // from names/near-sounds.tsv
  std::unordered_set<std::string> function_words;       // names/function-words.txt
  std::unordered_map<std::string, uint32_t> sound_ids;  // NameKey::sound_ids

  icu::Transliterator* ForScript(Script script) {
    switch (script) {
      case Script::kThai:
        return thai.get();
      case Script::kCyrillic:
        return cyrillic.get();
      case Script::kGreek:
        return greek.get();
      case Script::kArabic:
        return arabic.get();
      case Script::kHebrew:
        return hebrew.get();
      case Script::kHan:
        return Compiled(han);
      case Script::kLatin:
      case Script::kCommon:
        return nullptr;
      default:
        if (!tried_other) {
          tried_other = true;
          UErrorCode status = U_ZERO_ERROR;
          other.reset(icu::Transliterator::createInstance("Any-Latin", UTRANS_FORWARD, status));
          if (U_FAILURE(status)) other.reset();
        }
        return other.get();
    }
  }

  NameKey Compute(std::string_view utf8_name);
};

namespace {

Result<std::unique_ptr<icu::Transliterator>> LoadRules(const DataPack& data,
                                                       std::string_view path) {
  std::optional<std::string_view> rules = data.Find(path);
  if (!rules) return Status(StatusCode::kDataError, "missing data file " + std::string(path));
  UParseError parse_error{};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createFromRules(icu::UnicodeString::fromUTF8(std::string(path)),
                                           icu::UnicodeString::fromUTF8(icu::StringPiece(
                                               rules->data(), static_cast<int32_t>(rules->size()))),
                                           UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status)) {
    return Status(StatusCode::kDataError, std::string(path) + ": " + u_errorName(status) +
                                              " near rule line " +
                                              std::to_string(parse_error.line) + " offset " +
                                              std::to_string(parse_error.offset));
  }
  return t;
}

}  // namespace

icu::Transliterator* NameMatcher::Impl::Compiled(Lazy& lazy) {
  if (!lazy.tried) {
    lazy.tried = true;
    if (lazy.rules) {
      // The rules were checked when the pack was built; a failure here leaves the script as it is.
      if (auto t = LoadRules(DataPack({{lazy.path, *lazy.rules}}), lazy.path); t.ok()) {
        lazy.t = std::move(t).value();
      }
    }
  }
  return lazy.t.get();
}

namespace {

// Han-Latin writes each character as a syllable ("bei jing"); a run of Han is one word, as the
// Latin spelling of a name writes it ("beijing"), so the syllables of each run are joined.
void TransliterateHanRuns(icu::Transliterator& han, icu::UnicodeString& text) {
  icu::UnicodeString out;
  int32_t i = 0;
  while (i < text.length()) {
    UChar32 c = text.char32At(i);
    if (ScriptOf(c) != Script::kHan) {
      out.append(c);
      i += U16_LENGTH(c);
      continue;
    }
    int32_t end = i;
    while (end < text.length() && ScriptOf(text.char32At(end)) == Script::kHan) {
      end += U16_LENGTH(text.char32At(end));
    }
    icu::UnicodeString run(text, i, end - i);
    han.transliterate(run);
    run.findAndReplace(u" ", u"");
    out.append(run);
    out.append(u' ');
    i = end;
  }
  text = out;
}

}  // namespace

NameKey NameMatcher::Impl::Compute(std::string_view utf8_name) {
  NameKey key;
  const ScriptCounts counts = CountScripts(utf8_name);
  key.script = DominantScript(counts);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8_name.data(), static_cast<int32_t>(utf8_name.size())));
  // Each rule set leaves other scripts alone, so a mixed name ("สำนักข่าว IRNA") passes through
  // the transliterator of every script it has.
  for (size_t s = 0; s < counts.size(); ++s) {
    if (counts[s] == 0) continue;
    const Script script = static_cast<Script>(s);
    if (script == Script::kKana) {
      // Katakana first: Hiragana-Latin's filter lets some Katakana in and would split their
      // digraphs.
      for (Lazy* kana : {&katakana, &hiragana}) {
        if (icu::Transliterator* t = Compiled(*kana)) t->transliterate(text);
      }
    } else if (script == Script::kHan) {
      if (icu::Transliterator* t = Compiled(han)) TransliterateHanRuns(*t, text);
    } else if (icu::Transliterator* t = ForScript(script)) {
      t->transliterate(text);
    }
  }
  latin->transliterate(text);
  std::string latin_utf8;
  text.toUTF8String(latin_utf8);
  // Keep ASCII letters and digits; everything else separates parts.
  std::string clean;
  for (char c : latin_utf8) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      clean.push_back(c);
    } else if (!clean.empty() && clean.back() != ' ') {
      clean.push_back(' ');
    }
  }
  while (!clean.empty() && clean.back() == ' ') clean.pop_back();
  key.latin = clean;

  icu::UnicodeString folded = icu::UnicodeString::fromUTF8(clean);
  fold->transliterate(folded);
  std::string folded_utf8;
  folded.toUTF8String(folded_utf8);
  std::string part;
  auto flush = [&] {
    if (part.empty()) return;
    key.parts.push_back(part);
    key.sounds.push_back(ToSymbols(part));
    std::string consonants;
    for (char c : key.sounds.back()) {
      if (!IsVowelSymbol(c)) consonants.push_back(c);
    }
    if (!key.skeleton.empty()) key.skeleton.push_back(' ');
    key.skeleton += consonants;
    part.clear();
  };
  for (char c : folded_utf8) {
    if (c == ' ') {
      flush();
    } else if (part.empty() || part.back() != c) {  // doubled letters: Ahmaddian = Ahmadian
      part.push_back(c);
    }
  }
  flush();
  for (size_t k = 0; k < key.parts.size(); ++k) {
    key.sound_ids.push_back(
        sound_ids.try_emplace(key.sounds[k], static_cast<uint32_t>(sound_ids.size()))
            .first->second);
    if (function_words.count(key.parts[k]) == 0) key.content.push_back(static_cast<uint32_t>(k));
  }
  if (key.content.empty()) {
    for (size_t k = 0; k < key.parts.size(); ++k) key.content.push_back(static_cast<uint32_t>(k));
  }
  return key;
}

NameMatcher::NameMatcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NameMatcher::~NameMatcher() = default;

Result<std::unique_ptr<NameMatcher>> NameMatcher::Create(const DataPack& data) {
  auto impl = std::make_unique<Impl>();
  struct {
    std::unique_ptr<icu::Transliterator>* slot;
    std::string_view path;
  } files[] = {{&impl->thai, "translit/thai.txt"},     {&impl->cyrillic, "translit/cyrillic.txt"},
               {&impl->greek, "translit/greek.txt"},   {&impl->arabic, "translit/arabic.txt"},
               {&impl->hebrew, "translit/hebrew.txt"}, {&impl->latin, "translit/latin.txt"},
               {&impl->fold, "translit/fold.txt"}};
  for (auto& file : files) {
    CROSSWIRE_ASSIGN_OR_RETURN(*file.slot, LoadRules(data, file.path));
  }
  for (Impl::Lazy* lazy : {&impl->han, &impl->hiragana, &impl->katakana}) {
    lazy->rules = data.Find(lazy->path);
  }
  CROSSWIRE_ASSIGN_OR_RETURN(impl->substitution, names::LoadSubstitutionTable(data));
  std::optional<std::string_view> words = data.Find("names/function-words.txt");
  if (!words)
    return Status(StatusCode::kDataError, "the data pack has no names/function-words.txt");
  for (std::string_view word : DataLines(*words)) impl->function_words.emplace(word);
  return std::unique_ptr<NameMatcher>(new NameMatcher(std::move(impl)));
}

const NameKey& NameMatcher::Key(std::string_view utf8_name) {
  std::string name(utf8_name);
  auto it = impl_->cache.find(name);
  if (it != impl_->cache.end()) {
    ++impl_->stats.hits;
    return it->second;
  }
  ++impl_->stats.misses;
  NameKey key = impl_->Compute(utf8_name);
  return impl_->cache.emplace(std::move(name), std::move(key)).first->second;
}

NameMatcher::CacheStats NameMatcher::cache_stats() const { return impl_->stats; }

void NameMatcher::ClearCache() {
  impl_->cache.clear();
  impl_->sound_ids.clear();
}

PartScoreCache::PartScoreCache() : slots(kSlots) {}

namespace {

// A bound on what is compared, so that matching costs constant time per pair whatever the input
// (the `match` command and JS method take any text): the aligners build parts x parts tables (the
// edit distance's bound is in names/part_scores.cc). Real names have fewer than 10 parts; mention
// detection already caps names at kMaxMentionWords words.
constexpr std::size_t kMaxNameParts = 16;

// The content parts of a key (NameKey::content), as symbol strings with their ids; on the stack:
// two names are compared millions of times in a batch.
struct ContentParts {
  std::array<std::string_view, kMaxNameParts> sound;
  std::array<uint32_t, kMaxNameParts> id;
  size_t size = 0;
};

// False when the key has more content parts than kMaxNameParts (no name).
bool GetContentParts(const NameKey& key, ContentParts& out) {
  if (key.content.size() > kMaxNameParts) return false;
  out.size = key.content.size();
  for (size_t k = 0; k < out.size; ++k) {
    out.sound[k] = key.sounds[key.content[k]];
    out.id[k] = key.sound_ids[key.content[k]];
  }
  return true;
}

// Scores part i of `x` against part j of `y` with the costs of the two names' scripts, through the
// cache when there is one.
class PartScorer {
 public:
  PartScorer(Script a, Script b, const names::SubstitutionTable& table, PartScoreCache* cache)
      : costs_(CostsFor(a, b, table)),
        cache_(cache),
        scripts_(static_cast<uint32_t>(a) << 8 | static_cast<uint32_t>(b)) {}
  const Costs& costs() const { return costs_; }
  double operator()(const ContentParts& x, size_t i, const ContentParts& y, size_t j) const {
    if (cache_ == nullptr) return PartScore(x.sound[i], y.sound[j], costs_);
    const uint32_t a = x.id[i] + 1, b = y.id[j] + 1;
    uint64_t h = (static_cast<uint64_t>(a) << 32 | b) * 0x9E3779B97F4A7C15ull;
    h ^= scripts_ * 0xC2B2AE3D27D4EB4Full;
    PartScoreCache::Slot& slot = cache_->slots[(h >> 40) & (PartScoreCache::kSlots - 1)];
    if (slot.a == a && slot.b == b && slot.scripts == scripts_) return slot.score;
    const double score = PartScore(x.sound[i], y.sound[j], costs_);
    slot = {a, b, scripts_, score};
    return score;
  }

 private:
  Costs costs_;
  PartScoreCache* cache_;
  uint32_t scripts_;
};

// The part scores of every part of `shorter` against every part of `longer`.
using ScoreTable = std::array<std::array<double, kMaxNameParts>, kMaxNameParts>;
void ScoreParts(const ContentParts& shorter, const ContentParts& longer, const PartScorer& score,
                ScoreTable& out) {
  for (size_t i = 0; i < shorter.size; ++i)
    for (size_t j = 0; j < longer.size; ++j) out[i][j] = score(shorter, i, longer, j);
}

// A name is judged by its weakest matched part as much as by the average: "Alexander Volfovich"
// and "Alexander Lukashenko" share a first name and are still different people.
double Combine(const double* scores, size_t n) {
  if (n == 0) return 0;
  double sum = 0, lowest = 1;
  for (size_t k = 0; k < n; ++k) {
    sum += scores[k];
    lowest = std::min(lowest, scores[k]);
  }
  return 0.25 * (sum / static_cast<double>(n)) + 0.75 * lowest;
}

// Aligns every part of `shorter` (n parts) to a distinct part of `longer` (m), keeping their
// order; `score` holds their part scores.
Alignment AlignOrdered(size_t n, size_t m, const ScoreTable& score) {
  // best[i][j]: best sum of part scores aligning shorter[0,i) into longer[0,j).
  std::array<std::array<double, kMaxNameParts + 1>, kMaxNameParts + 1> best;
  std::array<std::array<bool, kMaxNameParts + 1>, kMaxNameParts + 1> take_it{};
  for (size_t j = 0; j <= m; ++j) best[0][j] = 0;
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 0; j <= m; ++j) best[i][j] = -1e9;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = i; j <= m; ++j) {
      double skip = best[i][j - 1];
      double take = best[i - 1][j - 1] + score[i - 1][j - 1];
      if (take >= skip) {
        best[i][j] = take;
        take_it[i][j] = true;
      } else {
        best[i][j] = skip;
      }
    }
  }
  std::array<double, kMaxNameParts> matched;
  size_t count = 0;
  Alignment result;
  size_t i = n, j = m;
  while (i > 0 && j > 0) {
    if (take_it[i][j]) {
      matched[count++] = score[i - 1][j - 1];
      if (j == m) result.last_matched = true;
      if (j == 1) result.first_matched = true;
      --i;
      --j;
    } else {
      --j;
    }
  }
  result.matched = static_cast<int>(count);
  result.score = Combine(matched.data(), count);
  result.lowest = count == 0 ? 0 : *std::min_element(matched.begin(), matched.begin() + count);
  return result;
}

// Aligns parts regardless of order (organisation names across languages: "Shanghai Cooperation
// Organization" / "Organisation de coopération de Shanghai"), greedily by best score.
Alignment AlignUnordered(size_t n, size_t m, const ScoreTable& score) {
  struct Cell {
    double score;
    uint8_t i, j;
  };
  // Ordered by score, highest first, ties in row order (a stable insertion sort).
  std::array<Cell, kMaxNameParts * kMaxNameParts> cells;
  size_t count = 0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      const Cell cell{score[i][j], static_cast<uint8_t>(i), static_cast<uint8_t>(j)};
      size_t at = count++;
      for (; at > 0 && cells[at - 1].score < cell.score; --at) cells[at] = cells[at - 1];
      cells[at] = cell;
    }
  }
  std::array<bool, kMaxNameParts> used_i{}, used_j{};
  std::array<double, kMaxNameParts> matched;
  size_t matched_count = 0;
  Alignment result;
  for (size_t k = 0; k < count; ++k) {
    const Cell& c = cells[k];
    if (used_i[c.i] || used_j[c.j]) continue;
    used_i[c.i] = used_j[c.j] = true;
    matched[matched_count++] = c.score;
    if (c.j + 1u == m) result.last_matched = true;
  }
  result.matched = static_cast<int>(matched_count);
  result.score = Combine(matched.data(), matched_count);
  result.lowest =
      matched_count == 0 ? 0 : *std::min_element(matched.begin(), matched.begin() + matched_count);
  return result;
}

bool InitialsOnly(const ContentParts& parts) {
  for (size_t k = 0; k < parts.size; ++k) {
    if (parts.sound[k].size() != 1) return false;
  }
  return true;
}

}  // namespace

double NameMatcher::Similarity(const NameKey& a, const NameKey& b, PartScoreCache* cache) const {
  if (a.parts.empty() || b.parts.empty()) return 0;
  if (a.parts == b.parts) return 1;
  const PartScorer score(a.script, b.script, impl_->substitution, cache);
  ContentParts pa, pb;
  if (!GetContentParts(a, pa) || !GetContentParts(b, pb)) return 0;  // no name: see kMaxNameParts
  const ContentParts* sa = &pa;
  const ContentParts* sb = &pb;
  if (sa->size > sb->size) std::swap(sa, sb);
  if (sa->size == 1 && sb->size == 1) {
    if (sa->sound[0].size() == 1 || sb->sound[0].size() == 1)
      return 0;  // initials alone say too little
    return score(*sa, 0, *sb, 0);
  }
  const size_t extra = sb->size - sa->size;
  // Initials alone ("M.", "A. B.") say too little to call two names the same.
  if (InitialsOnly(*sa) || InitialsOnly(*sb)) return 0;
  ScoreTable table;
  ScoreParts(*sa, *sb, score, table);
  Alignment ordered = AlignOrdered(sa->size, sb->size, table);
  double result = ordered.score;
  if (sa->size >= 2 && extra == 0) {
    // Organisation names are translated word by word in another order (Shanghai Cooperation
    // Organization / Organisation de coopération de Shanghai), and people are listed surname
    // first (Лукашенко Александр). Two reordered words must each match well, or "Democracy
    // Now" would be "New Democracy". Reordered parts count a little less than parts in order.
    Alignment unordered = AlignUnordered(sa->size, sb->size, table);
    if (sa->size >= 3 || unordered.lowest >= 0.9) {
      result = std::max(result, 0.97 * unordered.score);
    }
  }
  if (extra > 0) {
    if (sa->size == 1 || !ordered.last_matched || !ordered.first_matched) {
      // A name without the other's first or last part is a partial name ("Ahmadian", "Ali
      // Akbar", "Security Council"): only the batch context (see PartialSimilarity) can say
      // which full name it abbreviates.
      result *= 0.75;
    } else {
      // A middle name or patronymic written on one side only.
      for (size_t k = 0; k < extra; ++k) result *= 0.93;
    }
    if (IsUnspacedScript(a.script) || IsUnspacedScript(b.script)) {
      // Thai, Lao, Khmer, Burmese and Han write a compound name as one word ("กูเกิลแมป" =
      // Google Maps): compare the names run together as well.
      std::string ja, jb;
      for (size_t k = 0; k < sa->size; ++k) ja += sa->sound[k];
      for (size_t k = 0; k < sb->size; ++k) jb += sb->sound[k];
      result = std::max(result, 0.97 * PartScore(ja, jb, score.costs()));
    }
  }
  return result;
}

double NameMatcher::PartialSimilarity(const NameKey& partial, const NameKey& full,
                                      PartScoreCache* cache) const {
  if (partial.parts.empty() || full.parts.empty()) return 0;
  const PartScorer score(partial.script, full.script, impl_->substitution, cache);
  ContentParts sp, sf;
  if (!GetContentParts(partial, sp) || !GetContentParts(full, sf)) return 0;
  if (sp.size > sf.size) return 0;
  if (InitialsOnly(sp)) return 0;
  ScoreTable table;
  ScoreParts(sp, sf, score, table);
  Alignment a = AlignOrdered(sp.size, sf.size, table);
  // The surname-like last part identifies; a first name alone ("Ali", "Alexander") does not.
  if (!a.last_matched) return 0.7 * a.score;
  // A one-word name that would stand for a full name is all there is to go on, and a spelling of
  // the same surname keeps its first consonant far more often than not: a different one counts
  // against it (Видин, a town, is no spelling of Biden). Whole names are compared without this:
  // there transcription changes first consonants often enough (q/k, g/j across Arabic).
  const std::string_view last = sf.sound[sf.size - 1];
  const bool first_differs = sp.size == 1 && names::OtherFirstConsonant(sp.sound[0], last);
  return first_differs ? kOtherFirstConsonant * a.score : a.score;
}

MatchResult NameMatcher::Match(std::string_view a, std::string_view b) {
  const NameKey& ka = Key(a);
  const NameKey& kb = Key(b);
  MatchResult result;
  result.score = Similarity(ka, kb);
  result.same = result.score >= kSameThreshold;
  auto joined = [](const NameKey& k) {
    std::string out;
    for (const std::string& p : k.parts) {
      if (!out.empty()) out.push_back(' ');
      out += p;
    }
    return out;
  };
  result.key_a = joined(ka);
  result.key_b = joined(kb);
  return result;
}

}  // namespace crosswire
