// Loading the CLDR calendar names (gen/calendar.tsv). See docs/ARCHITECTURE.md (dates).
#include "dates/calendar_names.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <map>
#include <optional>

#include "dates/folded_text.h"
#include "text/fields.h"
#include "text/language_tag.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire::dates {
namespace {

// The kind of a gen/calendar.tsv line, or nothing for kinds this version does not use.
std::optional<NameKind> ParseNameKind(std::string_view kind) {
  if (kind == "month" || kind == "month-abbr") return NameKind::kMonth;
  if (kind == "weekday" || kind == "weekday-abbr") return NameKind::kWeekday;
  if (kind == "day") return NameKind::kRelDay;
  if (kind == "week-rel") return NameKind::kRelWeek;
  if (kind == "month-rel") return NameKind::kRelMonth;
  if (kind == "year-rel") return NameKind::kRelYear;
  if (kind == "day-ordinal") return NameKind::kDayOrdinal;
  if (kind == "day-cardinal") return NameKind::kDayCardinal;
  return std::nullopt;
}

bool IsCjkName(std::u16string_view name) {
  const Script script = ScriptOf(name[0]);
  return script == Script::kHan || script == Script::kKana || script == Script::kHangul;
}

// A name as the table spells it, with the same substitutions as Fold() makes in article text.
std::u16string TableName(std::string_view utf8) {
  const icu::UnicodeString text = FromUtf8(utf8);
  std::u16string name(text.getBuffer(), text.length());
  for (char16_t& c : name) {
    c = static_cast<char16_t>(UnifyPunctuation(c));
    if (c == 0xA0 || c == 0x202F) c = u' ';
  }
  return name;
}

// The leading letters of a name, up to its first non-letter: the first token Tokenize() would cut.
std::u16string_view FirstWord(std::u16string_view name) {
  std::size_t i = 0;
  while (i < name.size() && (IsWordChar(name[i]) || U16_IS_SURROGATE(name[i]))) ++i;
  return name.substr(0, i);
}

void AddName(std::u16string name, const NameEntry& entry, CalendarNames* table) {
  table->first_words.emplace(FirstWord(name));
  auto& entries = table->names[name];
  if (std::find_if(entries.begin(), entries.end(), [&](const NameEntry& e) {
        return e.locale == entry.locale && e.kind == entry.kind && e.value == entry.value;
      }) == entries.end()) {
    entries.push_back(entry);
  }
  int words = 1;
  for (char16_t c : name) words += c == u' ' ? 1 : 0;
  table->max_name_words = std::max(table->max_name_words, words);
  UChar32 first;
  U16_GET(name.data(), 0, 0, static_cast<int32_t>(name.size()), first);
  if (IsUnspacedScript(first)) table->unspaced.emplace_back(std::move(name), entry);
}

}  // namespace

void AddLanguageName(const std::string& lang, std::u16string name, NameKind kind, int value,
                     CalendarNames* table) {
  auto it = std::find(table->locales.begin(), table->locales.end(), lang);
  if (it == table->locales.end()) it = table->locales.insert(table->locales.end(), lang);
  NameEntry entry;
  entry.locale = static_cast<int16_t>(it - table->locales.begin());
  entry.kind = kind;
  entry.value = static_cast<int8_t>(value);
  AddName(std::move(name), entry, table);
  std::stable_sort(table->unspaced.begin(), table->unspaced.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

Result<CalendarNames> LoadCalendarNames(const DataPack& data) {
  std::optional<std::string_view> calendar = data.Find("gen/calendar.tsv");
  if (!calendar) {
    return Status(StatusCode::kDataError, "the data pack has no gen/calendar.tsv");
  }
  CalendarNames table;
  std::map<std::string, int16_t> locale_index;
  for (std::string_view line : DataLines(*calendar)) {
    const std::vector<std::string_view> fields = SplitFields(line);
    if (fields.size() != 4) {
      return Status(StatusCode::kDataError,
                    "gen/calendar.tsv: malformed line: " + std::string(line));
    }
    if (fields[1] == "date-order") {
      // The first locale of a language gives its order (en before en_GB).
      table.date_orders.emplace(CldrLanguage(PrimaryLanguage(fields[0])), std::string(fields[3]));
      continue;
    }
    if (fields[1] == "era" || fields[1] == "numeral") {
      const int value = std::stoi(std::string(fields[2]));
      for (std::string_view spelling : SplitFields(fields[3], '|')) {
        std::u16string name = TableName(spelling);
        if (name.empty()) continue;
        if (fields[1] == "numeral") {
          if (name.size() == 1) table.han_numerals.emplace(name[0], value);
        } else {
          table.max_era_length = std::max(table.max_era_length, name.size());
          table.eras.emplace(std::move(name), value);
        }
      }
      continue;
    }
    const std::optional<NameKind> kind = ParseNameKind(fields[1]);
    if (!kind) continue;
    NameEntry entry;
    entry.kind = *kind;
    entry.abbreviated = fields[1].ends_with("-abbr");
    entry.value = static_cast<int8_t>(std::stoi(std::string(fields[2])));
    const std::string language = CldrLanguage(PrimaryLanguage(fields[0]));
    auto [it, inserted] =
        locale_index.emplace(language, static_cast<int16_t>(table.locales.size()));
    if (inserted) table.locales.push_back(language);
    entry.locale = it->second;
    for (std::string_view spelling : SplitFields(fields[3], '|')) {
      std::u16string name = TableName(spelling);
      // "9月", "9월": the numeric CJK patterns read these with their number.
      if (name.empty() || u_isdigit(name[0])) continue;
      // Week words serve only the CJK reader (来週の月曜日); elsewhere they would only lengthen the
      // search of every Thai, Lao, Khmer and Burmese run.
      if (*kind == NameKind::kRelWeek && !IsCjkName(name)) continue;
      AddName(std::move(name), entry, &table);
    }
  }
  if (auto it = locale_index.find("en"); it != locale_index.end()) table.english = it->second;
  // Longest names first, so that "มกราคม" is not cut short by a shorter name it contains.
  std::stable_sort(table.unspaced.begin(), table.unspaced.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return table;
}

}  // namespace crosswire::dates
