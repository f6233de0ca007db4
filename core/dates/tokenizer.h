// Cuts the folded text into the tokens the date readers match: words, numbers and single
// punctuation characters, with calendar names cut out of runs written without spaces (Thai, Lao,
// Khmer, Burmese); and notes where lines start. See docs/ARCHITECTURE.md (dates).
#ifndef CROSSWIRE_CORE_DATES_TOKENIZER_H_
#define CROSSWIRE_CORE_DATES_TOKENIZER_H_

#include <unicode/unistr.h>

#include <cstdint>
#include <vector>

#include "dates/calendar_names.h"
#include "dates/folded_text.h"

namespace crosswire::dates {

// A word, a number or one punctuation character of the folded text.
struct Tok {
  enum Kind : uint8_t { kWord, kNumber, kPunct } kind = kWord;
  int32_t begin = 0;  // folded offsets
  int32_t end = 0;
  bool space_before = false;
  int value = -1;  // numbers: their value (capped); -1 when too long
  int digits = 0;
};

struct Tokens {
  std::vector<Tok> toks;
  std::vector<int32_t> line_starts;  // folded offsets where lines start
};

// `original` is the text `folded` was folded from (its line breaks end lines).
Tokens Tokenize(const FoldedText& folded, const icu::UnicodeString& original,
                const UnspacedNames& unspaced);

}  // namespace crosswire::dates

#endif  // CROSSWIRE_CORE_DATES_TOKENIZER_H_
