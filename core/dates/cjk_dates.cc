// Dates written with CJK markers, read character by character because Chinese and Japanese write
// them inside longer runs without spaces: 2024年9月13日, 二〇〇九年十月十二日, 平成22年1月29日,
// 三月初一, 今月の27日, 来週の月曜日, 21日の月曜日, 7月の第1金曜日, 2024년 9월 13일. Numbers may
// be digits or Han numerals; the markers, particles and month words are in
// core/data/dates/{zh,ja,ko}.txt, eras, numerals and relative words come from CLDR
// (gen/calendar.tsv). See docs/ARCHITECTURE.md (dates).
#include <unicode/utf16.h>

#include <algorithm>

#include "dates/calendar.h"
#include "dates/date_reader.h"
#include "text/script.h"

namespace crosswire::dates {
namespace {

bool IsCjkChar(char16_t c) {
  const Script s = ScriptOf(c);
  return s == Script::kHan || s == Script::kKana || s == Script::kHangul;
}

}  // namespace

// The parts of one CJK date expression.
struct DateReader::CjkParts {
  int year = 0;
  int month = 0;
  int day = 0;
  int weekday = 0;
  int nth = 0;
  bool rel_year = false, rel_month = false, rel_week = false;
  int year_offset = 0, month_offset = 0, week_offset = 0;
  int32_t end = 0;
};

int32_t DateReader::CjkNumber(int32_t p, int* value) const {
  const std::u16string& t = folded_.text;
  const int32_t n = static_cast<int32_t>(t.size());
  const auto& numerals = tables_.calendar.han_numerals;
  int32_t q = p;
  if (q < n && folded_.cls[q] == UnitClass::kDigit) {
    int v = 0;
    while (q < n && folded_.cls[q] == UnitClass::kDigit && q - p < 5) v = v * 10 + (t[q++] - u'0');
    if (q < n && folded_.cls[q] == UnitClass::kDigit) return p;  // too long for a date part
    *value = v;
    return q;
  }
  // Han numerals: 二十二 (with multipliers) or 二〇〇九 (digit by digit).
  int total = 0, current = -1, digits = 0;
  bool multiplied = false;
  while (q < n && q - p < 8) {
    auto it = numerals.find(t[q]);
    if (it == numerals.end()) break;
    if (it->second >= 10) {
      total += (current < 0 ? 1 : current) * it->second;
      current = -1;
      multiplied = true;
    } else {
      current = multiplied ? it->second : (current < 0 ? 0 : current) * 10 + it->second;
      ++digits;
    }
    ++q;
  }
  if (q == p) return p;
  if (multiplied && digits > 3) return p;
  *value = total + (current < 0 ? 0 : current);
  return q;
}

NameHit DateReader::CjkName(int32_t p, int32_t* end) const {
  NameHit best;
  const int32_t n = static_cast<int32_t>(folded_.text.size());
  for (int32_t len = std::min<int32_t>(4, n - p); len >= 1; --len) {
    auto it = tables_.calendar.names.find(View(folded_, p, p + len));
    if (it == tables_.calendar.names.end()) continue;
    best.found = true;
    best.entry = it->second.front();
    *end = p + len;
    return best;
  }
  return best;
}

bool DateReader::CjkMarker(int32_t p, std::u16string_view markers) const {
  return p < static_cast<int32_t>(folded_.text.size()) &&
         markers.find(folded_.text[p]) != std::u16string_view::npos;
}

int32_t DateReader::SkipCjkLink(int32_t p) const {
  return CjkMarker(p, tables_.words.links) ? p + 1 : p;
}

// A number (or 元, the first year of an era) and a year marker, after an optional era name.
int32_t DateReader::CjkYear(int32_t p, CjkParts* parts) const {
  const CalendarNames& calendar = tables_.calendar;
  const int32_t n = static_cast<int32_t>(folded_.text.size());
  int era_start = 0;
  for (int32_t len = std::min<int32_t>(static_cast<int32_t>(calendar.max_era_length), n - p);
       len >= 2; --len) {
    auto it = calendar.eras.find(View(folded_, p, p + len));
    if (it != calendar.eras.end()) {
      era_start = it->second;
      p += len;
      break;
    }
  }
  int value = 0;
  int32_t q = p;
  if (era_start && p < n && folded_.text[p] == u'元') {
    value = 1;
    q = p + 1;
  } else {
    q = CjkNumber(p, &value);
    if (q == p) return 0;
  }
  if (!CjkMarker(q, tables_.words.year_markers)) return 0;
  if (era_start) {
    value = era_start + value - 1;
  } else if (q - p < 3 && folded_.cls[p] == UnitClass::kDigit) {
    return 0;  // "15年": a count of years, not a year
  }
  parts->year = value;
  return q + 1;
}

int32_t DateReader::CjkMonth(int32_t p, CjkParts* parts) const {
  int value = 0;
  const int32_t q = CjkNumber(p, &value);
  if (q > p && value >= 1 && value <= 12 && CjkMarker(q, tables_.words.month_markers)) {
    parts->month = value;
    return q + 1;
  }
  const int32_t n = static_cast<int32_t>(folded_.text.size());
  for (int32_t len = std::min<int32_t>(3, n - p); len >= 2; --len) {
    auto it = tables_.words.month_words.find(View(folded_, p, p + len));
    if (it != tables_.words.month_words.end()) {
      parts->month = it->second;
      return p + len;
    }
  }
  return 0;
}

// A day: 13日, 13号, 初一, and after a stated month a Han numeral alone (八月十五).
int32_t DateReader::CjkDay(int32_t p, bool after_month, CjkParts* parts) const {
  const int32_t n = static_cast<int32_t>(folded_.text.size());
  int value = 0;
  if (CjkMarker(p, tables_.words.day_prefixes)) {
    const int32_t q = CjkNumber(p + 1, &value);
    if (q > p + 1 && value >= 1 && value <= 10) {
      parts->day = value;
      return q;
    }
    return 0;
  }
  const int32_t q = CjkNumber(p, &value);
  if (q == p || value < 1 || value > 31) return 0;
  if (CjkMarker(q, tables_.words.day_markers)) {
    parts->day = value;
    return q + 1;
  }
  // Without a marker only Han numerals that end the run: 正月三十, 一月二十三.
  if (after_month && folded_.cls[p] != UnitClass::kDigit &&
      (q == n || !IsCjkChar(folded_.text[q]))) {
    parts->day = value;
    return q;
  }
  return 0;
}

int32_t DateReader::CjkWeekday(int32_t p, CjkParts* parts) const {
  int32_t end = 0;
  const NameHit hit = CjkName(p, &end);
  if (!hit.found || hit.entry.kind != NameKind::kWeekday) return 0;
  parts->weekday = hit.entry.value;
  return end;
}

// 第1金曜日, 第２の日曜日, 最初の金曜日.
int32_t DateReader::CjkNthWeekday(int32_t p, CjkParts* parts) const {
  const int32_t n = static_cast<int32_t>(folded_.text.size());
  int nth = 0;
  int32_t q = 0;
  if (CjkMarker(p, tables_.words.nth_prefixes)) {
    q = CjkNumber(p + 1, &nth);
    if (q == p + 1) return 0;
  } else {
    for (int32_t len = std::min<int32_t>(3, n - p); len >= 1 && !q; --len) {
      auto it = tables_.words.nth_words.find(View(folded_, p, p + len));
      if (it != tables_.words.nth_words.end()) nth = it->second, q = p + len;
    }
    if (!q) return 0;
  }
  if (nth < 1 || nth > 5) return 0;
  q = SkipCjkLink(q);
  // 第一个星期五: a measure word between.
  if (q < n && folded_.text[q] == u'个') ++q;
  const int32_t w = CjkWeekday(q, parts);
  if (!w) return 0;
  parts->nth = nth;
  return w;
}

// A relative name of `kind` (来週, 本月, 去年) at p.
int32_t DateReader::CjkRelative(int32_t p, NameKind kind, int* offset) const {
  int32_t end = 0;
  const NameHit hit = CjkName(p, &end);
  if (!hit.found) return 0;
  auto it = tables_.calendar.names.find(View(folded_, p, end));
  for (const NameEntry& e : it->second) {
    if (e.kind == kind) {
      *offset = e.value;
      return end;
    }
  }
  return 0;
}

bool DateReader::CjkDuration(int32_t p, RawDate* out) const {
  const DateWords& words = tables_.words;
  const int32_t n = static_cast<int32_t>(folded_.text.size());
  int years = 0, months = 0, days = 0, parts = 0;
  int32_t q = p;
  while (parts < 4) {
    int value = 0;
    const int32_t after_number = CjkNumber(q, &value);
    if (after_number == q) break;
    int32_t u = after_number;
    if (u < n && folded_.text[u] == u' ') ++u;
    bool matched = false;
    for (const auto& [unit, kind] : words.duration_units) {
      if (View(folded_, u, std::min<int32_t>(n, u + static_cast<int32_t>(unit.size()))) != unit) {
        continue;
      }
      if (kind == DateWords::Unit::kYear) years += value;
      if (kind == DateWords::Unit::kMonth) months += value;
      if (kind == DateWords::Unit::kWeek) days += 7 * value;
      if (kind == DateWords::Unit::kDay) days += value;
      q = u + static_cast<int32_t>(unit.size());
      matched = true;
      break;
    }
    if (!matched) break;
    ++parts;
    // Parts joined by と, 、 or a space: 1か月と21日前.
    int32_t k = q;
    if (k < n && (folded_.text[k] == u'と' || folded_.text[k] == u'、' || folded_.text[k] == u','))
      ++k;
    if (k < n && folded_.text[k] == u' ') ++k;
    int ignored = 0;
    if (CjkNumber(k, &ignored) == k) break;
    q = k;
  }
  if (parts == 0) return false;
  int32_t d = q < n && folded_.text[q] == u' ' ? q + 1 : q;
  const int sign = CjkMarker(d, words.before_markers)  ? -1
                   : CjkMarker(d, words.after_markers) ? 1
                                                       : 0;
  if (sign == 0) return false;
  // The weekday of the week so reached: 2週後の月曜日.
  int32_t end = d + 1;
  CjkParts weekday;
  if (int32_t w = CjkWeekday(SkipCjkLink(end), &weekday)) {
    out->weekday = weekday.weekday;
    end = w;
  }
  out->form = RawDate::Form::kAnchored;
  out->counted = true;
  out->year_offset = sign * years;
  out->month_offset = sign * months;
  out->day_offset = sign * days;
  out->precision = DatePrecision::kDay;
  out->fold_begin = p;
  out->fold_end = end;
  return true;
}

bool DateReader::CjkAt(int32_t p, RawDate* out) const {
  const int32_t n = static_cast<int32_t>(folded_.text.size());
  if (CjkDuration(p, out)) return true;
  CjkParts parts;
  int32_t q = p;
  // A space may follow each part in Korean: 2024년 9월 13일.
  auto space = [&](int32_t k) { return k < n && folded_.text[k] == u' ' ? k + 1 : k; };
  // 1. The year: 2024年, 平成22年, 去年.
  if (int32_t y = CjkYear(q, &parts)) {
    q = SkipCjkLink(space(y));
  } else if (int32_t r = CjkRelative(q, NameKind::kRelYear, &parts.year_offset)) {
    parts.rel_year = true;
    q = SkipCjkLink(r);
  }
  // 2. The month: 9月, 正月, 今月, or the week: 来週.
  bool stated_month = false;
  if (int32_t m = CjkMonth(q, &parts)) {
    stated_month = true;
    q = m;
  } else if (int32_t r = CjkRelative(q, NameKind::kRelMonth, &parts.month_offset)) {
    parts.rel_month = true;
    q = r;
  } else if (!parts.year && !parts.rel_year) {
    if (int32_t r = CjkRelative(q, NameKind::kRelWeek, &parts.week_offset)) {
      parts.rel_week = true;
      q = r;
    }
  }
  if (parts.year && !stated_month) return false;  // "2024年" alone is a year, read elsewhere
  const bool month_part = stated_month || parts.rel_month;
  int32_t end = q;
  // 3. The day, or the nth weekday of the month, or the weekday of the week.
  const int32_t after_link = month_part || parts.rel_week ? SkipCjkLink(space(q)) : q;
  if (parts.rel_week) {
    const int32_t w = CjkWeekday(after_link, &parts);
    if (!w) return false;
    end = w;
  } else if (int32_t d = CjkDay(after_link, stated_month, &parts)) {
    end = d;
    // A weekday after the day: 21日の月曜日, 二〇〇九年十月十二日、月曜日.
    int32_t k = SkipCjkLink(space(d));
    if (k == d && k < n && (folded_.text[k] == u'、' || folded_.text[k] == u',')) k = space(k + 1);
    if (int32_t w = CjkWeekday(k, &parts)) end = w;
  } else if (int32_t w = CjkNthWeekday(after_link, &parts)) {
    end = w;
  } else if (!(stated_month && parts.year)) {
    return false;
  }
  // A day alone needs a month or a weekday: "21日" is too weak.
  if (!month_part && !parts.rel_week && !parts.weekday) return false;
  if (!month_part && !parts.rel_week && parts.nth == 0 && parts.day == 0) return false;

  out->fold_begin = p;
  out->fold_end = end;
  out->year = parts.year;
  out->month = stated_month ? parts.month : 0;
  out->day = parts.day;
  out->weekday = parts.weekday;
  out->nth = parts.nth;
  out->precision = parts.day || parts.weekday ? DatePrecision::kDay : DatePrecision::kMonth;
  if (parts.rel_year || parts.rel_month || parts.rel_week || (parts.nth && !stated_month)) {
    out->form = RawDate::Form::kAnchored;
    out->year_offset = parts.year_offset;
    out->month_offset = parts.month_offset;
    out->week_offset = parts.rel_week ? parts.week_offset : 0;
    out->in_week = parts.rel_week;
    return true;
  }
  out->form = RawDate::Form::kFull;
  if (parts.nth && parts.year) {
    out->day = NthWeekdayOfMonth(parts.year, parts.month, parts.weekday, parts.nth);
    if (!out->day) out->form = RawDate::Form::kImpossible;
  } else if (parts.day && parts.month &&
             parts.day > (parts.year ? DaysInMonth(parts.year, parts.month)
                                     : MaxDaysInMonth(parts.month))) {
    out->form = RawDate::Form::kImpossible;  // 2019年2月29日
  }
  return true;
}

std::vector<RawDate> DateReader::ReadCjk() const {
  std::vector<RawDate> found;
  const int32_t n = static_cast<int32_t>(folded_.text.size());
  for (int32_t p = 0; p < n;) {
    const char16_t c = folded_.text[p];
    // A date starts with a digit or a CJK character that may start one (most text is neither: it
    // is tested from U+1100, Hangul, up), not inside a longer number.
    const bool digit = folded_.cls[p] == UnitClass::kDigit;
    const bool start = digit || (c >= 0x1100 && tables_.cjk_starts.contains(c));
    const bool in_number = start && p > 0 &&
                           (folded_.cls[p - 1] == UnitClass::kDigit ||
                            tables_.calendar.han_numerals.contains(folded_.text[p - 1]));
    RawDate raw;
    if (digit && !in_number) {
      // A number starts a CJK date only with a CJK marker or unit after it (2024年, 2 개월).
      int32_t k = p;
      while (k < n && folded_.cls[k] == UnitClass::kDigit) ++k;
      if (k < n && folded_.text[k] == u' ') ++k;
      if (k >= n || folded_.text[k] < 0x1100) {
        p = k > p ? k : p + 1;
        continue;
      }
    }
    if (start && !in_number && CjkAt(p, &raw)) {
      // A range written 2019年2月29日-3月1日 is its first day: the rest is no other date.
      int32_t end = raw.fold_end;
      if (end < n &&
          (folded_.text[end] == u'-' || folded_.text[end] == u'～' || folded_.text[end] == u'~')) {
        RawDate rest;
        if (CjkAt(end + 1, &rest)) end = rest.fold_end;
      }
      found.push_back(raw);
      p = end;
      continue;
    }
    ++p;
  }
  return found;
}

}  // namespace crosswire::dates
