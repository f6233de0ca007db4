// Year resolution: the values of dates stated in part or counted from the publication date.
// See docs/ARCHITECTURE.md (dates).
#include "dates/year_resolution.h"

#include <algorithm>

#include "dates/calendar.h"

namespace crosswire::dates {
namespace {

// The year for a month/day closest to `anchor`, looking a little further into the past than the
// future: news reports mostly what has happened.
int ClosestYear(int month, int day, const Date& anchor) {
  const int64_t a =
      DayNumber(anchor.year, anchor.month ? anchor.month : 7, anchor.day ? anchor.day : 1);
  int best = anchor.year;
  double best_cost = 1e18;
  // Four years each way, for February 29; other days find their year within one.
  for (int y = anchor.year - 4; y <= anchor.year + 4; ++y) {
    if (day && !IsValidDay(y, month, day)) continue;
    const int d = day ? day : 15;
    const int64_t diff = DayNumber(y, month, d) - a;
    const double cost = diff > 0 ? 2.0 * static_cast<double>(diff) : static_cast<double>(-diff);
    if (cost < best_cost) {
      best_cost = cost;
      best = y;
    }
  }
  return best;
}

// A stated weekday ("vendredi 13 septembre") picks, near `year`, the year where it fits.
int YearMatchingWeekday(int year, int month, int day, int weekday) {
  for (int delta = 0; delta <= 6; ++delta) {
    for (int y : {year - delta, year + delta}) {
      if (IsValidDay(y, month, day) && Weekday(y, month, day) == weekday) return y;
    }
  }
  return year;
}

// The year most articles of the batch give this day, if any states it (ties: the earlier year).
std::optional<int> BatchSameDayYear(const BatchEvidence& batch, int month, int day) {
  auto it = batch.same_day_years.find({month, day});
  if (it == batch.same_day_years.end()) return std::nullopt;
  int votes = 0, voted = 0;
  for (const auto& [y, n] : it->second) {
    if (n > votes) votes = n, voted = y;  // map order: the earlier year wins a tie
  }
  return voted;
}

using YearCandidates = std::vector<std::pair<int, YearSource>>;

// Candidate years for a full date without one, strongest evidence first.
YearCandidates CandidateYears(const RawDate& raw, const YearEvidence& evidence) {
  YearCandidates candidates;
  if (evidence.anchor) {
    candidates.emplace_back(ClosestYear(raw.month, raw.day, *evidence.anchor),
                            YearSource::kPublished);
  }
  if (evidence.article_year) candidates.emplace_back(evidence.article_year, YearSource::kArticle);
  if (evidence.batch && raw.day) {
    if (std::optional<int> year = BatchSameDayYear(*evidence.batch, raw.month, raw.day)) {
      candidates.emplace_back(*year, YearSource::kBatchSameDay);
    }
  }
  if (evidence.batch_year_hint) {
    candidates.emplace_back(*evidence.batch_year_hint, YearSource::kBatchHint);
  }
  return candidates;
}

void ResolveFullDate(Resolved& r, const YearEvidence& evidence) {
  const RawDate& raw = r.raw;
  const YearCandidates candidates = CandidateYears(raw, evidence);
  if (candidates.empty()) {
    r.source = YearSource::kNone;
    return;
  }
  int year = candidates.front().first;
  r.source = candidates.front().second;
  if (raw.weekday && raw.day && r.source != YearSource::kPublished) {
    // "Thursday, December 11": the first candidate where that day is a Thursday, else the
    // nearest such year to the strongest candidate. An article's own years can be old
    // (a birth date) while the batch knows the day.
    auto fits = std::find_if(candidates.begin(), candidates.end(), [&](const auto& c) {
      return IsValidDay(c.first, raw.month, raw.day) &&
             Weekday(c.first, raw.month, raw.day) == raw.weekday;
    });
    if (fits != candidates.end()) {
      year = fits->first;
      r.source = fits->second;
    } else {
      year = YearMatchingWeekday(year, raw.month, raw.day, raw.weekday);
    }
  }
  if (raw.nth) {
    const int day = NthWeekdayOfMonth(year, raw.month, raw.weekday, raw.nth);
    if (day) r.value = Date{year, raw.month, day, DatePrecision::kDay};
    return;
  }
  if (raw.day && !IsValidDay(year, raw.month, raw.day)) return;
  r.value = Date{year, raw.month, raw.day, raw.precision};
}

// A day with a weekday and no month ("vrijdag de 15de"): the nearest such day to the publication
// date, within half a year, looking further into the past than the future as ClosestYear does.
void ResolveDayOfMonth(Resolved& r, const Date& anchor) {
  const RawDate& raw = r.raw;
  const int64_t a = DayNumber(anchor.year, anchor.month, anchor.day ? anchor.day : 1);
  double best_cost = 1e18;
  for (int offset = -6; offset <= 6; ++offset) {
    const Date month = AddMonths(anchor, offset);
    if (!IsValidDay(month.year, month.month, raw.day)) continue;
    if (raw.weekday && Weekday(month.year, month.month, raw.day) != raw.weekday) continue;
    const int64_t diff = DayNumber(month.year, month.month, raw.day) - a;
    const double cost = diff > 0 ? 2.0 * static_cast<double>(diff) : static_cast<double>(-diff);
    if (cost < best_cost) {
      best_cost = cost;
      r.value = Date{month.year, month.month, raw.day, DatePrecision::kDay};
      r.source = YearSource::kPublished;
    }
  }
}

// 来週の月曜日, 今月の27日, 去年本月十日, "the third Tuesday": the parts the text leaves out are
// the publication date's, moved by the stated offsets. No value when no such day exists.
void ResolveAnchored(Resolved& r, const Date& anchor) {
  const RawDate& raw = r.raw;
  if (raw.counted) {
    const Date month =
        AddMonths(Date{anchor.year + raw.year_offset, anchor.month, 1, DatePrecision::kMonth},
                  raw.month_offset);
    const int day = std::min(anchor.day, DaysInMonth(month.year, month.month));
    int64_t counted = DayNumber(month.year, month.month, day) + raw.day_offset;
    if (raw.weekday) {
      // The stated weekday of the week so reached (weeks start on Monday).
      const Date reached = FromDayNumber(counted);
      counted += (raw.weekday + 5) % 7 - (Weekday(reached.year, reached.month, reached.day) + 5) % 7;
    }
    r.value = FromDayNumber(counted);
    return;
  }
  if (raw.in_week) {
    // Weeks start on Monday (weekday 2).
    const int64_t a = DayNumber(anchor.year, anchor.month, anchor.day);
    const int64_t monday = a - (Weekday(anchor.year, anchor.month, anchor.day) + 5) % 7;
    r.value = FromDayNumber(monday + 7 * raw.week_offset + (raw.weekday + 5) % 7);
    return;
  }
  Date month = AddMonths(Date{anchor.year + raw.year_offset, anchor.month, 1, DatePrecision::kMonth},
                         raw.month_offset);
  if (raw.month) month.month = raw.month;
  if (raw.nth) {
    const int day = NthWeekdayOfMonth(month.year, month.month, raw.weekday, raw.nth);
    if (day) r.value = Date{month.year, month.month, day, DatePrecision::kDay};
    return;
  }
  if (raw.day == 0) {
    r.value = month;
    return;
  }
  if (!IsValidDay(month.year, month.month, raw.day)) return;
  if (raw.weekday && Weekday(month.year, month.month, raw.day) != raw.weekday) return;
  r.value = Date{month.year, month.month, raw.day, DatePrecision::kDay};
}

// A weekday alone or a relative word, counted from a publication date known to the day.
void ResolveRelativeDate(Resolved& r, const Date& anchor) {
  const RawDate& raw = r.raw;
  const int64_t a = DayNumber(anchor.year, anchor.month, anchor.day);
  r.source = YearSource::kPublished;
  if (raw.form == RawDate::Form::kAnchored) {
    ResolveAnchored(r, anchor);
  } else if (raw.form == RawDate::Form::kWeekdayOnly) {
    // "On Monday": the latest such day up to the publication date.
    int back = (Weekday(anchor.year, anchor.month, anchor.day) - raw.weekday + 7) % 7;
    r.value = FromDayNumber(a - back);
  } else if (raw.rel_kind == NameKind::kRelDay) {
    r.value = FromDayNumber(a + raw.rel_offset);
  } else if (raw.rel_kind == NameKind::kRelMonth) {
    r.value = AddMonths(anchor, raw.rel_offset);
  } else {
    r.value = Date{anchor.year + raw.rel_offset, 0, 0, DatePrecision::kYear};
  }
}

}  // namespace

std::string_view YearSourceText(YearSource s) {
  switch (s) {
    case YearSource::kStated:
      return "stated";
    case YearSource::kPublished:
      return "from the publication date";
    case YearSource::kArticle:
      return "from the article's other dates";
    case YearSource::kBatchSameDay:
      return "from other articles giving the same day";
    case YearSource::kBatchHint:
      return "from the batch's most common year";
    case YearSource::kNone:
      return "unknown";
  }
  return "unknown";
}

void SetStatedValues(std::vector<Resolved>& dates) {
  for (Resolved& r : dates) {
    if (r.raw.form == RawDate::Form::kFull && r.raw.year) {
      r.value = Date{r.raw.year, r.raw.month, r.raw.day, r.raw.precision};
      r.source = YearSource::kStated;
    } else if (r.raw.form == RawDate::Form::kBareYear) {
      r.value = Date{r.raw.year, 0, 0, DatePrecision::kYear};
      r.source = YearSource::kStated;
    }
  }
}

int LatestStatedYear(const std::vector<Resolved>& dates) {
  int year = 0;
  for (const Resolved& r : dates) {
    if (r.source == YearSource::kStated && r.raw.form == RawDate::Form::kFull) {
      year = std::max(year, r.raw.year);
    }
  }
  return year;
}

void ResolveMissingYears(std::vector<Resolved>& dates, const YearEvidence& given) {
  YearEvidence evidence = given;
  // Without a publication date or a full date, a stated weekday ("Tuesday, March 3") settles the
  // year, and the article's other year-less dates ("March 10") take the same one.
  if (!evidence.anchor && !evidence.article_year) {
    for (Resolved& r : dates) {
      if (r.value || r.raw.form != RawDate::Form::kFull || !r.raw.weekday || !r.raw.month) continue;
      ResolveFullDate(r, evidence);
      if (r.value && !evidence.article_year) evidence.article_year = r.value->year;
    }
  }
  for (Resolved& r : dates) {
    if (r.value) continue;
    if (r.raw.form == RawDate::Form::kFull && r.raw.month == 0) {
      if (evidence.anchor) ResolveDayOfMonth(r, *evidence.anchor);
    } else if (r.raw.form == RawDate::Form::kFull) {
      ResolveFullDate(r, evidence);
    } else if (evidence.anchor && evidence.anchor->precision == DatePrecision::kDay) {
      ResolveRelativeDate(r, *evidence.anchor);
    }
  }
}

}  // namespace crosswire::dates
