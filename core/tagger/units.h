// What the tagger labels: the units of an article's sentences. Words and numbers of scripts
// written with spaces (and of Thai, which ICU splits into dictionary words) are one unit each;
// Han and Kana words are split into their characters, because names in Chinese and Japanese often
// begin or end inside a dictionary word (the unit keeps the word it came from as a feature).
// Punctuation is a unit too: quotes and brackets carry evidence.
#ifndef CROSSWIRE_CORE_TAGGER_UNITS_H_
#define CROSSWIRE_CORE_TAGGER_UNITS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "document.h"

namespace crosswire::tagger {

// Each group has its own model (core/data/tagger/<group>.model): the features of a Thai word or a
// Han character share little with those of a Latin or Cyrillic word.
enum class ModelGroup : uint8_t { kAlphabetic, kCjk, kThai, kNone };
std::string_view GroupName(ModelGroup group);  // "alphabetic", "cjk", "thai"
constexpr int kModelGroups = 3;

struct Unit {
  int32_t utf16_begin = 0;
  int32_t utf16_end = 0;
  int32_t token = 0;       // index into Document::tokens
  bool cjk_char = false;   // one character of a Han/Kana word
  int32_t char_index = 0;  // position of the character in its word (cjk_char only)
};

// A sentence's units, tagged as one sequence with the model of its group (a sentence that ends
// with an initial, "P.", goes on with the next one of its paragraph and group).
struct Sequence {
  int32_t first_unit = 0;
  int32_t end_unit = 0;
  ModelGroup group = ModelGroup::kNone;
  int32_t paragraph = 0;  // index into Document::paragraphs
};

struct Units {
  std::vector<Unit> units;
  std::vector<Sequence> sequences;
};

// At most this many units a sequence: a "sentence" without boundaries (a list, a table) is cut
// into pieces, so that decoding stays linear and no piece is unusually long.
constexpr int32_t kMaxSequenceUnits = 200;

Units BuildUnits(const Document& doc);

// The labels, BIO over the four entity types, in a fixed order (the models' rows).
constexpr int kLabels = 9;  // O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC, I-MISC
inline bool IsBegin(int label) { return label > 0 && label % 2 == 1; }
inline bool IsInside(int label) { return label > 0 && label % 2 == 0; }
// 0 person, 1 organisation, 2 place, 3 misc; -1 for O.
inline int TypeOfLabel(int label) { return label == 0 ? -1 : (label - 1) / 2; }
inline int BeginLabel(int type) { return 1 + 2 * type; }
inline int InsideLabel(int type) { return 2 + 2 * type; }
// I-X may only follow B-X or I-X.
inline bool Allowed(int previous, int label) {
  return !IsInside(label) || (previous != 0 && TypeOfLabel(previous) == TypeOfLabel(label));
}

}  // namespace crosswire::tagger

#endif  // CROSSWIRE_CORE_TAGGER_UNITS_H_
