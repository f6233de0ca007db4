// Map records ("crosswire-record/1" to "/3", core/record.h): the map step's output read back by the
// reduce step gives the analysis of the articles themselves, byte for byte; bad records are refused
// with a message that says what is wrong.
#include "record.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "analysis_lookup.h"
#include "crosswire/analyzer.h"
#include "mentions/words.h"
#include "test_util.h"

namespace crosswire {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Inputs of the batch: the seeds and a few articles that carry boilerplate, a title, non-ASCII
// text and control characters through the record.
std::vector<std::pair<std::string, std::string>> Inputs() {
  std::vector<std::pair<std::string, std::string>> inputs;
  for (const std::string& id : testing::SeedIds()) inputs.emplace_back(id, testing::SeedText(id));
  inputs.emplace_back("quotes.txt",
                      "Talks in \"Minsk\"\n\tAlexander Lukashenko met Vladimir Putin.\x01\n"
                      "Share this article\nЛукашенко встретился с Путиным 13 сентября. 😀\n");
  inputs.emplace_back("page.html",
                      "<html><body><nav>Home</nav><article><p>Angela Merkel visited Paris on "
                      "March 3.</p></article></body></html>");
  return inputs;
}

TEST_CASE("map on shards and reduce on their records equal the analysis of the articles",
          "[record]") {
  auto direct = testing::MakeAnalyzer();
  for (const auto& [id, text] : Inputs()) REQUIRE(direct->AddFile(id, text).ok());
  REQUIRE(!direct->AddArticle("blank.txt", " ").ok());
  const std::string expected = AnalysisToJson(direct->Analyze());

  // Three shards, mapped by analyzers of their own with different thread counts.
  const auto inputs = Inputs();
  std::vector<std::string> records;
  for (std::size_t shard = 0; shard < 3; ++shard) {
    auto mapper = testing::MakeAnalyzer(static_cast<int>(shard) + 1);
    for (std::size_t i = shard * inputs.size() / 3; i < (shard + 1) * inputs.size() / 3; ++i)
      REQUIRE(mapper->AddFile(inputs[i].first, inputs[i].second).ok());
    if (shard == 2) REQUIRE(!mapper->AddArticle("blank.txt", " ").ok());
    for (std::string& line : Lines(mapper->MapRecords())) {
      CHECK(line.rfind("{\"record\":\"crosswire-record/2\",", 0) == 0);
      records.push_back(std::move(line));
    }
    for (const Rejection& r : mapper->Rejected()) records.push_back(RejectionRecord(r));
  }
  REQUIRE(records.size() == inputs.size() + 1);

  auto reducer = testing::MakeAnalyzer(2);
  for (const std::string& line : records) REQUIRE(reducer->AddRecord(line).ok());
  CHECK(AnalysisToJson(reducer->Analyze()) == expected);
  // Records are whole: a record read back writes the same line.
  Result<ParsedRecord> parsed = ParseRecord(records[5]);
  REQUIRE(parsed.ok());
  REQUIRE(parsed.value().dates);
  CHECK(ArticleRecordJson(parsed.value().doc, parsed.value().input_bytes, *parsed.value().dates) ==
        records[5]);
}

TEST_CASE("an article's own publication date travels in its record", "[record]") {
  const std::string text = "The summit ended on Tuesday, March 3, and talks resume on March 10.";
  ArticleOptions dated;
  dated.published = "2020-03-05";
  auto direct = testing::MakeAnalyzer();
  REQUIRE(direct->AddArticle("a.txt", text, dated).ok());
  REQUIRE(direct->AddArticle("b.txt", text).ok());
  const std::string expected = AnalysisToJson(direct->Analyze());

  auto mapper = testing::MakeAnalyzer();
  REQUIRE(mapper->AddArticle("a.txt", text, dated).ok());
  REQUIRE(mapper->AddArticle("b.txt", text).ok());
  const std::vector<std::string> records = Lines(mapper->MapRecords());
  REQUIRE(records.size() == 2);
  CHECK(records[0].find("\"published\":\"2020-03-05\"") != std::string::npos);
  CHECK(records[1].find("\"published\":\"") == std::string::npos);
  auto reducer = testing::MakeAnalyzer();
  for (const std::string& line : records) REQUIRE(reducer->AddRecord(line).ok());
  CHECK(AnalysisToJson(reducer->Analyze()) == expected);

  std::string bad = records[0];
  bad.replace(bad.find("2020-03-05"), 10, "2020-03-5x");
  CHECK(reducer->AddRecord(bad).message().find("published must be a YYYY-MM-DD date") !=
        std::string::npos);
}

// Lines of the first version, without the dates, are read: their dates are found in the reduce
// step. Dates found with another assumed publication date than the reducer's are found again.
TEST_CASE("records of the first version, and dates read with another assumed date", "[record]") {
  const std::string text =
      "Talks in Minsk on September 13 ended.\nLukashenko met Putin on 13 September 2024.\n";
  auto direct = testing::MakeAnalyzer();
  REQUIRE(direct->AddArticle("a.txt", text).ok());
  REQUIRE(direct->AddArticle("b.txt", "The summit on September 13 was short.").ok());
  const std::string expected = AnalysisToJson(direct->Analyze());

  auto mapper = testing::MakeAnalyzer();
  REQUIRE(mapper->AddArticle("a.txt", text).ok());
  REQUIRE(mapper->AddArticle("b.txt", "The summit on September 13 was short.").ok());
  std::vector<std::string> lines = Lines(mapper->MapRecords());
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].find("\"needs_batch\":true") != std::string::npos);
  for (std::string& line : lines) {
    const std::size_t from = line.find(",\"dates\":");
    const std::size_t to = line.find(",\"text\":");
    REQUIRE(from != std::string::npos);
    REQUIRE(to > from);
    line.erase(from, to - from);
    line.replace(line.find("crosswire-record/2"), 18, "crosswire-record/1");
  }
  auto reducer = testing::MakeAnalyzer();
  for (const std::string& line : lines) REQUIRE(reducer->AddRecord(line).ok());
  CHECK(AnalysisToJson(reducer->Analyze()) == expected);

  Options assumed;
  assumed.assumed_published = "2021-05-05";
  auto direct_assumed = Analyzer::Create(assumed).value();
  REQUIRE(direct_assumed->AddArticle("c.txt", "We met last Friday and again on May 3.").ok());
  const std::string expected_assumed = AnalysisToJson(direct_assumed->Analyze());
  auto plain_mapper = testing::MakeAnalyzer();
  REQUIRE(plain_mapper->AddArticle("c.txt", "We met last Friday and again on May 3.").ok());
  const std::string line = Lines(plain_mapper->MapRecords()).at(0);
  CHECK(line.find("\"assumed\":null") != std::string::npos);
  auto assumed_reducer = Analyzer::Create(assumed).value();
  REQUIRE(assumed_reducer->AddRecord(line).ok());
  const std::string reduced = AnalysisToJson(assumed_reducer->Analyze());
  CHECK(reduced == expected_assumed);
  CHECK(reduced.find("2021-") != std::string::npos);
}

