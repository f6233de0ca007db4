// The tagger's features: hashed sparse indicators of a unit and its neighbours — the word and its
// folded key, prefixes and suffixes (which carry case endings), shape, script, neighbouring words
// and shapes, the language of the paragraph conjoined with the suffixes — and what the rules know,
// as evidence rather than decisions: cue words (core/data/cues), gazetteer names, the candidates
// of the rule scanner with their type, cue and gazetteer identity, and how the word is written
// elsewhere in the article. Han and Kana characters get character n-grams and the dictionary word
// they are in. Every feature is a 32-bit FNV-1a hash of its text, the same in both builds.
//
// Batch-level evidence (how a word is cased elsewhere in the batch) reaches the tagger only
// through the rule candidates, which the mentions stage computes with the batch's statistics; the
// features of one article depend on that article and its candidates alone.
#ifndef CROSSWIRE_CORE_TAGGER_FEATURES_H_
#define CROSSWIRE_CORE_TAGGER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "data_pack.h"
#include "document.h"
#include "mentions.h"
#include "tagger/units.h"

namespace crosswire {
class Gazetteer;
namespace mentions {
struct LangCues;
}

namespace tagger {

constexpr uint32_t kFnvOffset = 2166136261u;
constexpr uint32_t kFnvPrime = 16777619u;
inline uint32_t Hash(std::string_view text, uint32_t h = kFnvOffset) {
  for (unsigned char c : text) h = (h ^ c) * kFnvPrime;
  return h;
}
inline uint32_t Combine(uint32_t h, uint32_t value) {
  for (int i = 0; i < 4; ++i) h = (h ^ ((value >> (8 * i)) & 0xFF)) * kFnvPrime;
  return h;
}

// The features of one sequence's units: the i-th unit's are hashes[offsets[i], offsets[i + 1]).
struct Features {
  std::vector<uint32_t> hashes;
  std::vector<uint32_t> offsets;  // units + 1 entries
  std::vector<uint32_t> shape;    // per unit: its shape's hash, for the transition features
};

// What the features draw on from the whole article: how words are written elsewhere in it (in
// lower case; capitalised after the first word of a sentence).
struct ArticleContext {
  std::unordered_set<std::string> lower;
  std::unordered_set<std::string> capital_inside;
  // How the rule scanner typed the word wherever it found it in the article: the type letters
  // (P, O, L, M) of the candidates holding it, in that order — the same name typed one way
  // throughout an article, from the article alone.
  std::unordered_map<std::string, std::string> rule_types;
};

// Word lists about names in Han text (core/data/names/): common Chinese and Japanese family names,
// the characters of the standard Chinese transliteration of foreign names, and the words that end
// organisation and place names.
struct HanNameLists {
  std::unordered_set<std::string> zh_surnames;  // one or two characters
  std::unordered_set<std::string> ja_surnames;  // one to three characters
  std::unordered_set<std::string> transliteration;
  // Words that end organisation and place names (names/han-name-ends.txt): the word, and "o", "p"
  // or "op" for the kinds of name it ends.
  std::unordered_map<std::string, std::string> name_ends;
  static HanNameLists Load(const DataPack& data);
};

// The language a sequence's features are conjoined with: 1 for Japanese, 2 for Chinese (any other
// language) in the cjk group, 0 (none) in the others. The trainer gives each its share of the
// model's features by it.
int FeatureLanguage(const Document& doc, const Sequence& seq);
constexpr int kFeatureLanguages = 3;

class FeatureExtractor {
 public:
  FeatureExtractor(const mentions::LangCues& cues, const Gazetteer& gazetteer,
                   HanNameLists han_names)
      : cues_(cues), gazetteer_(gazetteer), han_names_(std::move(han_names)) {}

  ArticleContext Context(const Document& doc, const std::vector<MentionCandidate>& rules) const;

  // The features of sequence `seq` of `units` (one sequence at a time, so that memory stays that
  // of one sentence). `rules`: the rule scanner's candidates of the article, sorted and
  // non-overlapping.
  Features Extract(const Document& doc, const Units& units, const Sequence& seq,
                   const std::vector<MentionCandidate>& rules, const ArticleContext& context) const;

 private:
  const mentions::LangCues& cues_;
  const Gazetteer& gazetteer_;
  HanNameLists han_names_;
};

}  // namespace tagger
}  // namespace crosswire

#endif  // CROSSWIRE_CORE_TAGGER_FEATURES_H_
