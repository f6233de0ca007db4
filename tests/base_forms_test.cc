// Tests of base forms: real inflected names from news in each language with rules, and words that
// must stay as they are.
#include "base_forms.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "embedded_tables.h"

namespace crosswire {
namespace {

const BaseForms& Forms() { return testing::EmbeddedBaseForms(); }

TEST_CASE("inflected names return to their base form", "[base_forms]") {
  struct Case {
    const char* lang;
    const char* inflected;
    const char* base;
  };
  const Case cases[] = {
      {"pl", "Polsce", "Polska"},
      {"pl", "Wielkiej Brytanii", "Wielka Brytania"},
      {"pl", "Andrzeja Kruczkiewicza", "Andrzej Kruczkiewicz"},
      {"cs", "Německu", "Německo"},
      {"sl", "Veliki Britaniji", "Velika Britanija"},
      {"uk", "Ізраїлі", "Ізраїль"},
      {"ru", "Великобритании", "Великобритания"},
      {"bg", "Националния", "Национален"},
  };
  for (const Case& c : cases) {
    INFO(c.lang << " " << c.inflected);
    CHECK(Forms().Of(c.inflected, c.lang) == c.base);
  }
}

TEST_CASE("an ending shared by base and inflected forms offers candidates", "[base_forms]") {
  // Polish "-y" ends nominatives (Chiny) and genitives (Ukrainy): no rewrite applies on its own,
  // but the candidates hold the base form for a dictionary to confirm.
  CHECK(Forms().Of("Ukrainy", "pl") == "Ukrainy");
  const std::vector<icu::UnicodeString> candidates =
      Forms().Candidates(icu::UnicodeString::fromUTF8("Ukrainy"), "pl");
  CHECK(std::find(candidates.begin(), candidates.end(), icu::UnicodeString::fromUTF8("Ukraina")) !=
        candidates.end());
  CHECK(Forms().Candidates(icu::UnicodeString::fromUTF8("Ukrainy"), "en").empty());
}

TEST_CASE("base forms leave other languages and base forms alone", "[base_forms]") {
  CHECK(Forms().Of("Polska", "pl") == "Polska");
  CHECK(Forms().Of("Donald Trump", "pl") == "Donald Trump");
  CHECK(Forms().Of("Trumpa", "en") == "Trumpa");  // no rules for English
  CHECK(Forms().Of("Trumpa", "und") == "Trumpa");
  CHECK(Forms().Of("", "pl").empty());
  CHECK_FALSE(Forms().Has("en"));
  CHECK(Forms().Has("pl"));
}

TEST_CASE("adjectives in an oblique case are told by their endings", "[base_forms]") {
  auto has = [](const char* word, const char* lang) {
    return Forms().HasAdjectiveEnding(icu::UnicodeString::fromUTF8(word), lang);
  };
  CHECK(has("Warszawskiego", "pl"));
  CHECK(has("Zagranicznych", "pl"));
  CHECK_FALSE(has("Premiera", "pl"));
  CHECK(has("Российской", "ru"));
  CHECK_FALSE(has("Пастера", "ru"));
  CHECK(has("Karlovou", "cs"));
  CHECK_FALSE(has("Warszawskiego", "en"));
  CHECK_FALSE(has("ej", "pl"));  // an ending alone is no adjective
}

TEST_CASE("a malformed rule file is a data error", "[base_forms]") {
  const DataPack bad(std::vector<DataFile>{{"base_forms/xx.txt", "ending-only\n"}});
  CHECK(BaseForms::Load(bad).status().code() == StatusCode::kDataError);
  const DataPack longer(std::vector<DataFile>{{"base_forms/xx.txt", "a\tabc\t-\t3\t3\n"}});
  CHECK(BaseForms::Load(longer).status().code() == StatusCode::kDataError);
}

}  // namespace
}  // namespace crosswire

namespace crosswire {
namespace {

TEST_CASE("Turkish endings after an apostrophe are dropped", "[base_forms]") {
  CHECK(Forms().Of("Türkiye'nin", "tr") == "Türkiye");
  CHECK(Forms().Of("Ankara'ya", "tr") == "Ankara");
  CHECK(Forms().Of("Erdoğan’ın", "tr") == "Erdoğan");
  CHECK(Forms().Of("İstanbul'daki", "tr") == "İstanbul");
  CHECK(Forms().Of("Ankara", "tr") == "Ankara");
}

TEST_CASE("a German genitive -s is only a candidate", "[base_forms]") {
  CHECK(Forms().Of("Deutschlands", "de") == "Deutschlands");  // Paris, Athens end in -s too
  const auto candidates = Forms().Candidates(icu::UnicodeString::fromUTF8("Deutschlands"), "de");
  CHECK(std::find(candidates.begin(), candidates.end(),
                  icu::UnicodeString::fromUTF8("Deutschland")) != candidates.end());
}

}  // namespace
}  // namespace crosswire
