// Dates: date expressions in any language ICU has CLDR calendar data for (month and weekday names
// dumped at build time by toolchain/gen_calendar.cc), their values and precision; and the choice of
// an article's published and event dates. The stage's interface to the rest of the core; the
// implementation is in core/dates/ (see docs/ARCHITECTURE.md, dates).
#ifndef CROSSWIRE_CORE_DATES_H_
#define CROSSWIRE_CORE_DATES_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosswire/types.h"
#include "data_pack.h"
#include "document.h"

namespace crosswire {

namespace dates {
struct Tables;         // what the finder reads with (dates/date_reader.h)
struct BatchEvidence;  // what the batch pass learned (dates/year_resolution.h)
}  // namespace dates

struct ArticleDates {
  std::vector<DateMention> mentions;  // sorted by position
  std::optional<Date> published;      // only when the article states it
  std::optional<Date> event_date;
  std::string reason;  // readable: why these dates were chosen

  // For the batch pass (DateFinder::FindBatch): full days whose year the article itself settles,
  // the year it states (publication date, else its latest full date), and whether some date of
  // it still lacks a year that other articles could supply.
  std::vector<Date> known_days;
  std::optional<int> stated_year;
  bool needs_batch = false;
  // Whether the batch's evidence can change this reading at all: only a full date without its
  // year ("September 13") takes one from the batch, and only when the article has no publication
  // date, stated or assumed, to take it from. When false, the batch pass keeps the first reading
  // instead of reading the article again. Not part of a record: read back, it stays true.
  bool batch_may_change = true;
};

class DateFinder {
 public:
  static Result<std::unique_ptr<DateFinder>> Create(const DataPack& data);
  ~DateFinder();

  // Finds the dates of one article. `assumed_published` (from Options) anchors relative and
  // year-less dates when the article states no publication date; `batch_year_hint` is the most
  // common explicit year in the batch, used when nothing else gives a year.
  ArticleDates Find(const Document& doc, std::optional<Date> assumed_published,
                    std::optional<int> batch_year_hint) const;

  // Finds the dates of a whole batch in two passes: the second gives year-less dates ("September
  // 13") the year that other articles state for the same day, else the batch's most common year.
  // Prefer this to calling Find per article. Results are in the order of `docs`. Both passes
  // read one article at a time and run on `jobs` threads; the result does not depend on `jobs`.
  // `first`, when given, holds for each article its result of Find(doc, assumed_published,
  // nullopt) where it is known already (the map step's, read from a record): the first pass then
  // reads only the others.
  std::vector<ArticleDates> FindBatch(const std::vector<const Document*>& docs,
                                      std::optional<Date> assumed_published, int jobs = 1,
                                      std::vector<std::optional<ArticleDates>> first = {}) const;

 private:
  explicit DateFinder(std::unique_ptr<dates::Tables> tables);
  // `batch` is the evidence of the first pass over the batch, or null.
  ArticleDates FindWith(const Document& doc, std::optional<Date> assumed_published,
                        std::optional<int> batch_year_hint,
                        const dates::BatchEvidence* batch) const;
  std::unique_ptr<dates::Tables> tables_;
};

// Parses "YYYY-MM-DD" (also "YYYY-MM", "YYYY").
std::optional<Date> ParseIsoDate(std::string_view text);

// Days from `a` to `b` (negative when b is earlier); a missing month or day counts as the first.
int64_t DaysBetween(const Date& a, const Date& b);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_DATES_H_
