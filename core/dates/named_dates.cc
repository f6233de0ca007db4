// Dates with month names: [weekday,] month day[,] [year]; [weekday] day [of] month [year];
// month year; and year first, as Hungarian, Lithuanian and Burmese write it. A weekday or relative
// word without a month is read by relative_dates.cc. See docs/ARCHITECTURE.md (dates).
#include "dates/calendar.h"
#include "dates/date_reader.h"

namespace crosswire::dates {

bool DateReader::TryNamed(std::size_t i, RawDate* out, std::size_t* next) const {
  NamedParts parts;
  parts.next = i;
  std::size_t after = 0;
  NameHit name = LongestName(i, &after);
  if (name.found && name.entry.kind == NameKind::kWeekday) {
    parts.weekday = name.entry.value;
    parts.begin = toks_[i].begin;
    parts.next = after;
    if (IsPunct(parts.next, u',')) ++parts.next;
    name = LongestName(parts.next, &after);
  }
  if (name.found && name.entry.kind == NameKind::kMonth) {
    ReadMonthFirst(name.entry.value, after, &parts);
  } else {
    ReadDayFirst(parts.next, &parts);
  }
  if (parts.month == 0) {
    // A weekday alone is a date relative to the publication (full names only).
    if (parts.weekday) return TryWeekdayAlone(i, parts.weekday, out, next);
    return TryRelative(i, out, next);
  }
  // A month named in another language with only a day ("13 mars" in English text) is weak, but
  // the day makes it a date pattern; abbreviations of other languages were already refused.
  out->form = RawDate::Form::kFull;
  out->year = parts.year;
  out->month = parts.month;
  out->day = parts.day;
  out->weekday = parts.weekday;
  out->precision = parts.day ? DatePrecision::kDay : DatePrecision::kMonth;
  out->fold_begin = parts.begin >= 0 ? parts.begin : toks_[i].begin;
  out->fold_end = parts.end;
  if (parts.year && parts.day && !IsValidDay(parts.year, parts.month, parts.day)) return false;
  if (!parts.year && parts.day > MaxDaysInMonth(parts.month)) return false;
  *next = parts.next;
  return true;
}

// month day [year] / month year: "September 13" but not "September 13,000"; a month with neither
// is no date (parts->month stays 0).
void DateReader::ReadMonthFirst(int month, std::size_t after_month, NamedParts* parts) const {
  parts->month = month;
  parts->next = after_month;
  parts->end = toks_[after_month - 1].end;
  const std::size_t d_next = ReadDay(parts->next, &parts->day);
  if (d_next) {
    parts->end = toks_[d_next - 1].end;
    parts->next = d_next;
    ReadYearAfter(parts);
  } else if (!ReadYearAfter(parts)) {
    parts->month = 0;
  }
}

// day [.|of|de] month [year]
void DateReader::ReadDayFirst(std::size_t i, NamedParts* parts) const {
  const std::size_t d_next = ReadDay(i, &parts->day);
  if (!d_next) return;
  std::size_t m_after = 0;
  const NameHit m = LongestName(SkipConnectors(d_next), &m_after);
  if (!m.found || m.entry.kind != NameKind::kMonth) {
    parts->day = 0;
    return;
  }
  parts->month = m.entry.value;
  parts->next = m_after;
  parts->end = toks_[m_after - 1].end;
  ReadYearAfter(parts);
}

// A year after what was read, past connectors ("13 de septiembre de 2024").
bool DateReader::ReadYearAfter(NamedParts* parts) const {
  const std::size_t y_next = ReadYear(SkipConnectors(parts->next), &parts->year);
  if (!y_next) return false;
  parts->end = toks_[y_next - 1].end;
  parts->next = y_next;
  return true;
}

// Year first: "2024. szeptember 13.", "2024 m. rugsėjo 13 d.".
bool DateReader::TryYearFirst(std::size_t i, RawDate* out, std::size_t* next) const {
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

}  // namespace crosswire::dates
