// End to end through the public Analyzer: where a name found in an inflected language begins and
// ends, so that its base form is the base form of the whole name and of nothing more (a person's
// name glued to the name of the institution before it, a surname's particles, an ampersand, a
// change of script).
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "analysis_lookup.h"
#include "crosswire/analyzer.h"

namespace crosswire {
namespace {

using testing::AnalyzeArticles;
using testing::CheckMentionType;
using testing::EntityOf;
using testing::EntityOfMention;
using testing::MentionOf;

TEST_CASE("a person's name after an acronym or a name in another case is a name of its own",
          "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"ru.txt",
       "В понедельник президент РАН Андрей Каприн выступил на заседании. По словам Каприна, "
       "работа продолжится весной."},
      {"pl.txt",
       "W środę marszałek Senatu Tomasz Grodzki zwołał posiedzenie. Ustawą zajmie się Senat w "
       "przyszłym tygodniu, a Grodzki zapowiedział debatę."},
  });
  CHECK(MentionOf(a, "ru.txt", "РАН Андрей Каприн") == nullptr);
  const Mention* kaprin = MentionOf(a, "ru.txt", "Андрей Каприн");
  REQUIRE(kaprin != nullptr);
  CHECK(kaprin->type == EntityType::kPerson);
  CHECK(MentionOf(a, "ru.txt", "РАН") != nullptr);  // an acronym of up to four letters stays
  // "Senatu" is in the genitive, and the batch has "Senat" on its own.
  CHECK(MentionOf(a, "pl.txt", "Senatu Tomasz Grodzki") == nullptr);
  const EntityResult* grodzki = EntityOfMention(a, MentionOf(a, "pl.txt", "Tomasz Grodzki"));
  REQUIRE(grodzki != nullptr);
  CHECK(grodzki->name == "Tomasz Grodzki");
  CHECK(grodzki->type == EntityType::kPerson);
}

TEST_CASE(
    "a person's name after a place whose ending leaves its base form open is a name of its own",
    "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"ru.txt",
       "В понедельник мэр Буэнос-Айреса Хорхе Макри объявил о новых мерах. Власти города "
       "поддержали его решение."},
  });
  // "-а" is also a nominative ending: only one of the forms it allows is a place the gazetteer
  // knows ("Буэнос-Айрес").
  CHECK(MentionOf(a, "ru.txt", "Буэнос-Айреса Хорхе Макри") == nullptr);
  const Mention* place = MentionOf(a, "ru.txt", "Буэнос-Айреса");
  REQUIRE(place != nullptr);
  CHECK(place->type == EntityType::kPlace);
  const Mention* person = MentionOf(a, "ru.txt", "Хорхе Макри");
  REQUIRE(person != nullptr);
  CHECK(person->type == EntityType::kPerson);
}

TEST_CASE("a person's first name the batch writes alone is not split off the rest of the name",
          "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"bg.txt",
       "Президентът на Бразилия Жаир Месиас Болсонаро говори в понеделник. Според Жаир мерките "
       "са излишни, а министрите мълчат."},
  });
  CHECK(MentionOf(a, "bg.txt", "Жаир Месиас Болсонаро") != nullptr);
  CHECK(MentionOf(a, "bg.txt", "Месиас Болсонаро") == nullptr);
}

TEST_CASE("two capitalised words the batch also writes in lower case are not split off as a person",
          "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"pl.txt",
       "Według NFZ Globalny Fundusz przekaże pieniądze w marcu. To globalny problem, a fundusz "
       "ma ograniczone środki."},
  });
  CHECK(MentionOf(a, "pl.txt", "Globalny Fundusz") == nullptr);
}