// A reducer refuses `line` as invalid, saying `why`.
void Refused(const std::string& line, const std::string& why) {
  auto reducer = testing::MakeAnalyzer();
  Status s = reducer->AddRecord(line);
  INFO(line);
  INFO(s.message());
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message().find(why) != std::string::npos);
}

// `line` with the first `from` replaced by `to` (which must be there).
std::string Replaced(std::string line, const std::string& from, const std::string& to) {
  const std::size_t at = line.find(from);
  REQUIRE(at != std::string::npos);
  return line.replace(at, from.size(), to);
}

TEST_CASE("a record that is not one is refused with the reason", "[record]") {
  auto mapper = testing::MakeAnalyzer();
  REQUIRE(mapper->AddArticle("a.txt", "Vladimir Putin spoke in Moscow.").ok());
  const std::string good = Lines(mapper->MapRecords()).at(0);
  auto replace = [&](const std::string& from, const std::string& to) {
    return Replaced(good, from, to);
  };
  Refused("", "the line ends early");
  Refused("[1,2]", "a record is a JSON object");
  Refused(good + "x", "text after the record");
  Refused(good.substr(0, good.size() / 2), "not a record");
  Refused(replace("crosswire-record/2", "crosswire-record/9"),
          "is not \"crosswire-record/3\" (nor the older \"crosswire-record/2\" or "
          "\"crosswire-record/1\")");
  Refused(replace("crosswire-record/2", "crosswire-record/3"),
          "a record of version 3 needs round2");
  Refused(replace("\"record\":\"crosswire-record/2\",", ""), "no \"record\" tag");
  Refused(replace("\"dates\":{", "\"datez\":{"), "dates must be the map step's dates");
  Refused(replace("\"found\":[]", "\"found\":[[0,99,\"x\",[2020,1,1,0]]]"), "dates must be");
  Refused(replace("\"found\":[]", "\"found\":[[0,9,\"x\",[2020,13,1,0]]]"), "dates must be");
  Refused(replace("\"needs_batch\":true", "\"needs_batch\":0"), "dates must be");
  Refused(replace("Moscow", "\\ud800x"), "a lone surrogate");
  Refused(replace("Moscow", "Mos\xff"), "not valid UTF-8");
  Refused(replace("\"paragraphs\":[[0,31", "\"paragraphs\":[[0,99"), "within the text");
  Refused(replace("\"paragraphs\":[", "\"paragraphs\":[[0,20,\"en\",false],"),
          "paragraphs overlap");
  Refused(replace("\"removed\":[]", "\"removed\":[[5,9,\"x\"],[0,4,\"x\"]]"),
          "removed spans overlap");
  Refused(replace("\"input_bytes\":31", "\"input_bytes\":3.5"), "not a whole number");
  Refused(replace("\"encoding\":\"UTF-8\"", "\"encoding\":7"), "are required");
  Refused(std::string(50, '[') + std::string(50, ']'), "nesting too deep");

  // The same id twice is refused like a duplicate article; the first stays.
  auto reducer = testing::MakeAnalyzer();
  REQUIRE(reducer->AddRecord(good).ok());
  CHECK(reducer->AddRecord(good).code() == StatusCode::kInvalidArgument);
  CHECK(
      reducer->AddRecord(RejectionRecord({"a.txt", Status(StatusCode::kTooLarge, "big")})).code() ==
      StatusCode::kInvalidArgument);
  // A rejection record keeps its code and message.
  REQUIRE(
      reducer->AddRecord(RejectionRecord({"b.txt", Status(StatusCode::kTooLarge, "big")})).ok());
  const Analysis analysis = reducer->Analyze();
  CHECK(analysis.articles.size() == 1);
  REQUIRE(analysis.rejected.size() == 1);
  CHECK(analysis.rejected[0].status.code() == StatusCode::kTooLarge);
  CHECK(analysis.rejected[0].status.message() == "big");
}

