// Tests of the ground floor every stage uses (core/text/): scripts, data-file fields, language
// tags.
#include <catch2/catch.hpp>
#include <string>

#include "text/fields.h"
#include "text/language_tag.h"
#include "text/script.h"

namespace crosswire {
namespace {

TEST_CASE("code points map onto the scripts the pipeline tells apart", "[text]") {
  CHECK(ScriptOf(U'a') == Script::kLatin);
  CHECK(ScriptOf(U'é') == Script::kLatin);
  CHECK(ScriptOf(U'Л') == Script::kCyrillic);
  CHECK(ScriptOf(U'Ω') == Script::kGreek);
  CHECK(ScriptOf(U'ล') == Script::kThai);
  CHECK(ScriptOf(U'中') == Script::kHan);
  CHECK(ScriptOf(U'ひ') == Script::kKana);  // Hiragana and Katakana are one script here
  CHECK(ScriptOf(U'カ') == Script::kKana);
  CHECK(ScriptOf(U'한') == Script::kHangul);
  CHECK(ScriptOf(U'م') == Script::kArabic);
  CHECK(ScriptOf(U'7') == Script::kCommon);
  CHECK(ScriptOf(U'.') == Script::kCommon);
  CHECK(ScriptOf(0x0301) == Script::kCommon);  // a combining accent inherits its base's script
  CHECK(ScriptOf(U'ሀ') == Script::kOther);     // Ethiopic: no rules of its own
  CHECK(ScriptName(Script::kThai) == "Thai");
  CHECK(IsCasedScript(Script::kCyrillic));
  CHECK_FALSE(IsCasedScript(Script::kArabic));
  CHECK(IsDictionaryScript(Script::kKana));
  CHECK_FALSE(IsDictionaryScript(Script::kLatin));
}

TEST_CASE("letters are counted per script and the dominant one is found", "[text]") {
  const ScriptCounts counts = CountScripts("สำนักข่าว IRNA 2024");
  CHECK(counts[static_cast<std::size_t>(Script::kLatin)] == 4);
  CHECK(counts[static_cast<std::size_t>(Script::kThai)] > 4);
  CHECK(counts[static_cast<std::size_t>(Script::kCommon)] == 0);  // digits are not letters
  CHECK(DominantScript(counts) == Script::kThai);
  CHECK(DominantScript(CountScripts("2024 !")) == Script::kCommon);
  CHECK(IsLatinText("Volfovich"));
  CHECK(IsLatinText("Jean-Pierre 2"));
  CHECK_FALSE(IsLatinText("Вольфович"));
  CHECK_FALSE(IsLatinText("IRNA สำนักข่าว"));
  CHECK_FALSE(IsLatinText("2024"));  // no letters
}

TEST_CASE("fields are split at the separator, with or without empty ones", "[text]") {
  const std::vector<std::string_view> all = SplitFields("a\t\tb c\t");
  REQUIRE(all.size() == 4);
  CHECK(all[0] == "a");
  CHECK(all[1].empty());
  CHECK(all[2] == "b c");
  CHECK(all[3].empty());
  CHECK(SplitFields("").size() == 1);
  CHECK(SplitFields("x|y", '|').size() == 2);
  const std::vector<std::string_view> kept = NonEmptyFields(" a \t\t b c \t ");
  REQUIRE(kept.size() == 2);
  CHECK(kept[0] == "a");
  CHECK(kept[1] == "b c");
  CHECK(TrimSpaces(" \t x y \r") == "x y");
}

TEST_CASE("language tags give their primary subtag, and CLDR's name for it", "[text]") {
  CHECK(PrimaryLanguage("pt-BR") == "pt");
  CHECK(PrimaryLanguage("sr_Latn") == "sr");
  CHECK(PrimaryLanguage("EN") == "en");
  CHECK(PrimaryLanguage("und") == "und");
  CHECK(PrimaryLanguage("").empty());
  CHECK(CldrLanguage("no") == "nb");
  CHECK(CldrLanguage("tl") == "fil");
  CHECK(CldrLanguage("fr") == "fr");
}

}  // namespace
}  // namespace crosswire
