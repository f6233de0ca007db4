// ICU's Thai dictionary, read through the public udata and BytesTrie APIs: the break iterator
// says where it cut, not whether a piece is a word it knows, and that is what tells a Thai word
// from a syllable of a transliterated foreign name.
#ifndef CROSSWIRE_CORE_MENTIONS_THAI_DICTIONARY_H_
#define CROSSWIRE_CORE_MENTIONS_THAI_DICTIONARY_H_

#include <unicode/udata.h>
#include <unicode/unistr.h>

#include <cstdint>

namespace crosswire::mentions {

class ThaiDictionary {
 public:
  // Opens the dictionary of the ICU data in use; without it, Contains() is always false.
  ThaiDictionary();
  ~ThaiDictionary();
  ThaiDictionary(const ThaiDictionary&) = delete;
  ThaiDictionary& operator=(const ThaiDictionary&) = delete;

  // True when `word` is a whole word of the dictionary.
  bool Contains(const icu::UnicodeString& word) const;

 private:
  UDataMemory* memory_ = nullptr;
  const char* trie_bytes_ = nullptr;
  int32_t offset_ = 0;
};

}  // namespace crosswire::mentions

#endif  // CROSSWIRE_CORE_MENTIONS_THAI_DICTIONARY_H_
