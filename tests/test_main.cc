// The Catch2 entry point of the test binary, natively and (under node) in wasm.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "wasm_icu_data.h"

int main(int argc, char* argv[]) {
  if (!crosswire::testing::LoadIcuData()) return 1;
  return Catch::Session().run(argc, argv);
}
