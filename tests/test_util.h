// Helpers shared by the tests: reading files of the source tree and of Debian's unicode-data.
#ifndef CROSSWIRE_TESTS_TEST_UTIL_H_
#define CROSSWIRE_TESTS_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "crosswire/analyzer.h"

namespace crosswire::testing {

inline std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string SourcePath(const std::string& relative) {
  return std::string(CROSSWIRE_SOURCE_DIR) + "/" + relative;
}

// The five seed articles, in id order.
inline const std::vector<std::string>& SeedIds() {
  static const std::vector<std::string> ids = {
      "000_3c472ed32e7ca1a2.txt", "001_59c1b46c6166327f.txt", "002_0df39e8324c45f26.txt",
      "003_3ebcd4e45ddbc26e.txt", "004_30129909b77f3f00.txt"};
  return ids;
}

inline std::string SeedText(const std::string& id) {
  return ReadFileOrEmpty(SourcePath("tests/golden/seeds/" + id));
}

}  // namespace crosswire::testing

#endif  // CROSSWIRE_TESTS_TEST_UTIL_H_
