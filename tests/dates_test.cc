// Date expressions in several languages and scripts, their values and precision, and the choice of
// the published and event dates, on hand-built documents (dates read the text itself, not tokens).
#include "dates.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "test_util.h"

namespace Catch {
template <>
struct StringMaker<crosswire::Date> {
  static std::string convert(const crosswire::Date& d) { return d.ToString(); }
};
}  // namespace Catch

namespace crosswire {
namespace {

const DateFinder& Finder() {
  // Built once: loading the calendar tables is the costly part, and the finder is immutable.
  static const std::unique_ptr<DateFinder> finder = [] {
    auto created = DateFinder::Create(DataPack::Embedded());
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return *finder;
}

Document Doc(const std::string& text, const std::string& lang, const std::string& id = "a.txt") {
  Document doc;
  doc.id = id;
  doc.lang = lang;
  doc.text = icu::UnicodeString::fromUTF8(text);
  return doc;
}

Date Day(int y, int m, int d) { return Date{y, m, d, DatePrecision::kDay}; }

ArticleDates FindIn(const std::string& text, const std::string& lang,
                    std::optional<Date> published = std::nullopt) {
  return Finder().Find(Doc(text, lang), published, std::nullopt);
}

// The value of the only date mention in `text`, as text ("2024-09-13"), or "none".
std::string Only(const std::string& text, const std::string& lang,
                 std::optional<Date> published = std::nullopt) {
  ArticleDates found = FindIn(text, lang, published);
  if (found.mentions.size() != 1) {
    UNSCOPED_INFO("found " << found.mentions.size() << " dates in: " << text);
    return "none";
  }
  return found.mentions[0].value.ToString();
}

TEST_CASE("ParseIsoDate reads days, months and years", "[dates]") {
  CHECK(ParseIsoDate("2024-09-13") == Day(2024, 9, 13));
  CHECK(ParseIsoDate("2024-09") == Date{2024, 9, 0, DatePrecision::kMonth});
  CHECK(ParseIsoDate("2024") == Date{2024, 0, 0, DatePrecision::kYear});
  CHECK_FALSE(ParseIsoDate("2023-02-29"));
  CHECK_FALSE(ParseIsoDate("2024-13-01"));
  CHECK_FALSE(ParseIsoDate("13.09.2024"));
  CHECK_FALSE(ParseIsoDate(""));
}

TEST_CASE("DaysBetween counts calendar days", "[dates]") {
  CHECK(DaysBetween(Day(1970, 1, 1), Day(2000, 3, 1)) == 11017);
  CHECK(DaysBetween(Day(1900, 2, 28), Day(1900, 3, 1)) == 1);  // 1900 was not a leap year
  CHECK(DaysBetween(Day(2024, 2, 28), Day(2024, 3, 1)) == 2);
  CHECK(DaysBetween(Day(2023, 2, 28), Day(2023, 3, 1)) == 1);
  CHECK(DaysBetween(Day(2024, 9, 13), Day(2023, 9, 13)) == -366);
}

TEST_CASE("English dates in their usual shapes", "[dates]") {
  const Date pub = Day(2024, 9, 20);
  ArticleDates found = FindIn("On September 13, the two secretaries met in Minsk.", "en", pub);
  REQUIRE(found.mentions.size() == 1);
  CHECK(found.mentions[0].text == "September 13");
  CHECK(found.mentions[0].utf16_begin == 3);
  CHECK(found.mentions[0].utf16_end == 15);
  CHECK(found.mentions[0].value == Day(2024, 9, 13));

  CHECK(Only("It was signed on September 25, 2023 in Tehran.", "en") == "2023-09-25");
  CHECK(Only("They met on 13 September.", "en", pub) == "2024-09-13");
  CHECK(Only("Reported December 15th, 2008, 7: 35 am", "en") == "2008-12-15");
  CHECK(Only("He won the election in July 2024 after a runoff.", "en") == "2024-07");
  CHECK(Only("The deal (Sept. 3, 2021) held.", "en") == "2021-09-03");
  CHECK(Only("Published on Friday, 13 September 2024.", "en") == "2024-09-13");
}

TEST_CASE("Dates in other languages use the CLDR names", "[dates]") {
  const Date pub = Day(2024, 9, 20);
  CHECK(Only("ont souligné vendredi 13 septembre la nécessité", "fr", pub) == "2024-09-13");
  CHECK(Only("le 1er mars 2022, à Paris", "fr") == "2022-03-01");
  CHECK(Only("Встреча прошла 13 сентября 2024 года в Минске.", "ru") == "2024-09-13");
  CHECK(Only("Am 13. September 2024 trafen sich beide.", "de") == "2024-09-13");
  CHECK(Only("El 13 de septiembre de 2024 se reunieron.", "es") == "2024-09-13");
  CHECK(Only("Spotkanie odbyło się 13 września 2024 r.", "pl") == "2024-09-13");
  CHECK(Only("ในวันที่ 13 กันยายน 2567 ที่ผ่านมา", "th") == "2024-09-13");
  CHECK(Only("2024年9月13日に会談した。", "ja") == "2024-09-13");
  CHECK(Only("双方于2024年9月13日举行会谈。", "zh") == "2024-09-13");
  CHECK(Only("2024년 9월 13일 회담", "ko") == "2024-09-13");
}

TEST_CASE("More languages, scripts and orders", "[dates]") {
  CHECK(Only("التقى الوزيران في 13 سبتمبر 2024 في مينسك", "ar") == "2024-09-13");
  CHECK(Only("روز ۱۳ سپتامبر ۲۰۲۴ در مینسک", "fa") == "2024-09-13");  // Persian digits
  CHECK(Only("13 सितंबर 2024 को मिन्स्क में", "hi") == "2024-09-13");
  CHECK(Only("ngày 13 tháng 9 năm 2024 tại Minsk", "vi") == "2024-09-13");
  CHECK(Only("13 Eylül 2024 tarihinde", "tr") == "2024-09-13");
  CHECK(Only("Στις 13 Σεπτεμβρίου 2024 στο Μινσκ", "el") == "2024-09-13");
  CHECK(Only("13 вересня 2024 року в Мінську", "uk") == "2024-09-13");
  CHECK(Only("ב-13 בספטמבר 2024 במינסק", "he") == "2024-09-13");  // בספטמבר: "in September"
  CHECK(Only("ວັນທີ 13 ກັນຍາ 2024", "lo") == "2024-09-13");
  CHECK(Only("ថ្ងៃទី 13 ខែកញ្ញា ឆ្នាំ 2024", "km") == "2024-09-13");
  CHECK(Only("၂၀၂၄ ခုနှစ် စက်တင်ဘာ ၁၃ ရက်", "my") == "2024-09-13");
  CHECK(Only("2024. szeptember 13-án Minszkben", "hu") == "2024-09-13");
  CHECK(Only("2024 m. rugsėjo 13 d. Minske", "lt") == "2024-09-13");
}

TEST_CASE("Thai digits and Buddhist-era years", "[dates]") {
  // ๑๓ กันยายน พ.ศ. ๒๕๖๗ = 13 September 2024.
  CHECK(Only("เมื่อวันที่ ๑๓ กันยายน พ.ศ. ๒๕๖๗", "th") == "2024-09-13");
  CHECK(Only("เมื่อวันที่ 13 กันยายน พ.ศ. 2567 นาย", "th") == "2024-09-13");
  // The month inside an unspaced Thai run, the year-less date resolved against publication.
  CHECK(Only("เมื่อวันที่13กันยายนนายอาลี", "th", Day(2024, 9, 14)) == "2024-09-13");
  // A Buddhist-era year alone.
  CHECK(Only("ในปี พ.ศ. 2567 นี้", "th") == "2024");
}

TEST_CASE("Numeric dates", "[dates]") {
  CHECK(Only("Updated 2024-09-13 at noon", "en") == "2024-09-13");
  CHECK(Only("am 13.09.2024 in Minsk", "de") == "2024-09-13");
  CHECK(Only("le 13/09/2024 à Minsk", "fr") == "2024-09-13");
  CHECK(Only("on 09/13/2024 in Minsk", "en") == "2024-09-13");
  // Day first when the first number cannot be a month, whatever the language.
  CHECK(Only("on 25/09/2023 in Tehran", "en") == "2023-09-25");
}

TEST_CASE("Weekdays count back to the publication date, across month and year ends", "[dates]") {
  // 2024-01-02 was a Tuesday: "Sunday" is 2023-12-31, "Tuesday" the day itself.
  CHECK(Only("On Sunday the talks ended.", "en", Day(2024, 1, 2)) == "2023-12-31");
  CHECK(Only("On Tuesday the talks ended.", "en", Day(2024, 1, 2)) == "2024-01-02");
  CHECK(Only("Le mercredi, les talks", "fr", Day(2024, 3, 1)) == "2024-02-28");
  CHECK(Only("yesterday", "en", Day(2024, 3, 1)) == "2024-02-29");
}

TEST_CASE("Relative words resolve against the publication date", "[dates]") {
  const Date pub = Day(2024, 9, 14);
  CHECK(Only("Officials said yesterday that", "en", pub) == "2024-09-13");
  CHECK(Only("Les ministres ont annoncé hier que", "fr", pub) == "2024-09-13");
  CHECK(Only("Министр вчера заявил", "ru", pub) == "2024-09-13");
  CHECK(Only("เมื่อวาน รัฐมนตรีกล่าว", "th", pub) == "2024-09-13");
  CHECK(Only("Il est arrivé aujourd'hui à Minsk", "fr", pub) == "2024-09-14");
  CHECK(Only("The commission met in Minsk last year.", "en", pub) == "2023");
  // Without a publication date a relative word has no value, so it is not reported.
  CHECK(FindIn("Officials said yesterday that", "en").mentions.empty());
}

TEST_CASE("Ordinary words and numbers are not dates", "[dates]") {
  CHECK(FindIn("May I ask how 13 people got there?", "en", Day(2024, 9, 14)).mentions.empty());
  CHECK(FindIn("Version 2.10.3 fixes 1.5 million records; call 555-1234.", "en").mentions.empty());
  CHECK(FindIn("He scored 13 goals in 31 games.", "en").mentions.empty());
  // "mar" is Spanish for sea and an abbreviation only in context of its own language.
  CHECK(FindIn("El mar 13 estaba en calma", "en").mentions.empty());
}

TEST_CASE("Unknown language still reads full month names", "[dates]") {
  CHECK(Only("xyz 13 septembre 2024 xyz", "und") == "2024-09-13");
}

TEST_CASE("Published date at the top and the event from the text", "[dates]") {
  // The shape of seed 004: a dateline, then "On Monday".
  const std::string text =
      "September 25, 2023\n\nPersian News\n\nIran, Belarus sign defense cooperation MOU\n\n"
      "TEHRAN – On Monday, the defense ministers of Belarus and Iran signed a memorandum.\n"
      "The joint commission, which was held in Minsk last year, shows progress.\n";
  ArticleDates found = FindIn(text, "en");
  REQUIRE(found.published);
  CHECK(*found.published == Day(2023, 9, 25));
  REQUIRE(found.event_date);
  CHECK(*found.event_date == Day(2023, 9, 25));
  CHECK(found.reason.find("Monday") != std::string::npos);
  CHECK(found.reason.find("September 25, 2023") != std::string::npos);
}

TEST_CASE("A dated title is not a publication date", "[dates]") {
  ArticleDates found =
      FindIn("Strong earthquake hits Sumatra on Sept. 30, 2009\nHundreds were killed.\n", "en");
  CHECK_FALSE(found.published);
  REQUIRE(found.event_date);
  CHECK(*found.event_date == Day(2009, 9, 30));
  found = FindIn("Published: September 25, 2023\nThe ministers met on Monday.\n", "en");
  REQUIRE(found.published);
  CHECK(*found.published == Day(2023, 9, 25));
}

TEST_CASE("The event prefers the lead's date over background dates", "[dates]") {
  const std::string text =
      "June 2, 2024\nThe ministers met on Friday in Minsk.\n"
      "They last met on March 3, 2019, and the treaty dates from 1999.\n";
  ArticleDates found = FindIn(text, "en");
  REQUIRE(found.event_date);
  CHECK(*found.event_date == Day(2024, 5, 31));  // the Friday before June 2, 2024
}

TEST_CASE("Years come from the article's own dates", "[dates]") {
  const std::string text =
      "Lukashenko met Ahmadian on 13 September.\n"
      "Pezeshkian won the election in July 2024. Lukashenko visited Iran in March 2023.\n";
  ArticleDates found = FindIn(text, "en");
  REQUIRE(found.event_date);
  CHECK(*found.event_date == Day(2024, 9, 13));
  CHECK_FALSE(found.published);
}

TEST_CASE("Seeds: event dates, with years from the batch", "[dates][seeds]") {
  std::vector<Document> docs;
  const std::vector<std::string> langs = {"en", "th", "fr", "en", "en"};
  for (std::size_t i = 0; i < testing::SeedIds().size(); ++i) {
    const std::string& id = testing::SeedIds()[i];
    docs.push_back(Doc(testing::SeedText(id), langs[i], id));
    REQUIRE(docs.back().text.length() > 0);
  }
  std::vector<const Document*> batch;
  for (const Document& d : docs) batch.push_back(&d);
  // Any order gives the same dates.
  std::vector<const Document*> reversed(batch.rbegin(), batch.rend());
  for (const auto& order : {batch, reversed}) {
    std::vector<ArticleDates> found = Finder().FindBatch(order, std::nullopt);
    REQUIRE(found.size() == 5);
    for (std::size_t i = 0; i < order.size(); ++i) {
      INFO(order[i]->id << ": " << found[i].reason);
      REQUIRE(found[i].event_date);
      if (order[i]->id.starts_with("004")) {
        CHECK(*found[i].event_date == Day(2023, 9, 25));
        REQUIRE(found[i].published);
        CHECK(*found[i].published == Day(2023, 9, 25));
      } else {
        CHECK(*found[i].event_date == Day(2024, 9, 13));
        CHECK_FALSE(found[i].published);
      }
    }
  }
}

// Every field of the batch pass's result, as text, to compare two readings.
std::string Describe(const ArticleDates& d) {
  std::string out = d.reason + "|" + (d.published ? d.published->ToString() : "-") + "|" +
                    (d.event_date ? d.event_date->ToString() : "-") + "|" +
                    (d.stated_year ? std::to_string(*d.stated_year) : "-") + "|" +
                    (d.needs_batch ? "needs" : "done");
  for (const DateMention& m : d.mentions) {
    out += "|" + std::to_string(m.utf16_begin) + "-" + std::to_string(m.utf16_end) + " " + m.text +
           " " + m.value.ToString();
  }
  for (const Date& k : d.known_days) out += "|known " + k.ToString();
  return out;
}

TEST_CASE("The batch pass reads again only what the batch can change", "[dates]") {
  std::vector<Document> docs = {
      Doc("The council met on Monday, September 13, 2021, and voted.", "en", "a.txt"),
      // Year-less, nothing in the article to date it: the batch gives 2021.
      Doc("Protesters gathered on September 13 outside the council.", "en", "b.txt"),
      // Year-less, but published: the publication date gives the year.
      Doc("The vote on September 13 was close.", "en", "c.txt"),
      // No date at all.
      Doc("The council said nothing more.", "en", "d.txt"),
      // A weekday that the article's own year does not fit.
      Doc("The plan began on March 3, 2015. On Monday, September 13 the council voted.", "en",
          "e.txt"),
  };
  docs[2].published = Day(2021, 9, 14);
  std::vector<const Document*> batch;
  for (const Document& d : docs) batch.push_back(&d);

  const std::vector<bool> may_change = {false, true, false, false, true};
  for (std::size_t i = 0; i < docs.size(); ++i) {
    INFO(docs[i].id);
    CHECK(Finder().Find(docs[i], std::nullopt, std::nullopt).batch_may_change == may_change[i]);
    // An assumed publication date dates every year-less day.
    CHECK_FALSE(Finder().Find(docs[i], Day(2021, 9, 20), std::nullopt).batch_may_change);
  }
  for (const std::optional<Date>& assumed :
       {std::optional<Date>(), std::optional(Day(2021, 9, 20))}) {
    // The first readings as a record gives them back (without batch_may_change: all read again).
    std::vector<std::optional<ArticleDates>> first;
    for (const Document& d : docs) {
      ArticleDates reading = Finder().Find(d, assumed, std::nullopt);
      reading.batch_may_change = true;
      first.push_back(std::move(reading));
    }
    const std::vector<ArticleDates> all_again = Finder().FindBatch(batch, assumed, 1, first);
    const std::vector<ArticleDates> found = Finder().FindBatch(batch, assumed, 2);
    REQUIRE(found.size() == docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
      INFO(docs[i].id);
      CHECK(Describe(found[i]) == Describe(all_again[i]));
    }
    if (!assumed) {
      REQUIRE(found[1].event_date);
      CHECK(*found[1].event_date == Day(2021, 9, 13));
    }
  }
}

TEST_CASE("Mentions in removed spans are left out", "[dates]") {
  Document doc = Doc("Posted 2024-09-13\nThe ministers met on Friday, September 13, 2024.", "en");
  doc.removed.push_back({0, 17, "boilerplate"});
  ArticleDates found = Finder().Find(doc, std::nullopt, std::nullopt);
  REQUIRE(found.mentions.size() == 1);
  CHECK(found.mentions[0].text == "Friday, September 13, 2024");
}

// The embedded calendar names with `dates_files` as the only date words (data/dates/).
DataPack WithDateWords(std::vector<DataFile> dates_files) {
  std::vector<DataFile> files = std::move(dates_files);
  files.push_back({"gen/calendar.tsv", DataPack::Embedded().Find("gen/calendar.tsv").value()});
  std::sort(files.begin(), files.end(),
            [](const DataFile& a, const DataFile& b) { return a.path < b.path; });
  return DataPack(std::move(files));
}

TEST_CASE("Ordinal suffixes, connectors and CJK markers come from data/dates", "[dates]") {
  CHECK(Only("on September 13th, 2024 in Minsk", "en") == "2024-09-13");
  CHECK(Only("the 13th of September 2024", "en") == "2024-09-13");
  CHECK(Only("le 1re mars 2022", "fr") == "2022-03-01");
  CHECK(Only("el 1º de marzo de 2022", "es") == "2022-03-01");
  CHECK(Only("9月13号举行会谈", "zh", Day(2024, 9, 20)) == "2024-09-13");
  // A word of any language's file is read in every language: a dateline is often in another one.
  CHECK(Only("13 de septiembre de 2024", "en") == "2024-09-13");

  // Without the Spanish connectors, "13 de septiembre" is no longer one date; the year still is.
  auto created = DateFinder::Create(WithDateWords({{"dates/en.txt", "[connector]\nof\n"}}));
  REQUIRE(created.ok());
  const ArticleDates found =
      created.value()->Find(Doc("el 13 de septiembre de 2024", "es"), std::nullopt, std::nullopt);
  REQUIRE(found.mentions.size() == 1);
  CHECK(found.mentions[0].text == "2024");
}

TEST_CASE("Missing or malformed date words are a data error", "[dates]") {
  auto none = DateFinder::Create(WithDateWords({}));
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == StatusCode::kDataError);

  auto unknown = DateFinder::Create(WithDateWords({{"dates/xx.txt", "[month-names]\nfoo\n"}}));
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == StatusCode::kDataError);
  CHECK(unknown.status().message().find("dates/xx.txt") != std::string::npos);

