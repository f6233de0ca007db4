// Scripts: which writing system a character or a text belongs to, mapped onto the scripts the
// pipeline distinguishes. The one place that asks ICU (uscript_getScript) about scripts.
#ifndef CROSSWIRE_CORE_TEXT_SCRIPT_H_
#define CROSSWIRE_CORE_TEXT_SCRIPT_H_

#include <unicode/umachine.h>
#include <unicode/unistr.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace crosswire {

enum class Script : uint8_t {
  kCommon,  // digits, punctuation, symbols: no script of their own
  kLatin,
  kCyrillic,
  kGreek,
  kArmenian,
  kGeorgian,
  kArabic,
  kHebrew,
  kDevanagari,
  kThai,
  kLao,
  kKhmer,
  kMyanmar,
  kHan,
  kKana,
  kHangul,
  kOther,
};
std::string_view ScriptName(Script script);  // "Latn", "Thai"... (ISO 15924)
// True for scripts that distinguish upper and lower case (capitalisation is a name cue).
bool IsCasedScript(Script script);
// Scripts written without spaces between words (ICU segments them with dictionaries).
bool IsDictionaryScript(Script script);

// Script of a code point, mapped onto the scripts the pipeline distinguishes.
Script ScriptOf(UChar32 c);

// The shape of a word: the script of its first letter, and how its letters are cased.
struct WordShape {
  Script script = Script::kCommon;
  bool capitalized = false;  // the first letter is upper or title case
  bool all_caps = false;     // two letters or more, all upper case
};
WordShape ShapeOf(const icu::UnicodeString& text, int32_t begin, int32_t end);

// How many letters of a UTF-8 text each script has.
using ScriptCounts = std::array<int, static_cast<std::size_t>(Script::kOther) + 1>;
ScriptCounts CountScripts(std::string_view utf8);
// The script most letters are written in (kCommon when there are no letters).
Script DominantScript(const ScriptCounts& counts);
// True when the text has letters and all of them are Latin.
bool IsLatinText(std::string_view utf8);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_TEXT_SCRIPT_H_
