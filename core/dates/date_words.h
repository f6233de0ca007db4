// The words of date expressions that are not calendar names: ordinal suffixes, connectors and CJK
// markers, read from the per-language files core/data/dates/<lang>.txt (see the README there).
// See docs/ARCHITECTURE.md (dates).
#ifndef CROSSWIRE_CORE_DATES_DATE_WORDS_H_
#define CROSSWIRE_CORE_DATES_DATE_WORDS_H_

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "crosswire/status.h"
#include "data_pack.h"
#include "dates/calendar_names.h"

namespace crosswire::dates {

// The words of every language file together, folded as the article text is: a dateline is often in
// another language than the story, and none of these words is a date by itself.
struct DateWords {
  using WordSet = std::unordered_set<std::u16string, U16Hash, std::equal_to<>>;
  WordSet ordinal_suffixes;  // "13th", "1er", "13º"
  WordSet connectors;        // "13 de septiembre de 2024", "13 tháng 9 năm 2024"
  // CJK markers, one character each, written straight after the number: 年, 月, 日.
  std::u16string year_markers;
  std::u16string month_markers;
  std::u16string day_markers;
  // CJK: particles between the parts of a date (来週の月曜日), the character before a lunar-style
  // day (初一), the character before an ordinal (第1金曜日), month names CLDR lacks (正月) and
  // ordinal words (最初の金曜日).
  std::u16string links;
  std::u16string day_prefixes;
  std::u16string nth_prefixes;
  std::unordered_map<std::u16string, int, U16Hash, std::equal_to<>> month_words;
  // The same month words with the language of their file, for the calendar names: the genitive
  // forms CLDR lacks ("3. novembra" in Slovenian and Serbian).
  struct LanguageWord {
    std::string lang;
    std::u16string word;
    int value = 0;
  };
  std::vector<LanguageWord> month_names;
  std::unordered_map<std::u16string, int, U16Hash, std::equal_to<>> nth_words;
  // CJK durations counted from the publication date: 2か月前, 1개월 21일 전. Units (か月 -> month)
  // and the characters after them that say before (前) or after (後).
  enum class Unit : uint8_t { kDay, kWeek, kMonth, kYear };
  std::vector<std::pair<std::u16string, Unit>> duration_units;  // longest first
  std::u16string before_markers;
  std::u16string after_markers;
  // Words before a weekday that make it a repetition, not a date ("every Monday", "ogni lunedì").
  WordSet repetition;
};

Result<DateWords> LoadDateWords(const DataPack& data);

}  // namespace crosswire::dates

#endif  // CROSSWIRE_CORE_DATES_DATE_WORDS_H_
