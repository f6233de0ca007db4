// Cleaning on the seeds: titles, languages, and every boilerplate line removed and reported —
// and nothing else. Runs the whole text core through the public API.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "crosswire/analyzer.h"
#include "text/normalize.h"
#include "test_util.h"

namespace crosswire {
namespace {

std::string SliceUtf16(const std::string& utf8, int32_t begin, int32_t end) {
  icu::UnicodeString u = FromUtf8(utf8);
  return ToUtf8(icu::UnicodeString(u, begin, end - begin));
}

const Analysis& SeedAnalysis() {
  static const Analysis analysis = [] {
    auto analyzer = Analyzer::Create();
    REQUIRE(analyzer.ok());
    for (const std::string& id : testing::SeedIds()) {
      REQUIRE(analyzer.value()->AddFile(id, testing::SeedText(id)).ok());
    }
    return analyzer.value()->Analyze();
  }();
  return analysis;
}

const ArticleResult& Seed(const std::string& prefix) {
  for (const ArticleResult& a : SeedAnalysis().articles) {
    if (a.id.rfind(prefix, 0) == 0) return a;
  }
  FAIL("no seed " << prefix);
  throw;
}

TEST_CASE("seed languages are identified", "[clean]") {
  CHECK(Seed("000").lang == "en");
  CHECK(Seed("001").lang == "th");
  CHECK(Seed("002").lang == "fr");
  CHECK(Seed("003").lang == "en");
  CHECK(Seed("004").lang == "en");
}

TEST_CASE("seed titles are found", "[clean]") {
  CHECK(Seed("002").title ==
        "L'Iran et la Biélorussie s'engagent à renforcer leurs relations politique, sécuritaire, "
        "économique");
  CHECK(Seed("003").title ==
        "Meeting with Secretary of Supreme National Security Council of Iran Ali Akbar Ahmadian");
  CHECK(Seed("004").title == "Iran, Belarus sign defense cooperation MOU");
  // Articles without a headline line are titled by their first sentence.
  CHECK(Seed("000").title.rfind("On September 13, Secretary of Iran", 0) == 0);
  CHECK(Seed("001").title.rfind("เมื่อวันที่ 13 กันยายน", 0) == 0);
}

TEST_CASE("every boilerplate line of the seeds is removed and reported, nothing else", "[clean]") {
  const std::map<std::string, std::vector<std::pair<std::string, std::string>>> expected = {
      {"000",
       {{"Source: "
         "https://baoquocte.vn/"
         "iran-cam-ket-tang-cuong-hop-tac-song-phuong-voi-mot-quoc-gia-dong-au-286273.html",
         "source-link"},
        {"Comment (0)", "comments"}}},
      {"001",
       {{"ที่มา: "
         "https://baoquocte.vn/"
         "iran-cam-ket-tang-cuong-hop-tac-song-phuong-voi-mot-quoc-gia-dong-au-286273.html",
         "source-link"},
        {"การแสดงความคิดเห็น (0)", "comments"}}},
      {"002",
       {{">> Crise au Bélarus : le Conseil de l'Europe appelle à \"un dialogue national\"",
         "related-links"},
        {">> Indonésie - Iran : signature d’un protocole d'accord de coopération sur les produits "
         "halals",
         "related-links"},
        {">> Biélorussie et Guinée équatoriale signent un plan de coopération jusqu'en 2026",
         "related-links"},
        {"Xinhua/VNA/CVN", "byline"}}},
      {"003", {{"• 6", "view-counter"}, {"• 4:44", "duration"}}},
      {"004",
       {{"Persian News", "site-header"},
        {"All Persian News Related to Iran", "site-header"},
        {"Original News :", "original-link"},
        {"%d bloggers like this:", "share"}}},
  };
  for (const auto& [prefix, lines] : expected) {
    const ArticleResult& a = Seed(prefix);
    INFO(a.id);
    std::vector<std::pair<std::string, std::string>> actual;
    for (const RemovedSpan& r : a.removed)
      actual.push_back({SliceUtf16(a.text, r.utf16_begin, r.utf16_end), r.reason});
    CHECK(actual == lines);
  }
}

TEST_CASE("removed spans are whole lines in UTF-16 units of the text", "[clean]") {
  for (const ArticleResult& a : SeedAnalysis().articles) {
    icu::UnicodeString text = FromUtf8(a.text);
    CHECK(a.text_length == text.length());
    for (const RemovedSpan& r : a.removed) {
      REQUIRE(r.utf16_begin < r.utf16_end);
      REQUIRE(r.utf16_end <= text.length());
      CHECK((r.utf16_begin == 0 || text.charAt(r.utf16_begin - 1) == u'\n' ||
             text.charAt(r.utf16_begin - 1) == u' '));
      CHECK((r.utf16_end == text.length() || text.charAt(r.utf16_end) == u'\n' ||
             text.charAt(r.utf16_end) == u'\r'));
    }
  }
}

TEST_CASE("a real sentence that mentions a source or a share is kept", "[clean]") {
  auto analyzer = Analyzer::Create();
  REQUIRE(analyzer.ok());
  const std::string text =
      "Officials meet in Geneva\n"
      "The source: officials said the talks would share a common text, according to a statement on "
      "Monday.\n"
      "Share\n"
      ">> Other news\n"
      "12 comments\n";
  REQUIRE(analyzer.value()->AddArticle("a.txt", text).ok());
  Analysis analysis = analyzer.value()->Analyze();
  const ArticleResult& a = analysis.articles.at(0);
  std::set<std::string> removed;
  for (const RemovedSpan& r : a.removed)
    removed.insert(SliceUtf16(a.text, r.utf16_begin, r.utf16_end));
  CHECK(removed == std::set<std::string>{"Share", ">> Other news", "12 comments"});
  CHECK(a.title == "Officials meet in Geneva");
}

}  // namespace
}  // namespace crosswire
