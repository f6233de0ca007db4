// Calendar arithmetic on the proleptic Gregorian calendar, as the date readers and the year
// resolution need it: valid days, day numbers, weekdays. ParseIsoDate and DaysBetween (dates.h)
// are defined here too. See docs/ARCHITECTURE.md (dates).
#ifndef CROSSWIRE_CORE_DATES_CALENDAR_H_
#define CROSSWIRE_CORE_DATES_CALENDAR_H_

#include <cstdint>

#include "crosswire/types.h"

namespace crosswire::dates {

int DaysInMonth(int year, int month);
// The most days `month` has in any year: 29 for February.
int MaxDaysInMonth(int month);
bool IsValidDay(int year, int month, int day);

// Days since 1970-01-01 (years >= 1 only, which is all the news needs).
int64_t DayNumber(int year, int month, int day);
// The day `day_number` days after 1970-01-01, with day precision.
Date FromDayNumber(int64_t day_number);

// 1 = Sunday ... 7 = Saturday, as ICU numbers weekdays.
int Weekday(int year, int month, int day);

// The day of the nth (1..5) `weekday` of a month, or 0 when the month has no such day.
int NthWeekdayOfMonth(int year, int month, int weekday, int nth);

// The month `months` after (or before) the month of `date`, with month precision.
Date AddMonths(const Date& date, int months);

}  // namespace crosswire::dates

#endif  // CROSSWIRE_CORE_DATES_CALENDAR_H_
