// The batch step in two calls (Analyzer::BeginAnalysis ... FinishAnalysis): pieces of the name
// pairs scored as tasks by other analyzers give the analysis of the batch byte for byte, however
// the pairs are cut and whichever pieces come back; scores that are not a task's are refused.
#include "entities/pair_tasks.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "analysis_lookup.h"
#include "crosswire/analyzer.h"
#include "test_util.h"

namespace crosswire {
namespace {

// The seeds, and articles that spell the same people in other ways and scripts: pairs of every
// kind (whole names, a surname alone, a name without its first name) for linking to score.
void AddBatch(Analyzer& analyzer) {
  for (const std::string& id : testing::SeedIds()) {
    REQUIRE(analyzer.AddArticle(id, testing::SeedText(id)).ok());
  }
  REQUIRE(analyzer
              .AddArticle("minsk.txt",
                          "Aleksandr Lukashenka met Vladimir Putin in Minsk. Lukashenka said the "
                          "talks with Putin went well. Viktor Gennadievich Khrenin attended.\n")
              .ok());
  REQUIRE(analyzer
              .AddArticle("moskva.txt",
                          "Александр Лукашенко встретился с Владимиром Путиным в Москве. "
                          "Лукашенко и Путин обсудили газ. Геннадьевич Хренин тоже был там.\n")
              .ok());
}

uint32_t PairCount(const std::string& task) {
  REQUIRE(task.size() >= 16);
  uint32_t count = 0;
  for (int k = 3; k >= 0; --k) count = count << 8 | static_cast<unsigned char>(task[8 + k]);
  return count;
}

TEST_CASE("pieces of the name pairs scored by other analyzers give the analysis byte for byte",
          "[pair_tasks]") {
  auto direct = testing::MakeAnalyzer();
  AddBatch(*direct);
  const std::string expected = AnalysisToJson(direct->Analyze());

  auto other = testing::MakeAnalyzer();  // another analyzer, holding no articles: a pool worker's
  for (const std::size_t parts : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
    auto batch = testing::MakeAnalyzer(2);
    AddBatch(*batch);
    batch->BeginAnalysis();
    // The tasks are written first, as the page does; the batch's analyzer scores its own piece before
    // the others' scores come back (two pieces) or after (three).
    std::vector<std::string> tasks;
    std::size_t pairs = 0;
    for (std::size_t part = 0; part < parts; ++part) {
      tasks.push_back(batch->PairTask(part, parts));
      pairs += PairCount(tasks.back());
    }
    CHECK(pairs > 20);  // the batch has pairs to score, in every cut
    if (parts == 2) batch->ScorePairPiece(0, parts);
    for (std::size_t part = 1; part < parts; ++part) {
      Result<std::vector<double>> scores = other->ScorePairs(tasks[part]);
      REQUIRE(scores.ok());
      CHECK(scores.value().size() == 2 * PairCount(tasks[part]));
      // The last of three pieces never comes back (its worker stopped): the batch scores it.
      if (parts == 3 && part == 2) continue;
      REQUIRE(batch->GivePairScores(part, parts, scores.value()).ok());
    }
    if (parts != 2) batch->ScorePairPiece(0, parts);
    CHECK(AnalysisToJson(batch->FinishAnalysis()) == expected);
  }
}

TEST_CASE("the scores given are the ones linking uses", "[pair_tasks]") {
  auto direct = testing::MakeAnalyzer();
  AddBatch(*direct);
  const std::string expected = AnalysisToJson(direct->Analyze());

  // Every pair scored as the same name: linking merges what the real scores keep apart.
  auto batch = testing::MakeAnalyzer();
  AddBatch(*batch);
  batch->BeginAnalysis();
  const std::string task = batch->PairTask(0, 1);
  REQUIRE(batch->GivePairScores(0, 1, std::vector<double>(2 * PairCount(task), 1.0)).ok());
  const Analysis merged = batch->FinishAnalysis();
  CHECK(AnalysisToJson(merged) != expected);
  CHECK(merged.entities.size() < direct->Analyze().entities.size());
}

TEST_CASE("scores that do not fit a piece, and bytes that are not a task, are refused",
          "[pair_tasks]") {
  auto batch = testing::MakeAnalyzer();
  AddBatch(*batch);
  // Scores given before an analysis has begun.
  Status early = batch->GivePairScores(0, 1, {0.5, 0.5});
  CHECK(early.code() == StatusCode::kInvalidArgument);
  CHECK(early.message().find("BeginAnalysis") != std::string::npos);

  batch->BeginAnalysis();
  const std::string task = batch->PairTask(1, 2);
  const Status wrong_count = batch->GivePairScores(1, 2, std::vector<double>(3, 0.5));
  CHECK(wrong_count.code() == StatusCode::kInvalidArgument);
  CHECK(wrong_count.message().find("not two for each of its " +
                                   std::to_string(PairCount(task)) + " pairs") !=
        std::string::npos);

  auto other = testing::MakeAnalyzer();
  CHECK(!other->ScorePairs("").ok());
  CHECK(other->ScorePairs("CWP1 but not a task").status().message().find("crosswire-pairs/1") !=
        std::string::npos);
  std::string cut = task.substr(0, task.size() - 1);  // one byte short
  CHECK(!other->ScorePairs(cut).ok());
  std::string bad_name = task;
  bad_name[16 + 4 * 1 + 3] = '\x7f';  // the second name's end offset, now past the names' bytes
  CHECK(!other->ScorePairs(bad_name).ok());
  // The analysis still finishes after the refusals, as it would have.
  auto direct = testing::MakeAnalyzer();
  AddBatch(*direct);
  CHECK(AnalysisToJson(batch->FinishAnalysis()) == AnalysisToJson(direct->Analyze()));
}

}  // namespace
}  // namespace crosswire
