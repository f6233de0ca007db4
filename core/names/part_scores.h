// The comparison of name parts: sound symbols ("sh" = S), the costs of writing one sound for
// another (core/data/names/near-sounds.tsv) and the weighted edit distance that scores two parts
// 0..1. core/names.cc transliterates names into parts and aligns the parts of two names.
#ifndef CROSSWIRE_CORE_NAMES_PART_SCORES_H_
#define CROSSWIRE_CORE_NAMES_PART_SCORES_H_

#include <array>
#include <string>
#include <string_view>

#include "crosswire/status.h"
#include "data_pack.h"
#include "text/script.h"

namespace crosswire::names {

// The vowels among the symbols (all other symbols are consonants).
constexpr bool IsVowelSymbol(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Whether two parts, as sound symbols, begin with other consonants: the same one-word name keeps
// its first consonant far more often than not (Видин, a town, is no spelling of Biden).
constexpr bool OtherFirstConsonant(std::string_view a, std::string_view b) {
  return !a.empty() && !b.empty() && a[0] != b[0] && !IsVowelSymbol(a[0]) && !IsVowelSymbol(b[0]);
}

// The cost of writing one symbol for another, for every pair of letter symbols ('A'..'z'), computed
// once when the matcher is created: the edit distance is the inner loop of entity linking. Digits
// cost a full edit.
constexpr int kFirstSymbol = 'A';
constexpr int kSymbolCount = 'z' - 'A' + 1;
using SubstitutionTable = std::array<std::array<float, kSymbolCount>, kSymbolCount>;

// Cost of a consonant written on one side only.
constexpr double kConsonantIndel = 1.0;

// Costs that depend on the scripts compared.
struct Costs {
  const SubstitutionTable* substitution = nullptr;
  double vowel = 0.5;             // a vowel written on one side only
  double r = kConsonantIndel;     // an r written on one side only
  bool vowels_unwritten = false;  // one side is Arabic or Hebrew: no vowel is certain
};

// Sounds written with two letters as one symbol each: S = sh, C = ch, T = th, Z = ts.
std::string ToSymbols(std::string_view part);

// The substitution costs of every pair of symbols, from names/near-sounds.tsv of the data pack.
Result<SubstitutionTable> LoadSubstitutionTable(const DataPack& data);

// The costs of comparing a name written in script `a` with one written in `b`.
Costs CostsFor(Script a, Script b, const SubstitutionTable& substitution);

// Scripts that write a compound name as one word (Thai, Lao, Khmer, Burmese, Han, Kana).
bool IsUnspacedScript(Script script);

// Similarity of two parts written as symbols, 0..1 (below 0.5 reported as 0).
double PartScore(std::string_view a, std::string_view b, const Costs& costs);

}  // namespace crosswire::names

#endif  // CROSSWIRE_CORE_NAMES_PART_SCORES_H_
