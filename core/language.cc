#include "language.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <map>

#include "text/fields.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire {
namespace {

constexpr int kProfileSize = 300;

// A trigram of UTF-16 code units packed into one integer: cheap to hash, no allocation.
uint64_t PackTrigram(const char16_t* units) {
  return (static_cast<uint64_t>(units[0]) << 32) | (static_cast<uint64_t>(units[1]) << 16) |
         units[2];
}
constexpr int kMinLetters = 12;  // below this, the answer is "und"

// A prior for languages with a large news output (core/data/language/news-languages.txt).
constexpr double kMajorLanguageBonus = 0.97;  // distance multiplier

// Languages that are (nearly) alone in writing their script.
std::string ScriptLanguage(Script script, bool has_kana) {
  switch (script) {
    case Script::kThai:
      return "th";
    case Script::kLao:
      return "lo";
    case Script::kKhmer:
      return "km";
    case Script::kMyanmar:
      return "my";
    case Script::kGreek:
      return "el";
    case Script::kHebrew:
      return "he";
    case Script::kArmenian:
      return "hy";
    case Script::kGeorgian:
      return "ka";
    case Script::kHangul:
      return "ko";
    case Script::kKana:
      return "ja";
    case Script::kHan:
      return has_kana ? "ja" : "zh";
    default:
      return "";
  }
}

}  // namespace

Result<std::unique_ptr<LanguageIdentifier>> LanguageIdentifier::Create(const DataPack& data) {
  auto id = std::unique_ptr<LanguageIdentifier>(new LanguageIdentifier());
  std::optional<std::string_view> tsv = data.Find("gen/trigrams.tsv");
  if (!tsv) return Status(StatusCode::kDataError, "the data pack has no gen/trigrams.tsv");
  for (std::string_view line : DataLines(*tsv)) {
    std::vector<std::string_view> fields = SplitFields(line);
    if (fields.size() < 2) continue;
    Profile p;
    p.lang = std::string(fields[0]);
    p.script = Script::kCommon;
    for (std::size_t i = 1; i < fields.size(); ++i) {
      std::string tri(fields[i]);
      std::replace(tri.begin(), tri.end(), '_', ' ');
      icu::UnicodeString u = FromUtf8(tri);
      if (u.length() != 3) continue;  // the profiles' letters are all in the BMP
      id->postings_[PackTrigram(u.getBuffer())].push_back(
          {static_cast<int16_t>(id->profiles_.size()), static_cast<int16_t>(i - 1)});
      if (p.script == Script::kCommon) {
        for (int32_t k = 0; k < u.length(); k = u.moveIndex32(k, 1)) {
          Script s = ScriptOf(u.char32At(k));
          if (s != Script::kCommon) {
            p.script = s;
            break;
          }
        }
      }
    }
    id->profiles_.push_back(std::move(p));
  }
  if (id->profiles_.empty())
    return Status(StatusCode::kDataError, "gen/trigrams.tsv holds no profiles");
  std::optional<std::string_view> news = data.Find("language/news-languages.txt");
  if (!news)
    return Status(StatusCode::kDataError, "the data pack has no language/news-languages.txt");
  for (std::string_view lang : DataLines(*news)) {
    for (Profile& p : id->profiles_) p.major_news = p.major_news || p.lang == lang;
  }
  return id;
}

