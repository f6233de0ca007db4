// Dates with month names: [weekday,] month day[,] [year]; [weekday] day [of] month [year];
// month year; a weekday with a day alone ("vrijdag de 15de", "giovedì 21"); the nth weekday of
// a month ("the first Friday of July"); and year first, as Hungarian, Lithuanian and Burmese
// write it. Days may be spelled out ("ventidue maggio", "May twenty-first"). A weekday or
// relative word without a month is read by relative_dates.cc. See docs/ARCHITECTURE.md (dates).
#include "dates/calendar.h"
#include "dates/date_reader.h"

namespace crosswire::dates {

bool DateReader::TryNamed(std::size_t i, RawDate* out, std::size_t* next) const {
  if (TryNthWeekday(i, out, next) || TryDayOfRelativeMonth(i, out, next)) return true;
  NamedParts parts;
  parts.next = i;
  std::size_t after = 0;
  NameHit name = LongestName(i, &after);
  if (name.found && name.entry.kind == NameKind::kWeekday) {
    // "every Monday", "ogni lunedì e giovedì": a repetition, no one date.
    if (Repeated(i)) return false;
    parts.weekday = name.entry.value;
    parts.begin = toks_[i].begin;
    parts.next = after;
    if (IsPunct(parts.next, u',')) ++parts.next;
    name = LongestName(parts.next, &after);
    // "måndag den 12 januari": connectors before a day that a month follows.
    if (!name.found) {
      const std::size_t day_at = SkipConnectors(parts.next);
      int day = 0;
      const std::size_t d_next = day_at > parts.next ? ReadDay(day_at, &day) : 0;
      std::size_t m_after = 0;
      if (d_next && LongestName(SkipConnectors(d_next), &m_after).entry.kind == NameKind::kMonth &&
          m_after) {
        parts.next = day_at;
      }
    }
  }
  if (name.found && name.entry.kind == NameKind::kMonth) {
    ReadMonthFirst(name.entry.value, parts.next, after, &parts);
  } else {
    ReadDayFirst(parts.next, &parts);
  }
  if (parts.month == 0) {
    if (parts.weekday && TryWeekdayWithDay(i, parts, out, next)) return true;
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
  *next = parts.next;
  // "February 30", "31 April 2020": read, so that no part of it is taken for a date, but no date.
  if ((parts.year && parts.day && !IsValidDay(parts.year, parts.month, parts.day)) ||
      (!parts.year && parts.day > MaxDaysInMonth(parts.month))) {
    out->form = RawDate::Form::kImpossible;
  }
  return true;
}

// A day of a month named relative to the publication: "the 31st of this month", "il 31 di questo
// mese", "den 31 denna månad". No value when that month has no such day.
bool DateReader::TryDayOfRelativeMonth(std::size_t i, RawDate* out, std::size_t* next) const {
  if (toks_[i].kind != Tok::kNumber) return false;  // the day in digits: "31", "31st", "31."
  int day = 0;
  const std::size_t d_next = ReadDay(i, &day, SpelledDays::kOrdinals);
  if (!d_next) return false;
  const std::size_t m_at = SkipConnectors(d_next);
  std::size_t m_after = 0;
  const NameHit m = LongestName(m_at, &m_after);
  if (!m.found || m.entry.kind != NameKind::kRelMonth) return false;
  out->form = RawDate::Form::kAnchored;
  out->day = day;
  out->month_offset = m.entry.value;
  out->precision = DatePrecision::kDay;
  out->fold_begin = toks_[i].begin;
  out->fold_end = toks_[m_after - 1].end;
  *next = m_after;
  return true;
}

bool DateReader::Repeated(std::size_t i) const {
  if (i == 0) return false;
  const auto word = [&](std::size_t k) { return View(folded_, toks_[k].begin, toks_[k].end); };
  if (toks_[i - 1].kind == Tok::kWord && tables_.words.repetition.contains(word(i - 1))) return true;
  // "every Tuesday and Thursday": a short word joining it to a repeated weekday.
  if (i >= 2 && toks_[i - 1].kind == Tok::kWord && toks_[i - 1].end - toks_[i - 1].begin <= 3 &&
      toks_[i - 2].kind == Tok::kWord) {
    std::size_t after = 0;
    const NameHit before = LongestName(i - 2, &after);
    return before.found && before.entry.kind == NameKind::kWeekday && after == i - 1 &&
           Repeated(i - 2);
  }
  return false;
}

// month day [year] / month year: "September 13", "May twenty-first", "januari de eerste" but not
// "September 13,000"; a month with neither is no date (parts->month stays 0).
void DateReader::ReadMonthFirst(int month, std::size_t month_at, std::size_t after_month,
                                NamedParts* parts) const {
  parts->month = month;
  parts->next = after_month;
  parts->end = toks_[after_month - 1].end;
  bool ordinal = false;
  std::size_t day_at = parts->next;
  std::size_t d_next = ReadDay(day_at, &parts->day, SpelledDays::kOrdinals, &ordinal);
  if (!d_next) {
    // Spelled cardinals after the month only from 13 on ("gen ventidue"): "May two" is no day.
    d_next = ReadDay(day_at, &parts->day, SpelledDays::kAll, &ordinal);
    if (d_next && parts->day < 13) d_next = 0;
  }
  if (!d_next) {
    // "januari de eerste", "settembre, il ventuno": an ordinal after connectors.
    day_at = SkipConnectors(parts->next);
    d_next = ReadDay(day_at, &parts->day, SpelledDays::kAll, &ordinal);
    if (d_next && (!ordinal || day_at == parts->next) && parts->day < 13) d_next = 0;
  }
  if (d_next && toks_[day_at].kind == Tok::kWord &&
      !NameInLocale(month_at, after_month, SpelledLocale(day_at))) {
    d_next = 0;
  }
  if (d_next) {
    // "March 10." ends a sentence: the period is no part of the date.
    if (IsPunct(d_next - 1, u'.') && d_next - 1 > day_at) --d_next;
    parts->end = toks_[d_next - 1].end;
    parts->next = d_next;
    ReadYearAfter(parts);
  } else {
    parts->day = 0;
    if (!ReadYearAfter(parts)) parts->month = 0;
  }
}

// [the] day [.|of|de] month [year]
void DateReader::ReadDayFirst(std::size_t i, NamedParts* parts) const {
  const std::size_t d_next = ReadDay(i, &parts->day, SpelledDays::kAll);
  if (!d_next) return;
  std::size_t m_after = 0;
  const std::size_t m_at = SkipConnectors(d_next);
  const NameHit m = LongestName(m_at, &m_after);
  if (!m.found || m.entry.kind != NameKind::kMonth ||
      !NameInLocale(m_at, m_after, SpelledLocale(i))) {
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

// A weekday with a day and no month: "vrijdag de 15de", "giovedì 21", "maandag 12-4",
// "sabato 23/06/18". The month (and year) come from the publication date (year_resolution.cc).
bool DateReader::TryWeekdayWithDay(std::size_t i, const NamedParts& parts, RawDate* out,
                                   std::size_t* next) const {
  std::size_t at = parts.next;
  if (TryNumeric(at, out, next) || TryShortNumeric(at, out, next)) {
    out->weekday = out->form == RawDate::Form::kFull ? parts.weekday : 0;
    out->fold_begin = parts.begin;
    return true;
  }
  int day = 0;
  std::size_t d_next = ReadDay(at, &day, SpelledDays::kOrdinals);
  if (!d_next) {
    at = SkipConnectors(at);
    d_next = ReadDay(at, &day, SpelledDays::kOrdinals);
  }
  if (!d_next) return false;
  if (IsPunct(d_next - 1, u'.') && d_next - 1 > at) --d_next;
  out->form = RawDate::Form::kFull;
  out->weekday = parts.weekday;
  out->day = day;
  out->precision = DatePrecision::kDay;
  out->fold_begin = parts.begin;
  out->fold_end = toks_[d_next - 1].end;
  *next = d_next;
  return true;
}

// The nth weekday of a month: "the first Friday of July", "il primo venerdì di luglio", "de
// eerste vrijdag van juli", "1st Monday of May 2024".
bool DateReader::TryNthWeekday(std::size_t i, RawDate* out, std::size_t* next) const {
  int nth = 0;
  bool ordinal = false;
  const std::size_t n_next = ReadDay(i, &nth, SpelledDays::kOrdinals, &ordinal);
  if (!n_next || !ordinal || nth > 5) return false;
  std::size_t w_after = 0;
  const NameHit w = LongestName(n_next, &w_after);
  if (!w.found || w.entry.kind != NameKind::kWeekday) return false;
  std::size_t m_after = 0;
  const NameHit m = LongestName(SkipConnectors(w_after), &m_after);
  if (!m.found || m.entry.kind != NameKind::kMonth || SkipConnectors(w_after) == w_after) {
    return false;
  }
  const int locale = SpelledLocale(i);
  if (!NameInLocale(n_next, w_after, locale) ||
      !NameInLocale(SkipConnectors(w_after), m_after, locale)) {
    return false;
  }
  NamedParts parts;
  parts.next = m_after;
  parts.end = toks_[m_after - 1].end;
  ReadYearAfter(&parts);
  out->form = RawDate::Form::kFull;
  out->year = parts.year;
  out->month = m.entry.value;
  out->weekday = w.entry.value;
  out->nth = nth;
  out->precision = DatePrecision::kDay;
  out->fold_begin = toks_[i].begin;
  out->fold_end = parts.end;
  if (out->year) {
    out->day = NthWeekdayOfMonth(out->year, out->month, out->weekday, nth);
    if (!out->day) out->form = RawDate::Form::kImpossible;
  }
  *next = parts.next;
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
