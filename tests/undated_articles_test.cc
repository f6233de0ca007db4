// The 40-article case of issue 14: Slavic-language news given without a publication date, each
// stating the day of its event with a year somewhere, with other days written without a year,
// earlier years and numbers that are no dates (votes, ages, percentages). Through the whole
// Analyzer (language identified, not given), no event date may land more than a year from the day
// the article states.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "crosswire/analyzer.h"
#include "dates.h"

namespace crosswire {
namespace {

struct Undated {
  const char* text;
  Date real;  // the day the text states for its event
};

Date Day(int y, int m, int d) { return Date{y, m, d, DatePrecision::kDay}; }

// Four events, each reported in nine Slavic languages, and four reports that open with the
// year-less day.
std::vector<Undated> Articles() {
  const Date election = Day(2020, 11, 3), brexit = Day(2020, 1, 31), final = Day(2021, 7, 11),
             fire = Day(2019, 4, 15);
  return {
      // The US election: a full date, a later year-less day, an earlier election year and a vote
      // count.
      {"Выборы президента США\nГолосование прошло 3 ноября 2020 года. Итоги объявили 7 ноября. В "
       "2016 году "
       "Трамп набрал 304 голоса выборщиков.",
       election},
      {"Вибори президента США\nГолосування відбулося 3 листопада 2020 року. Підсумки оголосили 7 "
       "листопада. У "
       "2016 році Трамп отримав 304 голоси.",
       election},
      {"Wybory prezydenckie w USA\nGłosowanie odbyło się 3 listopada 2020 r. Wyniki ogłoszono 7 "
       "listopada. W 2016 "
       "roku Trump zdobył 304 głosy elektorskie.",
       election},
      {"Prezidentské volby v USA\nHlasování proběhlo 3. listopadu 2020. Výsledky oznámily média 7. "
       "listopadu. V "
       "roce 2016 získal Trump 304 hlasů.",
       election},
      {"Prezidentské voľby v USA\nHlasovanie sa konalo 3. novembra 2020. Výsledky oznámili 7. "
       "novembra. V roku "
       "2016 získal Trump 304 hlasov.",
       election},
      {"Президентските избори в САЩ\nГласуването се проведе на 3 ноември 2020 г. Резултатите бяха "
       "обявени на 7 "
       "ноември. През 2016 г. Тръмп спечели 304 гласа.",
       election},
      {"Predsedniške volitve v ZDA\nGlasovanje je potekalo 3. novembra 2020. Rezultate so objavili "
       "7. novembra. "
       "Leta 2016 je Trump dobil 304 glasove.",
       election},
      {"Predsjednički izbori u SAD-u\nGlasovanje je održano 3. studenoga 2020. Rezultati su "
       "objavljeni 7. "
       "studenoga. Godine 2016. Trump je dobio 304 glasa.",
       election},
      {"Председнички избори у САД\nГласање је одржано 3. новембра 2020. Резултати су објављени 7. "
       "новембра. "
       "Године 2016. Трамп је добио 304 гласа.",
       election},
      // Brexit: the referendum year and a percentage are no event.
      {"Великобритания вышла из ЕС\nВыход состоялся 31 января 2020 года, через три с половиной "
       "года после "
       "референдума 2016 года, на котором 52 процента проголосовали за выход. 1 февраля начался "
       "переходный "
       "период.",
       brexit},
      {"Велика Британія вийшла з ЄС\nВихід відбувся 31 січня 2020 року, після референдуму 2016 "
       "року, де 52 "
       "відсотки підтримали вихід. 1 лютого почався перехідний період.",
       brexit},
      {"Wielka Brytania opuściła UE\nWyjście nastąpiło 31 stycznia 2020 r., po referendum z 2016 "
       "roku, w którym 52 "
       "procent głosowało za. 1 lutego zaczął się okres przejściowy.",
       brexit},
      {"Británie opustila EU\nOdchod nastal 31. ledna 2020, po referendu z roku 2016, kde 52 "
       "procent hlasovalo "
       "pro. 1. února začalo přechodné období.",
       brexit},
      {"Británia opustila EÚ\nOdchod nastal 31. januára 2020, po referende z roku 2016, kde 52 "
       "percent hlasovalo "
       "za. 1. februára sa začalo prechodné obdobie.",
       brexit},
      {"Великобритания напусна ЕС\nИзлизането стана на 31 януари 2020 г., след референдума от 2016 "
       "г., на който "
       "52 процента гласуваха за. На 1 февруари започна преходният период.",
       brexit},
      {"Britanija je zapustila EU\nIzstop je bil 31. januarja 2020, po referendumu leta 2016, ko "
       "je 52 odstotkov "
       "glasovalo za. 1. februarja se je začelo prehodno obdobje.",
       brexit},
      {"Britanija je napustila EU\nIzlazak je bio 31. siječnja 2020., nakon referenduma 2016. "
       "godine, kada je 52 "
       "posto glasalo za. 1. veljače počelo je prijelazno razdoblje.",
       brexit},
      {"Британија је напустила ЕУ\nИзлазак је био 31. јануара 2020, после референдума 2016. "
       "године, када је 52 "
       "одсто гласало за. 1. фебруара почео је прелазни период.",
       brexit},
      // The European football final: an earlier final's year and the players' ages.
      {"Италия выиграла Евро\nФинал прошёл 11 июля 2021 года в Лондоне. 12 июля команду встречали "
       "в Риме. "
       "Англия последний раз играла в финале в 1966 году; вратарю 22 года.",
       final},
      {"Італія виграла Євро\nФінал відбувся 11 липня 2021 року в Лондоні. 12 липня команду "
       "зустріли в Римі. "
       "Англія востаннє грала у фіналі у 1966 році; воротарю 22 роки.",
       final},
      {"Włochy wygrały Euro\nFinał rozegrano 11 lipca 2021 r. w Londynie. 12 lipca drużynę "
       "powitano w Rzymie. "
       "Anglia grała w finale ostatnio w 1966 roku; bramkarz ma 22 lata.",
       final},
      {"Itálie vyhrála Euro\nFinále se hrálo 11. července 2021 v Londýně. 12. července tým "
       "přivítali v Římě. "
       "Anglie hrála finále naposledy v roce 1966; brankáři je 22 let.",
       final},
      {"Taliansko vyhralo Euro\nFinále sa hralo 11. júla 2021 v Londýne. 12. júla tím privítali v "
       "Ríme. "
       "Anglicko hralo finále naposledy v roku 1966; brankár má 22 rokov.",
       final},
      {"Италия спечели Евро\nФиналът се игра на 11 юли 2021 г. в Лондон. На 12 юли отборът беше "
       "посрещнат в "
       "Рим. Англия игра финал за последно през 1966 г.; вратарят е на 22 години.",
       final},
      {"Italija je osvojila Euro\nFinale je bil 11. julija 2021 v Londonu. 12. julija so ekipo "
       "sprejeli v Rimu. "
       "Anglija je v finalu igrala leta 1966; vratar ima 22 let.",
       final},
      {"Italija je osvojila Euro\nFinale je odigrano 11. srpnja 2021. u Londonu. 12. srpnja momčad "
       "je dočekana u "
       "Rimu. Engleska je finale igrala 1966. godine; vratar ima 22 godine.",
       final},
      {"Италија је освојила Евро\nФинале је одиграно 11. јула 2021. у Лондону. 12. јула тим је "
       "дочекан у Риму. "
       "Енглеска је финале играла 1966. године; голман има 22 године.",
       final},
      // The Notre-Dame fire: the cathedral's age and an earlier restoration year.
      {"Пожар в соборе Парижской Богоматери\nПожар начался 15 апреля 2019 года. 16 апреля огонь "
       "потушили. "
       "Собору более 850 лет, последняя реставрация прошла в 1844 году.",
       fire},
      {"Пожежа в соборі Паризької Богоматері\nПожежа почалася 15 квітня 2019 року. 16 квітня "
       "вогонь загасили. "
       "Собору понад 850 років, реставрація була у 1844 році.",
       fire},
      {"Pożar katedry Notre-Dame\nPożar wybuchł 15 kwietnia 2019 r. 16 kwietnia ogień ugaszono. "
       "Katedra ma ponad "
       "850 lat, odnowiono ją w 1844 roku.",
       fire},
      {"Požár katedrály Notre-Dame\nPožár vypukl 15. dubna 2019. 16. dubna byl uhašen. Katedrála "
       "je stará přes 850 "
       "let, obnovena byla v roce 1844.",
       fire},
      {"Požiar katedrály Notre-Dame\nPožiar vypukol 15. apríla 2019. 16. apríla ho uhasili. "
       "Katedrála má vyše 850 "
       "rokov, obnovili ju v roku 1844.",
       fire},
      {"Пожар в катедралата Нотр Дам\nПожарът избухна на 15 април 2019 г. На 16 април огънят беше "
       "потушен. "
       "Катедралата е на над 850 години, реставрирана е през 1844 г.",
       fire},
      {"Požar v katedrali Notre-Dame\nPožar je izbruhnil 15. aprila 2019. 16. aprila so ga "
       "pogasili. Katedrala je "
       "stara več kot 850 let, obnovili so jo leta 1844.",
       fire},
      {"Požar katedrale Notre-Dame\nPožar je izbio 15. travnja 2019. 16. travnja je ugašen. "
       "Katedrala je stara "
       "više od 850 godina, obnovljena je 1844. godine.",
       fire},
      {"Пожар катедрале Нотр Дам\nПожар је избио 15. априла 2019. 16. априла је угашен. Катедрала "
       "је стара више "
       "од 850 година, обновљена је 1844. године.",
       fire},
      // Reports that open with the year-less day and state the year only later, or only in another
      // date.
      {"Итоги выборов\n7 ноября СМИ объявили победителя. Голосование прошло 3 ноября 2020 года, "
       "явка 66 процентов.",
       Day(2020, 11, 7)},
      {"Wyniki wyborów\n7 listopada media ogłosiły zwycięzcę. Głosowanie odbyło się 3 listopada "
       "2020 r., frekwencja "
       "66 procent.",
       Day(2020, 11, 7)},
      {"Brexit\n1. února začalo přechodné období. Británie odešla 31. ledna 2020 po 47 letech v "
       "EU.",
       Day(2020, 2, 1)},
      {"Евро 2020\nНа 12 юли отборът се прибра у дома. Финалът беше на 11 юли 2021 г., 60 000 "
       "зрители.",
       Day(2021, 7, 12)},
  };
}

TEST_CASE("undated Slavic articles: event dates stay within a year of the stated day",
          "[dates][undated]") {
  auto created = Analyzer::Create();
  REQUIRE(created.ok());
  Analyzer& analyzer = *created.value();
  const std::vector<Undated> articles = Articles();
  REQUIRE(articles.size() == 40);
  for (std::size_t i = 0; i < articles.size(); ++i) {
    REQUIRE(analyzer.AddArticle("a" + std::to_string(100 + i), articles[i].text).ok());
  }
  const Analysis analysis = analyzer.Analyze();
  REQUIRE(analysis.articles.size() == articles.size());
  int dated = 0;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const ArticleResult& a = analysis.articles[i];
    INFO(a.lang << ": " << articles[i].text << "\nreason: " << a.date_reason);
    CHECK_FALSE(a.published);  // nothing in these texts is a dateline
    if (!a.event_date) continue;
    ++dated;
    CHECK(std::abs(DaysBetween(articles[i].real, *a.event_date)) <= 365);
  }
  // Each article states its day with a year: every one of them has an event date.
  CHECK(dated == static_cast<int>(articles.size()));
}

}  // namespace
}  // namespace crosswire
