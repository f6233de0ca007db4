// The published and event dates of an article, and the reasons given for them.
// See docs/ARCHITECTURE.md (dates).
#include "dates/published_and_event.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <utility>

#include "dates/calendar.h"

namespace crosswire::dates {
namespace {

// The date as the article writes it, in quotes.
std::string Quote(const Document& doc, const RawDate& raw, const FoldedText& f) {
  std::string quoted = "\"";
  quoted += doc.Slice(f.begin[raw.fold_begin], f.end[raw.fold_end - 1]);
  quoted += '"';
  return quoted;
}

}  // namespace

const Resolved* FindDateline(const std::vector<Resolved>& dates) {
  for (const Resolved& r : dates) {
    if (r.raw.line_index > 4) break;
    if (r.raw.form == RawDate::Form::kFull && r.raw.year && r.raw.day && r.raw.line_mostly_date) {
      return &r;
    }
  }
  return nullptr;
}

std::string PublishedReason(const Resolved* dateline, const std::optional<Date>& assumed_published,
                            const Document& doc, const FoldedText& folded) {
  if (dateline) {
    return "published " + dateline->value->ToString() + ": " + Quote(doc, dateline->raw, folded) +
           " stands on its own line at the top";
  }
  if (assumed_published) {
    return "no publication date stated; assuming " + assumed_published->ToString();
  }
  return "no publication date stated";
}

const Resolved* ChooseEventMention(const std::vector<Resolved>& dates, const Resolved* dateline,
                                   const std::optional<Date>& published) {
  // Day -> (weight, its first mention).
  std::map<int64_t, std::pair<double, const Resolved*>> by_day;
  int rank = 0;
  for (const Resolved& r : dates) {
    if (!r.value || r.removed || r.value->precision != DatePrecision::kDay) continue;
    if (&r == dateline) continue;
    const int64_t day = DayNumber(r.value->year, r.value->month, r.value->day);
    double weight = 1.0 / (1.0 + 0.5 * rank++);
    if (published) {
      const int64_t p = DayNumber(published->year, published->month, published->day);
      // Background references ("visited Iran in March") are far from the publication date.
      if (day > p + 7 || day < p - 45) continue;
      // News reports what just happened: a day closer to publication wins over an earlier one,
      // and a later day is most often something announced, not the event.
      if (day > p)
        weight *= 0.5;
      else
        weight /= 1.0 + static_cast<double>(p - day) / 7.0;
    }
    auto& entry = by_day[day];
    entry.first += weight;
    if (!entry.second) entry.second = &r;
  }
  const Resolved* event_mention = nullptr;
  double best = 0;
  for (const auto& [day, entry] : by_day) {
    if (entry.first > best + 1e-9 ||
        (std::abs(entry.first - best) < 1e-9 && event_mention &&
         entry.second->raw.fold_begin < event_mention->raw.fold_begin)) {
      best = entry.first;
      event_mention = entry.second;
    }
  }
  return event_mention;
}

void SetEventDate(const std::vector<Resolved>& dates, const Resolved* event_mention,
                  const Document& doc, const FoldedText& folded, ArticleDates* out) {
  std::string& reason = out->reason;
  if (event_mention) {
    out->event_date = event_mention->value;
    reason +=
        "; event " + out->event_date->ToString() + ": " + Quote(doc, event_mention->raw, folded);
    if (event_mention->source != YearSource::kStated) {
      reason +=
          event_mention->raw.form == RawDate::Form::kFull
              ? std::string(" (year ") + std::string(YearSourceText(event_mention->source)) + ")"
              : " (counted from the publication date)";
    }
    reason += out->published ? " is the first and most repeated date near the publication"
                             : " is the first and most repeated date";
    return;
  }
  if (out->published) {
    out->event_date = out->published;
    reason += "; event: no other date in the text, so the publication date";
    return;
  }
  // Only months or years: the first month-precision date, if any.
  for (const Resolved& r : dates) {
    if (r.value && !r.removed && r.value->precision == DatePrecision::kMonth &&
        r.raw.form == RawDate::Form::kFull) {
      out->event_date = r.value;
      reason += "; event " + r.value->ToString() + ": " + Quote(doc, r.raw, folded) +
                " (no day is given)";
      return;
    }
  }
  reason += "; no event date found";
}

}  // namespace crosswire::dates
