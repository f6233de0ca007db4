// Calendar arithmetic (proleptic Gregorian) and ISO dates. See docs/ARCHITECTURE.md (dates).
#include "dates/calendar.h"

#include <optional>
#include <string_view>

#include "dates.h"

namespace crosswire {
namespace dates {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days from 0001-01-01 to January 1st of `y` (y >= 1).
int64_t DaysBeforeYear(int64_t y) {
  const int64_t past = y - 1;
  return past * 365 + past / 4 - past / 100 + past / 400;
}

int DaysBeforeMonth(int y, int m) {
  static constexpr int kCumulative[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  return kCumulative[m - 1] + (m > 2 && IsLeap(y) ? 1 : 0);
}

}  // namespace

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

int MaxDaysInMonth(int month) { return month == 2 ? 29 : DaysInMonth(2001, month); }

bool IsValidDay(int y, int m, int d) {
  return y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

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

int Weekday(int y, int m, int d) {
  // 1970-01-01 was a Thursday.
  int64_t n = (DayNumber(y, m, d) + 4) % 7;
  if (n < 0) n += 7;
  return static_cast<int>(n) + 1;
}

Date AddMonths(const Date& d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  return Date{total / 12, total % 12 + 1, 0, DatePrecision::kMonth};
}

int NthWeekdayOfMonth(int year, int month, int weekday, int nth) {
  const int first = Weekday(year, month, 1);
  const int day = 1 + (weekday - first + 7) % 7 + 7 * (nth - 1);
  return day <= DaysInMonth(year, month) ? day : 0;
}

}  // namespace dates

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
  if (!dates::IsValidDay(d.year, d.month, d.day)) return std::nullopt;
  d.precision = DatePrecision::kDay;
  return d;
}

int64_t DaysBetween(const Date& a, const Date& b) {
  return dates::DayNumber(b.year, b.month ? b.month : 1, b.day ? b.day : 1) -
         dates::DayNumber(a.year, a.month ? a.month : 1, a.day ? a.day : 1);
}

}  // namespace crosswire
