// Tests of the gazetteer: CLDR places in many scripts (gen/places.tsv), curated aliases, demonyms.
#include "gazetteer.h"

#include <catch2/catch.hpp>
#include <string>

#include "data_pack.h"
#include "embedded_tables.h"
#include "text/normalize.h"

namespace crosswire {
namespace {

const Gazetteer& Embedded() { return testing::EmbeddedGazetteer(); }

std::string CanonicalOf(std::string_view name) {
  std::optional<GazetteerEntry> entry = Embedded().Lookup(name);
  return entry ? entry->canonical : std::string();
}

TEST_CASE("region names in every script name one place", "[gazetteer]") {
  for (std::string_view name : {"Belarus", "Biélorussie", "Bélarus", "Беларусь", "Білорусь",
                                "เบลารุส", "白俄罗斯", "بيلاروس"}) {
    INFO(name);
    CHECK(CanonicalOf(name) == "Belarus");
    CHECK(Embedded().Lookup(name)->type == EntityType::kPlace);
  }
  CHECK(CanonicalOf("Iran") == "Iran");
  CHECK(CanonicalOf("อิหร่าน") == "Iran");
  CHECK(CanonicalOf("Iraq") == "Iraq");
  CHECK(CanonicalOf("Iran") != CanonicalOf("Iraq"));
  // The same id for every spelling.
  CHECK(Embedded().Lookup("Biélorussie")->id == Embedded().Lookup("เบลารุส")->id);
}

TEST_CASE("time-zone cities are places, with diacritics optional", "[gazetteer]") {
  CHECK(CanonicalOf("Tehran") == "Tehran");
  CHECK(CanonicalOf("Téhéran") == "Tehran");
  CHECK(CanonicalOf("Teheran") == "Tehran");  // folded: no accents typed
  CHECK(CanonicalOf("TEHRAN") == "Tehran");
  CHECK(CanonicalOf("เตหะราน") == "Tehran");
  CHECK(CanonicalOf("Minsk") == "Minsk");
  CHECK(CanonicalOf("Минск") == "Minsk");
}

TEST_CASE("names that are not places are not found", "[gazetteer]") {
  CHECK_FALSE(Embedded().Lookup("According").has_value());
  CHECK_FALSE(Embedded().Lookup("Ahmadian").has_value());
  CHECK_FALSE(Embedded().Lookup("").has_value());
  // Two-letter CLDR abbreviations (Danish "FN" for the UN) are left out of the table.
  CHECK_FALSE(Embedded().Lookup("FN").has_value());
  // Antarctic stations are named after people.
  CHECK_FALSE(Embedded().Lookup("Casey").has_value());
}

TEST_CASE("demonyms point to their place but are not its names", "[gazetteer]") {
  REQUIRE(Embedded().LookupDemonym("Iranian").has_value());
  CHECK(Embedded().LookupDemonym("Iranian")->canonical == "Iran");
  CHECK(Embedded().LookupDemonym("iranienne")->canonical == "Iran");
  CHECK(Embedded().LookupDemonym("biélorusse")->canonical == "Belarus");
  CHECK(Embedded().LookupDemonym("Belarusian")->canonical == "Belarus");
  CHECK_FALSE(Embedded().Lookup("Iranian").has_value());
  CHECK_FALSE(Embedded().LookupDemonym("Iran").has_value());
}

TEST_CASE("longest match in text without spaces ends on a given boundary", "[gazetteer]") {
  icu::UnicodeString text = FromUtf8("มินสค์และเตหะรานยังเรียกร้อง");
  std::u16string_view view(reinterpret_cast<const char16_t*>(text.getBuffer()), text.length());
  const int32_t tehran_begin = text.indexOf(FromUtf8("เตหะราน"));
  const int32_t tehran_end = tehran_begin + FromUtf8("เตหะราน").length();
  std::vector<int32_t> ends;
  for (int32_t i = tehran_begin + 1; i <= text.length(); ++i) ends.push_back(i);
  std::optional<Gazetteer::Hit> hit = Embedded().LongestMatch(view, tehran_begin, ends);
  REQUIRE(hit.has_value());
  CHECK(hit->entry.canonical == "Tehran");
  CHECK(hit->utf16_end == tehran_end);
  // Not at a boundary the caller allows: no match.
  std::vector<int32_t> wrong = {tehran_end + 1};
  CHECK_FALSE(Embedded().LongestMatch(view, tehran_begin, wrong).has_value());
  // Nothing starts here.
  CHECK_FALSE(Embedded().LongestMatch(view, tehran_begin + 1, ends).has_value());
}

TEST_CASE("curated aliases come first and may name organisations", "[gazetteer]") {
  std::string places = "PLACE\tGeorgia\tGéorgie\tGrusien\n";
  std::string aliases =
      "# test aliases\nORG\tShanghai Cooperation Organization\tSCO\tOCS\n"
      "PLACE\tGeorgia\tSakartvelo\n";
  std::string demonyms = "Georgia\tGeorgian\tgéorgien\n";
  DataPack pack(
      {{"aliases/orgs.tsv", aliases}, {"cues/demonyms.tsv", demonyms}, {"gen/places.tsv", places}});
  auto created = Gazetteer::Create(pack);
  REQUIRE(created.ok());
  const Gazetteer& gazetteer = *created.value();
  REQUIRE(gazetteer.Lookup("OCS").has_value());
  CHECK(gazetteer.Lookup("OCS")->type == EntityType::kOrg);
  CHECK(gazetteer.Lookup("OCS")->canonical == "Shanghai Cooperation Organization");
  // An acronym of three capitals matches in capitals only (IsShortAcronym in core/gazetteer.cc).
  CHECK_FALSE(gazetteer.Lookup("ocs").has_value());
  // One entry for a place named in two files.
  CHECK(gazetteer.Lookup("Sakartvelo")->id == gazetteer.Lookup("Géorgie")->id);
  CHECK(gazetteer.LookupDemonym("Georgian")->canonical == "Georgia");
  CHECK(gazetteer.size() == 2);
}

TEST_CASE("names of several words match in inflected forms, word by word", "[gazetteer]") {
  auto inflected = [](std::string_view name) {
    std::optional<GazetteerEntry> entry = Embedded().LookupInflected(name);
    return entry ? entry->canonical : std::string();
  };
  CHECK(inflected("Svetovne zdravstvene organizacije") == "World Health Organization");
  CHECK(inflected("Всемирной организации здравоохранения") == "World Health Organization");
  CHECK(inflected("Российской Федерации") == "Russia");
  CHECK(inflected("Federacji Rosyjskiej") == "Russia");
  CHECK(inflected("Unii Europejskiej") == "European Union");
  // Another word, not another ending: no match.
  CHECK(inflected("Světová obchodní organizace") != "World Health Organization");
  CHECK(inflected("Svetovne zdravstvene").empty());
  CHECK(inflected("Ruska").empty());  // one word: base-form work, not this
  // An acronym that is also a word matches only in capitals.
  CHECK(CanonicalOf("WHO") == "World Health Organization");
  CHECK(CanonicalOf("Who").empty());
  CHECK(CanonicalOf("who").empty());
  // So does every acronym of two or three capitals: in another case it is often a short word of
  // some language (Spanish "Un", Italian "Uno", Russian "Он", Portuguese "Eu", Italian "Usa").
  CHECK(CanonicalOf("UN") == "United Nations");
  CHECK(CanonicalOf("ОН") == "United Nations");
  CHECK(CanonicalOf("EU") == "European Union");
  for (const char* word : {"Un", "un", "Uno", "Он", "он", "Eu", "eu"}) {
    INFO(word);
    CHECK(CanonicalOf(word).empty());
  }
  // News agencies, as the Slavic news names them.
  CHECK(CanonicalOf("РИА Новости") == "RIA Novosti");
  CHECK(CanonicalOf("Ройтерс") == "Reuters");
  CHECK(CanonicalOf("Інтерфакс") == "Interfax");
  CHECK(CanonicalOf("PAP") == "Polish Press Agency");
  CHECK(CanonicalOf("Pap").empty());
  // Longer acronyms keep matching in any case ("Nato", "Unesco").
  CHECK(CanonicalOf("Nato") == CanonicalOf("NATO"));
  CHECK_FALSE(CanonicalOf("NATO").empty());
}

TEST_CASE("a malformed alias line is a data error that names the line", "[gazetteer]") {
  std::string aliases = "PLACE\tGeorgia\tGéorgie\nTOWN\tTbilisi\n";
  DataPack pack({{"aliases/bad.tsv", aliases}});
  auto created = Gazetteer::Create(pack);
  REQUIRE_FALSE(created.ok());
  CHECK(created.status().code() == StatusCode::kDataError);
  CHECK(created.status().message().find("line 2") != std::string::npos);
}

TEST_CASE("the generated places table stays within its size budget", "[gazetteer]") {
  std::optional<std::string_view> places = DataPack::Embedded().Find("gen/places.tsv");
  REQUIRE(places.has_value());
  CHECK(places->size() < 340 * 1024);
  CHECK(Embedded().size() > 500);
}

}  // namespace
}  // namespace crosswire
