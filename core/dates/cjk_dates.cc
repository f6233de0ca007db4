// Dates written with CJK markers after the numbers: 2024年9月13日, 9月13日, 2024年9月, 2024년 9월
// 13일 (the markers are in core/data/dates/{zh,ja,ko}.txt). See docs/ARCHITECTURE.md (dates).
#include "dates/calendar.h"
#include "dates/date_reader.h"

namespace crosswire::dates {

bool DateReader::TryCjk(std::size_t i, RawDate* out, std::size_t* next) const {
  const DateWords& words = tables_.words;
  if (i >= toks_.size() || toks_[i].kind != Tok::kNumber) return false;
  std::size_t j = i;
  int y = 0, m = 0, d = 0;
  // The marker is the first character of the following run ("日に" in Japanese).
  auto marker_end = [&](std::size_t k) { return toks_[k].begin + 1; };
  int32_t end = 0;
  if (toks_[j].digits == 4 && StartsWithMarker(j + 1, words.year_markers)) {
    y = toks_[j].value;
    end = marker_end(j + 1);
    j += 2;
  }
  if (j < toks_.size() && toks_[j].kind == Tok::kNumber && toks_[j].digits <= 2 &&
      StartsWithMarker(j + 1, words.month_markers)) {
    m = toks_[j].value;
    end = marker_end(j + 1);
    j += 2;
  } else {
    return false;
  }
  if (j < toks_.size() && toks_[j].kind == Tok::kNumber && toks_[j].digits <= 2 &&
      StartsWithMarker(j + 1, words.day_markers)) {
    d = toks_[j].value;
    end = marker_end(j + 1);
    j += 2;
  }
  if (m < 1 || m > 12) return false;
  if (d == 0 && y == 0) return false;  // "9月" alone is too weak
  out->year = y, out->month = m, out->day = d;
  // "2019年2月29日": no such day, and no part of it is another date.
  if (d != 0 && d > (y ? DaysInMonth(y, m) : MaxDaysInMonth(m))) {
    out->form = RawDate::Form::kImpossible;
  }
  out->precision = d ? DatePrecision::kDay : DatePrecision::kMonth;
  out->fold_begin = toks_[i].begin;
  out->fold_end = end;
  // The next token starts inside the marker's run; resume after it.
  *next = j;
  return true;
}

}  // namespace crosswire::dates
