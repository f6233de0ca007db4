// The thread pool (core/parallel.h) and what it promises the Analyzer: every index runs once, and
// the analysis is byte-identical for any number of threads.
#include "parallel.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "crosswire/analyzer.h"
#include "test_util.h"

namespace crosswire {
namespace {

TEST_CASE("ParallelFor runs every index exactly once, on workers 0..jobs-1", "[parallel]") {
  for (int jobs : {1, 2, 3, 8}) {
    std::vector<std::atomic<int>> runs(1000);
    std::vector<int> worker_of(1000, -1);
    ParallelFor(jobs, runs.size(), [&](std::size_t i, int worker) {
      runs[i].fetch_add(1);
      worker_of[i] = worker;
    });
    for (std::size_t i = 0; i < runs.size(); ++i) {
      CHECK(runs[i].load() == 1);
      CHECK(worker_of[i] >= 0);
      CHECK(worker_of[i] < jobs);
    }
  }
  int calls = 0;
  ParallelFor(4, 0, [&](std::size_t, int) { ++calls; });
  CHECK(calls == 0);
  CHECK(ResolveJobs(3) >= 1);
  CHECK(ResolveJobs(0) >= 1);
}

// A batch that exercises every per-article path: the seeds (several languages and scripts) twice
// under other ids, Thai and Russian articles naming people the others name, boilerplate lines,
// year-less dates, an HTML file, a Latin-1 file, and inputs that are rejected.
void AddMixedBatch(Analyzer& analyzer) {
  for (const std::string& id : testing::SeedIds()) {
    REQUIRE(analyzer.AddFile(id, testing::SeedText(id)).ok());
    REQUIRE(analyzer.AddFile("copy-" + id, testing::SeedText(id)).ok());
  }
  REQUIRE(analyzer
              .AddArticle("th.txt",
                          "นายอเล็กซานเดอร์ ลูกาเชนโก ประธานาธิบดีเบลารุส พบกับนายวลาดิมีร์ ปูติน "
                          "ที่กรุงมอสโก เมื่อวันที่ 13 กันยายน\nลูกาเชนโกกล่าวว่าจะร่วมมือกัน\n")
              .ok());
  REQUIRE(analyzer
              .AddArticle("ru.txt",
                          "Президент Беларуси Александр Лукашенко встретился с Владимиром Путиным "
                          "в Москве 13 сентября.\nЛукашенко заявил о сотрудничестве.\n"
                          "Читайте также: Новости Минска\nПоделиться\n")
              .ok());
  REQUIRE(analyzer
              .AddFile("page.html",
                       "<html><head><title>Summit</title></head><body><nav>Home | World</nav>"
                       "<article><h1>Lukashenko meets Putin</h1><p>Alexander Lukashenko met "
                       "Vladimir Putin in Moscow on September 13. Lukashenko said the talks "
                       "went well.</p></article></body></html>")
              .ok());
  REQUIRE(analyzer
              .AddFile("latin1.txt",
                       "Le pr\xe9sident Emmanuel Macron a re\xe7u Angela Merkel "
                       "\xe0 Paris le 3 mars 2021.\n")
              .ok());
  CHECK(!analyzer.AddArticle("blank.txt", "  \n ").ok());
  CHECK(!analyzer.AddFile("binary.txt", std::string("\x00\x01\x02\x00\x00\xff", 6)).ok());
}

std::string AnalyzeWith(int jobs, bool mixed) {
  Options options;
  options.jobs = jobs;
  auto created = Analyzer::Create(options);
  REQUIRE(created.ok());
  Analyzer& analyzer = *created.value();
  if (mixed) {
    AddMixedBatch(analyzer);
  } else {
    for (const std::string& id : testing::SeedIds())
      REQUIRE(analyzer.AddFile(id, testing::SeedText(id)).ok());
  }
  return AnalysisToJson(analyzer.Analyze());
}

TEST_CASE("the analysis is byte-identical for 1, 2 and 3 threads", "[parallel]") {
  for (bool mixed : {false, true}) {
    const std::string one = AnalyzeWith(1, mixed);
    CHECK(one.find("\"entities\":[{") != std::string::npos);
    CHECK(AnalyzeWith(2, mixed) == one);
    CHECK(AnalyzeWith(3, mixed) == one);
  }
  // The mixed batch rejects its blank and binary inputs and analyses the rest.
  const std::string mixed = AnalyzeWith(2, true);
  CHECK(mixed.find("\"id\":\"blank.txt\",\"code\":\"invalid_argument\"") != std::string::npos);
  CHECK(mixed.find("\"id\":\"binary.txt\",\"code\":\"binary_input\"") != std::string::npos);
  CHECK(mixed.find("\"id\":\"th.txt\"") != std::string::npos);
}

// An article's tokens live only while one of its rounds runs (round 1 counts casing, round 2 finds
// candidates and story words, the known-names pass segments uncased articles once more): a batch
// analysed twice, or grown after an analysis, gives what one analysis of the whole batch gives.
TEST_CASE("tokens dropped between rounds: analysing again or adding more changes nothing",
          "[parallel]") {
  const std::string whole = AnalyzeWith(2, true);
  Options options;
  options.jobs = 2;
  auto created = Analyzer::Create(options);
  REQUIRE(created.ok());
  Analyzer& analyzer = *created.value();
  for (const std::string& id : testing::SeedIds()) {
    REQUIRE(analyzer.AddFile(id, testing::SeedText(id)).ok());
  }
  analyzer.Prepare();
  (void)analyzer.Analyze();
  // Thai without a cue: only the known-names pass finds these, in an article segmented again.
  const std::string thai = "th-known.txt";
  REQUIRE(analyzer.AddArticle(thai, "วันนี้ ลูกาเชนโกกล่าวว่าจะร่วมมือกัน และปูตินเห็นด้วย\n").ok());
  Analysis first = analyzer.Analyze();
  const ArticleResult* known = nullptr;
  for (const ArticleResult& a : first.articles) {
    if (a.id == thai) known = &a;
  }
  REQUIRE(known != nullptr);
  REQUIRE(!known->mentions.empty());
  CHECK(known->mentions[0].text == "ลูกาเชนโก");
  const std::string json = AnalysisToJson(first);
  CHECK(AnalysisToJson(analyzer.Analyze()) == json);
  auto fresh = Analyzer::Create(options);
  REQUIRE(fresh.ok());
  for (const std::string& id : testing::SeedIds()) {
    REQUIRE(fresh.value()->AddFile(id, testing::SeedText(id)).ok());
  }
  REQUIRE(fresh.value()->AddArticle(thai, "วันนี้ ลูกาเชนโกกล่าวว่าจะร่วมมือกัน และปูตินเห็นด้วย\n").ok());
  CHECK(AnalysisToJson(fresh.value()->Analyze()) == json);

  analyzer.Clear();
  AddMixedBatch(analyzer);
  (void)analyzer.Analyze();
  CHECK(AnalysisToJson(analyzer.Analyze()) == whole);
}

}  // namespace
}  // namespace crosswire
