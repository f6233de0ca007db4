#include "language.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

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
// Below this many letters (and two known words), the answer is "und", or English by default.
constexpr int kMinLetters = 12;

// A prior for languages with a large news output (core/data/language/news-languages.txt).
constexpr double kMajorLanguageBonus = 0.97;  // distance multiplier
// Latin-script text without evidence of its language is read as English (see Identify).
constexpr const char* kLatinDefault = "en";
constexpr int kMinKnownWords = 2;
constexpr int kMinScriptLetters = 2;
// How much a text made only of a language's function words would shorten its distance.
constexpr double kFunctionWordWeight = 0.8;

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
  for (const DataFile& file : data.List("language/function-words/")) {
    if (!file.path.ends_with(".txt")) continue;
    const std::string_view name = file.path.substr(file.path.rfind('/') + 1);
    const std::string_view lang = name.substr(0, name.size() - 4);
    auto profile = std::find_if(id->profiles_.begin(), id->profiles_.end(),
                                [&](const Profile& p) { return p.lang == lang; });
    if (profile == id->profiles_.end()) {
      return Status(StatusCode::kDataError,
                    std::string(file.path) + ": no trigram profile for " + std::string(lang));
    }
    const auto index = static_cast<int16_t>(profile - id->profiles_.begin());
    for (std::string_view line : DataLines(file.contents)) {
      for (std::string_view word : NonEmptyFields(line, ' ')) {
        icu::UnicodeString u = FromUtf8(word);
        u.toLower();
        std::vector<int16_t>& langs =
            id->known_words_[std::u16string(u.getBuffer(), u.length())].profiles;
        if (std::find(langs.begin(), langs.end(), index) == langs.end()) langs.push_back(index);
      }
    }
  }
  // CLDR's month and weekday names are as telling as function words.
  if (std::optional<std::string_view> calendar = data.Find("gen/calendar.tsv")) {
    for (std::string_view line : DataLines(*calendar)) {
      const std::vector<std::string_view> fields = SplitFields(line);
      if (fields.size() != 4 || (fields[1] != "month" && fields[1] != "weekday")) continue;
      const std::string_view lang = fields[0];
      auto profile = std::find_if(id->profiles_.begin(), id->profiles_.end(),
                                  [&](const Profile& p) { return p.lang == lang; });
      if (profile == id->profiles_.end()) continue;
      const auto index = static_cast<int16_t>(profile - id->profiles_.begin());
      for (std::string_view name : SplitFields(fields[3], '|')) {
        if (name.find(' ') != std::string_view::npos) continue;
        icu::UnicodeString u = FromUtf8(name);
        u.toLower();
        std::vector<int16_t>& langs =
            id->known_words_[std::u16string(u.getBuffer(), u.length())].profiles;
        if (std::find(langs.begin(), langs.end(), index) == langs.end()) langs.push_back(index);
      }
    }
  }
  std::optional<std::string_view> skip = data.Find("language/not-language.txt");
  if (!skip)
    return Status(StatusCode::kDataError, "the data pack has no language/not-language.txt");
  if (id->known_words_.empty()) {
    return Status(StatusCode::kDataError, "the data pack has no language/function-words/*.txt");
  }
  bool address_start = false;
  for (std::string_view line : DataLines(*skip)) {
    if (line == "[address-start]" || line == "[word]") {
      address_start = line == "[address-start]";
      continue;
    }
    for (std::string_view word : NonEmptyFields(line, ' ')) {
      icu::UnicodeString u = FromUtf8(word);
      KnownWord& known = id->known_words_[std::u16string(u.getBuffer(), u.length())];
      (address_start ? known.address_start : known.not_language) = true;
    }
  }
  return id;
}

// The letters of a text, lower-cased, with one space between words, where its lines end, and how
// many letters each script has.
LanguageIdentifier::Letters LanguageIdentifier::CollectLetters(const icu::UnicodeString& text,
                                                               int32_t begin, int32_t end) {
  Letters out;
  out.cleaned = icu::UnicodeString(u' ');
  icu::UnicodeString& cleaned = out.cleaned;
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
      } else {
        if (cleaned.charAt(cleaned.length() - 1) != u' ') cleaned.append(u' ');
        if (c == u'\n') out.line_ends.push_back(cleaned.length());  // ends a web address
      }
      continue;
    }
    if (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK ||
        u_charType(c) == U_COMBINING_SPACING_MARK) {
      Script s = ScriptOf(c);
      if (s != Script::kCommon) {
        ++out.script_counts[s];
        out.has_kana |= s == Script::kKana;
        ++out.letters;
      }
      cleaned.append(u_tolower(c));
    } else if (cleaned.charAt(cleaned.length() - 1) != u' ') {
      cleaned.append(u' ');
    }
  }
  out.script_counts[Script::kLatin] += ascii_letters;
  out.letters += ascii_letters;
  out.ascii_letters = ascii_letters;
  return out;
}

