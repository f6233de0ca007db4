// The data a test reads as the module would have it: natively the compiled-in pack holds every
// table; the wasm core leaves some to its packs (CMakeLists.txt), which programs run under node read
// from the host.
#ifndef CROSSWIRE_TESTS_TEST_DATA_H_
#define CROSSWIRE_TESTS_TEST_DATA_H_

#include <string>

#include "data_pack.h"
#include "test_util.h"

namespace crosswire::testing {

#ifdef __EMSCRIPTEN__
// The compiled-in data pack with the named entries the module takes from its packs: the Han-Latin
// rules, which the wasm core leaves to the cjk pack (CMakeLists.txt), read from the native
// build's tables (CROSSWIRE_TEST_GEN_DIR) as toolchain/build.sh packs them.
inline DataPack DataWithPacks() {
  static const std::string han =
      ReadFileOrEmpty(std::string(CROSSWIRE_TEST_GEN_DIR) + "/translit-han.txt");
  return DataPack::Embedded().With({{"gen/translit-han.txt", han}});
}

#else
inline DataPack DataWithPacks() { return DataPack::Embedded(); }
#endif

}  // namespace crosswire::testing

#endif  // CROSSWIRE_TESTS_TEST_DATA_H_
