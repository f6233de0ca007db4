// libFuzzer target: the name matcher on two names (the input split at its first tab, or in two
// halves), over tables built once. Scores are in 0..1, and "same" agrees with the threshold.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_tables.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace crosswire;
  fuzz::Tables& tables = fuzz::Tables::Get();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // Names are short: long inputs belong to the large-input target.
  if (input.size() > 512) return 0;
  std::size_t tab = input.find('\t');
  std::string_view a =
      tab == std::string_view::npos ? input.substr(0, input.size() / 2) : input.substr(0, tab);
  std::string_view b =
      tab == std::string_view::npos ? input.substr(input.size() / 2) : input.substr(tab + 1);
  MatchResult r = tables.matcher->Match(a, b);
  CROSSWIRE_FUZZ_CHECK(r.score >= 0 && r.score <= 1);
  CROSSWIRE_FUZZ_CHECK(r.same == (r.score >= NameMatcher::kSameThreshold));
  const NameKey& key_a = tables.matcher->Key(a);
  const NameKey& key_b = tables.matcher->Key(b);
  double partial = tables.matcher->PartialSimilarity(key_a, key_b);
  CROSSWIRE_FUZZ_CHECK(partial >= 0 && partial <= 1);
  tables.matcher->ClearCache();
  return 0;
}