TEST_CASE("a surname's particles are part of the name without the first name",
          "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"bg.txt",
       "Председателят на Европейската комисия Урсула фон дер Лайен пристигна в София. По-късно "
       "фон дер Лайен се срещна с премиера."},
      {"pl.txt",
       "W środę Ursula von der Leyen przyjechała do Warszawy. W czwartek von der Leyen spotkała "
       "się z premierem."},
  });
  // Not in languages where the particles are words ("van" is "of" in Dutch).
  const Analysis dutch = AnalyzeArticles({
      {"nl.txt",
       "De premier sprak dinsdag met de koning over de begroting. Het kabinet van Rutte "
       "besloot volgens de minister dat er geen geld is voor nieuwe plannen in het land."},
  });
  CHECK(MentionOf(dutch, "nl.txt", "van Rutte") == nullptr);
  CHECK(MentionOf(dutch, "nl.txt", "Rutte") != nullptr);
  const EntityResult* bg = EntityOfMention(a, MentionOf(a, "bg.txt", "фон дер Лайен"));
  REQUIRE(bg != nullptr);
  CHECK(bg->type == EntityType::kPerson);
  CHECK(MentionOf(a, "bg.txt", "Лайен") == nullptr);
  const EntityResult* pl = EntityOfMention(a, MentionOf(a, "pl.txt", "von der Leyen"));
  REQUIRE(pl != nullptr);
  const EntityResult* full = EntityOfMention(a, MentionOf(a, "pl.txt", "Ursula von der Leyen"));
  REQUIRE(full != nullptr);
  CHECK(pl->id == full->id);
}

TEST_CASE("a capitalised adjective and a lower-case organisation noun name one organisation",
          "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"sl.txt",
       "Največ okužb so potrdili v Mestni občini Maribor, kjer so pomagali tudi gasilci. Na "
       "pomoč so poklicali Slovensko vojsko in prostovoljce Rdečega križa. Bolnike so odpeljali "
       "v bolnišnico, v Splošni bolnišnici Celje pa so jih sprejeli. Katarina doma ni bila, "
       "bolnico so prepeljali v Idrijo iz "
       "bolnišnice v Ljubljani."},
  });
  // The adjective alone would be a place or nothing ("Slovensko" is Slovakia in Slovak), the place
  // alone the organisation.
  const Mention* maribor = MentionOf(a, "sl.txt", "Mestni občini Maribor");
  REQUIRE(maribor != nullptr);
  CHECK(maribor->type == EntityType::kOrg);
  CHECK(EntityOfMention(a, maribor)->name == "Mestna občina Maribor");
  const Mention* army = MentionOf(a, "sl.txt", "Slovensko vojsko");
  REQUIRE(army != nullptr);
  CHECK(EntityOfMention(a, army)->name == "Slovenska vojska");
  const Mention* red_cross = MentionOf(a, "sl.txt", "Rdečega križa");
  REQUIRE(red_cross != nullptr);
  CHECK(EntityOfMention(a, red_cross)->name == "Rdeči križ");
  const Mention* hospital = MentionOf(a, "sl.txt", "Splošni bolnišnici Celje");
  REQUIRE(hospital != nullptr);
  CHECK(EntityOfMention(a, hospital)->name == "Splošna bolnišnica Celje");
  // "doma" is also "at home"; a place and a preposition do not agree with the noun after them.
  CHECK(MentionOf(a, "sl.txt", "Katarina doma") == nullptr);
  CHECK(MentionOf(a, "sl.txt", "Idrijo iz bolnišnice") == nullptr);
}

TEST_CASE("an ampersand joins a name that repeats a word, not two names", "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"sl.txt",
       "Cepivo podjetja Johnson & Johnson je odobreno. Britanski premier Boris Johnson je "
       "pozdravil odločitev, Pfizer & BioNTech pa sta napovedala nove odmerke."},
  });
  const EntityResult* company = EntityOfMention(a, MentionOf(a, "sl.txt", "Johnson & Johnson"));
  REQUIRE(company != nullptr);
  const EntityResult* boris = EntityOfMention(a, MentionOf(a, "sl.txt", "Boris Johnson"));
  REQUIRE(boris != nullptr);
  CHECK(company->id != boris->id);
  CHECK(MentionOf(a, "sl.txt", "Pfizer & BioNTech") == nullptr);
  CHECK(MentionOf(a, "sl.txt", "BioNTech") != nullptr);
}

