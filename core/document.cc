#include "document.h"

#include "normalize.h"

namespace crosswire {

std::string_view ScriptName(Script script) {
  switch (script) {
    case Script::kCommon:
      return "Zyyy";
    case Script::kLatin:
      return "Latn";
    case Script::kCyrillic:
      return "Cyrl";
    case Script::kGreek:
      return "Grek";
    case Script::kArmenian:
      return "Armn";
    case Script::kGeorgian:
      return "Geor";
    case Script::kArabic:
      return "Arab";
    case Script::kHebrew:
      return "Hebr";
    case Script::kDevanagari:
      return "Deva";
    case Script::kThai:
      return "Thai";
    case Script::kLao:
      return "Laoo";
    case Script::kKhmer:
      return "Khmr";
    case Script::kMyanmar:
      return "Mymr";
    case Script::kHan:
      return "Hani";
    case Script::kKana:
      return "Kana";
    case Script::kHangul:
      return "Hang";
    case Script::kOther:
      return "Zzzz";
  }
  return "Zzzz";
}

bool IsCasedScript(Script script) {
  return script == Script::kLatin || script == Script::kCyrillic || script == Script::kGreek ||
         script == Script::kArmenian;
}

bool IsDictionaryScript(Script script) {
  return script == Script::kThai || script == Script::kLao || script == Script::kKhmer ||
         script == Script::kMyanmar || script == Script::kHan || script == Script::kKana;
}

bool Document::IsRemoved(int32_t utf16_begin, int32_t utf16_end) const {
  for (const RemovedSpan& r : removed) {
    if (r.utf16_begin < utf16_end && utf16_begin < r.utf16_end) return true;
  }
  return false;
}

std::string Document::Slice(int32_t utf16_begin, int32_t utf16_end) const {
  return ToUtf8(icu::UnicodeString(text, utf16_begin, utf16_end - utf16_begin));
}

}  // namespace crosswire
