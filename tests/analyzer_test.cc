// The Analyzer's contract: limits, ids, rejections that spoil nothing else, determinism, options.
#include "crosswire/analyzer.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "test_util.h"

namespace crosswire {
namespace {

std::unique_ptr<Analyzer> Make(Options options = {}) {
  auto created = Analyzer::Create(std::move(options));
  REQUIRE(created.ok());
  return std::move(created).value();
}

TEST_CASE("per-article and per-batch limits reject with too_large, the rest is analysed",
          "[analyzer]") {
  Options options;
  options.max_article_bytes = 100;
  options.max_batch_bytes = 150;
  auto analyzer = Make(options);
  CHECK(analyzer->AddArticle("a", std::string(80, 'a')).ok());
  Status big = analyzer->AddArticle("b", std::string(120, 'b'));
  CHECK(big.code() == StatusCode::kTooLarge);
  CHECK(big.message().find("per-article limit of 100") != std::string::npos);
  Status batch = analyzer->AddArticle("c", std::string(90, 'c'));
  CHECK(batch.code() == StatusCode::kTooLarge);
  CHECK(batch.message().find("batch") != std::string::npos);
  CHECK(analyzer->AddArticle("d", std::string(60, 'd')).ok());
  Analysis analysis = analyzer->Analyze();
  REQUIRE(analysis.articles.size() == 2);
  CHECK(analysis.rejected.size() == 2);
  CHECK(analysis.stories.size() >= 1);
}

TEST_CASE("data files added at run time reach the analyzer's tables", "[analyzer]") {
  // As a data pack's named entries do in the wasm build: here a curated aliases file.
  static const std::string aliases = "PLACE\tZembla\tZemblya\n";
  Options options;
  options.extra_data = {{"aliases/zz-extra.tsv", aliases}};
  auto analyzer = Make(options);
  REQUIRE(analyzer->AddArticle("a", "Officials in Zemblya said the talks would resume on Monday.").ok());
  const Analysis analysis = analyzer->Analyze();
  auto zembla = std::find_if(analysis.entities.begin(), analysis.entities.end(),
                             [](const EntityResult& e) { return e.name == "Zembla"; });
  REQUIRE(zembla != analysis.entities.end());
  CHECK(zembla->type == EntityType::kPlace);
  // Without the file the name is not known under that spelling.
  auto plain = Make();
  REQUIRE(plain->AddArticle("a", "Officials in Zemblya said the talks would resume on Monday.").ok());
  for (const EntityResult& e : plain->Analyze().entities) CHECK(e.name != "Zembla");
}

TEST_CASE("ids must be non-empty and unique", "[analyzer]") {
  auto analyzer = Make();
  CHECK(analyzer->AddArticle("", "text").code() == StatusCode::kInvalidArgument);
  CHECK(analyzer->AddArticle("x", "text").ok());
  CHECK(analyzer->AddFile("x", "other").code() == StatusCode::kInvalidArgument);
  analyzer->Clear();
  CHECK(analyzer->AddArticle("x", "text again").ok());
}

TEST_CASE("a bad assumed publication date is an invalid argument", "[analyzer]") {
  Options options;
  options.assumed_published = "13/09/2024";
  CHECK(Analyzer::Create(options).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("an article's given publication date is its published date and anchors its dates",
          "[analyzer][dates]") {
  auto analyzer = Make();
  // The text's own dateline says 2020; the publication date given with the article wins, and the
  // year-less "March 3" and "yesterday" count from it.
  const std::string text =
      "March 4, 2020\nVoters went to the polls on March 3. Turnout was high, officials said "
      "yesterday.\n";
  ArticleOptions given;
  given.published = "2021-03-05";
  REQUIRE(analyzer->AddArticle("given", text, given).ok());
  REQUIRE(analyzer->AddArticle("stated", text).ok());
  ArticleOptions bad;
  bad.published = "2021-02-30";
  const Status refused = analyzer->AddArticle("bad", text, bad);
  CHECK(refused.code() == StatusCode::kInvalidArgument);
  CHECK(refused.message().find("YYYY-MM-DD") != std::string::npos);
  bad.published = "2021-03";
  CHECK(analyzer->AddArticle("month", text, bad).code() == StatusCode::kInvalidArgument);
  const Analysis analysis = analyzer->Analyze();
  REQUIRE(analysis.articles.size() == 2);
  CHECK(analysis.rejected.size() == 2);
  const ArticleResult& a = analysis.articles[0];
  REQUIRE(a.published);
  CHECK(a.published->ToString() == "2021-03-05");
  CHECK(a.date_reason.find("given with the article") != std::string::npos);
  REQUIRE(a.event_date);
  CHECK(a.event_date->ToString() == "2021-03-03");
  const ArticleResult& b = analysis.articles[1];
  REQUIRE(b.published);
  CHECK(b.published->ToString() == "2020-03-04");
  REQUIRE(b.event_date);
  CHECK(b.event_date->ToString() == "2020-03-03");
}

TEST_CASE("the same batch in any order gives the same analysis", "[analyzer]") {
  std::vector<std::string> ids = testing::SeedIds();
  std::string first;
  for (int round = 0; round < 3; ++round) {
    auto analyzer = Make();
    for (const std::string& id : ids) REQUIRE(analyzer->AddFile(id, testing::SeedText(id)).ok());
    Analysis analysis = analyzer->Analyze();
    std::sort(analysis.articles.begin(), analysis.articles.end(),
              [](const ArticleResult& a, const ArticleResult& b) { return a.id < b.id; });
    std::string json = AnalysisToJson(analysis);
    if (round == 0) first = json;
    CHECK(json == first);
    std::rotate(ids.begin(), ids.begin() + 2, ids.end());
  }
}

TEST_CASE("every article is in exactly one story", "[analyzer]") {
  auto analyzer = Make();
  for (const std::string& id : testing::SeedIds())
    REQUIRE(analyzer->AddFile(id, testing::SeedText(id)).ok());
  Analysis analysis = analyzer->Analyze();
  for (const ArticleResult& a : analysis.articles) {
    int stories = 0;
    for (const StoryResult& s : analysis.stories)
      stories += std::count(s.articles.begin(), s.articles.end(), a.id);
    CHECK(stories == 1);
  }
}

TEST_CASE("several analyzers coexist", "[analyzer]") {
  auto a = Make();
  auto b = Make();
  REQUIRE(a->AddArticle("one", "Minsk and Tehran signed an agreement on Monday.").ok());
  CHECK(b->Analyze().articles.empty());
  CHECK(a->Analyze().articles.size() == 1);
}

}  // namespace
}  // namespace crosswire

namespace crosswire {
namespace {

const EntityResult* EntityNamed(const Analysis& analysis, std::string_view variant) {
  for (const EntityResult& e : analysis.entities) {
    for (const Variant& v : e.variants) {
      if (v.text == variant) return &e;
    }
  }
  return nullptr;
}

TEST_CASE("a person named without the first name joins the one full name it ends like",
          "[analyzer]") {
  auto analyzer = Make();
  REQUIRE(analyzer
              ->AddArticle(
                  "a.txt",
                  "Defence minister Viktor Gennadievich Khrenin met his Iranian counterpart in "
                  "Tehran on Monday.\nGennadievich Khrenin said the talks were useful.\n")
              .ok());
  REQUIRE(analyzer
              ->AddArticle("b.txt",
                           "The Supreme National Security Council met in Tehran. Separately, the "
                           "Security Council of Belarus met in Minsk.\n")
              .ok());
  Analysis analysis = analyzer->Analyze();
  const EntityResult* full = EntityNamed(analysis, "Viktor Gennadievich Khrenin");
  const EntityResult* shorter = EntityNamed(analysis, "Gennadievich Khrenin");
  REQUIRE(full != nullptr);
  REQUIRE(shorter != nullptr);
  CHECK(full->id == shorter->id);
  // Organisations are not shortened that way: two councils stay two entities.
  const EntityResult* snsc = EntityNamed(analysis, "Supreme National Security Council");
  const EntityResult* council = EntityNamed(analysis, "Security Council");
  REQUIRE(snsc != nullptr);
  REQUIRE(council != nullptr);
  CHECK(snsc->id != council->id);
}

}  // namespace
}  // namespace crosswire

namespace crosswire {
namespace {

TEST_CASE("an empty or blank article is rejected, the rest is analysed", "[analyzer]") {
  auto analyzer = std::move(Analyzer::Create()).value();
  CHECK(analyzer->AddArticle("blank.txt", " \n\t\u00a0\n").code() == StatusCode::kInvalidArgument);
  CHECK(analyzer->AddFile("empty.txt", "").code() == StatusCode::kInvalidArgument);
  CHECK(analyzer->AddArticle("real.txt", "Alexander Lukashenko met officials in Minsk.").ok());
  const Analysis analysis = analyzer->Analyze();
  REQUIRE(analysis.articles.size() == 1);
  CHECK(analysis.stories.size() == 1);
  REQUIRE(analysis.rejected.size() == 2);
  CHECK(analysis.rejected[0].status.message().find("empty or holds only whitespace") !=
        std::string::npos);
}

}  // namespace
}  // namespace crosswire
