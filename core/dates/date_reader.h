// DateReader: reads the date expressions of one article, before any year is resolved. It owns the
// token helpers and the parts every pattern shares (names, a day, a year, connectors); the
// patterns themselves are in numeric_dates.cc, cjk_dates.cc, named_dates.cc and
// relative_dates.cc. See docs/ARCHITECTURE.md (dates).
#ifndef CROSSWIRE_CORE_DATES_DATE_READER_H_
#define CROSSWIRE_CORE_DATES_DATE_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "crosswire/types.h"
#include "dates/calendar_names.h"
#include "dates/date_words.h"
#include "dates/folded_text.h"
#include "dates/tokenizer.h"
#include "document.h"

namespace crosswire::dates {

// What the date finder reads with, loaded once when it is created.
struct Tables {
  CalendarNames calendar;
  DateWords words;
  // The characters a CJK date may start with besides digits (Han numerals, eras, relative words,
  // 正月, 第, 初, 最初): the character scan tries a date only there.
  std::unordered_set<char16_t> cjk_starts;
};

// A date expression found in the text, before its year (if missing) is resolved.
struct RawDate {
  int32_t fold_begin = 0;
  int32_t fold_end = 0;
  int year = 0;  // 0: not stated
  int month = 0;
  int day = 0;
  int weekday = 0;  // stated weekday, 1..7, for "vendredi 13 septembre"
  DatePrecision precision = DatePrecision::kDay;
  // kImpossible: read as a date but no day exists ("February 30"): it yields no date, and no part
  // of it is read as another one.
  enum class Form : uint8_t {
    kFull,
    kBareYear,
    kWeekdayOnly,
    kRelative,
    // Parts counted from the publication date: 来週の月曜日, 今月の27日, 去年本月十日, "the third
    // Tuesday" (of this month).
    kAnchored,
    kImpossible
  } form = Form::kFull;
  // kAnchored: the offsets of the year, month and week from the publication date; in_week: the
  // weekday is one of that week's (weeks start on Monday).
  int year_offset = 0;
  int month_offset = 0;
  int week_offset = 0;
  bool in_week = false;
  // kAnchored: the publication day itself moved by the offsets and day_offset (2か月前, 3日後).
  bool counted = false;
  int day_offset = 0;
  int nth = 0;  // "the first Friday of July": 1..5, with weekday and month; day set with a year
  NameKind rel_kind = NameKind::kRelDay;
  int rel_offset = 0;
  bool line_mostly_date = false;  // its line holds little else (a dateline)
  int line_index = 0;
};

// How one name in the text was read, in the context of the article's language.
struct NameHit {
  bool found = false;
  NameEntry entry;
  bool active_language = false;  // the entry belongs to the article's (or paragraph's) language
};

class DateReader {
 public:
  DateReader(const Tables& tables, const Document& doc);

  // Every date expression of the article, in text order.
  std::vector<RawDate> ReadAll() const;
  const FoldedText& folded() const { return folded_; }

 private:
  // The parts of a date named with words, as TryNamed reads them (named_dates.cc).
  struct NamedParts {
    int weekday = 0;
    int32_t begin = -1;  // where a leading weekday starts
    int day = 0;
    int month = 0;
    int year = 0;
    int32_t end = -1;
    std::size_t next = 0;  // the token after what was read
  };

  std::string LanguageAt(int32_t fold_offset) const;
  NameHit LookUp(int32_t tok_begin, int32_t tok_end, const std::string& lang) const;
  // The longest name starting at token i; sets *end_tok to one past its last token (leaves it as
  // it is when there is none). The patterns ask for the same tokens several times: each answer is
  // kept.
  NameHit LongestName(std::size_t i, std::size_t* end_tok) const;
  NameHit FindLongestName(std::size_t i, std::size_t* end_tok) const;
  bool IsWord(std::size_t i, std::u16string_view w) const {
    return i < toks_.size() && toks_[i].kind == Tok::kWord &&
           View(folded_, toks_[i].begin, toks_[i].end) == w;
  }
  bool IsPunct(std::size_t i, char16_t c) const {
    return i < toks_.size() && toks_[i].kind == Tok::kPunct && folded_.text[toks_[i].begin] == c;
  }
  bool StartsWithMarker(std::size_t i, std::u16string_view markers) const {
    return i < toks_.size() && toks_[i].kind == Tok::kWord && !toks_[i].space_before &&
           markers.find(folded_.text[toks_[i].begin]) != std::u16string_view::npos;
  }
  // Which day numbers in words ReadDay accepts.
  enum class SpelledDays : uint8_t { kNone, kOrdinals, kAll };
  // A day number at token i ("13", "13th", "1er", "13.", and in words as `spelled` allows);
  // returns the token after it, or 0. `ordinal`, when given, says whether it was an ordinal.
  std::size_t ReadDay(std::size_t i, int* day, SpelledDays spelled = SpelledDays::kNone,
                      bool* ordinal = nullptr) const;
  std::size_t ReadSpelledDay(std::size_t i, int* day, SpelledDays spelled, bool* ordinal) const;
  // The locale of a day spelled out at token i, or -1 when it is written in digits.
  int SpelledLocale(std::size_t i) const;
  // Whether the name at tokens [i, end_tok) is one in `locale`: "on September" is no date,
  // although "on" is ten in Turkish.
  bool NameInLocale(std::size_t i, std::size_t end_tok, int locale) const;
  // A year at token i ("2024", "พ.ศ. 2567"); returns the token after it, or 0.
  std::size_t ReadYear(std::size_t i, int* year) const;
  std::size_t SkipConnectors(std::size_t i) const;