LanguageGuess LanguageIdentifier::Identify(const icu::UnicodeString& text, int32_t begin,
                                           int32_t end) const {
  // Count letters per script, and build the lower-cased letters-and-spaces form the profiles use.
  std::map<Script, int> script_counts;
  bool has_kana = false;
  icu::UnicodeString cleaned(u' ');
  int letters = 0;
  int ascii_letters = 0;  // counted apart: ASCII letters skip the property look-ups below
  // A few thousand characters decide the language as well as the whole article would.
  constexpr int32_t kMaxSample = 6000;
  if (end - begin > kMaxSample) end = text.getChar32Limit(begin + kMaxSample);
  for (int32_t i = begin; i < end;) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80) {
      const bool upper = c >= u'A' && c <= u'Z';
      if (upper || (c >= u'a' && c <= u'z')) {
        ++ascii_letters;
        cleaned.append(static_cast<UChar>(upper ? c + 32 : c));
      } else if (cleaned.charAt(cleaned.length() - 1) != u' ') {
        cleaned.append(u' ');
      }
      continue;
    }
    if (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK ||
        u_charType(c) == U_COMBINING_SPACING_MARK) {
      Script s = ScriptOf(c);
      if (s != Script::kCommon) {
        ++script_counts[s];
        has_kana |= s == Script::kKana;
        ++letters;
      }
      cleaned.append(u_tolower(c));
    } else if (cleaned.length() > 0 && cleaned.charAt(cleaned.length() - 1) != u' ') {
      cleaned.append(u' ');
    }
  }
  if (ascii_letters > 0) {
    script_counts[Script::kLatin] += ascii_letters;
    letters += ascii_letters;
  }
  LanguageGuess guess;
  if (letters < kMinLetters) return guess;
  Script dominant = Script::kCommon;
  int best = 0;
  for (const auto& [script, count] : script_counts) {
    if (count > best) {
      best = count;
      dominant = script;
    }
  }
  double script_share = static_cast<double>(best) / letters;
  if (std::string lang = ScriptLanguage(dominant, has_kana); !lang.empty()) {
    guess.lang = lang;
    guess.confidence = script_share;
    return guess;
  }

  // Trigram ranks of the text, most frequent first (ties broken by the trigram for determinism).
  if (cleaned.charAt(cleaned.length() - 1) != u' ') cleaned.append(u' ');
  // Counted in a flat open-addressing table: no allocation per trigram, which is what a node-based
  // map costs on every paragraph. Key 0 marks an empty slot (trigrams hold letters and spaces).
  const char16_t* units = cleaned.getBuffer();
  std::size_t capacity = 64;
  while (capacity < 2 * static_cast<std::size_t>(cleaned.length())) capacity *= 2;
  std::vector<std::pair<uint64_t, int>> table(capacity, {0, 0});
  for (int32_t i = 0; i + 3 <= cleaned.length(); ++i) {
    const uint64_t key = PackTrigram(units + i);
    std::size_t slot = (key * 0x9E3779B97F4A7C15ull) >> 40 & (capacity - 1);
    while (table[slot].first != 0 && table[slot].first != key) slot = (slot + 1) & (capacity - 1);
    table[slot].first = key;
    ++table[slot].second;
  }
  std::vector<std::pair<uint64_t, int>> ranked;
  for (const auto& entry : table) {
    if (entry.first != 0) ranked.push_back(entry);
  }
  // Most frequent first; ties by the trigram itself, so the order is the same in every build.
  // Only the top kProfileSize count, so only they are sorted.
  auto by_rank = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  const std::size_t top = std::min<std::size_t>(ranked.size(), kProfileSize);
  std::partial_sort(ranked.begin(), ranked.begin() + top, ranked.end(), by_rank);
  ranked.resize(top);

  // Out-of-place distance: a trigram missing from a profile costs the maximum, one present costs
  // the difference of its ranks.
  std::vector<long> distance(profiles_.size(), static_cast<long>(ranked.size()) * kProfileSize);
  for (std::size_t r = 0; r < ranked.size(); ++r) {
    auto it = postings_.find(ranked[r].first);
    if (it == postings_.end()) continue;
    for (const Posting& posting : it->second) {
      distance[posting.profile] += std::abs(static_cast<long>(r) - posting.rank) - kProfileSize;
    }
  }
  std::vector<std::pair<long, const Profile*>> scored;
  for (std::size_t i = 0; i < profiles_.size(); ++i) {
    const Profile& p = profiles_[i];
    if (p.script != dominant) continue;
    long d = distance[i];
    if (p.major_news) d = static_cast<long>(d * kMajorLanguageBonus);
    scored.push_back({d, &p});
  }
  if (scored.empty()) return guess;
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->lang < b.second->lang;
  });
  long worst = static_cast<long>(ranked.size()) * kProfileSize;
  double best_similarity = 1.0 - static_cast<double>(scored[0].first) / worst;
  double margin = scored.size() > 1 ? static_cast<double>(scored[1].first - scored[0].first) / worst
                                    : best_similarity;
  // Close neighbours (Dutch/Afrikaans) give close scores: the best one is still the answer, with a
  // low confidence. Text that resembles no profile is "und".
  guess.confidence = std::min(1.0, margin * 10) * script_share;
  if (best_similarity > 0.1) guess.lang = scored[0].second->lang;
  return guess;
}

void LanguageIdentifier::IdentifyDocument(Document& doc, const std::string& forced) const {
  if (!forced.empty()) {
    doc.lang = forced;
  } else {
    doc.lang = Identify(doc.text, 0, doc.text.length()).lang;
  }
}

void LanguageIdentifier::IdentifyParagraphs(Document& doc) const {
  constexpr int32_t kMinParagraph = 60;  // shorter paragraphs keep the article's language
  for (Paragraph& p : doc.paragraphs) {
    p.lang = doc.lang;
    if (p.utf16_end - p.utf16_begin < kMinParagraph) continue;
    LanguageGuess g = Identify(doc.text, p.utf16_begin, p.utf16_end);
    // Only a confident, long-enough paragraph overrides the article's language.
    if (g.lang != "und" && g.lang != doc.lang && g.confidence >= 0.5) {
      p.lang = g.lang;
    }
  }
}

}  // namespace crosswire
