// Date expressions from the article text, read with the month, weekday and relative-day names that
// toolchain/gen_calendar.cc dumped from CLDR (data pack file gen/calendar.tsv).
//
// The finder works on its own folded copy of the text rather than on Document::tokens: digits of any
// script become ASCII, letters are simply case-folded code point by code point (as the table is),
// so every folded unit maps back to one original offset. Month names inside Thai, Lao, Khmer and
// Burmese runs (no spaces between words) are found by substring search within those runs.
#include "dates.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include "text/fields.h"
#include "text/language_tag.h"
#include "text/script.h"

namespace crosswire {
namespace {

enum class NameKind : uint8_t { kMonth, kWeekday, kRelDay, kRelMonth, kRelYear };

struct NameEntry {
  int16_t locale = 0;  // index into Tables::locales
  NameKind kind = NameKind::kMonth;
  bool abbreviated = false;
  int8_t value = 0;  // month 1..12, weekday 1..7 (1 = Sunday), or an offset
};

// ---- calendar arithmetic (proleptic Gregorian) ----

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool IsValidDay(int y, int m, int d) {
  return y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// Days from 0001-01-01 to January 1st of `y` (y >= 1).
int64_t DaysBeforeYear(int64_t y) {
  const int64_t past = y - 1;
  return past * 365 + past / 4 - past / 100 + past / 400;
}

int DaysBeforeMonth(int y, int m) {
  static constexpr int kCumulative[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  return kCumulative[m - 1] + (m > 2 && IsLeap(y) ? 1 : 0);
}

// Days since 1970-01-01 (years >= 1 only, which is all the news needs).
int64_t DayNumber(int y, int m, int d) {
  return DaysBeforeYear(y) + DaysBeforeMonth(y, m) + d - 1 - DaysBeforeYear(1970);
}

Date FromDayNumber(int64_t z) {
  const int64_t absolute = z + DaysBeforeYear(1970);
  // An estimate of the year, then corrected by whole years.
  int y = static_cast<int>(absolute * 400 / 146097) + 1;
  while (y > 1 && DaysBeforeYear(y) > absolute) --y;
  while (DaysBeforeYear(y + 1) <= absolute) ++y;
  const int day_of_year = static_cast<int>(absolute - DaysBeforeYear(y));
  int m = 12;
  while (m > 1 && DaysBeforeMonth(y, m) > day_of_year) --m;
  return Date{y, m, day_of_year - DaysBeforeMonth(y, m) + 1, DatePrecision::kDay};
}

// 1 = Sunday ... 7 = Saturday, as ICU numbers weekdays. 1970-01-01 was a Thursday.
int Weekday(int y, int m, int d) {
  int64_t n = (DayNumber(y, m, d) + 4) % 7;
  if (n < 0) n += 7;
  return static_cast<int>(n) + 1;
}

// ---- folded text ----

enum class UnitClass : uint8_t { kSpace, kDigit, kLetter, kPunct };

struct FoldedText {
  std::u16string text;
  std::vector<int32_t> begin;  // original offset of the code point each unit belongs to
  std::vector<int32_t> end;    // original offset just after it
  std::vector<UnitClass> cls;
};

bool IsNoSpaceScript(UChar32 c) {
  const Script s = ScriptOf(c);
  return s == Script::kThai || s == Script::kLao || s == Script::kKhmer || s == Script::kMyanmar;
}

FoldedText Fold(const icu::UnicodeString& text) {
  FoldedText out;
  const int32_t n = text.length();
  out.text.reserve(n);
  out.begin.reserve(n);
  out.end.reserve(n);
  out.cls.reserve(n);
  for (int32_t i = 0; i < n;) {
    UChar32 c = text.char32At(i);
    const int32_t next = i + U16_LENGTH(c);
    UnitClass cls = UnitClass::kPunct;
    const int8_t type = u_charType(c);
    if (type == U_DECIMAL_DIGIT_NUMBER) {
      c = u'0' + u_charDigitValue(c);
      cls = UnitClass::kDigit;
    } else if (u_isUWhiteSpace(c) || c == 0xA0) {
      c = u' ';
      cls = UnitClass::kSpace;
    } else if (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0 || c == 0x200C ||
               c == 0x200D) {
      // Marks and joiners stay inside words (Thai vowels, Persian پس‌فردا).
      c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
      cls = UnitClass::kLetter;
    } else if (c == 0x2019 || c == 0x02BC || c == 0x2018) {
      c = u'\'';  // "aujourd’hui" is written with either apostrophe
    } else if (c >= 0x2010 && c <= 0x2015) {
      c = u'-';
    }
    char16_t units[2];
    int32_t len = 0;
    U16_APPEND_UNSAFE(units, len, c);
    for (int32_t k = 0; k < len; ++k) {
      out.text.push_back(units[k]);
      out.begin.push_back(i);
      out.end.push_back(next);
      out.cls.push_back(cls);
    }
    i = next;
  }
  return out;
}

// A word, a number or one punctuation character of the folded text.
struct Tok {
  enum Kind : uint8_t { kWord, kNumber, kPunct } kind = kWord;
  int32_t begin = 0;  // folded offsets
  int32_t end = 0;
  bool space_before = false;
  int value = -1;  // numbers: their value (capped); -1 when too long
  int digits = 0;
};

std::u16string_view View(const FoldedText& f, int32_t b, int32_t e) {
  return std::u16string_view(f.text).substr(b, e - b);
}

std::u16string ToU16(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  return std::u16string(u.getBuffer(), u.length());
}

// Lets the name tables be searched with a view into the folded text, without a copy.
struct U16Hash {
  using is_transparent = void;
  std::size_t operator()(std::u16string_view s) const { return std::hash<std::u16string_view>()(s); }
};

// The leading letters of a name, up to its first non-letter: the first token Tokenize() would cut.
std::u16string_view FirstWord(std::u16string_view name) {
  std::size_t i = 0;
  while (i < name.size()) {
    const char16_t c = name[i];
    if (!(u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0 || c == 0x200C || c == 0x200D ||
          U16_IS_SURROGATE(c))) {
      break;
    }
    ++i;
  }
  return name.substr(0, i);
}

}  // namespace

struct DateFinder::Tables {
  std::vector<std::string> locales;  // primary language of each locale in the table
  int16_t english = -1;
  std::unordered_map<std::u16string, std::vector<NameEntry>, U16Hash, std::equal_to<>> names;
  // The first word of every name: most words of an article are not one, and are passed over with
  // one lookup.
  std::unordered_set<std::u16string, U16Hash, std::equal_to<>> first_words;
  // Names in scripts written without spaces, searched inside longer runs.
  std::vector<std::pair<std::u16string, NameEntry>> unspaced;
  int max_name_words = 1;  // the longest name, in words ("le mois dernier": 3)
};

namespace {

// How one name in the text was read, in the context of the article's language.
struct NameHit {
  bool found = false;
  NameEntry entry;
  bool active_language = false;  // the entry belongs to the article's (or paragraph's) language
};

// Where a year came from; earlier entries are stronger evidence.
enum class YearSource : uint8_t { kStated, kPublished, kArticle, kBatchSameDay, kBatchHint, kNone };

std::string_view YearSourceText(YearSource s) {
  switch (s) {
    case YearSource::kStated: return "stated";
    case YearSource::kPublished: return "from the publication date";
    case YearSource::kArticle: return "from the article's other dates";
    case YearSource::kBatchSameDay: return "from other articles giving the same day";
    case YearSource::kBatchHint: return "from the batch's most common year";
    case YearSource::kNone: return "unknown";
  }
  return "unknown";
}

// A date expression found in the text, before its year (if missing) is resolved.
struct RawDate {
  int32_t fold_begin = 0;
  int32_t fold_end = 0;
  int year = 0;  // 0: not stated
  int month = 0;
  int day = 0;
  int weekday = 0;  // stated weekday, 1..7, for "vendredi 13 septembre"
  DatePrecision precision = DatePrecision::kDay;
  enum class Form : uint8_t { kFull, kBareYear, kWeekdayOnly, kRelative } form = Form::kFull;
  NameKind rel_kind = NameKind::kRelDay;
  int rel_offset = 0;
  bool line_mostly_date = false;  // its line holds little else (a dateline)
  int line_index = 0;
};

struct BatchEvidence {
  std::map<std::pair<int, int>, std::map<int, int>> same_day_years;  // (month, day) -> year -> votes
};

}  // namespace

DateFinder::DateFinder(std::unique_ptr<Tables> tables) : tables_(std::move(tables)) {}
DateFinder::~DateFinder() = default;

Result<std::unique_ptr<DateFinder>> DateFinder::Create(const DataPack& data) {
  auto tables = std::make_unique<Tables>();
  std::optional<std::string_view> calendar = data.Find("gen/calendar.tsv");
  if (!calendar) {
    return Status(StatusCode::kDataError, "the data pack has no gen/calendar.tsv");
  }
  std::map<std::string, int16_t> locale_index;
  for (std::string_view line : DataLines(*calendar)) {
    const std::vector<std::string_view> fields = SplitFields(line);
    if (fields.size() != 4) {
      return Status(StatusCode::kDataError, "gen/calendar.tsv: malformed line: " + std::string(line));
    }
    NameEntry entry;
    const std::string_view kind = fields[1];
    if (kind == "month" || kind == "month-abbr") {
      entry.kind = NameKind::kMonth;
    } else if (kind == "weekday" || kind == "weekday-abbr") {
      entry.kind = NameKind::kWeekday;
    } else if (kind == "day") {
      entry.kind = NameKind::kRelDay;
    } else if (kind == "month-rel") {
      entry.kind = NameKind::kRelMonth;
    } else if (kind == "year-rel") {
      entry.kind = NameKind::kRelYear;
    } else {
      continue;  // a kind this version does not use
    }
    entry.abbreviated = kind.ends_with("-abbr");
    entry.value = static_cast<int8_t>(std::stoi(std::string(fields[2])));
    const std::string language = CldrLanguage(PrimaryLanguage(fields[0]));
    auto [it, inserted] =
        locale_index.emplace(language, static_cast<int16_t>(tables->locales.size()));
    if (inserted) tables->locales.push_back(language);
    entry.locale = it->second;
    std::string_view names = fields[3];
    while (!names.empty()) {
      const std::size_t bar = names.find('|');
      std::u16string name = ToU16(names.substr(0, bar));
      // The same substitutions as Fold() makes in article text.
      for (char16_t& c : name) {
        if (c == 0x2019 || c == 0x02BC || c == 0x2018) c = u'\'';
        if (c >= 0x2010 && c <= 0x2015) c = u'-';
        if (c == 0xA0 || c == 0x202F) c = u' ';
      }
      names = bar == std::string_view::npos ? std::string_view() : names.substr(bar + 1);
      // "9月", "9월": the numeric CJK patterns read these with their number.
      if (name.empty() || u_isdigit(name[0])) continue;
      tables->first_words.emplace(FirstWord(name));
      auto& entries = tables->names[name];
      if (std::find_if(entries.begin(), entries.end(), [&](const NameEntry& e) {
            return e.locale == entry.locale && e.kind == entry.kind && e.value == entry.value;
          }) == entries.end()) {
        entries.push_back(entry);
      }
      int words = 1;
      for (char16_t c : name) words += c == u' ' ? 1 : 0;
      tables->max_name_words = std::max(tables->max_name_words, words);
      UChar32 first;
      U16_GET(name.data(), 0, 0, static_cast<int32_t>(name.size()), first);
      if (IsNoSpaceScript(first)) tables->unspaced.emplace_back(name, entry);
    }
  }
  if (auto it = locale_index.find("en"); it != locale_index.end()) tables->english = it->second;
  // Longest names first, so that "มกราคม" is not cut short by a shorter name it contains.
  std::stable_sort(tables->unspaced.begin(), tables->unspaced.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return std::unique_ptr<DateFinder>(new DateFinder(std::move(tables)));
}

namespace {

// Reads one article: tokens, name lookups, patterns, then year resolution and the choice of the
// published and event dates.
class ArticleReader {
 public:
  ArticleReader(const DateFinder::Tables& tables, const Document& doc)
      : tables_(tables), doc_(doc), folded_(Fold(doc.text)) {
    Tokenize();
  }

  std::vector<RawDate> FindRaw();
  const FoldedText& folded() const { return folded_; }

 private:
  void Tokenize();
  void SplitUnspaced(int32_t begin, int32_t end, bool space_before);
  std::string LanguageAt(int32_t fold_offset) const;
  NameHit LookUp(int32_t tok_begin, int32_t tok_end, const std::string& lang) const;
  // The longest name starting at token i; sets *end_tok to one past its last token.
  NameHit LongestName(std::size_t i, std::size_t* end_tok) const;
  bool IsWord(std::size_t i, std::u16string_view w) const {
    return i < toks_.size() && toks_[i].kind == Tok::kWord && View(folded_, toks_[i].begin, toks_[i].end) == w;
  }
  bool IsPunct(std::size_t i, char16_t c) const {
    return i < toks_.size() && toks_[i].kind == Tok::kPunct && folded_.text[toks_[i].begin] == c;
  }
  bool StartsWithMarker(std::size_t i, std::u16string_view markers) const {
    return i < toks_.size() && toks_[i].kind == Tok::kWord && !toks_[i].space_before &&
           markers.find(folded_.text[toks_[i].begin]) != std::u16string_view::npos;
  }
  // A day number at token i ("13", "13th", "1er", "13."); returns the token after it, or 0.
  std::size_t ReadDay(std::size_t i, int* day) const;
  // A year at token i ("2024", "พ.ศ. 2567"); returns the token after it, or 0.
  std::size_t ReadYear(std::size_t i, int* year) const;
  std::size_t SkipConnectors(std::size_t i) const;
  bool TryNumeric(std::size_t i, RawDate* out, std::size_t* next) const;
  bool TryCjk(std::size_t i, RawDate* out, std::size_t* next) const;
  bool TryNamed(std::size_t i, RawDate* out, std::size_t* next) const;
  bool TryYearFirst(std::size_t i, RawDate* out, std::size_t* next) const;
  void Finish(RawDate& raw) const;

  const DateFinder::Tables& tables_;
  const Document& doc_;
  FoldedText folded_;
  std::vector<Tok> toks_;
  std::vector<int32_t> line_starts_;  // folded offsets where lines start
};

void ArticleReader::Tokenize() {
  const int32_t n = static_cast<int32_t>(folded_.text.size());
  line_starts_.push_back(0);
  bool space = true;
  for (int32_t i = 0; i < n;) {
    const UnitClass cls = folded_.cls[i];
    if (cls == UnitClass::kSpace) {
      if (folded_.text[i] == u' ' && i + 1 <= n) {
        const UChar original = doc_.text.charAt(folded_.begin[i]);
        if (original == u'\n' || original == u'\r' || original == 0x2029) line_starts_.push_back(i + 1);
      }
      space = true;
      ++i;
      continue;
    }
    int32_t j = i + 1;
    if (cls != UnitClass::kPunct) {
      while (j < n && folded_.cls[j] == cls) ++j;
    }
    if (cls == UnitClass::kLetter) {
      UChar32 first;
      U16_GET(folded_.text.data(), 0, i, n, first);
      if (IsNoSpaceScript(first)) {
        SplitUnspaced(i, j, space);
        space = false;
        i = j;
        continue;
      }
      // Han/Kana/Hangul runs: only the first character matters (年, 月, 日, 일 markers); names such
      // as 星期五 are looked up on whole runs.
    }
    Tok tok;
    tok.kind = cls == UnitClass::kDigit ? Tok::kNumber
               : cls == UnitClass::kLetter ? Tok::kWord
                                           : Tok::kPunct;
    tok.begin = i;
    tok.end = j;
    tok.space_before = space;
    if (tok.kind == Tok::kNumber) {
      tok.digits = j - i;
      if (tok.digits <= 6) {
        tok.value = 0;
        for (int32_t k = i; k < j; ++k) tok.value = tok.value * 10 + (folded_.text[k] - u'0');
      }
    }
    toks_.push_back(tok);
    space = false;
    i = j;
  }
}

// Thai, Lao, Khmer and Burmese runs hold several words: cut out the calendar names inside them.
void ArticleReader::SplitUnspaced(int32_t begin, int32_t end, bool space_before) {
  int32_t piece = begin;
  auto emit = [&](int32_t b, int32_t e) {
    if (b >= e) return;
    Tok tok;
    tok.kind = Tok::kWord;
    tok.begin = b;
    tok.end = e;
    tok.space_before = b == begin && space_before;
    toks_.push_back(tok);
  };
  const std::u16string_view run = View(folded_, begin, end);
  for (int32_t i = begin; i < end;) {
    bool matched = false;
    for (const auto& [name, entry] : tables_.unspaced) {
      if (name.size() <= static_cast<std::size_t>(end - i) &&
          run.substr(i - begin, name.size()) == name) {
        emit(piece, i);
        emit(i, i + static_cast<int32_t>(name.size()));
        i += static_cast<int32_t>(name.size());
        piece = i;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  emit(piece, end);
}

std::string ArticleReader::LanguageAt(int32_t fold_offset) const {
  const int32_t offset = fold_offset < static_cast<int32_t>(folded_.begin.size())
                             ? folded_.begin[fold_offset]
                             : doc_.text.length();
  // Paragraphs are in text order: the last one starting at or before the offset.
  auto after = std::upper_bound(doc_.paragraphs.begin(), doc_.paragraphs.end(), offset,
                                [](int32_t o, const Paragraph& p) { return o < p.utf16_begin; });
  if (after != doc_.paragraphs.begin()) {
    const Paragraph& p = *(after - 1);
    if (offset < p.utf16_end && p.lang != "und") return CldrLanguage(PrimaryLanguage(p.lang));
  }
  return CldrLanguage(PrimaryLanguage(doc_.lang));
}

NameHit ArticleReader::LookUp(int32_t b, int32_t e, const std::string& lang) const {
  NameHit hit;
  auto it = tables_.names.find(View(folded_, b, e));
  if (it == tables_.names.end()) return hit;
  const NameEntry* best = nullptr;
  int best_rank = 1 << 30;
  for (const NameEntry& entry : it->second) {
    // The article's own language first, then English (datelines of wire copy), then any other
    // locale in table order, which keeps the choice deterministic.
    int rank;
    if (tables_.locales[entry.locale] == lang) {
      rank = 0;
    } else if (entry.locale == tables_.english) {
      rank = 1;
    } else {
      rank = 2 + entry.locale;
    }
    if (rank < best_rank) {
      best_rank = rank;
      best = &entry;
    }
  }
  hit.entry = *best;
  hit.active_language = best_rank == 0;
  // Outside the article's language only full month names are trusted: "mar", "so", "ma" are
  // abbreviations somewhere and words elsewhere; weekdays and relative words likewise.
  const bool known_language = std::find(tables_.locales.begin(), tables_.locales.end(), lang) !=
                              tables_.locales.end();
  if (!hit.active_language) {
    if (hit.entry.abbreviated || hit.entry.kind != NameKind::kMonth) {
      // In an unknown language, full weekday names of any locale are still fair.
      if (known_language || hit.entry.abbreviated || hit.entry.kind != NameKind::kWeekday) return hit;
    }
  }
  hit.found = true;
  return hit;
}

NameHit ArticleReader::LongestName(std::size_t i, std::size_t* end_tok) const {
  NameHit best;
  if (i >= toks_.size() || toks_[i].kind != Tok::kWord) return best;
  if (!tables_.first_words.count(View(folded_, toks_[i].begin, toks_[i].end)) &&
      folded_.text[toks_[i].begin] != u'ב') {
    // Split Thai runs are whole names; other words must start one.
    if (!tables_.names.count(View(folded_, toks_[i].begin, toks_[i].end))) return best;
  }
  const std::string lang = LanguageAt(toks_[i].begin);
  // Up to max_name_words words, with punctuation and numbers between them ("aujourd'hui",
  // "tháng 9").
  std::size_t j = i;
  int words = 0;
  for (; j < toks_.size() && j < i + 3 * static_cast<std::size_t>(tables_.max_name_words); ++j) {
    if (j > i && toks_[j].space_before) ++words;
    if (words >= tables_.max_name_words) break;
    if (toks_[j].kind == Tok::kPunct && folded_.text[toks_[j].begin] == u'\n') break;
    NameHit hit = LookUp(toks_[i].begin, toks_[j].end, lang);
    if (hit.found) {
      best = hit;
      *end_tok = j + 1;
    }
  }
  // Hebrew writes "in September" as one word, בספטמבר: try the name without that prefix.
  if (!best.found && toks_[i].end - toks_[i].begin > 2 && folded_.text[toks_[i].begin] == u'ב') {
    NameHit hit = LookUp(toks_[i].begin + 1, toks_[i].end, lang);
    if (hit.found && hit.entry.kind == NameKind::kMonth) {
      best = hit;
      *end_tok = i + 1;
    }
  }
  // An abbreviation may carry its period ("sept.", "janv.").
  if (best.found && best.entry.abbreviated && IsPunct(*end_tok, u'.') &&
      !toks_[*end_tok].space_before) {
    ++*end_tok;
  }
  return best;
}

std::size_t ArticleReader::ReadDay(std::size_t i, int* day) const {
  if (i >= toks_.size() || toks_[i].kind != Tok::kNumber || toks_[i].digits > 2) return 0;
  if (toks_[i].value < 1 || toks_[i].value > 31) return 0;
  *day = toks_[i].value;
  std::size_t next = i + 1;
  if (next < toks_.size() && !toks_[next].space_before) {
    static constexpr std::u16string_view kSuffixes[] = {u"st", u"nd", u"rd", u"th", u"er", u"e",
                                                        u"º", u"ª", u"de", u"re"};
    if (toks_[next].kind == Tok::kWord) {
      const std::u16string_view w = View(folded_, toks_[next].begin, toks_[next].end);
      if (std::find(std::begin(kSuffixes), std::end(kSuffixes), w) != std::end(kSuffixes)) {
        ++next;
      } else {
        // Thai and CJK write the month straight after the number; elsewhere "13abc" is no day.
        UChar32 c;
        U16_GET(folded_.text.data(), 0, toks_[next].begin, static_cast<int32_t>(folded_.text.size()), c);
        const Script script = ScriptOf(c);
        if (!IsNoSpaceScript(c) && script != Script::kHan && script != Script::kKana &&
            script != Script::kHangul) {
          return 0;
        }
      }
    } else if (IsPunct(next, u'.')) {
      ++next;  // German, Nordic, Slavic "13."
    } else if (IsPunct(next, u'-') && next + 1 < toks_.size() && IsWord(next + 1, u"го")) {
      next += 2;  // Russian "13-го"
    }
  }
  return next;
}

std::size_t ArticleReader::ReadYear(std::size_t i, int* year) const {
  bool buddhist = false;
  // Thai era markers: พ.ศ. (Buddhist era) and ค.ศ. (Common era) before the number.
  auto skip_era = [&](std::u16string_view first) {
    if (IsWord(i, first) && IsPunct(i + 1, u'.') && IsWord(i + 2, u"ศ")) {
      i += 3;
      if (IsPunct(i, u'.')) ++i;
      return true;
    }
    return false;
  };
  if (skip_era(u"พ")) {
    buddhist = true;
  } else {
    skip_era(u"ค");
  }
  if (i >= toks_.size() || toks_[i].kind != Tok::kNumber || toks_[i].digits != 4) return 0;
  int y = toks_[i].value;
  // A Thai year without its marker: 2567 is far beyond any Gregorian year in the news.
  if (y >= 2400 && y <= 2700 && (buddhist || LanguageAt(toks_[i].begin) == "th")) {
    buddhist = true;
  }
  if (buddhist) y -= 543;
  if (y < 1000 || y > 2200) return 0;
  // "2024-25" or "2024.5" continue as another number: not a year.
  if (i + 2 < toks_.size() && toks_[i + 2].kind == Tok::kNumber && !toks_[i + 1].space_before &&
      !toks_[i + 2].space_before && (IsPunct(i + 1, u'.') || IsPunct(i + 1, u','))) {
    return 0;
  }
  *year = y;
  return i + 1;
}

std::size_t ArticleReader::SkipConnectors(std::size_t i) const {
  // Words between the parts of a date: "13 de septiembre de 2024", "13 tháng 9 năm 2024",
  // "2024 m. rugsėjo", and the words for "month" and "year" that Thai, Lao and Khmer put before
  // the month name or the year number (Burmese: after it).
  static constexpr std::u16string_view kConnectors[] = {
      u"of", u"de", u"del", u"di", u"the", u"du", u"d", u"den", u"der", u"năm", u"tahun", u"m",
      u"r", u"เดือน", u"ปี", u"ເດືອນ", u"ປີ", u"ខែ", u"ឆ្នាំ", u"ခုနှစ်"};
  for (int guard = 0; guard < 3 && i < toks_.size(); ++guard) {
    if (IsPunct(i, u',') || IsPunct(i, u'.')) {
      ++i;
    } else if (toks_[i].kind == Tok::kWord &&
               std::find(std::begin(kConnectors), std::end(kConnectors),
                         View(folded_, toks_[i].begin, toks_[i].end)) != std::end(kConnectors)) {
      ++i;
      if (IsPunct(i, u'\'')) ++i;
    } else {
      break;
    }
  }
  return i;
}

// 2024-09-13, 13.09.2024, 13/09/2024, 09/13/2024 (English), 2024/9/13.
bool ArticleReader::TryNumeric(std::size_t i, RawDate* out, std::size_t* next) const {
  if (i + 4 >= toks_.size()) return false;
  const Tok& a = toks_[i];
  const Tok& b = toks_[i + 2];
  const Tok& c = toks_[i + 4];
  if (a.kind != Tok::kNumber || b.kind != Tok::kNumber || c.kind != Tok::kNumber) return false;
  if (toks_[i + 1].kind != Tok::kPunct || toks_[i + 3].kind != Tok::kPunct) return false;
  const char16_t sep = folded_.text[toks_[i + 1].begin];
  if (sep != folded_.text[toks_[i + 3].begin] || (sep != u'-' && sep != u'/' && sep != u'.')) {
    return false;
  }
  for (std::size_t k = i + 1; k <= i + 4; ++k) {
    if (toks_[k].space_before) return false;
  }
  // Not part of a longer run of numbers (an IP address, a version, a phone number).
  if (i + 6 < toks_.size() + 1 && i + 5 < toks_.size() && toks_[i + 5].kind == Tok::kPunct &&
      !toks_[i + 5].space_before && i + 6 < toks_.size() && toks_[i + 6].kind == Tok::kNumber &&
      !toks_[i + 6].space_before) {
    return false;
  }
  if (i > 0 && !a.space_before && toks_[i - 1].kind == Tok::kPunct && i > 1 &&
      toks_[i - 2].kind == Tok::kNumber) {
    return false;
  }
  int y = 0, m = 0, d = 0;
  if (a.digits == 4 && b.digits <= 2 && c.digits <= 2) {
    y = a.value, m = b.value, d = c.value;
  } else if (a.digits <= 2 && b.digits <= 2 && c.digits == 4) {
    y = c.value;
    int first = a.value, second = b.value;
    const bool month_first = second > 12 || (first <= 12 && sep == u'/' &&
                                             LanguageAt(a.begin) == "en");
    m = month_first ? first : second;
    d = month_first ? second : first;
  } else {
    return false;
  }
  if (y >= 2400 && y <= 2700 && LanguageAt(a.begin) == "th") y -= 543;
  if (!IsValidDay(y, m, d) || y < 1000 || y > 2200) return false;
  out->year = y, out->month = m, out->day = d;
  out->precision = DatePrecision::kDay;
  out->fold_begin = a.begin;
  out->fold_end = c.end;
  *next = i + 5;
  return true;
}

// 2024年9月13日, 9月13日, 2024年9月, 2024년 9월 13일.
bool ArticleReader::TryCjk(std::size_t i, RawDate* out, std::size_t* next) const {
  static constexpr std::u16string_view kYear = u"年년";
  static constexpr std::u16string_view kMonth = u"月월";
  static constexpr std::u16string_view kDay = u"日일号號";
  if (i >= toks_.size() || toks_[i].kind != Tok::kNumber) return false;
  std::size_t j = i;
  int y = 0, m = 0, d = 0;
  // The marker is the first character of the following run ("日に" in Japanese).
  auto marker_end = [&](std::size_t k) { return toks_[k].begin + 1; };
  int32_t end = 0;
  if (toks_[j].digits == 4 && StartsWithMarker(j + 1, kYear)) {
    y = toks_[j].value;
    end = marker_end(j + 1);
    j += 2;
  }
  if (j < toks_.size() && toks_[j].kind == Tok::kNumber && toks_[j].digits <= 2 &&
      StartsWithMarker(j + 1, kMonth)) {
    m = toks_[j].value;
    end = marker_end(j + 1);
    j += 2;
  } else {
    return false;
  }
  if (j < toks_.size() && toks_[j].kind == Tok::kNumber && toks_[j].digits <= 2 &&
      StartsWithMarker(j + 1, kDay)) {
    d = toks_[j].value;
    end = marker_end(j + 1);
    j += 2;
  }
  if (m < 1 || m > 12) return false;
  if (d == 0 && y == 0) return false;  // "9月" alone is too weak
  if (d != 0 && d > (y ? DaysInMonth(y, m) : (m == 2 ? 29 : DaysInMonth(2001, m)))) return false;
  out->year = y, out->month = m, out->day = d;
  out->precision = d ? DatePrecision::kDay : DatePrecision::kMonth;
  out->fold_begin = toks_[i].begin;
  out->fold_end = end;
  // The next token starts inside the marker's run; resume after it.
  *next = j;
  return true;
}

// Dates with names: [weekday,] month day[,] [year]; [weekday] day [of] month [year]; month year;
// a weekday alone; relative words.
bool ArticleReader::TryNamed(std::size_t i, RawDate* out, std::size_t* next) const {
  std::size_t j = i;
  std::size_t after = 0;
  NameHit first = LongestName(j, &after);
  int weekday = 0;
  int32_t begin = -1;
  if (first.found && first.entry.kind == NameKind::kWeekday) {
    weekday = first.entry.value;
    begin = toks_[i].begin;
    j = after;
    if (IsPunct(j, u',')) ++j;
    first = NameHit();
  }
  std::size_t k = j;
  int day = 0, year = 0, month = 0;
  int32_t end = -1;
  // month day [year] / month year
  NameHit month_hit = first.found ? first : LongestName(j, &after);
  if (month_hit.found && month_hit.entry.kind == NameKind::kMonth) {
    month = month_hit.entry.value;
    k = after;
    end = toks_[k - 1].end;
    std::size_t d_next = ReadDay(k, &day);
    if (d_next) {
      // "September 13" but not "September 13,000"
      end = toks_[d_next - 1].end;
      k = d_next;
      std::size_t y_next = ReadYear(SkipConnectors(k), &year);
      if (y_next) {
        end = toks_[y_next - 1].end;
        k = y_next;
      }
    } else {
      std::size_t y_next = ReadYear(SkipConnectors(k), &year);
      if (!y_next) {
        month = 0;
      } else {
        end = toks_[y_next - 1].end;
        k = y_next;
      }
    }
  } else {
    // day [.|of|de] month [year]
    std::size_t d_next = ReadDay(j, &day);
    if (d_next) {
      std::size_t m_pos = SkipConnectors(d_next);
      std::size_t m_after = 0;
      NameHit m = LongestName(m_pos, &m_after);
      if (m.found && m.entry.kind == NameKind::kMonth) {
        month = m.entry.value;
        k = m_after;
        end = toks_[k - 1].end;
        std::size_t y_next = ReadYear(SkipConnectors(k), &year);
        if (y_next) {
          end = toks_[y_next - 1].end;
          k = y_next;
        }
      } else {
        day = 0;
      }
    }
  }
  if (month == 0) {
    // A weekday alone is a date relative to the publication (full names only).
    if (weekday && begin >= 0) {
      std::size_t w_after = 0;
      NameHit w = LongestName(i, &w_after);
      if (w.entry.abbreviated) return false;
      out->form = RawDate::Form::kWeekdayOnly;
      out->weekday = weekday;
      out->fold_begin = toks_[i].begin;
      out->fold_end = toks_[w_after - 1].end;
      out->precision = DatePrecision::kDay;
      *next = w_after;
      return true;
    }
    std::size_t r_after = 0;
    NameHit rel = LongestName(i, &r_after);
    if (rel.found && rel.entry.kind != NameKind::kMonth && rel.entry.kind != NameKind::kWeekday) {
      out->form = RawDate::Form::kRelative;
      out->rel_kind = rel.entry.kind;
      out->rel_offset = rel.entry.value;
      out->precision = rel.entry.kind == NameKind::kRelDay     ? DatePrecision::kDay
                       : rel.entry.kind == NameKind::kRelMonth ? DatePrecision::kMonth
                                                               : DatePrecision::kYear;
      out->fold_begin = toks_[i].begin;
      out->fold_end = toks_[r_after - 1].end;
      *next = r_after;
      return true;
    }
    return false;
  }
  // A month named in another language with only a day ("13 mars" in English text) is weak, but
  // the day makes it a date pattern; abbreviations of other languages were already refused.
  out->form = RawDate::Form::kFull;
  out->year = year;
  out->month = month;
  out->day = day;
  out->weekday = weekday;
  out->precision = day ? DatePrecision::kDay : DatePrecision::kMonth;
  out->fold_begin = begin >= 0 ? begin : toks_[i].begin;
  out->fold_end = end;
  if (year && day && !IsValidDay(year, month, day)) return false;
  if (!year && day > (month == 2 ? 29 : DaysInMonth(2001, month))) return false;
  *next = k;
  return true;
}

// Year first, as Hungarian, Lithuanian and Burmese write it: "2024. szeptember 13.",
// "2024 m. rugsėjo 13 d.".
bool ArticleReader::TryYearFirst(std::size_t i, RawDate* out, std::size_t* next) const {
  int year = 0, day = 0;
  const std::size_t y_next = ReadYear(i, &year);
  if (!y_next) return false;
  std::size_t m_after = 0;
  const NameHit m = LongestName(SkipConnectors(y_next), &m_after);
  if (!m.found || m.entry.kind != NameKind::kMonth) return false;
  const std::size_t d_next = ReadDay(m_after, &day);
  if (!d_next || !IsValidDay(year, m.entry.value, day)) return false;
  out->form = RawDate::Form::kFull;
  out->year = year;
  out->month = m.entry.value;
  out->day = day;
  out->precision = DatePrecision::kDay;
  out->fold_begin = toks_[i].begin;
  out->fold_end = toks_[d_next - 1].end;
  *next = d_next;
  return true;
}

void ArticleReader::Finish(RawDate& raw) const {
  auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), raw.fold_begin);
  raw.line_index = static_cast<int>(line - line_starts_.begin()) - 1;
  const int32_t line_begin = *(line - 1);
  const int32_t line_end =
      line == line_starts_.end() ? static_cast<int32_t>(folded_.text.size()) : *line;
  // Count the letters and digits of the line outside the date.
  int other = 0;
  for (int32_t k = line_begin; k < line_end; ++k) {
    if ((k < raw.fold_begin || k >= raw.fold_end) &&
        (folded_.cls[k] == UnitClass::kLetter || folded_.cls[k] == UnitClass::kDigit)) {
      ++other;
    }
  }
  // "Published: September 25, 2023", "July 21, 2013, 2: 21 pm BST" but not a title such as
  // "Earthquake hits Sumatra on Sept. 30, 2009".
  raw.line_mostly_date = other <= 20;
}

std::vector<RawDate> ArticleReader::FindRaw() {
  std::vector<RawDate> found;
  for (std::size_t i = 0; i < toks_.size();) {
    RawDate raw;
    std::size_t next = 0;
    if (TryNumeric(i, &raw, &next) || TryCjk(i, &raw, &next) || TryYearFirst(i, &raw, &next) ||
        TryNamed(i, &raw, &next)) {
      Finish(raw);
      found.push_back(raw);
      i = std::max(next, i + 1);
      continue;
    }
    // A bare year: a four-digit number between 1900 and 2100 standing alone.
    int year = 0;
    if (toks_[i].kind == Tok::kNumber && ReadYear(i, &year) == i + 1 && year >= 1900 &&
        year <= 2100) {
      const bool glued_before = i > 0 && !toks_[i].space_before && toks_[i - 1].kind != Tok::kPunct;
      const bool in_number = i > 1 && !toks_[i].space_before && toks_[i - 1].kind == Tok::kPunct &&
                             !toks_[i - 1].space_before && toks_[i - 2].kind == Tok::kNumber;
      if (!glued_before && !in_number) {
        raw.form = RawDate::Form::kBareYear;
        raw.year = year;
        raw.precision = DatePrecision::kYear;
        raw.fold_begin = toks_[i].begin;
        raw.fold_end = toks_[i].end;
        Finish(raw);
        found.push_back(raw);
      }
    }
    ++i;
  }
  return found;
}

struct Resolved {
  RawDate raw;
  std::optional<Date> value;
  YearSource source = YearSource::kNone;
  bool removed = false;
};

// The year for a month/day closest to `anchor`, looking a little further into the past than the
// future: news reports mostly what has happened.
int ClosestYear(int month, int day, const Date& anchor) {
  const int64_t a = DayNumber(anchor.year, anchor.month ? anchor.month : 7, anchor.day ? anchor.day : 1);
  int best = anchor.year;
  double best_cost = 1e18;
  for (int y = anchor.year - 1; y <= anchor.year + 1; ++y) {
    const int d = std::min(day ? day : 15, DaysInMonth(y, month));
    const int64_t diff = DayNumber(y, month, d) - a;
    const double cost = diff > 0 ? 2.0 * static_cast<double>(diff) : static_cast<double>(-diff);
    if (cost < best_cost) {
      best_cost = cost;
      best = y;
    }
  }
  return best;
}

// A stated weekday ("vendredi 13 septembre") picks, near `year`, the year where it fits.
int YearMatchingWeekday(int year, int month, int day, int weekday) {
  for (int delta = 0; delta <= 6; ++delta) {
    for (int y : {year - delta, year + delta}) {
      if (IsValidDay(y, month, day) && Weekday(y, month, day) == weekday) return y;
    }
  }
  return year;
}

Date AddMonths(const Date& d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  return Date{total / 12, total % 12 + 1, 0, DatePrecision::kMonth};
}

std::string Quote(const Document& doc, const RawDate& raw, const FoldedText& f) {
  return "\"" + doc.Slice(f.begin[raw.fold_begin], f.end[raw.fold_end - 1]) + "\"";
}

}  // namespace

ArticleDates DateFinder::Find(const Document& doc, std::optional<Date> assumed_published,
                              std::optional<int> batch_year_hint) const {
  return FindWith(doc, assumed_published, batch_year_hint, nullptr);
}

ArticleDates DateFinder::FindWith(const Document& doc, std::optional<Date> assumed_published,
                                  std::optional<int> batch_year_hint, const void* batch_ptr) const {
  const auto* batch = static_cast<const BatchEvidence*>(batch_ptr);
  ArticleReader reader(*tables_, doc);
  const FoldedText& f = reader.folded();
  std::vector<Resolved> dates;
  for (const RawDate& raw : reader.FindRaw()) {
    Resolved r;
    r.raw = raw;
    r.removed = doc.IsRemoved(f.begin[raw.fold_begin], f.end[raw.fold_end - 1]);
    dates.push_back(r);
  }

  // 1. Dates stated in full.
  for (Resolved& r : dates) {
    if (r.raw.form == RawDate::Form::kFull && r.raw.year) {
      r.value = Date{r.raw.year, r.raw.month, r.raw.day, r.raw.precision};
      r.source = YearSource::kStated;
    } else if (r.raw.form == RawDate::Form::kBareYear) {
      r.value = Date{r.raw.year, 0, 0, DatePrecision::kYear};
      r.source = YearSource::kStated;
    }
  }

  // 2. Published: a full date near the top, on a line of its own (a dateline).
  ArticleDates out;
  const Resolved* published_mention = nullptr;
  for (const Resolved& r : dates) {
    if (r.raw.line_index > 4) break;
    if (r.raw.form == RawDate::Form::kFull && r.raw.year && r.raw.day && r.raw.line_mostly_date) {
      published_mention = &r;
      out.published = r.value;
      break;
    }
  }
  std::string reason;
  std::optional<Date> anchor = out.published ? out.published : assumed_published;
  if (published_mention) {
    reason = "published " + out.published->ToString() + ": " + Quote(doc, published_mention->raw, f) +
             " stands on its own line at the top";
  } else if (assumed_published) {
    reason = "no publication date stated; assuming " + assumed_published->ToString();
  } else {
    reason = "no publication date stated";
  }

  // 3. Years for the dates that lack one, and relative dates.
  int article_year = 0;
  for (const Resolved& r : dates) {
    if (r.source == YearSource::kStated && r.raw.form == RawDate::Form::kFull) {
      article_year = std::max(article_year, r.raw.year);
    }
  }
  for (Resolved& r : dates) {
    if (r.value) continue;
    const RawDate& raw = r.raw;
    if (raw.form == RawDate::Form::kFull) {
      // Candidate years, strongest evidence first.
      std::vector<std::pair<int, YearSource>> candidates;
      if (anchor) candidates.emplace_back(ClosestYear(raw.month, raw.day, *anchor), YearSource::kPublished);
      if (article_year) candidates.emplace_back(article_year, YearSource::kArticle);
      if (batch && raw.day) {
        auto it = batch->same_day_years.find({raw.month, raw.day});
        if (it != batch->same_day_years.end()) {
          int votes = 0, voted = 0;
          for (const auto& [y, n] : it->second) {
            if (n > votes) votes = n, voted = y;  // ties: the earlier year (map order)
          }
          candidates.emplace_back(voted, YearSource::kBatchSameDay);
        }
      }
      if (batch_year_hint) candidates.emplace_back(*batch_year_hint, YearSource::kBatchHint);
      if (candidates.empty()) {
        r.source = YearSource::kNone;
        continue;
      }
      int year = candidates.front().first;
      r.source = candidates.front().second;
      if (raw.weekday && raw.day && r.source != YearSource::kPublished) {
        // "Thursday, December 11": the first candidate where that day is a Thursday, else the
        // nearest such year to the strongest candidate. An article's own years can be old
        // (a birth date) while the batch knows the day.
        auto fits = std::find_if(candidates.begin(), candidates.end(), [&](const auto& c) {
          return IsValidDay(c.first, raw.month, raw.day) &&
                 Weekday(c.first, raw.month, raw.day) == raw.weekday;
        });
        if (fits != candidates.end()) {
          year = fits->first;
          r.source = fits->second;
        } else {
          year = YearMatchingWeekday(year, raw.month, raw.day, raw.weekday);
        }
      }
      if (raw.day && !IsValidDay(year, raw.month, raw.day)) continue;
      r.value = Date{year, raw.month, raw.day, raw.precision};
    } else if (anchor && anchor->precision == DatePrecision::kDay) {
      const int64_t a = DayNumber(anchor->year, anchor->month, anchor->day);
      r.source = YearSource::kPublished;
      if (raw.form == RawDate::Form::kWeekdayOnly) {
        // "On Monday": the latest such day up to the publication date.
        int back = (Weekday(anchor->year, anchor->month, anchor->day) - raw.weekday + 7) % 7;
        r.value = FromDayNumber(a - back);
      } else if (raw.rel_kind == NameKind::kRelDay) {
        r.value = FromDayNumber(a + raw.rel_offset);
      } else if (raw.rel_kind == NameKind::kRelMonth) {
        r.value = AddMonths(*anchor, raw.rel_offset);
      } else {
        r.value = Date{anchor->year + raw.rel_offset, 0, 0, DatePrecision::kYear};
      }
    }
  }

  // 4. The event: the day the article's first dated sentences point to, close to publication.
  std::map<int64_t, std::pair<double, const Resolved*>> by_day;
  int rank = 0;
  for (const Resolved& r : dates) {
    if (!r.value || r.removed || r.value->precision != DatePrecision::kDay) continue;
    if (&r == published_mention) continue;
    const int64_t day = DayNumber(r.value->year, r.value->month, r.value->day);
    double weight = 1.0 / (1.0 + 0.5 * rank++);
    if (out.published) {
      const int64_t p = DayNumber(out.published->year, out.published->month, out.published->day);
      // Background references ("visited Iran in March") are far from the publication date.
      if (day > p + 7 || day < p - 45) continue;
      // News reports what just happened: a day closer to publication wins over an earlier one,
      // and a later day is most often something announced, not the event.
      if (day > p) weight *= 0.5;
      else weight /= 1.0 + static_cast<double>(p - day) / 7.0;
    }
    auto& entry = by_day[day];
    entry.first += weight;
    if (!entry.second) entry.second = &r;
  }
  const Resolved* event_mention = nullptr;
  double best = 0;
  for (const auto& [day, entry] : by_day) {
    if (entry.first > best + 1e-9 ||
        (std::abs(entry.first - best) < 1e-9 && event_mention &&
         entry.second->raw.fold_begin < event_mention->raw.fold_begin)) {
      best = entry.first;
      event_mention = entry.second;
    }
  }
  if (event_mention) {
    out.event_date = event_mention->value;
    reason += "; event " + out.event_date->ToString() + ": " + Quote(doc, event_mention->raw, f);
    if (event_mention->source != YearSource::kStated) {
      reason += event_mention->raw.form == RawDate::Form::kFull
                    ? std::string(" (year ") + std::string(YearSourceText(event_mention->source)) + ")"
                    : " (counted from the publication date)";
    }
    reason += out.published ? " is the first and most repeated date near the publication"
                            : " is the first and most repeated date";
  } else if (out.published) {
    out.event_date = out.published;
    reason += "; event: no other date in the text, so the publication date";
  } else {
    // Only months or years: the first month-precision date, if any.
    for (const Resolved& r : dates) {
      if (r.value && !r.removed && r.value->precision == DatePrecision::kMonth &&
          r.raw.form == RawDate::Form::kFull) {
        out.event_date = r.value;
        reason += "; event " + r.value->ToString() + ": " + Quote(doc, r.raw, f) +
                  " (no day is given)";
        break;
      }
    }
    if (!out.event_date) reason += "; no event date found";
  }
  out.reason = std::move(reason);

  for (const Resolved& r : dates) {
    if (!r.value || r.removed) continue;
    DateMention m;
    m.utf16_begin = f.begin[r.raw.fold_begin];
    m.utf16_end = f.end[r.raw.fold_end - 1];
    m.text = doc.Slice(m.utf16_begin, m.utf16_end);
    m.value = *r.value;
    out.mentions.push_back(std::move(m));
    // What a second pass over the batch learns from this article.
    if (r.raw.form == RawDate::Form::kFull && r.raw.day &&
        (r.source == YearSource::kStated || r.source == YearSource::kPublished ||
         r.source == YearSource::kArticle)) {
      out.known_days.push_back(*r.value);
    }
    if (r.raw.form == RawDate::Form::kFull && r.source == YearSource::kNone) {
      out.needs_batch = true;
    }
  }
  for (const Resolved& r : dates) {
    if (r.raw.form == RawDate::Form::kFull && !r.value) out.needs_batch = true;
  }
  if (!event_mention && !out.published) out.needs_batch = true;
  if (out.published) out.stated_year = out.published->year;
  else if (article_year) out.stated_year = article_year;
  return out;
}

std::vector<ArticleDates> DateFinder::FindBatch(const std::vector<const Document*>& docs,
                                                std::optional<Date> assumed_published) const {
  std::vector<ArticleDates> results;
  results.reserve(docs.size());
  for (const Document* doc : docs) results.push_back(Find(*doc, assumed_published, std::nullopt));
  BatchEvidence evidence;
  std::map<int, int> year_votes;
  for (const ArticleDates& r : results) {
    for (const Date& d : r.known_days) ++evidence.same_day_years[{d.month, d.day}][d.year];
    if (r.stated_year) ++year_votes[*r.stated_year];
  }
  std::optional<int> hint;
  int votes = 0;
  for (const auto& [year, n] : year_votes) {
    if (n >= votes) votes = n, hint = year;  // ties: the later year
  }
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (results[i].needs_batch) results[i] = FindWith(*docs[i], assumed_published, hint, &evidence);
  }
  return results;
}

std::optional<Date> ParseIsoDate(std::string_view text) {
  auto num = [&](std::size_t pos, std::size_t len) -> int {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  Date d;
  d.year = num(0, 4);
  if (d.year < 0) return std::nullopt;
  d.precision = DatePrecision::kYear;
  if (text.size() == 4) return d;
  if (text.size() < 7 || text[4] != '-') return std::nullopt;
  d.month = num(5, 2);
  if (d.month < 1 || d.month > 12) return std::nullopt;
  d.precision = DatePrecision::kMonth;
  if (text.size() == 7) return d;
  if (text.size() != 10 || text[7] != '-') return std::nullopt;
  d.day = num(8, 2);
  if (!IsValidDay(d.year, d.month, d.day)) return std::nullopt;
  d.precision = DatePrecision::kDay;
  return d;
}

int64_t DaysBetween(const Date& a, const Date& b) {
  return DayNumber(b.year, b.month ? b.month : 1, b.day ? b.day : 1) -
         DayNumber(a.year, a.month ? a.month : 1, a.day ? a.day : 1);
}

}  // namespace crosswire
