#include "data_pack.h"

#include <algorithm>

namespace crosswire {

DataPack::DataPack(std::vector<DataFile> files) : files_(std::move(files)) {
  std::sort(files_.begin(), files_.end(),
            [](const DataFile& a, const DataFile& b) { return a.path < b.path; });
}

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

}  // namespace crosswire
