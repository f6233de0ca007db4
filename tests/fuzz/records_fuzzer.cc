// libFuzzer target over the reduce step's input: arbitrary bytes as a record line
// (core/record.h). A line that reads is written back to the same record (reading the written line
// gives the same line again), and an analyzer given it analyses without breaking the promises of
// the analysis (spans inside the text). Any crash or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "crosswire/analyzer.h"
#include "fuzz_tables.h"
#include "record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace crosswire;
  static std::unique_ptr<Analyzer> analyzer = [] {
    auto created = Analyzer::Create();
    if (!created.ok()) __builtin_trap();
    return std::move(created).value();
  }();
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  Result<ParsedRecord> parsed = ParseRecord(line);
  if (!parsed.ok()) {
    CROSSWIRE_FUZZ_CHECK(parsed.status().code() == StatusCode::kInvalidArgument);
    return 0;
  }
  const ParsedRecord& record = parsed.value();
  const std::string written =
      record.rejected
          ? RejectionRecordJson(record.rejection)
          : ArticleRecordJson(record.doc, record.input_bytes, record.dates.value_or(RecordDates{}));
  Result<ParsedRecord> again = ParseRecord(written);
  CROSSWIRE_FUZZ_CHECK(again.ok());
  CROSSWIRE_FUZZ_CHECK((again.value().rejected
                            ? RejectionRecordJson(again.value().rejection)
                            : ArticleRecordJson(again.value().doc, again.value().input_bytes,
                                                *again.value().dates)) == written);

  if (analyzer->AddRecord(line).ok()) {
    Analysis analysis = analyzer->Analyze();
    for (const ArticleResult& article : analysis.articles) {
      for (const Mention& m : article.mentions) {
        CROSSWIRE_FUZZ_CHECK(m.utf16_begin >= 0 && m.utf16_begin < m.utf16_end &&
                             m.utf16_end <= article.text_length);
      }
    }
    (void)AnalysisToJson(analysis);
  }
  analyzer->Clear();
  return 0;
}
