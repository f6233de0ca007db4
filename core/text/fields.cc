#include "text/fields.h"

namespace crosswire {

std::string_view TrimSpaces(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> DataLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = TrimSpaces(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    // A line starting with '#' is a comment; '#' elsewhere is data (patterns may contain it).
    if (line.empty() || line.front() == '#') continue;
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string_view> SplitFields(std::string_view line, char separator) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t end = line.find(separator, start);
    fields.push_back(line.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return fields;
}

std::vector<std::string_view> NonEmptyFields(std::string_view line, char separator) {
  std::vector<std::string_view> fields;
  for (std::string_view field : SplitFields(line, separator)) {
    field = TrimSpaces(field);
    if (!field.empty()) fields.push_back(field);
  }
  return fields;
}

}  // namespace crosswire
