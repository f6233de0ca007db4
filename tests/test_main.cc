// The Catch2 entry point of the test binary, natively and (under node) in wasm. The wasm build's
// ICU has no file access of its own: the data pack is read here and handed to ICU first.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef __EMSCRIPTEN__
#include <cstdio>
#include <cstdlib>

#include <unicode/udata.h>
#endif

int main(int argc, char* argv[]) {
#ifdef __EMSCRIPTEN__
  std::FILE* f = std::fopen(CROSSWIRE_ICU_DATA_FILE, "rb");
  if (f == nullptr) {
    std::fprintf(stderr, "cannot open the ICU data %s\n", CROSSWIRE_ICU_DATA_FILE);
    return 1;
  }
  std::fseek(f, 0, SEEK_END);
  long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  void* data = std::aligned_alloc(16, (size + 15) / 16 * 16);  // lives as long as ICU: never freed
  if (std::fread(data, 1, size, f) != static_cast<std::size_t>(size)) return 1;
  std::fclose(f);
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(data, &status);
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "ICU rejected its data: %s\n", u_errorName(status));
    return 1;
  }
#endif
  return Catch::Session().run(argc, argv);
}
