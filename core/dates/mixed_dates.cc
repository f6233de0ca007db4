// Numeric dates with a month name in place of the month number, in any order, joined by one
// separator (/ - .) without spaces: 23/Sep/2020, 2020/sep/23, Sep-23-2020, 05-Aug-2016,
// september-2020-23, 2/okt, Jan-1. See docs/ARCHITECTURE.md (dates).
#include <vector>

#include "dates/calendar.h"
#include "dates/date_reader.h"

namespace crosswire::dates {
namespace {

struct Part {
  bool month = false;
  int value = 0;
  int digits = 0;
};

}  // namespace

bool DateReader::TryMixed(std::size_t i, RawDate* out, std::size_t* next) const {
  std::vector<Part> parts;
  char16_t sep = 0;
  std::size_t k = i;
  int32_t end = 0;
  while (parts.size() < 3 && k < toks_.size()) {
    Part part;
    std::size_t after = k + 1;
    if (toks_[k].kind == Tok::kNumber) {
      part.value = toks_[k].value;
      part.digits = toks_[k].digits;
    } else {
      const NameHit name = LongestName(k, &after);
      if (!name.found || name.entry.kind != NameKind::kMonth) break;
      // The period of an abbreviation at the end ("2020/23/Sep.") ends the sentence.
      if (IsPunct(after - 1, u'.') && after - 1 > k) --after;
      part.month = true;
      part.value = name.entry.value;
    }
    parts.push_back(part);
    end = toks_[after - 1].end;
    k = after;
    if (parts.size() == 3 || k + 1 >= toks_.size() || toks_[k].kind != Tok::kPunct ||
        toks_[k].space_before || toks_[k + 1].space_before) {
      break;
    }
    const char16_t c = folded_.text[toks_[k].begin];
    if ((c != u'/' && c != u'-' && c != u'.') || (sep && c != sep)) break;
    sep = c;
    ++k;
  }
  int months = 0, month = 0, day = 0, year = 0;
  for (const Part& p : parts) months += p.month ? 1 : 0;
  if (parts.size() < 2 || months != 1) return false;
  for (std::size_t n = 0; n < parts.size(); ++n) {
    const Part& p = parts[n];
    if (p.month) {
      month = p.value;
    } else if (p.digits == 4 && !year) {
      year = p.value;
    } else if (p.digits <= 2 && !day && p.value >= 1 && p.value <= 31) {
      day = p.value;
    } else if (p.digits == 2 && n == parts.size() - 1 && day && !year) {
      year = p.value < 69 ? 2000 + p.value : 1900 + p.value;  // "05-Aug-16", as numeric_dates.cc
    } else {
      return false;
    }
  }
  if (!day || (parts.size() == 3 && !year) || (year && (year < 1000 || year > 2200))) return false;
  out->form = RawDate::Form::kFull;
  out->year = year, out->month = month, out->day = day;
  out->precision = DatePrecision::kDay;
  out->fold_begin = toks_[i].begin;
  out->fold_end = end;
  if ((year && !IsValidDay(year, month, day)) || day > MaxDaysInMonth(month)) {
    out->form = RawDate::Form::kImpossible;
  }
  *next = k;
  return true;
}

}  // namespace crosswire::dates
