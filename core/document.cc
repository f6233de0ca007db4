#include "document.h"

#include "text/normalize.h"

namespace crosswire {

bool Document::IsRemoved(int32_t utf16_begin, int32_t utf16_end) const {
  for (const RemovedSpan& r : removed) {
    if (r.utf16_begin < utf16_end && utf16_begin < r.utf16_end) return true;
  }
  return false;
}

std::string Document::Slice(int32_t utf16_begin, int32_t utf16_end) const {
  return ToUtf8(icu::UnicodeString(text, utf16_begin, utf16_end - utf16_begin));
}

const std::string& Document::LangOf(int32_t paragraph) const {
  const std::string& own = paragraphs[paragraph].lang;
  return own.empty() || own == "und" ? lang : own;
}

}  // namespace crosswire
