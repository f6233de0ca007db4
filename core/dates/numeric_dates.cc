// Dates written in numbers: 2024-09-13, 13.09.2024, 13/09/2024, 09/13/2024, 21/04/16, 2024/9/13;
// and day and month alone ("12/5") where a weekday precedes them. See docs/ARCHITECTURE.md (dates).
//
// Ambiguous orders (5/3/18: 5 March or May 3?) follow the article: when it writes a numeric date
// that only one order can read (13/09/2024 or 09/13/2024), every other numeric date of it is read
// in that order; else the convention of its language, from the order of CLDR's short date
// pattern (gen/calendar.tsv "date-order"): month first with slashes where it is "mdy" (English,
// as in the United States), year first for three two-digit numbers where it is "ymd" (Japanese,
// Chinese, Korean, Swedish, Hungarian: 21/04/16 is 2021-04-16), day first elsewhere.
#include "dates/calendar.h"
#include "dates/date_reader.h"

namespace crosswire::dates {
namespace {

// Two-digit years as POSIX strptime's %y reads them: 69-99 are 1969-1999, 00-68 are 2000-2068.
int FullYear(int two_digits) { return two_digits < 69 ? 2000 + two_digits : 1900 + two_digits; }

}  // namespace

// Number, separator, number [, separator, number] with one separator (/ - .) and no spaces, not
// part of a longer run of numbers (an IP address, a version, a phone number). Returns how many
// numbers (2 or 3) the run has, or 0.
int DateReader::NumericRun(std::size_t i) const {
  if (i + 2 >= toks_.size()) return 0;
  if (i > 1 && !toks_[i].space_before && toks_[i - 1].kind == Tok::kPunct &&
      toks_[i - 2].kind == Tok::kNumber) {
    return 0;
  }
  if (toks_[i].kind != Tok::kNumber || toks_[i + 1].kind != Tok::kPunct) return 0;
  const char16_t sep = folded_.text[toks_[i + 1].begin];
  if (sep != u'-' && sep != u'/' && sep != u'.') return 0;
  int numbers = 1;
  std::size_t k = i + 1;
  while (k + 1 < toks_.size() && IsPunct(k, sep) && !toks_[k].space_before &&
         toks_[k + 1].kind == Tok::kNumber && !toks_[k + 1].space_before) {
    ++numbers;
    k += 2;
  }
  // A different separator glued to the run ("1.2-3") continues it.
  if (k + 1 < toks_.size() && toks_[k].kind == Tok::kPunct && !toks_[k].space_before &&
      toks_[k + 1].kind == Tok::kNumber && !toks_[k + 1].space_before) {
    return 0;
  }
  return numbers <= 3 ? numbers : 0;
}

bool DateReader::MonthFirst(char16_t sep, int32_t at) const {
  if (numeric_order_ != NumericOrder::kUnknown) return numeric_order_ == NumericOrder::kMonthFirst;
  return sep == u'/' && DateOrder(at) == "mdy";
}

std::string_view DateReader::DateOrder(int32_t at) const {
  auto it = tables_.calendar.date_orders.find(LanguageAt(at));
  return it == tables_.calendar.date_orders.end() ? std::string_view("dmy") : it->second;
}

DateReader::NumericOrder DateReader::ArticleNumericOrder() const {
  int day_first = 0, month_first = 0;
  for (std::size_t i = 0; i < toks_.size(); ++i) {
    if (NumericRun(i) != 3 || toks_[i].digits > 2 || toks_[i + 2].digits > 2) continue;
    // Where years may come first (21/04/16), three two-digit numbers settle nothing.
    if (toks_[i + 4].digits == 2 && DateOrder(toks_[i].begin) == "ymd") continue;
    const int first = toks_[i].value, second = toks_[i + 2].value;
    if (first > 12 && first <= 31 && second <= 12) ++day_first;
    if (second > 12 && second <= 31 && first <= 12) ++month_first;
  }
  if (day_first > month_first) return NumericOrder::kDayFirst;
  if (month_first > day_first) return NumericOrder::kMonthFirst;
  return NumericOrder::kUnknown;
}

bool DateReader::TryNumeric(std::size_t i, RawDate* out, std::size_t* next) const {
  if (NumericRun(i) != 3) return false;
  const Tok& a = toks_[i];
  const Tok& b = toks_[i + 2];
  const Tok& c = toks_[i + 4];
  const char16_t sep = folded_.text[toks_[i + 1].begin];
  int y = 0, m = 0, d = 0;
  if (a.digits == 4 && b.digits <= 2 && c.digits <= 2) {
    y = a.value, m = b.value, d = c.value;
  } else if (a.digits <= 2 && b.digits <= 2 && c.digits == 2 && numeric_order_ == NumericOrder::kUnknown &&
             DateOrder(a.begin) == "ymd" && IsValidDay(FullYear(a.value), b.value, c.value)) {
    y = FullYear(a.value), m = b.value, d = c.value;
  } else if (a.digits <= 2 && b.digits <= 2 && (c.digits == 4 || c.digits == 2)) {
    y = c.digits == 4 ? c.value : FullYear(c.value);
    const int first = a.value, second = b.value;
    const bool month_first = second > 12 || (first <= 12 && MonthFirst(sep, a.begin));
    m = month_first ? first : second;
    d = month_first ? second : first;
  } else {
    return false;
  }
  if (y >= 2400 && y <= 2700 && LanguageAt(a.begin) == "th") y -= 543;
  if (y < 1000 || y > 2200) return false;
  out->year = y, out->month = m, out->day = d;
  out->precision = DatePrecision::kDay;
  out->fold_begin = a.begin;
  out->fold_end = c.end;
  // "31/04/2020", "2015-1-32": no such day, and no part of it is another date.
  if (!IsValidDay(y, m, d)) out->form = RawDate::Form::kImpossible;
  *next = i + 5;
  return true;
}

bool DateReader::TryShortNumeric(std::size_t i, RawDate* out, std::size_t* next) const {
  if (NumericRun(i) != 2 || toks_[i].digits > 2 || toks_[i + 2].digits > 2) return false;
  const int first = toks_[i].value, second = toks_[i + 2].value;
  const bool month_first =
      second > 12 || (first <= 12 && MonthFirst(folded_.text[toks_[i + 1].begin], toks_[i].begin));
  const int m = month_first ? first : second, d = month_first ? second : first;
  if (m < 1 || m > 12 || d < 1 || d > MaxDaysInMonth(m)) return false;
  out->form = RawDate::Form::kFull;
  out->month = m, out->day = d;
  out->precision = DatePrecision::kDay;
  out->fold_begin = toks_[i].begin;
  out->fold_end = toks_[i + 2].end;
  *next = i + 3;
  return true;
}

}  // namespace crosswire::dates
