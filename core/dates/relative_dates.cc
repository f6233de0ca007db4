// Dates counted from the publication: a weekday alone ("on Monday") and relative words
// ("yesterday", "le mois dernier", CLDR's relative day, month and year names). Their values are
// set by the year resolution (year_resolution.cc). See docs/ARCHITECTURE.md (dates).
#include "dates/date_reader.h"

namespace crosswire::dates {

bool DateReader::TryWeekdayAlone(std::size_t i, int weekday, RawDate* out,
                                 std::size_t* next) const {
  std::size_t w_after = 0;
  const NameHit w = LongestName(i, &w_after);
  if (w.entry.abbreviated) return false;
  out->form = RawDate::Form::kWeekdayOnly;
  out->weekday = weekday;
  out->fold_begin = toks_[i].begin;
  out->fold_end = toks_[w_after - 1].end;
  out->precision = DatePrecision::kDay;
  *next = w_after;
  return true;
}

bool DateReader::TryRelative(std::size_t i, RawDate* out, std::size_t* next) const {
  std::size_t r_after = 0;
  const NameHit rel = LongestName(i, &r_after);
  if (!rel.found || (rel.entry.kind != NameKind::kRelDay && rel.entry.kind != NameKind::kRelMonth &&
                     rel.entry.kind != NameKind::kRelYear)) {
    return false;
  }
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

}  // namespace crosswire::dates
