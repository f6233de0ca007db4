// Throughput of each pipeline stage, in MB/s of input, with the same code natively and in wasm
// (under node), so that toolchain/bench.sh can print the wasm/native ratio per stage. Prints
// numbers; never fails on time.
//   usage: stage_bench [--devdata DIR] [--repeat N] [--tiny]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "corpus.h"
#include "crosswire/analyzer.h"
#include "clean.h"
#include "decode.h"
#include "gazetteer.h"
#include "language.h"
#include "mentions.h"
#include "names.h"
#include "segment.h"
#include "wasm_icu_data.h"

namespace crosswire::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
  double min_s = 0;
  double median_s = 0;
};

Timing Time(int repeat, const std::function<void()>& run) {
  std::vector<double> runs;
  for (int i = 0; i < repeat; ++i) {
    auto start = Clock::now();
    run();
    runs.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(runs.begin(), runs.end());
  return {runs.front(), runs[runs.size() / 2]};
}

void Report(const char* stage, const Corpus& corpus, double megabytes, const Timing& t) {
  std::printf("%-12s %-12s %8zu %9.3f MB %9.2f MB/s (min %.4f s, median %.4f s)\n", stage,
              corpus.name.c_str(), corpus.articles.size(), megabytes, megabytes / t.min_s, t.min_s,
              t.median_s);
}

void BenchStartup(int repeat) {
  Timing t = Time(repeat, [] { (void)Analyzer::Create(); });
  std::printf("%-12s %-12s %8s %12s %9.1f ms (min; median %.1f ms)\n", "startup", "-", "-", "-",
              t.min_s * 1e3, t.median_s * 1e3);
}

void BenchCorpus(const Corpus& corpus, int repeat) {
  if (corpus.articles.empty()) return;
  double mb = corpus.Bytes() / 1e6;
  Report("decode", corpus, mb, Time(repeat, [&] {
           for (const Article& a : corpus.articles) (void)DecodeBytes(a.bytes);
         }));
  // The text core: decode, language, cleaning, segmentation, as AddFile runs them.
  std::unique_ptr<Analyzer> analyzer = std::move(Analyzer::Create()).value();
  Report("text-core", corpus, mb, Time(repeat, [&] {
           analyzer->Clear();
           for (const Article& a : corpus.articles) (void)analyzer->AddFile(a.id, a.bytes);
         }));
  // Mention detection alone, on documents prepared by the text core's stages.
  {
    DataPack data = DataPack::Embedded();
    auto language = std::move(LanguageIdentifier::Create(data)).value();
    auto cleaner = std::move(Cleaner::Create(data)).value();
    auto gazetteer = std::move(Gazetteer::Create(data)).value();
    auto finder = std::move(MentionFinder::Create(data, *gazetteer)).value();
    Segmenter segmenter;
    std::vector<Document> docs;
    for (const Article& a : corpus.articles) {
      Document doc;
      doc.id = a.id;
      doc.text = std::move(DecodeBytes(a.bytes).value().text);
      language->IdentifyDocument(doc, "");
      cleaner->Clean(doc);
      SplitParagraphs(doc);
      language->IdentifyParagraphs(doc);
      (void)segmenter.Segment(doc);
      docs.push_back(std::move(doc));
    }
    std::vector<const Document*> pointers;
    for (const Document& d : docs) pointers.push_back(&d);
    Report("mentions", corpus, mb, Time(repeat, [&] {
             auto matcher = std::move(NameMatcher::Create(data)).value();
             (void)finder->FindAll(pointers, *matcher);
           }));
  }
  // Mentions, entities, dates and stories over the prepared batch.
  Report("analyze", corpus, mb, Time(repeat, [&] { (void)analyzer->Analyze(); }));
  Report("whole", corpus, mb, Time(repeat, [&] {
           auto fresh = std::move(Analyzer::Create()).value();
           for (const Article& a : corpus.articles) (void)fresh->AddFile(a.id, a.bytes);
           (void)AnalysisToJson(fresh->Analyze());
         }));
}

void BenchMatching(const std::string& devdata, int repeat, std::size_t max_pairs) {
  for (const char* lang : {"russian", "arabic", "hebrew"}) {
    auto pairs = NamePairs(devdata + "/names/wikidata_" + lang + ".tsv", max_pairs);
    if (pairs.empty()) continue;
    double mb = 0;
    for (const auto& [a, b] : pairs) mb += (a.size() + b.size()) / 1e6;
    NameMatcher::CacheStats stats;
    // A fresh matcher per run, so every run pays for transliteration once per distinct string.
    Timing t = Time(repeat, [&] {
      auto matcher = std::move(NameMatcher::Create(DataPack::Embedded())).value();
      for (const auto& [a, b] : pairs) (void)matcher->Match(a, b);
      for (const auto& [a, b] : pairs)
        (void)matcher->Match(a, b);  // the same names again: cache hits
      stats = matcher->cache_stats();
    });
    double rate = stats.hits + stats.misses ? 100.0 * stats.hits / (stats.hits + stats.misses) : 0;
    std::printf(
        "%-12s %-12s %8zu %9.3f MB %9.0f pairs/s (min %.4f s, median %.4f s; cache hits %.1f%%)\n",
        "match", lang, pairs.size(), mb, 2.0 * pairs.size() / t.min_s, t.min_s, t.median_s, rate);
  }
}

}  // namespace
}  // namespace crosswire::bench

int main(int argc, char** argv) {
  std::string devdata;
  int repeat = 5;
  bool tiny = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--devdata") && i + 1 < argc)
      devdata = argv[++i];
    else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--tiny"))
      tiny = true;
    else {
      std::fprintf(stderr, "usage: stage_bench [--devdata DIR] [--repeat N] [--tiny]\n");
      return 2;
    }
  }
  if (!crosswire::testing::LoadIcuData()) return 1;
  using namespace crosswire::bench;
  std::printf("%-12s %-12s %8s %12s %14s\n", "stage", "corpus", "articles", "input", "throughput");
  BenchStartup(tiny ? 1 : repeat);
  BenchCorpus(Seeds(CROSSWIRE_SOURCE_DIR), tiny ? 1 : repeat);
  if (!devdata.empty()) {
    std::size_t n = tiny ? 5 : 1u << 30;
    BenchCorpus(EcbPlus(devdata, n), tiny ? 1 : repeat);
    BenchCorpus(ThaiNer(devdata, tiny ? 2 : 200), tiny ? 1 : repeat);
    BenchMatching(devdata, tiny ? 1 : repeat, tiny ? 50 : 5000);
  }
  return 0;
}
