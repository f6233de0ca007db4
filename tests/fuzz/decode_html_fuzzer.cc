// libFuzzer target: decoding of dropped files (UTF-8, UTF-16 with and without BOM, legacy
// encodings), the HTML extractor on the result, and the labels made of names. Fast and
// table-free; the large-input target runs the same code on megabyte inputs.
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode.h"
#include "fuzz_tables.h"
#include "html.h"

namespace {

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace crosswire;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Result<Decoded> decoded = DecodeBytes(bytes);
  if (decoded.ok()) {
    const icu::UnicodeString& text = decoded.value().text;
    CROSSWIRE_FUZZ_CHECK(!decoded.value().encoding.empty());
    ExtractedHtml page = ExtractHtml(text);
    // Extraction only drops and decodes: entities never expand past 2 units per 3 source units.
    CROSSWIRE_FUZZ_CHECK(page.text.length() <= text.length() + page.title.length() + 3);
  }
  Result<Decoded> utf8 = DecodeUtf8(bytes);
  CROSSWIRE_FUZZ_CHECK(utf8.ok() == (bytes.find('\0') == std::string_view::npos));

  std::string label = Utf8Label(bytes, 64);
  CROSSWIRE_FUZZ_CHECK(IsValidUtf8(label));
  CROSSWIRE_FUZZ_CHECK(label.size() <= 64);
  return 0;
}
