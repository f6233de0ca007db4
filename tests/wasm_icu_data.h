// The wasm build's ICU has no file access of its own: programs run under node (tests, benchmarks)
// read the data pack from the host and hand it to ICU before any other ICU call.
#ifndef CROSSWIRE_TESTS_WASM_ICU_DATA_H_
#define CROSSWIRE_TESTS_WASM_ICU_DATA_H_

#ifdef __EMSCRIPTEN__
#include <unicode/udata.h>

#include <cstdio>
#include <cstdlib>

namespace crosswire::testing {

inline bool LoadIcuData() {
  std::FILE* f = std::fopen(CROSSWIRE_ICU_DATA_FILE, "rb");
  if (f == nullptr) {
    std::fprintf(stderr, "cannot open the ICU data %s\n", CROSSWIRE_ICU_DATA_FILE);
    return false;
  }
  std::fseek(f, 0, SEEK_END);
  long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  void* data = std::aligned_alloc(16, (size + 15) / 16 * 16);  // lives as long as ICU: never freed
  bool read = std::fread(data, 1, size, f) == static_cast<std::size_t>(size);
  std::fclose(f);
  if (!read) return false;
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(data, &status);
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "ICU rejected its data: %s\n", u_errorName(status));
    return false;
  }
  return true;
}

}  // namespace crosswire::testing
#else
namespace crosswire::testing {
inline bool LoadIcuData() { return true; }  // native builds use the system ICU's data
}  // namespace crosswire::testing
#endif

#endif  // CROSSWIRE_TESTS_WASM_ICU_DATA_H_
