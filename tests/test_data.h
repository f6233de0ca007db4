// The data a test reads as the module would have it: natively the compiled-in pack holds every
// table; the wasm core leaves some to its packs (CMakeLists.txt), which programs run under node read
// from the host.
#ifndef CROSSWIRE_TESTS_TEST_DATA_H_
#define CROSSWIRE_TESTS_TEST_DATA_H_

#include "data_pack.h"

#ifdef __EMSCRIPTEN__
#include <cstdio>
#include <string>
#endif

namespace crosswire::testing {

#ifdef __EMSCRIPTEN__
// The compiled-in data pack with the named entries the module takes from its packs: the Han-Latin
// rules, which the wasm core leaves to the cjk pack (CMakeLists.txt), read from the native
// build's tables (CROSSWIRE_TEST_GEN_DIR) as toolchain/build.sh packs them.
inline DataPack DataWithPacks() {
  static const std::string han = [] {
    std::string path = std::string(CROSSWIRE_TEST_GEN_DIR) + "/translit-han.txt";
    std::string bytes;
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
      char buffer[65536];
      std::size_t n;
      while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) bytes.append(buffer, n);
      std::fclose(f);
    }
    return bytes;
  }();
  return DataPack::Embedded().With({{"gen/translit-han.txt", han}});
}

#else
inline DataPack DataWithPacks() { return DataPack::Embedded(); }
#endif

}  // namespace crosswire::testing

#endif  // CROSSWIRE_TESTS_TEST_DATA_H_
