// Language identification: the shipped identifier on the seeds and on paragraphs, "und" when
// unsure, and (natively) its agreement with CLD2, the reference.
#include "language.h"

#include <catch2/catch.hpp>

#include "data_pack.h"
#include "text/normalize.h"
#include "segment.h"
#include "test_util.h"

#ifdef CROSSWIRE_HAVE_CLD2
// CLD2's header uses FILE without including <cstdio>.
#include <cstdio>
// clang-format off
#include <cld2/public/compact_lang_det.h>
// clang-format on
#endif

namespace crosswire {
namespace {

const LanguageIdentifier& Identifier() {
  static const std::unique_ptr<LanguageIdentifier> id = [] {
    auto created = LanguageIdentifier::Create(DataPack::Embedded());
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return *id;
}

std::string Identify(std::string_view utf8) {
  icu::UnicodeString text = FromUtf8(utf8);
  return Identifier().Identify(text, 0, text.length()).lang;
}

const std::vector<std::pair<std::string, std::string>>& Samples() {
  static const std::vector<std::pair<std::string, std::string>> samples = {
      {"en",
       "The two sides called for expanding cooperation in the fields of industry, mining and "
       "trade."},
      {"fr",
       "Les deux responsables ont également suggéré de renforcer les relations bilatérales dans "
       "des domaines stratégiques."},
      {"de",
       "Die beiden Seiten forderten eine Ausweitung der Zusammenarbeit in den Bereichen Industrie, "
       "Bergbau und Handel."},
      {"es",
       "Las dos partes pidieron ampliar la cooperación en los ámbitos de la industria, la minería "
       "y el comercio."},
      {"it",
       "Le due parti hanno chiesto di ampliare la cooperazione nei settori dell'industria, delle "
       "miniere e del commercio."},
      {"pt",
       "As duas partes apelaram ao alargamento da cooperação nos domínios da indústria, da "
       "mineração e do comércio."},
      {"nl",
       "Beide partijen riepen op tot uitbreiding van de samenwerking op het gebied van industrie, "
       "mijnbouw en handel."},
      {"ru",
       "Стороны призвали расширить сотрудничество в области промышленности, горнодобывающей "
       "отрасли и торговли."},
      {"uk",
       "Сторони закликали розширити співпрацю у сферах промисловості, гірничодобувної галузі та "
       "торгівлі."},
      {"pl",
       "Obie strony wezwały do rozszerzenia współpracy w dziedzinie przemysłu, górnictwa i handlu "
       "między krajami."},
      {"tr",
       "İki taraf sanayi, madencilik ve ticaret alanlarında işbirliğinin genişletilmesi çağrısında "
       "bulundu."},
      {"ar",
       "دعا الجانبان إلى توسيع التعاون في مجالات الصناعة والتعدين والتجارة بين البلدين الصديقين."},
      {"fa", "دو طرف خواستار گسترش همکاری در زمینه های صنعت، معدن و تجارت میان دو کشور شدند."},
      {"th", "ทั้งสองฝ่ายเรียกร้องให้ขยายความร่วมมือในด้านอุตสาหกรรม การทำเหมืองแร่ และการค้า"},
      {"el",
       "Οι δύο πλευρές ζήτησαν την επέκταση της συνεργασίας στους τομείς της βιομηχανίας και του "
       "εμπορίου."},
      {"he", "שני הצדדים קראו להרחיב את שיתוף הפעולה בתחומי התעשייה, הכרייה והמסחר."},
      {"ja", "両国は産業、鉱業、貿易の分野での協力を拡大するよう呼びかけた。"},
      {"ko", "양측은 산업, 광업, 무역 분야의 협력 확대를 촉구했다."},
      {"hi", "दोनों पक्षों ने उद्योग, खनन और व्यापार के क्षेत्र में सहयोग बढ़ाने का आह्वान किया।"},
  };
  return samples;
}

TEST_CASE("sentences in many languages are identified", "[language]") {
  for (const auto& [lang, text] : Samples()) {
    INFO(text);
    CHECK(Identify(text) == lang);
  }
}

TEST_CASE("too little text is und, or English with no confidence", "[language]") {
  CHECK(Identify("") == "und");
  CHECK(Identify("2024") == "und");
  // ASCII letters with no function word of any language: English by default, never confidently.
  icu::UnicodeString names = FromUtf8("SCO BRICS");
  const LanguageGuess guess = Identifier().Identify(names, 0, names.length());
  CHECK(guess.lang == "en");
  CHECK(guess.confidence == 0);
  // Letters outside ASCII are evidence against English.
  CHECK(Identify("Tornerò") == "und");
}

TEST_CASE("short sentences are identified by their function words", "[language]") {
  CHECK(Identify("I'll go back Oct. 2") == "en");
  CHECK(Identify("Teixeira was traded from Atlanta to Los Angeles in July.") == "en");
  CHECK(Identify("Ik ga vrijdag terug") == "nl");
  CHECK(Identify("Tornerò il ventinove maggio") == "it");
  CHECK(Identify("jag åker tillbaka första fredagen i juli") == "sv");
  CHECK(Identify("Rusko ještě vyzkouší svou vakcínu na 40.000 lidech") == "cs");
  // A script one language owns needs only a word: Japanese by its kana.
  CHECK(Identify("私は15-9-18に戻ります") == "ja");
}

TEST_CASE("a web address is no evidence of a language", "[language]") {
  // The words of the address would read as Swedish; the rest of the line is English.
  CHECK(Identify("Read more: http: / / www. bbc. co. uk / news / uk - england - somerset - 23395104") ==
        "en");
  CHECK(Identify("Lire la suite sur le site du journal: http://www.bbc.co.uk/news/uk-england") == "fr");
}

TEST_CASE("a paragraph in another language than the article is identified", "[language]") {
  Document doc;
  doc.text = FromUtf8(
      "Les deux responsables ont également suggéré de renforcer les relations bilatérales dans des "
      "domaines stratégiques.\n"
      "The two sides called for expanding cooperation in the fields of industry, mining and trade, "
      "the agency said.\n"
      "Il a également insisté sur la nécessité d'une coopération élargie entre les Etats "
      "indépendants.\n");
  Identifier().IdentifyDocument(doc, "");
  CHECK(doc.lang == "fr");
  SplitParagraphs(doc);
  Identifier().IdentifyParagraphs(doc);
  REQUIRE(doc.paragraphs.size() == 3);
  CHECK(doc.paragraphs[0].lang == "fr");
  CHECK(doc.paragraphs[1].lang == "en");
  CHECK(doc.paragraphs[2].lang == "fr");
}

#ifdef CROSSWIRE_HAVE_CLD2
std::string Cld2(const std::string& text) {
  bool reliable = false;
  CLD2::Language lang =
      CLD2::DetectLanguage(text.data(), static_cast<int>(text.size()), true, &reliable);
  std::string code = CLD2::LanguageCode(lang);
  if (code == "iw") code = "he";  // CLD2 uses the old code for Hebrew
  return code;
}

TEST_CASE("agreement with CLD2 on the seeds and the samples", "[language][cld2]") {
  int agree = 0, total = 0;
  for (const std::string& id : testing::SeedIds()) {
    std::string text = testing::SeedText(id);
    CHECK(Identify(text) == Cld2(text));
    agree += Identify(text) == Cld2(text);
    ++total;
  }
  for (const auto& [lang, text] : Samples()) {
    agree += Identify(text) == Cld2(text);
    ++total;
  }
  WARN("agreement with CLD2: " << agree << "/" << total);
  CHECK(agree >= total - 1);
}
#endif

}  // namespace
}  // namespace crosswire
