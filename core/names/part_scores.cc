#include "names/part_scores.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "text/fields.h"

namespace crosswire::names {
namespace {

// A pair of sound symbols that transcriptions confuse (core/data/names/near-sounds.tsv).
struct NearSounds {
  char x = 0, y = 0;
  double cost = 1.0;
};

// Cost of writing one symbol for another: sounds that romanizations and transcriptions in
// other languages confuse are cheap, different sounds cost a full edit (Iran / Iraq stay apart).
double ComputeSubstitutionCost(char a, char b, const std::vector<NearSounds>& near_sounds) {
  if (a == b) return 0;
  if (a > b) std::swap(a, b);  // a <= b in ASCII order: upper-case symbols first
  if (IsVowelSymbol(a) && IsVowelSymbol(b)) {
    if ((a == 'e' && b == 'i') || (a == 'o' && b == 'u')) return 0.25;
    return 0.45;
  }
  for (const NearSounds& near : near_sounds) {
    if ((a == near.x && b == near.y) || (a == near.y && b == near.x)) return near.cost;
  }
  return 1.0;
}

Result<std::vector<NearSounds>> LoadNearSounds(const DataPack& data) {
  std::optional<std::string_view> text = data.Find("names/near-sounds.tsv");
  if (!text) return Status(StatusCode::kDataError, "the data pack has no names/near-sounds.tsv");
  std::vector<NearSounds> pairs;
  for (std::string_view line : DataLines(*text)) {
    const std::vector<std::string_view> fields = NonEmptyFields(line);
    double cost = 0;
    if (fields.size() != 3 || fields[0].size() != 1 || fields[1].size() != 1 ||
        std::sscanf(std::string(fields[2]).c_str(), "%lf", &cost) != 1) {
      return Status(
          StatusCode::kDataError,
          "names/near-sounds.tsv: expected symbol, symbol and cost: " + std::string(line));
    }
    pairs.push_back({fields[0][0], fields[1][0], cost});
  }
  return pairs;
}

SubstitutionTable BuildSubstitutionTable(const std::vector<NearSounds>& near_sounds) {
  SubstitutionTable table{};
  for (int a = 0; a < kSymbolCount; ++a)
    for (int b = 0; b < kSymbolCount; ++b)
      table[a][b] = static_cast<float>(ComputeSubstitutionCost(
          static_cast<char>(a + kFirstSymbol), static_cast<char>(b + kFirstSymbol), near_sounds));
  return table;
}

inline double SubstitutionCost(char a, char b, const Costs& costs) {
  const unsigned ia = static_cast<unsigned>(a - kFirstSymbol),
                 ib = static_cast<unsigned>(b - kFirstSymbol);
  if (ia >= kSymbolCount || ib >= kSymbolCount) return a == b ? 0 : 1;
  return (*costs.substitution)[ia][ib];
}

double IndelCost(char c, const Costs& costs) {
  if (IsVowelSymbol(c)) return costs.vowel;
  if (c == 'r') return costs.r;
  if (c == 'h') return 0.4;  // Tehran / Teheran, Ahmad / Amad, Thai ห before a sonorant
  return kConsonantIndel;
}

// The last vowel of a name often marks gender or a different name (Aleksandr / Aleksandra,
// Betto / Betti, Petrov / Petrova): changing it costs more than a vowel elsewhere, and adding or
// dropping it more than a whole consonant, since the length of a long name would otherwise hide
// it. Final e is spared, being silent in English and French (Anne / Ann); so are scripts that do
// not write vowels.
constexpr double kFinalVowelCost = 0.8;
constexpr double kFinalVowelIndelCost = 2.5;

double FinalSubstitutionCost(char a, char b, const Costs& costs) {
  double cost = SubstitutionCost(a, b, costs);
  if (IsVowelSymbol(a) && IsVowelSymbol(b) && cost > 0.3) return std::max(cost, kFinalVowelCost);
  // A consonant ending against a vowel ending is a vowel added or dropped, too.
  if (IsVowelSymbol(a) != IsVowelSymbol(b) && a != 'e' && b != 'e' && !costs.vowels_unwritten) {
    return std::max(cost, kFinalVowelIndelCost);
  }
  return cost;
}

double FinalIndelCost(char c, const Costs& costs) {
  double cost = IndelCost(c, costs);
  if (IsVowelSymbol(c) && c != 'e' && !costs.vowels_unwritten)
    return std::max(cost, kFinalVowelIndelCost);
  return cost;
}

// `n` values of T on the stack when there are at most 64 of them (names of ordinary length), else
// on the heap.
template <typename T>
class Scratch {
 public:
  explicit Scratch(size_t n) : data_(inline_.data()) {
    if (n > inline_.size()) {
      heap_.resize(n);
      data_ = heap_.data();
    }
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  T* data() { return data_; }

 private:
  std::array<T, 64> inline_;
  std::vector<T> heap_;
  T* data_;
};

// A row-by-row edit distance. Stops early, returning something above `max_distance`, once every
// cell of a row is above it: most pairs compared in a batch are far apart.
double WeightedDistance(std::string_view a, std::string_view b, const Costs& costs,
                        double max_distance) {
  const size_t n = a.size(), m = b.size();
  // Rows live on the stack for names of ordinary length (this is the inner loop of linking).
  Scratch<double> prev_row(m + 1), cur_row(m + 1);
  double* prev = prev_row.data();
  double* cur = cur_row.data();
  // Insertion costs of b's symbols, computed once instead of once per cell.
  Scratch<double> ins(m + 1);
  double* ins_cost = ins.data();
  for (size_t j = 1; j <= m; ++j) ins_cost[j] = IndelCost(b[j - 1], costs);
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) {
    prev[j] = prev[j - 1] + (n == 0 && j == m ? FinalIndelCost(b[j - 1], costs) : ins_cost[j]);
  }
  // Each symbol of b as its column of the substitution table (-1: not a letter symbol).
  Scratch<int> columns(m + 1);
  int* column = columns.data();
  for (size_t j = 1; j <= m; ++j) {
    const unsigned ib = static_cast<unsigned>(b[j - 1] - kFirstSymbol);
    column[j] = ib < kSymbolCount ? static_cast<int>(ib) : -1;
  }
  for (size_t i = 1; i <= n; ++i) {
    const bool last_i = i == n;
    const char ai = a[i - 1];
    const double del = IndelCost(ai, costs);
    const unsigned ia = static_cast<unsigned>(ai - kFirstSymbol);
    const std::array<float, kSymbolCount>* row =
        ia < kSymbolCount ? &(*costs.substitution)[ia] : nullptr;
    cur[0] = prev[0] + (last_i && m == 0 ? FinalIndelCost(ai, costs) : del);
    double row_min = cur[0];
    // The last cell of the last row uses the end-of-name costs; every other cell the plain ones.
    const size_t plain_end = last_i ? m - (m > 0 ? 1 : 0) : m;
    for (size_t j = 1; j <= plain_end; ++j) {
      // SubstitutionCost(ai, b[j - 1], costs), its table row and column looked up once.
      const double substitution = row != nullptr && column[j] >= 0
                                      ? static_cast<double>((*row)[column[j]])
                                      : (ai == b[j - 1] ? 0.0 : 1.0);
      const double value =
          std::min(std::min(prev[j] + del, cur[j - 1] + ins_cost[j]), prev[j - 1] + substitution);
      cur[j] = value;
      row_min = std::min(row_min, value);
    }
    if (last_i && m > 0) {
      const size_t j = m;
      cur[j] = std::min({prev[j] + FinalIndelCost(ai, costs),
                         cur[j - 1] + FinalIndelCost(b[j - 1], costs),
                         prev[j - 1] + FinalSubstitutionCost(ai, b[j - 1], costs)});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max_distance) return row_min;
    std::swap(prev, cur);
  }
  return prev[m];
}

// What inserting a vowel costs when a name from this script is compared.
double VowelCost(Script script) {
  switch (script) {
    case Script::kArabic:
    case Script::kHebrew:
      return 0.15;
    case Script::kThai:
      return 0.3;  // no inherent vowel is written out between consonants
    default:
      return 0.5;
  }
}

// The edit distance costs a.size() * b.size(): past this many symbols a part is no word of a name
// (real names have parts of fewer than 30), so a comparison costs constant time whatever the input.
constexpr std::size_t kMaxPartSymbols = 64;

double VowelLengthWeight(const Costs& costs) { return costs.vowels_unwritten ? 0.75 : 1.0; }

// Part scores below this are reported as 0: such parts are different names, and knowing how
// different is not worth finishing the edit distance.
constexpr double kPartFloor = 0.5;

// The score of a surname and its Czech/Slovak feminine form (see IsFeminineOva).
constexpr double kFeminineOva = 0.95;

// Whether `longer` is `stem` + "ova", with a stem of at least three symbols not ending in -ov/-ev.
bool IsFeminineOva(std::string_view longer, std::string_view stem) {
  if (longer.size() != stem.size() + 3 || stem.size() < 3) return false;
  if (longer.substr(0, stem.size()) != stem || longer.substr(stem.size()) != "ova") return false;
  const std::string_view end = stem.substr(stem.size() - 2);
  return end != "ov" && end != "ev";
}

}  // namespace

// Sounds written with two letters become one symbol, so that the edit distance counts "sh" against
// "ch" as one substitution.
std::string ToSymbols(std::string_view part) {
  std::string out;
  for (size_t i = 0; i < part.size(); ++i) {
    char c = part[i];
    char next = i + 1 < part.size() ? part[i + 1] : '\0';
    if (next == 'h' && (c == 's' || c == 'c' || c == 't')) {
      out.push_back(c == 's' ? 'S' : c == 'c' ? 'C' : 'T');
      ++i;
    } else if (c == 't' && next == 's') {
      out.push_back('Z');
      ++i;
    } else {
      out.push_back(c);
    }
    // Collapse doubles again: symbols may have made new ones ("shsh").
    if (out.size() >= 2 && out[out.size() - 1] == out[out.size() - 2]) out.pop_back();
  }
  return out;
}

Result<SubstitutionTable> LoadSubstitutionTable(const DataPack& data) {
  CROSSWIRE_ASSIGN_OR_RETURN(std::vector<NearSounds> near_sounds, LoadNearSounds(data));
  return BuildSubstitutionTable(near_sounds);
}

Costs CostsFor(Script a, Script b, const SubstitutionTable& substitution) {
  Costs costs;
  costs.substitution = &substitution;
  // A script that does not write short vowels (Arabic, Hebrew) makes them cheap to insert.
  costs.vowel = std::min(VowelCost(a), VowelCost(b));
  costs.vowels_unwritten =
      a == Script::kArabic || a == Script::kHebrew || b == Script::kArabic || b == Script::kHebrew;
  // Thai follows British, non-rhotic pronunciation: an r after a vowel is often not written
  // (ชาลส์ = Charles).
  if (a == Script::kThai || b == Script::kThai) costs.r = 0.5;
  return costs;
}

bool IsUnspacedScript(Script script) {
  return script == Script::kThai || script == Script::kLao || script == Script::kKhmer ||
         script == Script::kMyanmar || script == Script::kHan || script == Script::kKana;
}

double PartScore(std::string_view a, std::string_view b, const Costs& costs) {
  if (a.empty() || b.empty()) return 0;
  if (a == b) return 1;
  // The edit distance costs a.size() * b.size(): past this length a part is no word of a name.
  if (a.size() > kMaxPartSymbols || b.size() > kMaxPartSymbols) return 0;
  // An initial ("M.", "A") stands for any part with that first letter.
  if (a.size() == 1 || b.size() == 1) return a[0] == b[0] ? 0.9 : 0;
  // Czech and Slovak write a woman's foreign surname with -ová (Merkelová, Leyenová): the same
  // surname as the other language's, unless the stem ends in -ov/-ev, where -ova is the Russian
  // feminine of another name (Ivanov / Ivanova).
  if (IsFeminineOva(a, b) || IsFeminineOva(b, a)) return kFeminineOva;
  // Normalised by the longer name, with vowels counting for less where they are cheap to insert:
  // otherwise a vowel-less Arabic spelling would look closer to every vowel-rich Latin one.
  auto weight = [&](std::string_view s) {
    double w = 0;
    for (char c : s) w += IsVowelSymbol(c) ? VowelLengthWeight(costs) : 1.0;
    return w;
  };
  const double length = std::max(weight(a), weight(b));
  const double max_distance = (1.0 - kPartFloor) * length;
  const double distance = WeightedDistance(a, b, costs, max_distance);
  if (distance > max_distance) return 0;
  return std::max(0.0, 1.0 - distance / length);
}

}  // namespace crosswire::names
