// The record of the map step (docs/ARCHITECTURE.md, "Map and reduce"): one article after its
// first per-article round (decoded, language identified, cleaned, split into paragraphs, its dates
// read: "crosswire-record/2"), or after its second round too (its mention candidates and story
// words, found with the batch's casing counts: "crosswire-record/3"), or one rejected input, as a
// line of JSON. `crosswire map` writes records; `crosswire reduce` (Analyzer::AddRecord) reads them
// back into the Document they came from. The casing counts that round 2 needs travel as lines of
// their own ("crosswire-casing/1"), summed over the batch.
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
#include "mentions.h"
#include "stories.h"

namespace crosswire {

namespace mentions {
struct CaseStats;
}

// Round 1 (and the tag of rejection lines).
inline constexpr std::string_view kRecordTag = "crosswire-record/2";
// Round 1 and round 2.
inline constexpr std::string_view kRecordTagV3 = "crosswire-record/3";
inline constexpr std::string_view kCasingTag = "crosswire-casing/1";
// Lines of the first version (without the dates) are still read; their dates are found in the
// reduce step.
inline constexpr std::string_view kRecordTagV1 = "crosswire-record/1";

// The first pass of an article's dates (DateFinder::Find without the batch's evidence) and the
// assumed publication date (Options::assumed_published) it was read with.
struct RecordDates {
  ArticleDates dates;
  std::optional<Date> assumed;
};

// Round 2's result of one article: what the batch step reads of it instead of its tokens.
struct RoundTwo {
  ArticleCandidates article;
  std::optional<ArticleCandidates> removed;  // of its removed-line view, when it has removed lines
  StoryWords words;
  // CasingFingerprint() of the batch's casing counts it was found with, and whether the tagger ran
  // (Options::use_tagger): the reduce step takes the result only where both are its own.
  std::string casing;
  bool tagger = false;
};

// A record line (without its newline) of an article; `input_bytes` is the size of the input it
// came from, which the reduce step counts against the batch's size limit. With `round2`, a line of
// crosswire-record/3.
std::string ArticleRecordJson(const Document& doc, std::size_t input_bytes,
                              const RecordDates& dates, const RoundTwo* round2 = nullptr);
// A record line of an input that was rejected.
std::string RejectionRecordJson(const Rejection& rejection);

struct ParsedRecord {
  bool rejected = false;
  Rejection rejection;  // when `rejected`
  Document doc;         // otherwise: text, language, removed spans, paragraphs; not segmented
  std::optional<RecordDates> dates;  // absent in lines of crosswire-record/1
  std::optional<RoundTwo> round2;    // in lines of crosswire-record/3
  std::size_t input_bytes = 0;
};

// Reads a record line. A line that is not a record of this version, or whose offsets do not fit
// its text, is an invalid_argument error that says what is wrong.
Result<ParsedRecord> ParseRecord(std::string_view line);

// Casing counts as one "crosswire-casing/1" line: {"casing":..., "lower":{word: n...},
// "capitalized_inside":{word: n...}}, words in byte order, so equal counts give equal lines.
std::string CasingJson(const mentions::CaseStats& stats);
// Adds the counts of such a line to `into` (sums: lines may be added in any order). A malformed
// line is an invalid_argument error that says what is wrong, and adds nothing.
Status AddCasingJson(std::string_view line, mentions::CaseStats& into);
// A short digest (16 hex digits) of the counts, which records of version 3 carry.
std::string CasingFingerprint(const mentions::CaseStats& stats);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_RECORD_H_
