// Giving every date read from an article its value: stated dates as they are; year-less dates
// ("September 13") the year of the strongest evidence (publication date, the article's other
// dates, other articles of the batch); weekdays and relative words a day counted from the
// publication date. See docs/ARCHITECTURE.md (dates).
#ifndef CROSSWIRE_CORE_DATES_YEAR_RESOLUTION_H_
#define CROSSWIRE_CORE_DATES_YEAR_RESOLUTION_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "crosswire/types.h"
#include "dates/date_reader.h"

namespace crosswire::dates {

// Where a year came from; earlier entries are stronger evidence.
enum class YearSource : uint8_t { kStated, kPublished, kArticle, kBatchSameDay, kBatchHint, kNone };

std::string_view YearSourceText(YearSource source);

// A date read from the text and what its value became.
struct Resolved {
  RawDate raw;
  std::optional<Date> value;
  YearSource source = YearSource::kNone;
  bool removed = false;  // inside boilerplate the cleaner removed
};

// What the first pass over a batch learned: the years that articles state for each day.
struct BatchEvidence {
  std::map<std::pair<int, int>, std::map<int, int>>
      same_day_years;  // (month, day) -> year -> votes
};

// The evidence for the years an article leaves out.
struct YearEvidence {
  std::optional<Date> anchor;  // the publication date, stated or assumed
  int article_year = 0;        // the latest year of the article's full dates, or 0
  std::optional<int> batch_year_hint;
  const BatchEvidence* batch = nullptr;  // null in the first pass
};

// Gives full dates with a year and bare years their stated value.
void SetStatedValues(std::vector<Resolved>& dates);

// The latest year among the article's stated full dates, or 0.
int LatestStatedYear(const std::vector<Resolved>& dates);

// Gives the dates that lack a year, and relative dates, their value where the evidence allows.
void ResolveMissingYears(std::vector<Resolved>& dates, const YearEvidence& evidence);

}  // namespace crosswire::dates

#endif  // CROSSWIRE_CORE_DATES_YEAR_RESOLUTION_H_
