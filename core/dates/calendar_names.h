// The month, weekday and relative-day names of every CLDR locale (data pack file gen/calendar.tsv,
// dumped by toolchain/gen_calendar.cc), folded as the article text is and indexed for lookup.
// See docs/ARCHITECTURE.md (dates).
#ifndef CROSSWIRE_CORE_DATES_CALENDAR_NAMES_H_
#define CROSSWIRE_CORE_DATES_CALENDAR_NAMES_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "crosswire/status.h"
#include "data_pack.h"

namespace crosswire::dates {

// kDayOrdinal and kDayCardinal are day numbers spelled out ("twenty-first", "ventidue"), value 1..31.
enum class NameKind : uint8_t {
  kMonth,
  kWeekday,
  kRelDay,
  kRelWeek,
  kRelMonth,
  kRelYear,
  kDayOrdinal,
  kDayCardinal
};

struct NameEntry {
  int16_t locale = 0;  // index into CalendarNames::locales
  NameKind kind = NameKind::kMonth;
  bool abbreviated = false;
  int8_t value = 0;  // month 1..12, weekday 1..7 (1 = Sunday), or an offset
};

// Lets the name tables be searched with a view into the folded text, without a copy.
struct U16Hash {
  using is_transparent = void;
  std::size_t operator()(std::u16string_view s) const {
    return std::hash<std::u16string_view>()(s);
  }
};

// Names in scripts written without spaces, longest first.
using UnspacedNames = std::vector<std::pair<std::u16string, NameEntry>>;

struct CalendarNames {
  std::vector<std::string> locales;  // CLDR language of each locale in the table
  int16_t english = -1;
  std::unordered_map<std::u16string, std::vector<NameEntry>, U16Hash, std::equal_to<>> names;
  // The first word of every name: most words of an article are not one, and are passed over with
  // one lookup.
  std::unordered_set<std::u16string, U16Hash, std::equal_to<>> first_words;
  // Names in scripts written without spaces, searched inside longer runs.
  UnspacedNames unspaced;
  int max_name_words = 1;  // the longest name, in words ("le mois dernier": 3)
  // Japanese eras (平成) -> the Gregorian year of the era's first year.
  std::unordered_map<std::u16string, int, U16Hash, std::equal_to<>> eras;
  std::size_t max_era_length = 0;
  // Han numerals (一, 十, 〇, 零) -> 0..9, or 10, 100, 1000 for the multipliers.
  std::unordered_map<char16_t, int> han_numerals;
  // CLDR language -> the order of its short numeric dates: "dmy", "mdy" or "ymd".
  std::unordered_map<std::string, std::string> date_orders;
};

Result<CalendarNames> LoadCalendarNames(const DataPack& data);

// Adds a name from the date-word files (a month's genitive form CLDR lacks) to `lang`'s names.
void AddLanguageName(const std::string& lang, std::u16string name, NameKind kind, int value,
                     CalendarNames* table);

}  // namespace crosswire::dates

#endif  // CROSSWIRE_CORE_DATES_CALENDAR_NAMES_H_
