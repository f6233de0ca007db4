// Decoding: bytes of a dropped file -> Unicode text, with the encoding it was in and warnings.
// UTF-8 (with or without BOM), UTF-16 with BOM, and legacy encodings detected with ICU's charset
// detection (plus a Thai TIS-620 check, which ICU's detector lacks). Invalid UTF-8 is repaired with
// U+FFFD; NUL-laden binary is rejected.
#ifndef CROSSWIRE_CORE_DECODE_H_
#define CROSSWIRE_CORE_DECODE_H_

#include <unicode/unistr.h>

#include <string>
#include <string_view>
#include <vector>

#include "crosswire/types.h"

namespace crosswire {

struct Decoded {
  icu::UnicodeString text;
  std::string encoding;  // "UTF-8", "UTF-16LE", "windows-1251", "TIS-620"...
  std::vector<std::string> warnings;
};

// Decodes file bytes of unknown encoding.
Result<Decoded> DecodeBytes(std::string_view bytes);
// Decodes text that is meant to be UTF-8 (the JS API and AddArticle): invalid sequences are
// replaced, with a warning naming the first byte offset.
Result<Decoded> DecodeUtf8(std::string_view bytes);

// Ids and file names are at most this long once made labels (a path of a few folders fits).
constexpr std::size_t kMaxLabelBytes = 256;

// A file name or id made fit for JSON and messages: valid UTF-8, with invalid bytes and control
// characters replaced by U+FFFD; a label longer than `max_bytes` keeps its start and its end (so
// its extension) around "…".
std::string Utf8Label(std::string_view bytes, std::size_t max_bytes = kMaxLabelBytes);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_DECODE_H_
