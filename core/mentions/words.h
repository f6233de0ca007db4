// The word view of a document for the cased-script pass: each word without elided particle or
// possessive, with its case, script, sentence position and what separates it from the word
// before; and the batch statistics of how words are cased.
#ifndef CROSSWIRE_CORE_MENTIONS_WORDS_H_
#define CROSSWIRE_CORE_MENTIONS_WORDS_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "data_pack.h"
#include "document.h"

namespace crosswire::mentions {

struct Word {
  int32_t begin = 0;  // the word without elision ("l'") or possessive ("'s")
  int32_t end = 0;
  int32_t token = 0;
  std::string key;         // MatchKey of the word
  std::string folded_key;  // FoldedKey of the word
  Script script = Script::kCommon;
  bool cased_script = false;
  bool capitalized = false;
  bool all_caps = false;
  bool sentence_initial = false;
  bool elided = false;      // "l'Iran": a particle precedes the word within its token
  bool possessive = false;  // "Iran's": the name ends with this word
  // What separates this word from the previous one: nothing but spaces, a hyphen, a dot, or
  // other punctuation (which ends a name).
  enum class Gap { kSpace, kHyphen, kDot, kPunct } gap = Gap::kSpace;
  bool after_ampersand = false;  // the kPunct gap is a lone "&" ("Johnson & Johnson")
  bool headline = false;         // in a title-case line, where capitals say little
  int32_t paragraph = 0;
};

// Batch statistics that judge capitalised words at the start of sentences and in headlines.
struct CaseStats {
  std::unordered_map<std::string, int> capitalized_inside;  // capitalised, not sentence-initial
  std::unordered_map<std::string, int> lower;               // written in lower case

  // How often the batch writes the word `key` in lower case, and capitalised inside a sentence.
  int Lower(const std::string& key) const;
  int CapitalizedInside(const std::string& key) const;
  // Adds another part of the batch's counts (sums: the order of the parts does not matter).
  void Add(const CaseStats& other);
};

// Particles written with an apostrophe before a word ("l'", "dell'"), as match keys, from
// core/data/elisions/<lang>.txt: every language's at once, since a paragraph's language may be
// unknown and the particles of one language do not start words of another.
std::unordered_set<std::string> LoadElisions(const DataPack& data);

// The words of a document's kept paragraphs, in text order.
std::vector<Word> CollectWords(const Document& doc,
                               const std::unordered_set<std::string>& elisions);

// Adds how the words are cased (lower case; capitalised inside a sentence) to the statistics.
void CountCases(const std::vector<Word>& words, CaseStats& stats);

bool IsApostrophe(char16_t c);
// White space, or the zero-width space that some sites put between words of Thai text.
bool IsSpaceChar(UChar32 c);

}  // namespace crosswire::mentions

#endif  // CROSSWIRE_CORE_MENTIONS_WORDS_H_
