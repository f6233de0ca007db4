// Golden test: the whole analysis of the seed articles, byte for byte, in both builds. After an
// intended change, regenerate natively with
//   CROSSWIRE_REGENERATE=1 build/native/crosswire_tests "[golden]"
// and review the diff of tests/golden/seeds.expected.json like code.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "crosswire/analyzer.h"
#include "test_util.h"

namespace crosswire {
namespace {

TEST_CASE("the seeds' analysis matches the golden JSON", "[golden]") {
  auto analyzer = Analyzer::Create();
  REQUIRE(analyzer.ok());
  // Added in reverse order: the result must not depend on it.
  std::vector<std::string> ids = testing::SeedIds();
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    REQUIRE(analyzer.value()->AddFile(*it, testing::SeedText(*it)).ok());
  }
  Analysis analysis = analyzer.value()->Analyze();
  std::sort(analysis.articles.begin(), analysis.articles.end(),
            [](const ArticleResult& a, const ArticleResult& b) { return a.id < b.id; });
  std::string json = AnalysisToJson(analysis);
  const std::string path = testing::SourcePath("tests/golden/seeds.expected.json");
  const char* regenerate = std::getenv("CROSSWIRE_REGENERATE");
  if (regenerate != nullptr && std::string(regenerate) == "1") {
    std::ofstream(path, std::ios::binary) << json;
    WARN("regenerated " << path);
    return;
  }
  std::string expected = testing::ReadFileOrEmpty(path);
  REQUIRE_FALSE(expected.empty());
  CHECK(json == expected);
}

}  // namespace
}  // namespace crosswire
