#include "data_pack.h"

#include <algorithm>

namespace crosswire {

std::optional<std::string_view> DataPack::Find(std::string_view path) const {
  auto it = std::lower_bound(files_.begin(), files_.end(), path,
                             [](const DataFile& f, std::string_view p) { return f.path < p; });
  if (it == files_.end() || it->path != path) return std::nullopt;
  return it->contents;
}

std::vector<DataFile> DataPack::List(std::string_view prefix) const {
  std::vector<DataFile> out;
  for (const DataFile& f : files_) {
    if (f.path.substr(0, prefix.size()) == prefix) out.push_back(f);
  }
  return out;
}

std::size_t DataPack::TotalBytes() const {
  std::size_t total = 0;
  for (const DataFile& f : files_) total += f.contents.size();
  return total;
}

std::vector<std::string_view> DataLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    // A line starting with '#' is a comment; '#' elsewhere is data (patterns may contain it).
    if (line.empty() || line.front() == '#') continue;
    lines.push_back(line);
  }
  return lines;
}

}  // namespace crosswire
