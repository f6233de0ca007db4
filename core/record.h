// The record of the map step ("crosswire-record/1", docs/ARCHITECTURE.md, "Map and reduce"): one
// article after its first per-article round (decoded, language identified, cleaned, split into
// paragraphs), or one rejected input, as a line of JSON. `crosswire map` writes records;
// `crosswire reduce` (Analyzer::AddRecord) reads them back into the Document they came from.
#ifndef CROSSWIRE_CORE_RECORD_H_
#define CROSSWIRE_CORE_RECORD_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "crosswire/status.h"
#include "crosswire/types.h"
#include "document.h"

namespace crosswire {

inline constexpr std::string_view kRecordTag = "crosswire-record/1";

// A record line (without its newline) of an article; `input_bytes` is the size of the input it
// came from, which the reduce step counts against the batch's size limit.
std::string ArticleRecordJson(const Document& doc, std::size_t input_bytes);
// A record line of an input that was rejected.
std::string RejectionRecordJson(const Rejection& rejection);

struct ParsedRecord {
  bool rejected = false;
  Rejection rejection;  // when `rejected`
  Document doc;         // otherwise: text, language, removed spans, paragraphs; not segmented
  std::size_t input_bytes = 0;
};

// Reads a record line. A line that is not a record of this version, or whose offsets do not fit
// its text, is an invalid_argument error that says what is wrong.
Result<ParsedRecord> ParseRecord(std::string_view line);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_RECORD_H_
