// Tests of the data pack: lookups by path and prefix, and that the pack compiled into the binary
// holds every readable data file of core/data exactly as it is in the source tree.
#include "data_pack.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "test_util.h"

namespace crosswire {
namespace {

TEST_CASE("files are found by exact path and listed by prefix in path order", "[data_pack]") {
  const DataPack pack({{"cues/th.txt", "th"},
                       {"aliases/orgs.tsv", "orgs"},
                       {"cues/en.txt", "en"},
                       {"cuesx.txt", "x"}});
  REQUIRE(pack.Find("cues/en.txt").has_value());
  CHECK(*pack.Find("cues/en.txt") == "en");
  CHECK(*pack.Find("aliases/orgs.tsv") == "orgs");
  CHECK_FALSE(pack.Find("cues/").has_value());
  CHECK_FALSE(pack.Find("cues/fr.txt").has_value());
  CHECK_FALSE(pack.Find("").has_value());
  const std::vector<DataFile> cues = pack.List("cues/");
  REQUIRE(cues.size() == 2);
  CHECK(cues[0].path == "cues/en.txt");
  CHECK(cues[1].path == "cues/th.txt");
  CHECK(pack.List("none/").empty());
  CHECK(pack.TotalBytes() == 2 + 4 + 2 + 1);
}

TEST_CASE("the embedded pack holds every file of core/data byte for byte", "[data_pack]") {
  const DataPack pack = DataPack::Embedded();
  const std::filesystem::path root = testing::SourcePath("core/data");
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const std::string path = std::filesystem::relative(entry.path(), root).generic_string();
    if (entry.path().filename().string().starts_with(".")) continue;  // not packed
    INFO(path);
    std::optional<std::string_view> contents = pack.Find(path);
    REQUIRE(contents.has_value());
    CHECK(*contents == testing::ReadFileOrEmpty(entry.path().string()));
    ++files;
  }
  CHECK(files >= 40);
  // Tables generated from ICU at build time live under gen/.
  CHECK(pack.Find("gen/calendar.tsv").has_value());
  CHECK(pack.Find("gen/trigrams.tsv").has_value());
}

TEST_CASE("data lines skip blanks and comments and trim spaces", "[data_pack]") {
  const std::vector<std::string_view> lines =
      DataLines("# comment\n\n  first \t\r\nsecond#not a comment\r\n   # indented comment\nlast");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "first");
  CHECK(lines[1] == "second#not a comment");
  CHECK(lines[2] == "last");
  CHECK(DataLines("").empty());
}

}  // namespace
}  // namespace crosswire
