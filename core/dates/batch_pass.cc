// The batch pass (DateFinder::FindBatch): every article is read once; then the articles that left
// a date without a year are read again with what the others state: the years given for the same
// day, and the batch's most common year. See docs/ARCHITECTURE.md (dates).
#include <map>

#include "dates.h"
#include "dates/year_resolution.h"
#include "parallel.h"

namespace crosswire {
namespace {

// The batch's most common stated year (ties: the later year), if any article states one.
std::optional<int> MostCommonYear(const std::vector<ArticleDates>& results) {
  std::map<int, int> year_votes;
  for (const ArticleDates& r : results) {
    if (r.stated_year) ++year_votes[*r.stated_year];
  }
  std::optional<int> hint;
  int votes = 0;
  for (const auto& [year, n] : year_votes) {
    if (n >= votes) votes = n, hint = year;  // map order: the later year wins a tie
  }
  return hint;
}

dates::BatchEvidence SameDayYears(const std::vector<ArticleDates>& results) {
  dates::BatchEvidence evidence;
  for (const ArticleDates& r : results) {
    for (const Date& d : r.known_days) ++evidence.same_day_years[{d.month, d.day}][d.year];
  }
  return evidence;
}

}  // namespace

std::vector<ArticleDates> DateFinder::FindBatch(
    const std::vector<const Document*>& docs, std::optional<Date> assumed_published, int jobs,
    std::vector<std::optional<ArticleDates>> first) const {
  std::vector<ArticleDates> results(docs.size());
  ParallelFor(jobs, docs.size(), [&](std::size_t i, int) {
    if (i < first.size() && first[i]) {
      results[i] = std::move(*first[i]);
    } else {
      results[i] = Find(*docs[i], assumed_published, std::nullopt);
    }
  });
  const dates::BatchEvidence evidence = SameDayYears(results);
  const std::optional<int> hint = MostCommonYear(results);
  ParallelFor(jobs, docs.size(), [&](std::size_t i, int) {
    if (results[i].needs_batch && results[i].batch_may_change)
      results[i] = FindWith(*docs[i], assumed_published, hint, &evidence);
  });
  return results;
}

}  // namespace crosswire
