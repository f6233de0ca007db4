// Choosing an article's published date (a full date on a line of its own near the top) and its
// event date (the day its first dated sentences point to, close to publication), with the
// readable reason for each. See docs/ARCHITECTURE.md (dates).
#ifndef CROSSWIRE_CORE_DATES_PUBLISHED_AND_EVENT_H_
#define CROSSWIRE_CORE_DATES_PUBLISHED_AND_EVENT_H_

#include <optional>
#include <string>
#include <vector>

#include "crosswire/types.h"
#include "dates.h"
#include "dates/folded_text.h"
#include "dates/year_resolution.h"
#include "document.h"

namespace crosswire::dates {

// The dateline: the first full date in the first lines that stands on a line of its own, or null.
const Resolved* FindDateline(const std::vector<Resolved>& dates);

// Why the publication date is what it is.
std::string PublishedReason(const Resolved* dateline, const std::optional<Date>& assumed_published,
                            const Document& doc, const FoldedText& folded);

// The mention of the event's day: the day the most, and the earliest, dated sentences point to,
// weighed by their order and their distance from `published`; or null.
const Resolved* ChooseEventMention(const std::vector<Resolved>& dates, const Resolved* dateline,
                                   const std::optional<Date>& published);

// Sets out->event_date from `event_mention`, else from the publication date or the first month,
// and appends why to out->reason.
void SetEventDate(const std::vector<Resolved>& dates, const Resolved* event_mention,
                  const Document& doc, const FoldedText& folded, ArticleDates* out);

}  // namespace crosswire::dates

#endif  // CROSSWIRE_CORE_DATES_PUBLISHED_AND_EVENT_H_
