// Folding article text for the date readers. See docs/ARCHITECTURE.md (dates).
#include "dates/folded_text.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include "text/normalize.h"
#include "text/script.h"

namespace crosswire::dates {

UChar32 UnifyPunctuation(UChar32 c) {
  if (c == 0x2019 || c == 0x02BC || c == 0x2018) return u'\'';
  if (c >= 0x2010 && c <= 0x2015) return u'-';
  return c;
}

bool IsWordChar(UChar32 c) {
  return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0 || c == 0x200C || c == 0x200D;
}

bool IsUnspacedScript(UChar32 c) {
  const Script s = ScriptOf(c);
  return s == Script::kThai || s == Script::kLao || s == Script::kKhmer || s == Script::kMyanmar;
}

FoldedText Fold(const icu::UnicodeString& text) {
  FoldedText out;
  const int32_t n = text.length();
  out.text.reserve(n);
  out.begin.reserve(n);
  out.end.reserve(n);
  out.cls.reserve(n);
  for (int32_t i = 0; i < n;) {
    UChar32 c = text.char32At(i);
    const int32_t next = i + U16_LENGTH(c);
    UnitClass cls = UnitClass::kPunct;
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
      c = u'0' + u_charDigitValue(c);
      cls = UnitClass::kDigit;
    } else if (u_isUWhiteSpace(c) || c == 0xA0) {
      c = u' ';
      cls = UnitClass::kSpace;
    } else if (IsWordChar(c)) {
      c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
      cls = UnitClass::kLetter;
    } else {
      c = UnifyPunctuation(c);
    }
    char16_t units[2];
    int32_t len = 0;
    U16_APPEND_UNSAFE(units, len, c);
    for (int32_t k = 0; k < len; ++k) {
      out.text.push_back(units[k]);
      out.begin.push_back(i);
      out.end.push_back(next);
      out.cls.push_back(cls);
    }
    i = next;
  }
  return out;
}

std::u16string FoldWord(std::string_view utf8) { return Fold(FromUtf8(utf8)).text; }

}  // namespace crosswire::dates
