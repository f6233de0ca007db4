// Reading the project's line-based data files: lines, tab-separated fields, trimming. Every
// stage that loads a table from the data pack reads it with these, so comments, blank lines and
// stray spaces mean the same thing in every file.
#ifndef CROSSWIRE_CORE_TEXT_FIELDS_H_
#define CROSSWIRE_CORE_TEXT_FIELDS_H_

#include <string_view>
#include <vector>

namespace crosswire {

// `s` without leading and trailing spaces, tabs and carriage returns.
std::string_view TrimSpaces(std::string_view s);

// Splits data-file text into lines with surrounding spaces and tabs removed; empty lines and lines
// starting with '#' (comments) are skipped.
std::vector<std::string_view> DataLines(std::string_view text);

// The fields of `line` between `separator`s, empty ones included ("a\t\tb" has three).
std::vector<std::string_view> SplitFields(std::string_view line, char separator = '\t');

// The non-empty fields of `line` with spaces trimmed ("a \t\t b" has two).
std::vector<std::string_view> NonEmptyFields(std::string_view line, char separator = '\t');

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_TEXT_FIELDS_H_