// Round 2 in the map step: map 1 on shards gives records and casing counts; the counts summed go to
// every shard's map 2, which reads its records of round 1 and writes records of version 3; the
// reduce step takes their candidates and story words without segmenting the articles again.
TEST_CASE("two map passes with the casing counts exchanged, then reduce, equal the analysis",
          "[record]") {
  auto direct = testing::MakeAnalyzer();
  for (const auto& [id, text] : Inputs()) REQUIRE(direct->AddFile(id, text).ok());
  const std::string expected = AnalysisToJson(direct->Analyze());

  const auto inputs = Inputs();
  std::vector<std::vector<std::string>> shard_records(3);
  std::vector<std::string> casing;
  for (std::size_t shard = 0; shard < 3; ++shard) {
    auto mapper = testing::MakeAnalyzer(static_cast<int>(shard) + 1);
    for (std::size_t i = shard * inputs.size() / 3; i < (shard + 1) * inputs.size() / 3; ++i)
      REQUIRE(mapper->AddFile(inputs[i].first, inputs[i].second).ok());
    shard_records[shard] = Lines(mapper->MapRecords());
    casing.push_back(mapper->CasingCounts());
    CHECK(casing.back().rfind("{\"casing\":\"crosswire-casing/1\",", 0) == 0);
  }
  // The sums do not depend on the order they are added in.
  std::vector<std::string> records;
  for (std::size_t shard = 0; shard < 3; ++shard) {
    auto mapper = testing::MakeAnalyzer(2);
    for (std::size_t c = 0; c < casing.size(); ++c)
      REQUIRE(mapper->AddCasingCounts(casing[(c + shard) % casing.size()]).ok());
    for (const std::string& line : shard_records[shard]) REQUIRE(mapper->AddRecord(line).ok());
    for (std::string& line : Lines(mapper->MapRecords(Analyzer::MapRound::kSecond))) {
      CHECK(line.rfind("{\"record\":\"crosswire-record/3\",", 0) == 0);
      records.push_back(std::move(line));
    }
  }
  REQUIRE(records.size() == inputs.size());
  // One process that maps the whole batch in both rounds writes the same lines.
  auto whole = testing::MakeAnalyzer();
  for (const auto& [id, text] : inputs) REQUIRE(whole->AddFile(id, text).ok());
  CHECK(Lines(whole->MapRecords(Analyzer::MapRound::kSecond)) == records);

  // With the summed counts given, or counted again by the reducer: the same analysis.
  auto given = testing::MakeAnalyzer(2);
  for (const std::string& c : casing) REQUIRE(given->AddCasingCounts(c).ok());
  for (const std::string& line : records) REQUIRE(given->AddRecord(line).ok());
  CHECK(AnalysisToJson(given->Analyze()) == expected);
  auto counted = testing::MakeAnalyzer(1);
  for (const std::string& line : records) REQUIRE(counted->AddRecord(line).ok());
  CHECK(AnalysisToJson(counted->Analyze()) == expected);

  // Records are whole: a record of version 3 read back writes the same line.
  for (const std::string& line : records) {
    Result<ParsedRecord> parsed = ParseRecord(line);
    REQUIRE(parsed.ok());
    REQUIRE(parsed.value().round2);
    CHECK(ArticleRecordJson(parsed.value().doc, parsed.value().input_bytes, *parsed.value().dates,
                            &*parsed.value().round2) == line);
  }

  // The reducer takes the candidates as the record gives them (a record without its candidates
  // loses its mentions)...
  std::size_t with_names = 0;
  while (records[with_names].find("\"candidates\":[[") == std::string::npos) ++with_names;
  std::string emptied = records[with_names];
  const std::size_t from = emptied.find("\"candidates\":[[") + 13;
  const std::size_t to = emptied.find("]]},\"removed\"", from);
  REQUIRE(to != std::string::npos);
  emptied.replace(from, to + 2 - from, "[]");
  auto lost = testing::MakeAnalyzer();
  for (std::size_t i = 0; i < records.size(); ++i)
    REQUIRE(lost->AddRecord(i == with_names ? emptied : records[i]).ok());
  CHECK(AnalysisToJson(lost->Analyze()) != expected);
  // ...but finds them again when they were found with other casing counts.
  std::string other = emptied;
  const std::size_t digest = other.find("\"casing\":\"") + 10;
  other.replace(digest, 16, "0123456789abcdef");
  auto again = testing::MakeAnalyzer();
  for (std::size_t i = 0; i < records.size(); ++i)
    REQUIRE(again->AddRecord(i == with_names ? other : records[i]).ok());
  CHECK(AnalysisToJson(again->Analyze()) == expected);
}

