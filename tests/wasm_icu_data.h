// The wasm build's ICU has no file access of its own: programs run under node (tests, benchmarks)
// read the data pack from the host and hand it to ICU before any other ICU call.
#ifndef CROSSWIRE_TESTS_WASM_ICU_DATA_H_
#define CROSSWIRE_TESTS_WASM_ICU_DATA_H_

#ifdef __EMSCRIPTEN__
#include <unicode/udata.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace crosswire::testing {

// Loads one pack's ICU data as a common data item of its own (ICU looks an item up in each in turn),
// the way the module loads its packs.
inline bool LoadIcuDataFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    std::fprintf(stderr, "cannot open the ICU data %s\n", path.c_str());
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
    std::fprintf(stderr, "ICU rejected its data %s: %s\n", path.c_str(), u_errorName(status));
    return false;
  }
  return true;
}

// CROSSWIRE_ICU_DATA_FILES: the packs' ICU data files, separated by ':'.
inline bool LoadIcuData() {
  std::string files = CROSSWIRE_ICU_DATA_FILES;
  std::size_t start = 0;
  while (start <= files.size()) {
    std::size_t end = files.find(':', start);
    if (end == std::string::npos) end = files.size();
    if (end > start && !LoadIcuDataFile(files.substr(start, end - start))) return false;
    start = end + 1;
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
