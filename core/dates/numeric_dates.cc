// Dates written in numbers: 2024-09-13, 13.09.2024, 13/09/2024, 09/13/2024 (English), 2024/9/13.
// See docs/ARCHITECTURE.md (dates).
#include "dates/calendar.h"
#include "dates/date_reader.h"

namespace crosswire::dates {

bool DateReader::TryNumeric(std::size_t i, RawDate* out, std::size_t* next) const {
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
    const bool month_first =
        second > 12 || (first <= 12 && sep == u'/' && LanguageAt(a.begin) == "en");
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

}  // namespace crosswire::dates