TEST_CASE("articles kept with both rounds run ahead, then records of the rest, equal the analysis",
          "[record]") {
  // The page's batch worker: the first articles of the batch are its own (round 1 as they come,
  // round 2 once the batch's counts are summed), the rest come as records of round 1.
  const auto inputs = Inputs();
  auto direct = testing::MakeAnalyzer();
  for (const auto& [id, text] : inputs) REQUIRE(direct->AddFile(id, text).ok());
  const std::string expected = AnalysisToJson(direct->Analyze());
  const std::size_t own = inputs.size() / 2;
  auto mapper = testing::MakeAnalyzer();
  for (std::size_t i = own; i < inputs.size(); ++i)
    REQUIRE(mapper->AddFile(inputs[i].first, inputs[i].second).ok());
  const std::vector<std::string> lines = Lines(mapper->MapRecords());
  const std::string mapped_casing = mapper->CasingCounts();
  for (int jobs : {1, 2}) {
    auto keeper = testing::MakeAnalyzer(jobs);
    for (std::size_t i = 0; i < own; ++i) {
      REQUIRE(keeper->AddFile(inputs[i].first, inputs[i].second).ok());
      keeper->Prepare();
    }
    const std::string own_casing = keeper->CasingCounts();
    REQUIRE(keeper->AddCasingCounts(own_casing).ok());
    REQUIRE(keeper->AddCasingCounts(mapped_casing).ok());
    keeper->PrepareRoundTwo();
    // Round 2's result is kept: the records of version 3 it writes are those of a mapper given
    // the same counts.
    auto own_mapper = testing::MakeAnalyzer();
    REQUIRE(own_mapper->AddCasingCounts(own_casing).ok());
    REQUIRE(own_mapper->AddCasingCounts(mapped_casing).ok());
    for (std::size_t i = 0; i < own; ++i)
      REQUIRE(own_mapper->AddFile(inputs[i].first, inputs[i].second).ok());
    CHECK(keeper->MapRecords(Analyzer::MapRound::kSecond) ==
          own_mapper->MapRecords(Analyzer::MapRound::kSecond));
    for (const std::string& line : lines) REQUIRE(keeper->AddRecord(line).ok());
    CHECK(AnalysisToJson(keeper->Analyze()) == expected);
  }
  // Counts given after round 2 ran make it run again with those: the same analysis as counting them.
  auto late = testing::MakeAnalyzer();
  for (std::size_t i = 0; i < own; ++i)
    REQUIRE(late->AddFile(inputs[i].first, inputs[i].second).ok());
  late->PrepareRoundTwo();
  REQUIRE(late->AddCasingCounts(late->CasingCounts()).ok());
  REQUIRE(late->AddCasingCounts(mapped_casing).ok());
  for (const std::string& line : lines) REQUIRE(late->AddRecord(line).ok());
  CHECK(AnalysisToJson(late->Analyze()) == expected);
}