  auto unsectioned = DateFinder::Create(WithDateWords({{"dates/xx.txt", "of\n"}}));
  REQUIRE_FALSE(unsectioned.ok());

  auto long_marker = DateFinder::Create(WithDateWords({{"dates/xx.txt", "[day-marker]\n日に\n"}}));
  REQUIRE_FALSE(long_marker.ok());
  CHECK(long_marker.status().message().find("one character") != std::string::npos);
}

}  // namespace
}  // namespace crosswire

namespace crosswire {
namespace {

const Date kNov7 = Day(2016, 11, 7);

TEST_CASE("Numeric dates with month names, in any order", "[dates][forms]") {
  CHECK(Only("The date should be 05-Aug-2016", "en") == "2016-08-05");
  CHECK(Only("I'll go back Sep-23-2020.", "en") == "2020-09-23");
  CHECK(Only("i'll go back 2020/Sep/23", "en") == "2020-09-23");
  CHECK(Only("i'll go back 23/Sep/2020", "en") == "2020-09-23");
  CHECK(Only("I'll go back September-2020-23.", "en") == "2020-09-23");
  CHECK(Only("I'll go back Oct/2", "en", kNov7) == "2016-10-02");
  CHECK(Only("Wat vind je van 01-aug-2019", "nl") == "2019-08-01");
  CHECK(Only("Ik praat hier niet over, maar over 3/jan", "nl", kNov7) == "2017-01-03");
  // The period after an abbreviation that ends the sentence is no part of the date.
  const ArticleDates found = FindIn("Tornerò 2020/23/set.", "it");
  REQUIRE(found.mentions.size() == 1);
  CHECK(found.mentions[0].text == "2020/23/set");
}

TEST_CASE("Numeric dates with two-digit years and the article's order", "[dates][forms]") {
  CHECK(Only("Tornerò il 21/04/16", "it") == "2016-04-21");
  CHECK(Only("I'll be back on 9-18-15", "en") == "2015-09-18");
  // 4/5/18 alone follows English convention (month first with slashes); an unambiguous
  // 25/12/2017 in the same article makes it day first.
  CHECK(Only("The vote is on 4/5/18.", "en") == "2018-04-05");
  const ArticleDates both = FindIn("Filed 25/12/2017, heard 4/5/18.", "en");
  REQUIRE(both.mentions.size() == 2);
  CHECK(both.mentions[1].value == Day(2018, 5, 4));
}

TEST_CASE("Day numbers spelled out, in the month's language", "[dates][forms]") {
  CHECK(Only("Tornerò il ventuno Maggio", "it", kNov7) == "2016-05-21");
  CHECK(Only("Tornerò il due di Ago.", "it", kNov7) == "2016-08-02");
  CHECK(Only("Ik ga de tweede van augustus terug", "nl", kNov7) == "2016-08-02");
  CHECK(Only("vierde juli van 1995", "nl") == "1995-07-04");
  CHECK(Only("I'll be back on May twenty-first", "en", kNov7) == "2016-05-21");
  CHECK(Only("I'll be back on the twenty-first of May", "en", kNov7) == "2016-05-21");
  // "on" is ten in Turkish, but not before an English month name; "May two" is no day.
  CHECK(Only("It was signed on September 25, 2023 in Tehran.", "en") == "2023-09-25");
  CHECK(Only("In May two people were hurt in 2023.", "en") == "2023");
}

TEST_CASE("The nth weekday of a month, and a weekday with a day", "[dates][forms]") {
  CHECK(Only("I'll go back the first Friday of July", "en", kNov7) == "2016-07-01");
  CHECK(Only("Tornerò il primo venerdì di luglio", "it", kNov7) == "2016-07-01");
  CHECK(Only("The 2nd Monday of May 2024 is a holiday", "en") == "2024-05-13");
  CHECK(Only("Ben vrijdag de 15de terug gegaan.", "nl", Day(2017, 9, 20)) == "2017-09-15");
  CHECK(Only("Sono tornato giovedì 21", "it", Day(2017, 9, 25)) == "2017-09-21");
  CHECK(Only("Deze taak moet op vrijdag 12/5 gedaan worden", "nl", Day(2019, 5, 1)) ==
        "2019-05-12");
}

TEST_CASE("CJK dates: Han numerals, eras, relative months and weeks", "[dates][forms][cjk]") {
  CHECK(Only("二〇〇九年十月十二日、月曜日", "ja") == "2009-10-12");
  CHECK(Only("两千零四年八月十五", "zh") == "2004-08-15");
  CHECK(Only("私は2018年一月十二日に戻ります", "ja") == "2018-01-12");
  // Eras of the Japanese calendar, from ICU: 平成 began in 1989, 昭和 in 1926, 元年 is year 1.
  CHECK(Only("平成２２年１月２９日", "ja") == "2010-01-29");
  CHECK(Only("昭和６２年一月十一日", "ja") == "1987-01-11");
  CHECK(Only("令和元年5月1日", "ja") == "2019-05-01");
  // Counted from the publication date (Wednesday 2018-08-01).
  const Date wednesday = Day(2018, 8, 1);
  CHECK(Only("今月の27日に戻ります", "ja", wednesday) == "2018-08-27");
  CHECK(Only("来週の月曜日か", "ja", wednesday) == "2018-08-06");
  CHECK(Only("先週の月曜日", "ja", wednesday) == "2018-07-23");
  CHECK(Only("去年本月十日", "zh", wednesday) == "2017-08-10");
  CHECK(Only("7月の第1金曜日に戻ります", "ja", wednesday) == "2018-07-06");
  CHECK(Only("来月の第2月曜日", "ja", wednesday) == "2018-09-10");
  CHECK(Only("31日の金曜日に", "ja", wednesday) == "2018-08-31");
  CHECK(Only("三月初一", "zh", wednesday) == "2018-03-01");
  // A count of years, a month alone, a day alone: no date.
  CHECK(FindIn("15年間の研究", "ja", wednesday).mentions.empty());
  CHECK(FindIn("21日に", "ja", wednesday).mentions.empty());
  // A range is its first day.
  CHECK(Only("会期は2024年9月13日-9月15日です", "ja") == "2024-09-13");
}

TEST_CASE("CJK durations count from the publication date", "[dates][forms][cjk]") {
  const Date wednesday = Day(2018, 8, 1);
  CHECK(Only("私が1か月前にeメールを送付した", "ja", wednesday) == "2018-07-01");
  CHECK(Only("私たちは1か月と21日前に打ち合わせをしました", "ja", wednesday) == "2018-06-10");
  CHECK(Only("2週後の月曜日は予定がありますか", "ja", wednesday) == "2018-08-13");
  CHECK(Only("우리는 1개월 21일 전에 미팅을 했습니다.", "ko", wednesday) == "2018-06-10");
  // A duration that is no count from today: no date.
  CHECK(FindIn("15年間の研究", "ja", wednesday).mentions.empty());
}

TEST_CASE("A day of a month named relative to the publication", "[dates][forms]") {
  CHECK(Only("Sono tornato il 21 di questo mese", "it", kNov7) == "2016-11-21");
  CHECK(Only("Ik ga de 3e van volgende maand terug", "nl", kNov7) == "2016-12-03");
  // November has no 31st: no date, and "this month" is not read alone.
  CHECK(FindIn("Ik ging de 31e van deze maand terug", "nl", kNov7).mentions.empty());
}

TEST_CASE("Numeric order follows CLDR's short date pattern of the language", "[dates][forms]") {
  // ja writes y/MM/dd: three two-digit numbers are year first; four digits at the end are not.
  CHECK(Only("私は21/04/16に戻ります", "ja") == "2021-04-16");
  CHECK(Only("私は21/04/2016に戻ります", "ja") == "2016-04-21");
  CHECK(Only("Tornerò il 21/04/16", "it") == "2016-04-21");
}

TEST_CASE("A repeated weekday is no date", "[dates][forms]") {
  CHECK(FindIn("Ik vertrek elke maandag om 16.00", "nl", kNov7).mentions.empty());
  CHECK(FindIn("Andrò via ogni lunedì", "it", kNov7).mentions.empty());
  CHECK(FindIn("We swim every Tuesday and Thursday 19:00 - 21:00", "en", kNov7).mentions.empty());
  CHECK(Only("We swim on Tuesday", "en", kNov7) == "2016-11-01");
}

TEST_CASE("A weekday, connectors, a day and a month", "[dates][forms]") {
  CHECK(Only("jag åker tillbaka måndag den 12 januari, 2016", "sv") == "2016-01-12");
}

TEST_CASE("Impossible dates yield no date and no part of one", "[dates][forms]") {
  CHECK(FindIn("They met on February 30.", "en", kNov7).mentions.empty());
  CHECK(FindIn("The form said 31/04/2020.", "en").mentions.empty());
  CHECK(FindIn("2015-1-32 is an incorrect date", "en").mentions.empty());
  CHECK(FindIn("30 feb 2019", "nl").mentions.empty());
  CHECK(FindIn("2019年2月29日", "zh").mentions.empty());
  // February 29 without a year: the leap year nearest the publication date.
  CHECK(Only("2月29日", "zh", Day(2017, 3, 22)) == "2016-02-29");
}

TEST_CASE("Short texts in a misidentified language still read unambiguous names", "[dates]") {
  // Identification says Catalan or Norwegian for these; the names are months everywhere.
  CHECK(Only("I'll go back Oct. 2", "ca", kNov7) == "2016-10-02");
  CHECK(Only("Ik ga 4e jan 2019 terug", "eu") == "2019-01-04");
  // "set" is September in Italian and Portuguese and seven in Catalan: between numbers, a month.
  CHECK(Only("Tornerò 23/set/2020", "und") == "2020-09-23");
  // In a long article of a known language, another language's abbreviation is not a month.
  std::string text(300, ' ');
  text = "Le comité a voté. " + text + "Ils ont dit 4 set 2019.";
  CHECK(Only(text, "fr") == "2019");
}

TEST_CASE("Year-less dates of one article land in the same year", "[dates]") {
  // No publication date, and the batch mostly says 2021: "Tuesday, March 3" settles 2020, and
  // "March 10." takes that year too rather than the batch's.
  const ArticleDates found =
      Finder().Find(Doc("The primary was on Tuesday, March 3. Results came on March 10.", "en"),
                    std::nullopt, 2021);
  REQUIRE(found.mentions.size() == 2);
  CHECK(found.mentions[0].value == Day(2020, 3, 3));
  CHECK(found.mentions[1].value == Day(2020, 3, 10));
  CHECK(found.mentions[1].text == "March 10");
}

TEST_CASE("Undated articles: event dates stay within a year of the stated date", "[dates]") {
  // Articles of the shape that stretched a timeline over a decade: no publication date, one
  // full date, year-less days and unrelated numbers (vote counts, ages, earlier years).
  const std::vector<std::pair<std::string, Date>> articles = {
      {"Выборы в США прошли 3 ноября 2020 года. 4 ноября подсчёт продолжался; в 2016 году "
       "Трамп победил, набрав 304 голоса.",
       Day(2020, 11, 3)},
      {"Wybory odbyły się 3 listopada. Wyniki ogłoszono 7 listopada 2020 r. W 2019 roku "
       "kampania kosztowała 14 mld.",
       Day(2020, 11, 7)},
      {"Brexit: 31. ledna 2020 Spojené království opustilo EU. Referendum bylo v roce 2016.",
       Day(2020, 1, 31)},
      {"Уряд ухвалив рішення 14 червня, а 20 червня 2019 року його підтримала Рада, 226 голосів.",
       Day(2019, 6, 20)},
  };
  std::vector<Document> docs;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const char* langs[] = {"ru", "pl", "cs", "uk"};
    docs.push_back(Doc(articles[i].first, langs[i], "a" + std::to_string(i) + ".txt"));
  }
  std::vector<const Document*> pointers;
  for (const Document& d : docs) pointers.push_back(&d);
  const std::vector<ArticleDates> found = Finder().FindBatch(pointers, std::nullopt);
  for (std::size_t i = 0; i < articles.size(); ++i) {
    INFO(articles[i].first);
    REQUIRE(found[i].event_date);
    CHECK(std::abs(DaysBetween(articles[i].second, *found[i].event_date)) <= 365);
  }
}

}  // namespace
}  // namespace crosswire