  // The patterns, tried in this order at each token; each returns whether it read a date, and
  // then the token after it in *next.
  bool TryNumeric(std::size_t i, RawDate* out, std::size_t* next) const;
  bool TryYearFirst(std::size_t i, RawDate* out, std::size_t* next) const;
  bool TryNamed(std::size_t i, RawDate* out, std::size_t* next) const;
  bool TryBareYear(std::size_t i, RawDate* out) const;
  // Numeric dates with a month name ("23/Sep/2020", "Sep-23-2020", "2/okt"): mixed_dates.cc.
  bool TryMixed(std::size_t i, RawDate* out, std::size_t* next) const;
  // Day and month without a year, "12/5", "7.6": read only after a weekday (numeric_dates.cc).
  bool TryShortNumeric(std::size_t i, RawDate* out, std::size_t* next) const;
  // How many numbers (2 or 3) a run of numbers joined by one separator at token i has, or 0.
  int NumericRun(std::size_t i) const;
  // The order in which the article writes numeric dates, when one of them settles it.
  enum class NumericOrder : uint8_t { kUnknown, kDayFirst, kMonthFirst };
  NumericOrder ArticleNumericOrder() const;
  // The order in which the language at folded offset `at` writes numeric dates: "dmy", "mdy" or
  // "ymd" (CLDR's short date pattern).
  std::string_view DateOrder(int32_t at) const;
  // Whether an ambiguous numeric date at folded offset `at` with separator `sep` is month first.
  bool MonthFirst(char16_t sep, int32_t at) const;

  // Parts of TryNamed (named_dates.cc).
  void ReadMonthFirst(int month, std::size_t month_at, std::size_t after_month,
                      NamedParts* parts) const;
  void ReadDayFirst(std::size_t i, NamedParts* parts) const;
  bool ReadYearAfter(NamedParts* parts) const;
  bool TryWeekdayWithDay(std::size_t i, const NamedParts& parts, RawDate* out,
                         std::size_t* next) const;
  bool TryNthWeekday(std::size_t i, RawDate* out, std::size_t* next) const;
  bool TryDayOfRelativeMonth(std::size_t i, RawDate* out, std::size_t* next) const;
  // Whether the weekday at token i repeats ("every Monday": data/dates/<lang>.txt [repetition]).
  bool Repeated(std::size_t i) const;
  // A weekday alone and relative words (relative_dates.cc).
  bool TryWeekdayAlone(std::size_t i, int weekday, RawDate* out, std::size_t* next) const;
  bool TryRelative(std::size_t i, RawDate* out, std::size_t* next) const;

  // CJK dates, read character by character (cjk_dates.cc).
  struct CjkParts;
  std::vector<RawDate> ReadCjk() const;
  bool CjkAt(int32_t p, RawDate* out) const;
  // Each returns the folded offset after what it read, or 0 (CjkNumber: p) when nothing.
  int32_t CjkNumber(int32_t p, int* value) const;
  NameHit CjkName(int32_t p, int32_t* end) const;
  bool CjkMarker(int32_t p, std::u16string_view markers) const;
  int32_t SkipCjkLink(int32_t p) const;
  int32_t CjkYear(int32_t p, CjkParts* parts) const;
  int32_t CjkMonth(int32_t p, CjkParts* parts) const;
  int32_t CjkDay(int32_t p, bool after_month, CjkParts* parts) const;
  int32_t CjkWeekday(int32_t p, CjkParts* parts) const;
  int32_t CjkNthWeekday(int32_t p, CjkParts* parts) const;
  int32_t CjkRelative(int32_t p, NameKind kind, int* offset) const;
  // A duration before or after the publication date: 2か月前, 1か月と21日前, 1개월 21일 전.
  bool CjkDuration(int32_t p, RawDate* out) const;

  // Notes the line of `raw` and whether that line holds little but the date.
  void PlaceOnLine(RawDate& raw) const;

  const Tables& tables_;
  const Document& doc_;
  FoldedText folded_;
  std::vector<Tok> toks_;
  std::vector<int32_t> line_starts_;  // folded offsets where lines start
  // Language identification of a sentence or two is often wrong ("I'll go back Oct. 2" reads as
  // Catalan): below this many UTF-16 units, or when the language is "und", names of every locale
  // are read where they are unambiguous.
  static constexpr int32_t kShortText = 240;
  bool uncertain_language_ = false;
  NumericOrder numeric_order_ = NumericOrder::kUnknown;
  // LongestName's answers by token: none yet, none found, or the name and its end.
  struct KnownName {
    enum class State : uint8_t { kUnknown, kNone, kFound } state = State::kUnknown;
    NameHit hit;
    std::size_t end_tok = 0;
  };
  mutable std::vector<KnownName> names_at_;
};

}  // namespace crosswire::dates

#endif  // CROSSWIRE_CORE_DATES_DATE_READER_H_