// Web addresses and their parts are no language: out of the text and the counts. The other words
// count when they are function words or month names: in a sentence or two, "the", "was", "of" say
// more than a handful of trigrams from profiles of general text. A word several languages list
// counts for each of them in part.
LanguageIdentifier::WordEvidence LanguageIdentifier::ReadWords(Letters& letters) const {
  WordEvidence out;
  out.hits.assign(profiles_.size(), 0.0);
  const icu::UnicodeString& cleaned = letters.cleaned;
  // Built only once a word is dropped: most texts hold no address, and keep `cleaned` as it is.
  icu::UnicodeString kept;
  bool dropped = false;
  bool in_address = false;
  std::size_t line = 0;
  for (int32_t w = 1; w < cleaned.length();) {
    int32_t e = cleaned.indexOf(u' ', w);
    if (e < 0) e = cleaned.length();
    while (line < letters.line_ends.size() && letters.line_ends[line] <= w) {
      in_address = false;  // an address ends with its line
      ++line;
    }
    if (e > w) {
      auto it = known_words_.find(std::u16string_view(cleaned.getBuffer() + w, e - w));
      const KnownWord* known = it == known_words_.end() ? nullptr : &it->second;
      in_address = in_address || (known && known->address_start);
      if (in_address || (known && known->not_language)) {
        if (!dropped) kept = icu::UnicodeString(cleaned, 0, w);
        dropped = true;
        letters.letters -= e - w;  // (non-ASCII letters of an address stay in their script's count)
        for (int32_t k = w; k < e; ++k) {
          if (cleaned.charAt(k) < 0x80)
            --letters.ascii_letters, --letters.script_counts[Script::kLatin];
        }
      } else {
        if (dropped) kept.append(cleaned, w, e - w).append(u' ');
        ++out.words;
        if (known && !known->profiles.empty()) {
          ++out.known_words;
          for (int16_t profile : known->profiles) out.hits[profile] += 1.0 / known->profiles.size();
        }
      }
    }
    w = e + 1;
  }
  if (dropped) letters.cleaned = kept;
  return out;
}

// The text's trigrams, most frequent first (ties broken by the trigram for determinism), at most
// kProfileSize of them.
std::vector<std::pair<uint64_t, int>> LanguageIdentifier::RankTrigrams(
    icu::UnicodeString& cleaned) {
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
  // Only the top kProfileSize count, so only they are sorted.
  auto by_rank = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  const std::size_t top = std::min<std::size_t>(ranked.size(), kProfileSize);
  std::partial_sort(ranked.begin(), ranked.begin() + top, ranked.end(), by_rank);
  ranked.resize(top);
  return ranked;
}

LanguageGuess LanguageIdentifier::Identify(const icu::UnicodeString& text, int32_t begin,
                                           int32_t end) const {
  Letters letters = CollectLetters(text, begin, end);
  const bool latin_text = letters.script_counts[Script::kLatin] * 2 > letters.letters;
  const WordEvidence words = ReadWords(letters);
  // ASCII letters with fewer than two function words or month names of any language (headlines
  // of names, "12 / 16 / 08 1: 30 AM EST", the "o" of O'Brien, a line that is a web address): the
  // trigrams of names decide nothing, and the text is read as English, the most common language
  // of Latin-script news (as CLD2 does), with the lowest confidence. Letters such as ě or ạ are
  // evidence of their own.
  const bool english_by_default = latin_text && words.known_words < kMinKnownWords &&
                                  letters.script_counts[Script::kLatin] == letters.ascii_letters;
  LanguageGuess guess;
  Script dominant = Script::kCommon;
  int best = 0;
  for (const auto& [script, count] : letters.script_counts) {
    if (count > best) {
      best = count;
      dominant = script;
    }
  }
  double script_share = static_cast<double>(best) / std::max(1, letters.letters);
  // A script one language owns needs only a word of it: "私は15-9-18に戻ります" is Japanese.
  if (std::string lang = ScriptLanguage(dominant, letters.has_kana);
      !lang.empty() && best >= kMinScriptLetters) {
    guess.lang = lang;
    guess.confidence = letters.letters >= kMinLetters ? script_share : 0;
    return guess;
  }
  if (letters.letters < kMinLetters && words.known_words < kMinKnownWords) {
    if (english_by_default) guess.lang = kLatinDefault;
    return guess;
  }
  if (dominant == Script::kLatin && english_by_default) {
    guess.lang = kLatinDefault;
    return guess;
  }
  const std::vector<std::pair<uint64_t, int>> ranked = RankTrigrams(letters.cleaned);

  // Out-of-place distance: a trigram missing from a profile costs the maximum, one present costs
  // the difference of its ranks. Each known word of a language shortens its distance.
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
    if (words.words > 0) {
      d = static_cast<long>(d * (1.0 - kFunctionWordWeight * words.hits[i] / words.words));
    }
    scored.push_back({d, &p});
  }
  if (scored.empty()) return guess;
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->lang < b.second->lang;
  });
  long worst = std::max<long>(1, static_cast<long>(ranked.size()) * kProfileSize);
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
