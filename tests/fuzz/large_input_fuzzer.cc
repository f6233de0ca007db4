// libFuzzer target for super-linear paths: megabyte inputs, run with -timeout=5 and a memory limit
// so that a quadratic stage shows up as a timeout or an out-of-memory report.
//
// Input: a mode byte, then a pattern. A pattern shorter than kLargeBytes is repeated until the
// input is kLargeBytes long, so that small corpus files (tests/fuzz/corpus/large_input) stand for
// megabyte documents; a longer input (up to -max_len) is used as it is. Modes (byte % 4):
//   0 decoding alone, 1 decoding and HTML extraction,
//   2 the text core as AddFile runs it on a .txt (decode, language, cleaning, segmentation),
//   3 the same on a .html.
// With CROSSWIRE_FUZZ_LARGE_FULL=1 in the environment, modes 2 and 3 go on through the whole
// analysis (mentions, entities, dates, stories) and JSON; see tests/fuzz/README.md for why that is
// not yet the default.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "crosswire/analyzer.h"
#include "decode.h"
#include "fuzz_tables.h"
#include "html.h"

namespace {

constexpr std::size_t kLargeBytes = 1 << 20;

bool FullAnalysis() {
  static const bool full = [] {
    const char* value = std::getenv("CROSSWIRE_FUZZ_LARGE_FULL");
    return value != nullptr && std::string_view(value) == "1";
  }();
  return full;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace crosswire;
  if (size < 2) return 0;
  static std::unique_ptr<Analyzer> analyzer = fuzz::OrTrap(Analyzer::Create());
  const int mode = data[0] % 4;
  std::string_view pattern(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string input;
  if (pattern.size() >= kLargeBytes) {
    input = pattern;
  } else {
    input.reserve(kLargeBytes + pattern.size());
    while (input.size() < kLargeBytes) input += pattern;
  }
  if (mode <= 1) {
    Result<Decoded> decoded = DecodeBytes(input);
    if (mode == 1 && decoded.ok()) (void)ExtractHtml(decoded.value().text);
    return 0;
  }
  (void)analyzer->AddFile(mode == 2 ? "large.txt" : "large.html", input);
  if (FullAnalysis()) (void)AnalysisToJson(analyzer->Analyze());
  analyzer->Clear();
  return 0;
}
