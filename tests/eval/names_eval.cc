// Development evaluation of the name matcher: for each name-pair file given on the command line
// (TSV with a header; Latin name and native-script name in two columns), scores the true pairs
// and as many shuffled non-pairs, and prints precision, recall and F1 of "same" at
// NameMatcher::kSameThreshold.
//
//   names_eval [--show N] FILE...
//
// Files: the Wikidata pairs (latin<TAB>native) and the Thai loanword list (th<TAB>en<TAB>check; the
// column holding Thai script is recognised). The shuffle uses a fixed seed, so runs compare.
// Shuffled non-pairs are easy; a second figure uses alphabetical neighbours, which are near-misses.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "data_pack.h"
#include "names.h"

namespace {

struct Pair {
  std::string latin;
  std::string native;
};

bool HasNonAscii(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return true;
  }
  return false;
}

std::vector<Pair> ReadPairs(const std::string& path) {
  std::ifstream in(path);
  std::vector<Pair> pairs;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) fields.push_back(field);
    if (fields.size() < 2 || fields[0].empty() || fields[1].empty()) continue;
    // Whichever column is written in the other script is the native name.
    if (HasNonAscii(fields[0]) && !HasNonAscii(fields[1])) {
      pairs.push_back({fields[1], fields[0]});
    } else {
      pairs.push_back({fields[0], fields[1]});
    }
  }
  return pairs;
}

}  // namespace

int main(int argc, char** argv) {
  int show = 0;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--show" && i + 1 < argc) {
      show = std::stoi(argv[++i]);
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) {
    std::cerr << "usage: names_eval [--show N] FILE...\n";
    return 2;
  }
  auto created = crosswire::NameMatcher::Create(crosswire::DataPack::Embedded());
  if (!created.ok()) {
    std::cerr << created.status().message() << "\n";
    return 1;
  }
  crosswire::NameMatcher& matcher = *created.value();
  const double threshold = crosswire::NameMatcher::kSameThreshold;
  // precision/F1: against shuffled non-pairs; near-P/near-F1: against alphabetical neighbours.
  std::printf("%-32s %7s %9s %7s %7s %9s %7s\n", "file", "pairs", "precision", "recall", "F1",
              "near-P", "near-F1");
  for (const std::string& path : paths) {
    std::vector<Pair> pairs = ReadPairs(path);
    if (pairs.empty()) {
      std::cerr << path << ": no pairs read\n";
      return 1;
    }
    // Non-pairs: each Latin name against the native name of another, randomly chosen pair.
    // Fisher-Yates over std::mt19937's raw output, so the permutation is the same everywhere.
    std::mt19937 rng(20240913);
    std::vector<size_t> perm(pairs.size());
    for (size_t i = 0; i < perm.size(); ++i) perm[i] = i;
    for (size_t i = perm.size() - 1; i > 0; --i) std::swap(perm[i], perm[rng() % (i + 1)]);
    int64_t tp = 0, fn = 0, fp = 0, negatives = 0;
    int shown_fn = 0, shown_fp = 0;
    for (size_t i = 0; i < pairs.size(); ++i) {
      const crosswire::NameKey& latin = matcher.Key(pairs[i].latin);
      double s = matcher.Similarity(latin, matcher.Key(pairs[i].native));
      if (s >= threshold) {
        ++tp;
      } else {
        ++fn;
        if (shown_fn++ < show) {
          std::printf("  miss  %.2f  %s | %s\n", s, pairs[i].latin.c_str(),
                      pairs[i].native.c_str());
        }
      }
      const Pair& other = pairs[perm[i]];
      // The same name may appear in several pairs: a shuffled pair with the same spelling on either
      // side is not a non-pair.
      if (other.native == pairs[i].native || other.latin == pairs[i].latin) continue;
      ++negatives;
      double n = matcher.Similarity(latin, matcher.Key(other.native));
      if (n >= threshold) {
        ++fp;
        if (shown_fp++ < show) {
          std::printf("  false %.2f  %s | %s\n", n, pairs[i].latin.c_str(), other.native.c_str());
        }
      }
    }
    // Near-miss non-pairs: each Latin name against the native name of its neighbour in
    // alphabetical order (abdel / abdel-aziz, iran / iraq), which the shuffle rarely produces.
    std::vector<size_t> by_latin(pairs.size());
    for (size_t i = 0; i < by_latin.size(); ++i) by_latin[i] = i;
    std::stable_sort(by_latin.begin(), by_latin.end(),
                     [&](size_t a, size_t b) { return pairs[a].latin < pairs[b].latin; });
    int64_t near_negatives = 0, near_fp = 0;
    for (size_t k = 0; k + 1 < by_latin.size(); ++k) {
      const Pair& a = pairs[by_latin[k]];
      const Pair& b = pairs[by_latin[k + 1]];
      if (a.native == b.native || a.latin == b.latin) continue;
      ++near_negatives;
      if (matcher.Similarity(matcher.Key(a.latin), matcher.Key(b.native)) >= threshold) ++near_fp;
    }
    double precision = tp + fp > 0 ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
    double recall = static_cast<double>(tp) / static_cast<double>(tp + fn);
    double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    std::string name = path.substr(path.find_last_of('/') + 1);
    double near_precision =
        tp + near_fp > 0 ? static_cast<double>(tp) / static_cast<double>(tp + near_fp) : 0;
    std::printf(
        "%-32s %7zu %9.3f %7.3f %7.3f %9.3f %7.3f   (false matches: %lld of %lld shuffled, %lld of "
        "%lld near)\n",
        name.c_str(), pairs.size(), precision, recall, f1, near_precision,
        2 * near_precision * recall / std::max(1e-9, near_precision + recall),
        static_cast<long long>(fp), static_cast<long long>(negatives),
        static_cast<long long>(near_fp), static_cast<long long>(near_negatives));
  }
  auto stats = matcher.cache_stats();
  std::printf("cache: %lld misses (distinct names), %lld hits\n",
              static_cast<long long>(stats.misses), static_cast<long long>(stats.hits));
  return 0;
}
