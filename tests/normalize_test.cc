// Tests of the match keys every stage compares text with (core/text/normalize.h). The Unicode
// conformance file is checked in conformance_test.cc; these are the keys built on top of it.
#include "text/normalize.h"

#include <catch2/catch.hpp>
#include <string>

namespace crosswire {
namespace {

TEST_CASE("match keys fold case and compatibility forms", "[normalize]") {
  CHECK(MatchKey(std::string_view("Lukashenko")) == "lukashenko");
  CHECK(MatchKey(std::string_view("ЛУКАШЕНКО")) == "лукашенко");
  CHECK(MatchKey(std::string_view("Straße")) == "strasse");    // full case folding
  CHECK(MatchKey(std::string_view("ﬁnance")) == "finance");    // ligature (NFKC)
  CHECK(MatchKey(std::string_view("Ｔｏｋｙｏ")) == "tokyo");  // full-width letters
  CHECK(MatchKey(std::string_view("e\xCC\x81")) ==
        MatchKey(std::string_view("é")));  // decomposed and composed agree
  CHECK(MatchKey(FromUtf8("Téhéran")) == MatchKey(std::string_view("Téhéran")));
}

TEST_CASE("folded keys drop accents of Latin, Cyrillic and Greek only", "[normalize]") {
  CHECK(FoldedKey(std::string_view("Téhéran")) == "teheran");
  CHECK(FoldedKey(std::string_view("Łódź")) == FoldedKey(std::string_view("Łodz")));
  CHECK(FoldedKey(std::string_view("Ἀθῆναι")) == FoldedKey(std::string_view("Αθηναι")));
  // й is и with a breve in NFD: the folded key is the loose one, the match key keeps the letter.
  CHECK(FoldedKey(std::string_view("Йошкар-Ола")) == "иошкар-ола");
  CHECK(MatchKey(std::string_view("Йошкар-Ола")) == "йошкар-ола");
  // Thai vowel marks and Arabic harakat are letters there: kept.
  CHECK(FoldedKey(std::string_view("ลูกาเชนโก")) == MatchKey(std::string_view("ลูกาเชนโก")));
  CHECK(FoldedKey(std::string_view("مُحَمَّد")) != FoldedKey(std::string_view("محمد")));
}

TEST_CASE("case folding keeps the text otherwise as written", "[normalize]") {
  CHECK(CaseFold("Organisation de Coopération") == "organisation de coopération");
  CHECK(CaseFold("ΣΟΦΙΑ") == "σοφια");
  CHECK(CaseFold("") == "");
}

TEST_CASE("the normal forms of ICU are reachable by name", "[normalize]") {
  const icu::UnicodeString composed = FromUtf8("é");
  const icu::UnicodeString decomposed = FromUtf8("e\xCC\x81");
  CHECK(Normalize(decomposed, NormalForm::kNfc) == composed);
  CHECK(Normalize(composed, NormalForm::kNfd) == decomposed);
  CHECK(ToUtf8(Normalize(FromUtf8("ﬁ"), NormalForm::kNfkc)) == "fi");
  CHECK(ToUtf8(Normalize(FromUtf8("ﬁ"), NormalForm::kNfc)) == "ﬁ");
  CHECK(ToUtf8(Normalize(FromUtf8("Ⅻ"), NormalForm::kNfkcCasefold)) == "xii");
}

TEST_CASE("UTF-8 round-trips through ICU strings", "[normalize]") {
  for (std::string s : {"", "ascii", "Лукашенко", "ลูกาเชนโก", "上海合作组织", "🙂 emoji"}) {
    CHECK(ToUtf8(FromUtf8(s)) == s);
  }
}

}  // namespace
}  // namespace crosswire