TEST_CASE("an unknown word opening a sentence is no part of the acronym or place after it",
          "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"uk.txt",
       "Мешканці Польщі голосували в неділю, і явка була високою. Представники ООН спостерігали "
       "за виборами, які пройшли спокійно. Їхній звіт з’явиться наступного тижня."},
      {"en.txt", "South Africa voted on Sunday. Pretoria counted the ballots."},
  });
  CHECK(MentionOf(a, "uk.txt", "Мешканці Польщі") == nullptr);
  const Mention* poland = MentionOf(a, "uk.txt", "Польщі");
  REQUIRE(poland != nullptr);
  CHECK(poland->type == EntityType::kPlace);
  CHECK(MentionOf(a, "uk.txt", "Представники ООН") == nullptr);
  CHECK(MentionOf(a, "uk.txt", "ООН") != nullptr);
  // A place of several words at the start of a sentence stays whole.
  CHECK(MentionOf(a, "en.txt", "South Africa") != nullptr);
}

TEST_CASE("Romance particles join a name in Slavic text, and a company's legal form keeps its dot",
          "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"pl.txt",
       "W sobotę w Rio de Janeiro otwarto nowy szpital. Według spółki Pfizer Inc. szczepionki "
       "już tam są, a dostawy potwierdziła też Moderna Inc. w poniedziałek."},
      {"bg.txt",
       "Карнавалът в Рио де Жанейро беше отменен тази година. Кметът на Рио де Жанейро обясни "
       "решението с пандемията."},
  });
  CHECK(MentionOf(a, "pl.txt", "Rio de Janeiro") != nullptr);
  CHECK(MentionOf(a, "bg.txt", "Рио де Жанейро") != nullptr);
  const Mention* pfizer = MentionOf(a, "pl.txt", "Pfizer Inc.");
  REQUIRE(pfizer != nullptr);
  CHECK(pfizer->type == EntityType::kOrg);
  CHECK(MentionOf(a, "pl.txt", "Moderna Inc.") != nullptr);
}

TEST_CASE("a name in one script ends where the next word is in another", "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"uk.txt",
       "Генеральний директор AstraZeneca Паскаль Соріо заявив, що поставки зростуть. Соріо "
       "додав, що компанія виконає контракт."},
  });
  CHECK(MentionOf(a, "uk.txt", "AstraZeneca Паскаль Соріо") == nullptr);
  CHECK(MentionOf(a, "uk.txt", "AstraZeneca") != nullptr);
  // The name and its surname alone are one entity. (Its type is the model's: the one that types
  // the rules' candidates reads this Ukrainian name as a place, as the full tagger does.)
  CHECK(testing::SameEntity(a, "uk.txt", "Паскаль Соріо", "uk.txt", "Соріо"));
}

TEST_CASE("a first name and a surname after the words of another name are a name of their own",
          "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"cs.txt",
       "Mluvčí Kremlu Dmitrij Peskov v pondělí řekl, že jednání budou pokračovat i příští "
       "týden. Podle něj je na dohodu ještě brzy."},
      {"sl.txt",
       "Župan Ljubljane Zoran Janković je v ponedeljek napovedal nove ukrepe za mestni promet. "
       "Svetniki jih bodo obravnavali prihodnji teden."},
  });
  CHECK(MentionOf(a, "cs.txt", "Kremlu Dmitrij Peskov") == nullptr);
  CheckMentionType(a, "cs.txt", "Dmitrij Peskov", EntityType::kPerson);
  // The words between the title and the person say whose title it is: no person.
  const Mention* kremlin = MentionOf(a, "cs.txt", "Kremlu");
  CHECK((kremlin == nullptr || kremlin->type != EntityType::kPerson));
  CHECK(MentionOf(a, "sl.txt", "Ljubljane Zoran Janković") == nullptr);
  CheckMentionType(a, "sl.txt", "Zoran Janković", EntityType::kPerson);
}

TEST_CASE("a person's name stays inside an organisation's name and after a title",
          "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"pl.txt",
       "Badania prowadzi Collegium Medicum Uniwersytetu Kardynała Stefana Wyszyńskiego. "
       "Pieniądze na nie przekazała Fundacja Billa Gatesa, która wspiera takie projekty."},
      {"pt.txt",
       "O anúncio foi feito pelo presidente Marcelo Rebelo de Sousa na segunda-feira, depois de "
       "uma reunião com o governo."},
  });
  CHECK(MentionOf(a, "pl.txt", "Collegium Medicum Uniwersytetu Kardynała Stefana Wyszyńskiego") !=
        nullptr);
  CHECK(MentionOf(a, "pl.txt", "Stefana Wyszyńskiego") == nullptr);
  CHECK(MentionOf(a, "pl.txt", "Fundacja Billa Gatesa") != nullptr);
  CHECK(MentionOf(a, "pt.txt", "Marcelo Rebelo de Sousa") != nullptr);
}

