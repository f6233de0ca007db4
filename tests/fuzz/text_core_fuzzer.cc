// libFuzzer target over the text core: arbitrary bytes as a dropped file (decode -> clean ->
// language -> segment), then the whole analysis. Any crash or sanitizer report is a bug; each one
// found becomes a regression case in tests/fuzz/corpus/.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "crosswire/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  static std::unique_ptr<crosswire::Analyzer> analyzer = [] {
    auto created = crosswire::Analyzer::Create();
    if (!created.ok()) __builtin_trap();
    return std::move(created).value();
  }();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the name, so both the text and the HTML paths are explored.
  const char* name = size > 0 && (data[0] & 1) ? "input.html" : "input.txt";
  (void)analyzer->AddFile(name, bytes);
  crosswire::Analysis analysis = analyzer->Analyze();
  for (const auto& article : analysis.articles) {
    for (const auto& m : article.mentions) {
      if (m.utf16_begin < 0 || m.utf16_end > article.text_length || m.utf16_begin >= m.utf16_end)
        __builtin_trap();
    }
    for (const auto& r : article.removed) {
      if (r.utf16_begin < 0 || r.utf16_end > article.text_length || r.utf16_begin > r.utf16_end)
        __builtin_trap();
    }
  }
  (void)crosswire::AnalysisToJson(analysis);
  analyzer->Clear();
  return 0;
}
