// End to end through the public Analyzer: a country name in a case form of a language whose rules
// come from its grammar (core/data/base_forms/) is found as a place and is the same entity as the
// English name, one test per language family.
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "analysis_lookup.h"
#include "crosswire/analyzer.h"

namespace crosswire {
namespace {

const char kEnglish[] =
    "The German chancellor met leaders from Finland, Estonia, Hungary, Lithuania, Latvia, "
    "Greece, Slovakia, Croatia, Serbia, Belarus, Turkey and Egypt in Berlin on Monday. Germany "
    "said the talks on security in Europe and on the war in Ukraine had gone well.";

Analysis AnalyzeWithEnglish(const std::vector<std::pair<std::string, std::string>>& articles) {
  auto analyzer = std::move(Analyzer::Create()).value();
  REQUIRE(analyzer->AddArticle("en.txt", kEnglish).ok());
  for (const auto& [id, text] : articles) REQUIRE(analyzer->AddArticle(id, text).ok());
  return analyzer->Analyze();
}

using testing::MentionOf;

std::string LangOf(const Analysis& a, const std::string& id) {
  for (const ArticleResult& article : a.articles) {
    if (article.id == id) return article.lang;
  }
  return {};
}

// Each (article, inflected form) is a place mention in the entity of the English "Germany".
void CheckGermany(const std::vector<std::pair<std::string, std::string>>& articles,
                  const std::vector<std::pair<std::string, std::string>>& forms) {
  const Analysis a = AnalyzeWithEnglish(articles);
  const Mention* germany = MentionOf(a, "en.txt", "Germany");
  REQUIRE(germany != nullptr);
  for (const auto& [id, text] : forms) {
    INFO(id << " (identified as " << LangOf(a, id) << "): " << text);
    CHECK(LangOf(a, id) == id.substr(0, id.find('.')));
    const Mention* m = MentionOf(a, id, text);
    REQUIRE(m != nullptr);
    CHECK(m->type == EntityType::kPlace);
    CHECK(m->entity == germany->entity);
  }
}

TEST_CASE("Finnic case forms of a country are the country", "[base_forms][analyzer]") {
  CheckGermany({{"fi.txt",
                 "Liittokansleri vieraili maanantaina Helsingissä. Tapaamisessa keskusteltiin "
                 "turvallisuudesta ja sodasta Ukrainassa. Pääministerin mukaan yhteistyö jatkuu "
                 "tiiviinä, ja Saksassa asuu paljon suomalaisia, jotka seuraavat asiaa tarkasti."},
                {"et.txt",
                 "Peaminister kohtus esmaspäeval Berliinis kantsleriga. Kohtumisel räägiti "
                 "julgeolekust ja sõjast Ukrainas. Peaminister ütles, et koostöö on tihe ning "
                 "Saksamaal elab palju eestlasi, kes jälgivad olukorda väga tähelepanelikult."}},
               {{"fi.txt", "Saksassa"}, {"et.txt", "Saksamaal"}});
}

TEST_CASE("Hungarian case forms of a country are the country", "[base_forms][analyzer]") {
  CheckGermany(
      {{"hu.txt",
        "A miniszterelnök hétfőn tárgyalt a kancellárral. A megbeszélésen szó volt az "
        "ukrajnai háborúról és az energiaárakról. A miniszterelnök szerint Németországban is "
        "nőnek az árak, ezért közös megoldásra van szükség, és erről hamarosan döntenek."}},
      {{"hu.txt", "Németországban"}});
}

TEST_CASE("Baltic case forms of a country are the country", "[base_forms][analyzer]") {
  CheckGermany(
      {{"lt.txt",
        "Prezidentas pirmadienį susitiko su kancleriu. Susitikime kalbėta apie saugumą "
        "regione ir karą. Prezidentas teigė, kad bendradarbiavimas yra labai svarbus, o "
        "Vokietijoje dislokuoti kariai padeda užtikrinti saugumą visame regione."},
       {"lv.txt",
        "Prezidents pirmdien tikās ar kancleru. Sarunās tika apspriesta drošība reģionā un "
        "karš. Prezidents sacīja, ka sadarbība ir ļoti svarīga, un Vācijā dzīvojošie "
        "latvieši to atbalsta, jo viņi labi zina, cik tas ir nozīmīgi."}},
      {{"lt.txt", "Vokietijoje"}, {"lv.txt", "Vācijā"}});
}

TEST_CASE("Greek case forms of a country are the country", "[base_forms][analyzer]") {
  CheckGermany(
      {{"el.txt",
        "Ο πρωθυπουργός συναντήθηκε τη Δευτέρα με τον καγκελάριο της Γερμανίας στην Αθήνα. "
        "Στη συνάντηση συζητήθηκαν η ασφάλεια στην Ευρώπη και ο πόλεμος. Ο πρωθυπουργός "
        "δήλωσε ότι η συνεργασία είναι πολύ σημαντική για τις δύο χώρες."}},
      {{"el.txt", "Γερμανίας"}});
}

TEST_CASE("Slavic case forms of a country are the country in languages without lemma data",
          "[base_forms][analyzer]") {
  CheckGermany(
      {{"sk.txt",
        "Premiér sa v pondelok stretol s kancelárom. Rokovanie sa týkalo bezpečnosti v "
        "Európe a vojny. Premiér povedal, že spolupráca je veľmi dôležitá a v Nemecku žije "
        "a pracuje mnoho Slovákov, ktorí tam majú svoje rodiny."},
       {"hr.txt",
        "Premijer se u ponedjeljak sastao s kancelarom. Razgovaralo se o sigurnosti u "
        "Europi i ratu. Premijer je rekao da je suradnja vrlo važna te da u Njemačkoj živi i "
        "radi mnogo hrvatskih građana koji tamo imaju svoje obitelji."},
       {"sr.txt",
        "Председник је у понедељак разговарао са канцеларом. Разговарало се о безбедности "
        "у Европи и рату. Председник је рекао да је сарадња веома важна и да у Немачкој "
        "живи и ради много српских грађана који тамо имају своје породице."},
       {"be.txt",
        "Прадстаўнікі апазіцыі ў панядзелак сустрэліся з канцлерам. На сустрэчы гаварылі пра "
        "бяспеку ў Еўропе і вайну. Яны заявілі, што супрацоўніцтва вельмі важнае, а ў "
        "Германіі жыве і працуе шмат беларусаў, якія маюць там свае сем'і."}},
      {{"sk.txt", "Nemecku"},
       {"hr.txt", "Njemačkoj"},
       {"sr.txt", "Немачкој"},
       {"be.txt", "Германіі"}});
}

TEST_CASE("Turkish case forms of a country are the country", "[base_forms][analyzer]") {
  CheckGermany({{"tr.txt",
                 "Başbakan pazartesi günü şansölye ile görüştü. Görüşmede Avrupa'daki güvenlik ve "
                 "savaş ele alındı. Başbakan, iş birliğinin çok önemli olduğunu ve Almanya'da çok "
                 "sayıda Türk vatandaşının yaşadığını söyledi."}},
               {{"tr.txt", "Almanya'da"}});
}

TEST_CASE("an Arabic country name behind a clitic is the country", "[base_forms][analyzer]") {
  CheckGermany(
      {{"ar.txt",
        "التقى وزير الخارجية يوم الاثنين نظيره في برلين. وقال الوزير إن العلاقات بين البلدين "
        "قوية وإن التعاون مستمر في مجالات كثيرة. وأضاف أن الجالية العربية بألمانيا كبيرة "
        "وأن الحكومة تعمل على دعمها في كل المجالات."}},
      {{"ar.txt", "بألمانيا"}});
}

// The base form listed with a variant.
std::string BaseOf(const Analysis& a, const std::string& text) {
  for (const EntityResult& e : a.entities) {
    for (const Variant& v : e.variants) {
      if (v.text == text) return v.base;
    }
  }
  return {};
}

TEST_CASE("a place's base form is the candidate the gazetteer confirms, in its exact spelling",
          "[base_forms][analyzer]") {
  // No article writes these places in their base form: the gazetteer alone decides, and only by
  // exact spelling (the accent-folded "Moskvá" and another language's "Libāna" are no base forms).
  const Analysis a = AnalyzeWithEnglish({
      {"cs.txt",
       "Jednání mezi Bruselem a Moskvou pokračují. Ministr řekl, že vztahy s Moskvou jsou "
       "napjaté a že odpověď čeká do pondělí, kdy se sejde vláda."},
      {"ar.txt",
       "قال الوزير إن الجالية العربية بألمانيا كبيرة وإن التعاون مستمر. وزار الوزير بعد ذلك "
       "فرنسا والعراق وتحدث عن العلاقات مع الحكومة."},
  });
  CHECK(BaseOf(a, "Moskvou") == "Moskva");
  CHECK(BaseOf(a, "بألمانيا") == "ألمانيا");
  CHECK(BaseOf(a, "والعراق") == "العراق");
}

TEST_CASE("an organisation's complement keeps its case in the base form",
          "[base_forms][analyzer]") {
  auto analyzer = std::move(Analyzer::Create()).value();
  REQUIRE(analyzer
              ->AddArticle("pl.txt",
                           "W poniedziałek rzecznik Ministerstwa Spraw Zagranicznych zabrał głos. "
                           "Naukowcy z Uniwersytetu Warszawskiego przedstawili raport.")
              .ok());
  REQUIRE(analyzer
              ->AddArticle("ru.txt",
                           "Об этом сообщили в пресс-службе Института Пастера в понедельник, и "
                           "данные подтвердили в Министерстве здравоохранения.")
              .ok());
  const Analysis a = analyzer->Analyze();
  // The head and the adjectives right after it return to the nominative; its complement does not.
  CHECK(BaseOf(a, "Ministerstwa Spraw Zagranicznych") == "Ministerstwo Spraw Zagranicznych");
  CHECK(BaseOf(a, "Uniwersytetu Warszawskiego") == "Uniwersytet Warszawski");
  CHECK(BaseOf(a, "Института Пастера") == "Институт Пастера");
}

TEST_CASE("an adjective takes the gender of its noun's base form", "[base_forms][analyzer]") {
  auto analyzer = std::move(Analyzer::Create()).value();
  REQUIRE(analyzer
              ->AddArticle("ru.txt",
                           "В понедельник губернатор Мурманской области провёл совещание. Об "
                           "этом сообщили представители Федеральной таможенной службы РФ во "
                           "вторник.")
              .ok());
  REQUIRE(analyzer
              ->AddArticle("pl.txt",
                           "W czwartek eksperci Polskiego Towarzystwa Wakcynologii przedstawili "
                           "zalecenia. Zdaniem Polskiego Stronnictwa Ludowego ustawa wymaga "
                           "poprawek.")
              .ok());
  REQUIRE(analyzer
              ->AddArticle("cs.txt",
                           "Podle ministryně financí Aleny Schillerové se schodek rozpočtu v "
                           "příštím roce sníží. Vláda o návrhu jedná v pondělí.")
              .ok());
  const Analysis a = analyzer->Analyze();
  // "-нской" alone is "-нская" or "-нский": the feminine "область" decides.
  CHECK(BaseOf(a, "Мурманской области") == "Мурманская область");
  // The noun's ending says no gender; the adjectives before it, all feminine, give it theirs.
  CHECK(BaseOf(a, "Федеральной таможенной службы РФ") == "Федеральная таможенная служба РФ");
  // Neuter nouns: the adjectives before and after them are neuter.
  CHECK(BaseOf(a, "Polskiego Towarzystwa Wakcynologii") == "Polskie Towarzystwo Wakcynologii");
  CHECK(BaseOf(a, "Polskiego Stronnictwa Ludowego") == "Polskie Stronnictwo Ludowe");
  // A feminine first name brought back from its case makes an adjectival surname feminine.
  CHECK(BaseOf(a, "Aleny Schillerové") == "Alena Schillerová");
}

TEST_CASE("an adjective before another noun, or a masculine surname, agrees with nothing",
          "[base_forms][analyzer]") {
  auto analyzer = std::move(Analyzer::Create()).value();
  REQUIRE(analyzer
              ->AddArticle("sl.txt",
                           "Na pomanjkanje kadra so opozorili v Skupnosti socialnih zavodov "
                           "Slovenije. Z ministrom Alešem Hojsom so se sestali v ponedeljek.")
              .ok());
  REQUIRE(analyzer
              ->AddArticle("uk.txt",
                           "Міністр закордонних справ України зустрівся із Сергієм Лавровим у "
                           "вівторок. Переговори тривали дві години.")
              .ok());
  const Analysis a = analyzer->Analyze();
  // "socialnih" belongs to "zavodov", not to "Skupnost".
  CHECK(BaseOf(a, "Skupnosti socialnih zavodov Slovenije") ==
        "Skupnost socialnih zavodov Slovenije");
  // Surnames in -om, -им decline like adjectives in some cases only: no adjective form for them.
  const std::string hojs = BaseOf(a, "Alešem Hojsom");
  const std::string lavrov = BaseOf(a, "Сергієм Лавровим");
  REQUIRE(!hojs.empty());
  REQUIRE(!lavrov.empty());
  CHECK(hojs.find("Aleši") == std::string::npos);
  CHECK(lavrov.find("Лавровий") == std::string::npos);
}

TEST_CASE("a surname takes the case ending its first name loses", "[base_forms][analyzer]") {
  auto analyzer = std::move(Analyzer::Create()).value();
  REQUIRE(analyzer
              ->AddArticle("cs.txt",
                           "V úterý se ministr sešel s Jaroslavem Tvrdíkem a s velvyslancem. "
                           "Podle Maksyma Stepanova se jednání protáhne do čtvrtka.")
              .ok());
  REQUIRE(analyzer
              ->AddArticle("sl.txt",
                           "Po besedah Mateje Saje bodo šole odprte. O tem se je v sredo "
                           "pogovarjala tudi vlada.")
              .ok());
  REQUIRE(analyzer
              ->AddArticle("pl.txt",
                           "Propozycję odrzuciła natomiast Matylda Damięcka. Uzasadniając swoją "
                           "decyzję, aktorka przyznała, że nie czuje się pewnie.")
              .ok());
  const Analysis a = analyzer->Analyze();
  CHECK(BaseOf(a, "Jaroslavem Tvrdíkem") == "Jaroslav Tvrdík");
  CHECK(BaseOf(a, "Maksyma Stepanova") == "Maksym Stepanov");
  // A feminine first name: the surname need not decline, and does not here.
  CHECK(BaseOf(a, "Mateje Saje") == "Mateja Saje");
  // The rules read "-cka" as a nominative, and no name of the batch starts with the first name's
  // rewrite: the surname stays.
  CHECK(BaseOf(a, "Matylda Damięcka").ends_with(" Damięcka"));
}

TEST_CASE("a surname whose ending is also a nominative one takes the form the batch names it by",
          "[base_forms][analyzer]") {
  auto analyzer = std::move(Analyzer::Create()).value();
  REQUIRE(analyzer
              ->AddArticle("sl.txt",
                           "Po besedah Martina Brezena bo cepljenje steklo hitreje. Kot je dodal "
                           "Brezen, bodo odmerki prispeli v torek. Po oceni, ki jo je podal "
                           "Brezen, pridejo tudi nova cepiva.")
              .ok());
  const Analysis a = analyzer->Analyze();
  // "-ena" is kept as it is by the Slovene rules ("Jelena"); the batch's "Brezen" decides, and the
  // first name agrees.
  CHECK(BaseOf(a, "Martina Brezena") == "Martin Brezen");
}

TEST_CASE("a first name takes the gender of its surname's base form", "[base_forms][analyzer]") {
  auto analyzer = std::move(Analyzer::Create()).value();
  REQUIRE(analyzer
              ->AddArticle("pl.txt",
                           "W środę list podpisali lekarze. Według Katarzyny Nowickiej szczepienia "
                           "ruszą w marcu, a Andrzej Dobrowolski zapowiedział kontrole.")
              .ok());
  const Analysis a = analyzer->Analyze();
  // "Nowickiej" -> "Nowicka" is a feminine surname: "Katarzyny" takes its feminine form.
  CHECK(BaseOf(a, "Katarzyny Nowickiej") == "Katarzyna Nowicka");
  // A masculine nominative surname is no oblique case, whatever its rewrites: the first name stays.
  const std::string dobrowolski = BaseOf(a, "Andrzej Dobrowolski");
  CHECK(dobrowolski.starts_with("Andrzej "));
}

TEST_CASE("a person's case form is the person, and a place after it is a place of its own",
          "[base_forms][analyzer]") {
  auto analyzer = std::move(Analyzer::Create()).value();
  REQUIRE(analyzer
              ->AddArticle("en.txt",
                           "Russian President Vladimir Putin met Hungarian Prime Minister Viktor "
                           "Orbán in Moscow on Tuesday. Putin said the talks on gas supplies had "
                           "been useful.")
              .ok());
  REQUIRE(analyzer
              ->AddArticle("fi.txt",
                           "Venäjän presidentti Vladimir Putin tapasi tiistaina Unkarin "
                           "pääministerin Viktor Orbánin Moskovassa. Putinin mukaan keskustelut "
                           "kaasutoimituksista olivat hyödyllisiä.")
              .ok());
  REQUIRE(analyzer
              ->AddArticle("hu.txt",
                           "Orbán Viktor kedden Moszkvában tárgyalt Vlagyimir Putyinnal. Putyin "
                           "szerint a gázszállításokról folytatott megbeszélés hasznos volt.")
              .ok());
  const Analysis a = analyzer->Analyze();
  const Mention* putin = MentionOf(a, "en.txt", "Vladimir Putin");
  const Mention* orban = MentionOf(a, "en.txt", "Viktor Orbán");
  const Mention* moscow = MentionOf(a, "en.txt", "Moscow");
  REQUIRE(putin != nullptr);
  REQUIRE(orban != nullptr);
  REQUIRE(moscow != nullptr);
  // Finnish has no preposition between the genitive and the inessive: two names.
  const Mention* orban_fi = MentionOf(a, "fi.txt", "Viktor Orbánin");
  const Mention* moscow_fi = MentionOf(a, "fi.txt", "Moskovassa");
  REQUIRE(orban_fi != nullptr);
  REQUIRE(moscow_fi != nullptr);
  CHECK(orban_fi->entity == orban->entity);
  CHECK(BaseOf(a, "Viktor Orbánin") == "Viktor Orbán");
  CHECK(moscow_fi->type == EntityType::kPlace);
  CHECK(moscow_fi->entity == moscow->entity);
  const Mention* putin_hu = MentionOf(a, "hu.txt", "Vlagyimir Putyinnal");
  REQUIRE(putin_hu != nullptr);
  CHECK(putin_hu->entity == putin->entity);
  CHECK(BaseOf(a, "Vlagyimir Putyinnal") == "Vlagyimir Putyin");
}

}  // namespace
}  // namespace crosswire
