#include "mentions/thai_dictionary.h"

#include <unicode/bytestrie.h>

namespace crosswire::mentions {

ThaiDictionary::ThaiDictionary() {
  UErrorCode status = U_ZERO_ERROR;
  memory_ = udata_open(U_ICUDATA_NAME "-brkitr", "dict", "thaidict", &status);
  if (U_FAILURE(status)) {
    memory_ = nullptr;
    return;
  }
  // Layout of ICU dictionary data (dictionarydata.h): int32 indexes, [0] = offset of the trie,
  // [4] = trie type (0 = bytes), [5] = transform (0x01000000 | code point offset).
  const auto* indexes = static_cast<const int32_t*>(udata_getMemory(memory_));
  if ((indexes[4] & 7) != 0 || (indexes[5] & 0x7f000000) != 0x01000000) {
    udata_close(memory_);
    memory_ = nullptr;
    return;
  }
  trie_bytes_ = reinterpret_cast<const char*>(indexes) + indexes[0];
  offset_ = indexes[5] & 0x1fffff;
}

ThaiDictionary::~ThaiDictionary() {
  if (memory_ != nullptr) udata_close(memory_);
}

bool ThaiDictionary::Contains(const icu::UnicodeString& word) const {
  if (trie_bytes_ == nullptr || word.isEmpty()) return false;
  icu::BytesTrie trie(trie_bytes_);
  UStringTrieResult result = USTRINGTRIE_NO_MATCH;
  for (int32_t i = 0; i < word.length(); ++i) {
    char16_t c = word[i];
    int32_t byte = c == 0x200D ? 0xFF : c == 0x200C ? 0xFE : c - offset_;
    if (byte < 0 || byte > 0xFD) return false;
    result = trie.next(byte);
    if (!USTRINGTRIE_HAS_NEXT(result) && i + 1 < word.length()) return false;
  }
  return USTRINGTRIE_HAS_VALUE(result);
}

}  // namespace crosswire::mentions
