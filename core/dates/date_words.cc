// Loading the date words of core/data/dates/<lang>.txt. See docs/ARCHITECTURE.md (dates).
#include "dates/date_words.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "dates/folded_text.h"
#include "text/fields.h"

namespace crosswire::dates {
namespace {

Status AddWord(std::string_view lang, std::string_view section, std::string_view word,
               DateWords* words) {
  const std::u16string folded = FoldWord(word);
  if (section == "ordinal-suffix") {
    words->ordinal_suffixes.insert(folded);
    return Status::Ok();
  }
  if (section == "connector") {
    words->connectors.insert(folded);
    return Status::Ok();
  }
  if (section == "repetition") {
    words->repetition.insert(folded);
    return Status::Ok();
  }
  if (section == "duration-unit") {
    // "word unit": か月 month
    const std::vector<std::string_view> parts = NonEmptyFields(word, ' ');
    static constexpr std::pair<std::string_view, DateWords::Unit> kUnits[] = {
        {"day", DateWords::Unit::kDay},
        {"week", DateWords::Unit::kWeek},
        {"month", DateWords::Unit::kMonth},
        {"year", DateWords::Unit::kYear}};
    for (const auto& [name, unit] : kUnits) {
      if (parts.size() == 2 && parts[1] == name) {
        words->duration_units.emplace_back(FoldWord(parts[0]), unit);
        std::stable_sort(
            words->duration_units.begin(), words->duration_units.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
        return Status::Ok();
      }
    }
    return Status(StatusCode::kDataError,
                  "expected a word and day, week, month or year: " + std::string(word));
  }
  if (section == "month-word" || section == "nth-word") {
    // "word value": 正月 1
    const std::vector<std::string_view> parts = NonEmptyFields(word, ' ');
    int value = 0;
    if (parts.size() == 2) {
      for (char c : parts[1]) value = c >= '0' && c <= '9' ? value * 10 + (c - '0') : -1000;
    }
    const int max = section == "month-word" ? 12 : 5;
    if (value < 1 || value > max) {
      return Status(StatusCode::kDataError, "expected a word and a number from 1 to " +
                                                std::to_string(max) + ": " + std::string(word));
    }
    (section == "month-word" ? words->month_words : words->nth_words)[FoldWord(parts[0])] = value;
    if (section == "month-word") {
      words->month_names.push_back({std::string(lang), FoldWord(parts[0]), value});
    }
    return Status::Ok();
  }
  std::u16string* markers = section == "year-marker"     ? &words->year_markers
                            : section == "month-marker"  ? &words->month_markers
                            : section == "day-marker"    ? &words->day_markers
                            : section == "link"          ? &words->links
                            : section == "day-prefix"    ? &words->day_prefixes
                            : section == "nth-prefix"    ? &words->nth_prefixes
                            : section == "before-marker" ? &words->before_markers
                            : section == "after-marker"  ? &words->after_markers
                                                         : nullptr;
  if (markers == nullptr) {
    return Status(StatusCode::kDataError, "unknown section [" + std::string(section) + "]");
  }
  if (folded.size() != 1) {
    return Status(StatusCode::kDataError, "a marker is one character: " + std::string(word));
  }
  if (markers->find(folded[0]) == std::u16string::npos) markers->push_back(folded[0]);
  return Status::Ok();
}

Status AddFile(const DataFile& file, DateWords* words) {
  std::string_view section;
  // dates/<lang>.txt
  std::string_view lang = file.path.substr(file.path.rfind('/') + 1);
  lang = lang.substr(0, lang.find('.'));
  for (std::string_view line : DataLines(file.contents)) {
    Status added = Status::Ok();
    if (line.starts_with('[') && line.ends_with(']')) {
      section = line.substr(1, line.size() - 2);
    } else if (section.empty()) {
      added = Status(StatusCode::kDataError, "a word before any [section]: " + std::string(line));
    } else {
      added = AddWord(lang, section, line, words);
    }
    if (!added.ok()) {
      return Status(StatusCode::kDataError, std::string(file.path) + ": " + added.message());
    }
  }
  return Status::Ok();
}

}  // namespace

Result<DateWords> LoadDateWords(const DataPack& data) {
  DateWords words;
  int files = 0;
  for (const DataFile& file : data.List("dates/")) {
    if (!file.path.ends_with(".txt")) continue;  // README.md
    CROSSWIRE_RETURN_IF_ERROR(AddFile(file, &words));
    ++files;
  }
  if (files == 0) return Status(StatusCode::kDataError, "the data pack has no dates/*.txt");
  return words;
}

}  // namespace crosswire::dates