TEST_CASE("a record of version 3 or a casing line that is not one is refused with the reason",
          "[record]") {
  auto mapper = testing::MakeAnalyzer();
  REQUIRE(mapper->AddArticle("a.txt", "Share this\nVladimir Putin spoke in Moscow.\n").ok());
  const std::string good = Lines(mapper->MapRecords(Analyzer::MapRound::kSecond)).at(0);
  INFO(good);
  REQUIRE(good.find("\"removed\":{\"uncased\"") != std::string::npos);
  auto replace = [&](const std::string& from, const std::string& to) {
    return Replaced(good, from, to);
  };
  Refused(replace("\"round2\":", "\"round3\":"), "needs round2");
  Refused(replace("\"tagger\":false", "\"tagger\":0"), "casing digest and tagger flag");
  Refused(replace("\"candidates\":[[", "\"candidates\":[[9999,"), "article candidates");
  Refused(replace("\"candidates\":[[", "\"candidates\":[[1,0,"), "article candidates");
  Refused(replace("\"PERSON\"", "\"PERSONA\""), "article candidates");
  Refused(replace(",-1,false]", ",7,false]"), "article candidates");
  Refused(replace(",-1,false]", ",-1,0]"), "article candidates");
  Refused(replace(",-1,false]", ",-1]"), "article candidates");
  Refused(replace("\"removed\":{\"uncased\"", "\"removed\":null,\"x\":{\"uncased\""),
          "exactly when the article has removed lines");
  Refused(replace("\"counts\":[", "\"counts\":[1,"), "a count for each key");
  Refused(replace("\"counts\":[", "\"counts\":[1e999,"), "a count for each key");
  Refused(replace("\"keys\":[", "\"keys\":[\"\","), "a count for each key");

  mentions::CaseStats stats;
  auto casing_refused = [&](const std::string& line, const std::string& why) {
    Status s = AddCasingJson(line, stats);
    INFO(line);
    INFO(s.message());
    CHECK(s.code() == StatusCode::kInvalidArgument);
    CHECK(s.message().find(why) != std::string::npos);
  };
  casing_refused("", "casing counts: not a record: the line ends early");
  casing_refused("{\"casing\":\"crosswire-casing/2\",\"lower\":{},\"capitalized_inside\":{}}",
                 "version \"crosswire-casing/2\" is not \"crosswire-casing/1\"");
  casing_refused("{\"lower\":{}}", "no \"casing\" tag");
  casing_refused(
      "{\"casing\":\"crosswire-casing/1\",\"lower\":{\"a\":-1},\"capitalized_inside\":{}}",
      "a count is not a whole number");
  casing_refused("{\"casing\":\"crosswire-casing/1\",\"lower\":[]}", "must be objects of counts");
  CHECK(stats.lower.empty());
  CHECK(mapper->AddCasingCounts("{\"casing\":1}").message().find("no \"casing\" tag") !=
        std::string::npos);
}

}  // namespace
}  // namespace crosswire