TEST_CASE("a title in a case form is no part of the name after it", "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"ru.txt",
       "По поручению Президента России Владимира Путина в январе начнется массовая вакцинация. "
       "Первыми прививку получат врачи и учителя."},
  });
  CHECK(MentionOf(a, "ru.txt", "Президента России Владимира Путина") == nullptr);
  CHECK(MentionOf(a, "ru.txt", "Президента России") == nullptr);
  CheckMentionType(a, "ru.txt", "Владимира Путина", EntityType::kPerson);
  CheckMentionType(a, "ru.txt", "России", EntityType::kPlace);
}

TEST_CASE("adjectives listed before the region noun they share are places",
          "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"cs.txt",
       "Vakcínu jako první dostaly nemocnice v Jihočeském, Plzeňském a Ústeckém kraji. Další "
       "kraje přijdou na řadu příští týden."},
  });
  for (const char* text : {"Jihočeském", "Plzeňském"}) {
    CheckMentionType(a, "cs.txt", text, EntityType::kPlace);
  }
  const EntityResult* first = EntityOf(a, "cs.txt", "Jihočeském");
  REQUIRE(first != nullptr);
  CHECK(first->name == "Jihočeský");
  // Not a list: a capitalised word before a comma and another name. (Without the titles, the
  // model that types the rules' candidates reads the bare surnames "Nováka, Dvořáka" as places.)
  const Analysis b = AnalyzeArticles({
      {"cs.txt",
       "Podle ministra Nováka, poslance Dvořáka a senátora Svobody je opatření zbytečné. "
       "Ministr zdravotnictví to odmítl."},
  });
  const Mention* novak = MentionOf(b, "cs.txt", "Nováka");
  CHECK((novak == nullptr || novak->type != EntityType::kPlace));
}

TEST_CASE("a first name the list of first names knows gives the base form of the whole name",
          "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"sl.txt",
       "Po mnenju nemškega virologa Christiana Drostena bo zima težka za vse bolnišnice. Vlada "
       "bo ukrepe sprejela prihodnji teden."},
      {"pl.txt",
       "Matylda Damięcka zagrała główną rolę w nowym filmie. Premiera odbędzie się w grudniu w "
       "Warszawie."},
  });
  const EntityResult* drosten = EntityOf(a, "sl.txt", "Christiana Drostena");
  REQUIRE(drosten != nullptr);
  CHECK(drosten->name == "Christian Drosten");
  // A first name the list knows as written stays so: no "Matyld".
  const EntityResult* damiecka = EntityOf(a, "pl.txt", "Matylda Damięcka");
  REQUIRE(damiecka != nullptr);
  CHECK(damiecka->name == "Matylda Damięcka");
}

TEST_CASE("two sentences written without a space after the full stop are two sentences",
          "[base_forms][extent]") {
  const Analysis a = AnalyzeArticles({
      {"ru.txt",
       "В пятницу на брифинге выступил министр Михаил Мурашко.Ранее ведомство сообщало о новых "
       "мерах. Об этом сообщили в США.Эти меры вступят в силу в марте, сообщает сайт Gazeta.ru."},
  });
  CHECK(MentionOf(a, "ru.txt", "Михаил Мурашко.Ранее") == nullptr);
  CheckMentionType(a, "ru.txt", "Михаил Мурашко", EntityType::kPerson);
  CHECK(MentionOf(a, "ru.txt", "США.Эти") == nullptr);
  CHECK(MentionOf(a, "ru.txt", "Эти") == nullptr);  // a sentence's first word, no name
  CheckMentionType(a, "ru.txt", "США", EntityType::kPlace);
  // A domain keeps its dot.
  CHECK(MentionOf(a, "ru.txt", "Gazeta") == nullptr);
}

}  // namespace
}  // namespace crosswire
