// The date finder's folded copy of an article: digits of any script become ASCII, letters are
// case-folded code point by code point (as the calendar names are), and every folded unit maps
// back to the original offsets of its code point. See docs/ARCHITECTURE.md (dates).
#ifndef CROSSWIRE_CORE_DATES_FOLDED_TEXT_H_
#define CROSSWIRE_CORE_DATES_FOLDED_TEXT_H_

#include <unicode/unistr.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosswire::dates {

enum class UnitClass : uint8_t { kSpace, kDigit, kLetter, kPunct };

struct FoldedText {
  std::u16string text;
  std::vector<int32_t> begin;  // original offset of the code point each unit belongs to
  std::vector<int32_t> end;    // original offset just after it
  std::vector<UnitClass> cls;
};

FoldedText Fold(const icu::UnicodeString& text);

// The folded text of a word from a data file, as Fold() folds article text.
std::u16string FoldWord(std::string_view utf8);

// Apostrophes and dashes in their one spelling ("aujourd’hui" is written with either apostrophe);
// other characters are returned as they are.
UChar32 UnifyPunctuation(UChar32 c);

// Letters, marks and joiners: what a word is made of (marks and joiners stay inside words: Thai
// vowels, Persian پس‌فردا).
bool IsWordChar(UChar32 c);

// Thai, Lao, Khmer and Burmese: written without spaces, so their runs hold several words and month
// names are cut out of them by substring search.
bool IsUnspacedScript(UChar32 c);

inline std::u16string_view View(const FoldedText& f, int32_t begin, int32_t end) {
  return std::u16string_view(f.text).substr(begin, end - begin);
}

}  // namespace crosswire::dates

#endif  // CROSSWIRE_CORE_DATES_FOLDED_TEXT_H_
