// Micro benchmarks of the native core with Google Benchmark: decoding, the text core, name keys
// (transliteration cold and cached) and the whole analysis of the seeds.
#include <benchmark/benchmark.h>

#include "corpus.h"
#include "crosswire/analyzer.h"
#include "decode.h"
#include "names.h"

namespace crosswire::bench {
namespace {

const Corpus& SeedCorpus() {
  static const Corpus corpus = Seeds(CROSSWIRE_SOURCE_DIR);
  return corpus;
}

void BM_Decode(benchmark::State& state) {
  const Corpus& corpus = SeedCorpus();
  for (auto _ : state) {
    for (const Article& a : corpus.articles) benchmark::DoNotOptimize(DecodeBytes(a.bytes));
  }
  state.SetBytesProcessed(state.iterations() * corpus.Bytes());
}
BENCHMARK(BM_Decode);

void BM_TextCore(benchmark::State& state) {
  const Corpus& corpus = SeedCorpus();
  auto analyzer = std::move(Analyzer::Create()).value();
  for (auto _ : state) {
    analyzer->Clear();
    for (const Article& a : corpus.articles)
      benchmark::DoNotOptimize(analyzer->AddFile(a.id, a.bytes));
  }
  state.SetBytesProcessed(state.iterations() * corpus.Bytes());
}
BENCHMARK(BM_TextCore);

void BM_AnalyzeSeeds(benchmark::State& state) {
  const Corpus& corpus = SeedCorpus();
  auto analyzer = std::move(Analyzer::Create()).value();
  for (const Article& a : corpus.articles) (void)analyzer->AddFile(a.id, a.bytes);
  for (auto _ : state) benchmark::DoNotOptimize(analyzer->Analyze());
  state.SetBytesProcessed(state.iterations() * corpus.Bytes());
}
BENCHMARK(BM_AnalyzeSeeds);

const char* const kNames[] = {"Александр Лукашенко", "อเล็กซานเดอร์ ลูกาเชนโก", "علی اکبر احمدیان",
                              "Ali Akbar Ahmadian",  "אלכסנדר וולפוביץ'",    "Alexander Volfovitch",
                              "มาซูด เปเซชเคียน",      "Masoud Pezeshkian"};

// Transliteration of distinct strings: a fresh matcher each time, every key a cache miss.
void BM_NameKeyCold(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto matcher = std::move(NameMatcher::Create(DataPack::Embedded())).value();
    state.ResumeTiming();
    for (const char* name : kNames) benchmark::DoNotOptimize(matcher->Key(name));
  }
  state.SetItemsProcessed(state.iterations() * std::size(kNames));
}
BENCHMARK(BM_NameKeyCold);

// The same strings again: what the cache saves.
void BM_NameKeyCached(benchmark::State& state) {
  auto matcher = std::move(NameMatcher::Create(DataPack::Embedded())).value();
  for (auto _ : state) {
    for (const char* name : kNames) benchmark::DoNotOptimize(matcher->Key(name));
  }
  state.SetItemsProcessed(state.iterations() * std::size(kNames));
}
BENCHMARK(BM_NameKeyCached);

void BM_Match(benchmark::State& state) {
  auto matcher = std::move(NameMatcher::Create(DataPack::Embedded())).value();
  for (auto _ : state) {
    benchmark::DoNotOptimize(matcher->Match("Aleksandr Lukashenko", "อเล็กซานเดอร์ ลูกาเชนโก"));
  }
}
BENCHMARK(BM_Match);

}  // namespace
}  // namespace crosswire::bench

BENCHMARK_MAIN();
