// The record of the map step ("crosswire-record/2", docs/ARCHITECTURE.md, "Map and reduce"): one
// article after its first per-article round (decoded, language identified, cleaned, split into
// paragraphs, its dates read), or one rejected input, as a line of JSON. `crosswire map` writes
// records; `crosswire reduce` (Analyzer::AddRecord) reads them back into the Document they came
// from.
#ifndef CROSSWIRE_CORE_RECORD_H_
#define CROSSWIRE_CORE_RECORD_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "crosswire/status.h"
#include "crosswire/types.h"
#include "dates.h"
#include "document.h"

namespace crosswire {

inline constexpr std::string_view kRecordTag = "crosswire-record/2";
// Lines of the first version (without the dates) are still read; their dates are found in the
// reduce step.
inline constexpr std::string_view kRecordTagV1 = "crosswire-record/1";

// The first pass of an article's dates (DateFinder::Find without the batch's evidence) and the
// assumed publication date (Options::assumed_published) it was read with.
struct RecordDates {
  ArticleDates dates;
  std::optional<Date> assumed;
};

// A record line (without its newline) of an article; `input_bytes` is the size of the input it
// came from, which the reduce step counts against the batch's size limit.
std::string ArticleRecordJson(const Document& doc, std::size_t input_bytes,
                              const RecordDates& dates);
// A record line of an input that was rejected.
std::string RejectionRecordJson(const Rejection& rejection);

struct ParsedRecord {
  bool rejected = false;
  Rejection rejection;  // when `rejected`
  Document doc;         // otherwise: text, language, removed spans, paragraphs; not segmented
  std::optional<RecordDates> dates;  // absent in lines of crosswire-record/1
  std::size_t input_bytes = 0;
};

// Reads a record line. A line that is not a record of this version, or whose offsets do not fit
// its text, is an invalid_argument error that says what is wrong.
Result<ParsedRecord> ParseRecord(std::string_view line);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_RECORD_H_
