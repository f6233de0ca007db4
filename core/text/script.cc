#include "text/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

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

Script ScriptOf(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
      return Script::kCommon;
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_GREEK:
      return Script::kGreek;
    case USCRIPT_ARMENIAN:
      return Script::kArmenian;
    case USCRIPT_GEORGIAN:
      return Script::kGeorgian;
    case USCRIPT_ARABIC:
      return Script::kArabic;
    case USCRIPT_HEBREW:
      return Script::kHebrew;
    case USCRIPT_DEVANAGARI:
      return Script::kDevanagari;
    case USCRIPT_THAI:
      return Script::kThai;
    case USCRIPT_LAO:
      return Script::kLao;
    case USCRIPT_KHMER:
      return Script::kKhmer;
    case USCRIPT_MYANMAR:
      return Script::kMyanmar;
    case USCRIPT_HAN:
      return Script::kHan;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return Script::kKana;
    case USCRIPT_HANGUL:
      return Script::kHangul;
    default:
      return Script::kOther;
  }
}

// How many letters of `text` each script has.
ScriptCounts CountScripts(std::string_view text) {
  ScriptCounts counts{};
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    Script script = ScriptOf(c);
    if (script != Script::kCommon) ++counts[static_cast<size_t>(script)];
  }
  return counts;
}

// The script most letters are written in.
Script DominantScript(const ScriptCounts& counts) {
  Script best = Script::kCommon;
  int best_count = 0;
  for (size_t s = 0; s < counts.size(); ++s) {
    if (counts[s] > best_count) {
      best_count = counts[s];
      best = static_cast<Script>(s);
    }
  }
  return best;
}

WordShape ShapeOf(const icu::UnicodeString& text, int32_t begin, int32_t end) {
  WordShape shape;
  int32_t letters = 0, upper = 0;
  for (int32_t i = begin; i < end;) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isalpha(c)) continue;
    const bool is_upper = u_isupper(c) || u_istitle(c);
    if (letters == 0) {
      shape.script = ScriptOf(c);
      shape.capitalized = is_upper;
    }
    ++letters;
    upper += is_upper;
  }
  shape.all_caps = letters >= 2 && upper == letters;
  return shape;
}

bool IsLatinText(std::string_view utf8) {
  const ScriptCounts counts = CountScripts(utf8);
  int letters = 0;
  for (int count : counts) letters += count;
  return letters > 0 && counts[static_cast<std::size_t>(Script::kLatin)] == letters;
}

}  // namespace crosswire
