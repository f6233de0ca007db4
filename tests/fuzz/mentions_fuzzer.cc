// libFuzzer target: mention detection on one document (a language byte, then UTF-8 text, prepared
// by the text core's stages), over tables built once. Checks what mentions.h promises: spans inside
// the text, sorted, non-overlapping, their text the UTF-8 of their span.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_tables.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace crosswire;
  fuzz::Tables& tables = fuzz::Tables::Get();
  Document doc;
  if (!tables.Prepare(std::string_view(reinterpret_cast<const char*>(data), size), doc)) return 0;
  std::vector<std::vector<MentionCandidate>> found =
      tables.mentions->FindAll({&doc}, *tables.matcher);
  CROSSWIRE_FUZZ_CHECK(found.size() == 1);
  int32_t previous_end = 0;
  for (const MentionCandidate& m : found[0]) {
    CROSSWIRE_FUZZ_CHECK(fuzz::InText(m.utf16_begin, m.utf16_end, doc.text.length()));
    CROSSWIRE_FUZZ_CHECK(m.utf16_begin < m.utf16_end);
    CROSSWIRE_FUZZ_CHECK(m.utf16_begin >= previous_end);
    CROSSWIRE_FUZZ_CHECK(m.text == doc.Slice(m.utf16_begin, m.utf16_end));
    CROSSWIRE_FUZZ_CHECK(m.expansion_of < static_cast<int>(found[0].size()));
    previous_end = m.utf16_end;
  }
  // The name-key cache serves one batch; here every input is a batch.
  tables.matcher->ClearCache();
  return 0;
}
