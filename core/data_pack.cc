#include "data_pack.h"

#include <algorithm>
#include <string>

namespace crosswire {

DataPack::DataPack(std::vector<DataFile> files) : files_(std::move(files)) {
  std::sort(files_.begin(), files_.end(),
            [](const DataFile& a, const DataFile& b) { return a.path < b.path; });
}

DataPack DataPack::With(const std::vector<DataFile>& extra) const {
  std::vector<DataFile> files = extra;
  for (const DataFile& f : files_) {
    bool replaced = std::any_of(extra.begin(), extra.end(),
                                [&](const DataFile& e) { return e.path == f.path; });
    if (!replaced) files.push_back(f);
  }
  return DataPack(std::move(files));
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

namespace {

// Reads a little-endian uint32 at `at`, advancing it; false past the end.
bool ReadU32(std::string_view bytes, std::size_t& at, uint32_t& value) {
  if (at > bytes.size() || bytes.size() - at < 4) return false;
  value = 0;
  for (int i = 3; i >= 0; --i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  at += 4;
  return true;
}

Status Malformed(const std::string& why) {
  return Status(StatusCode::kDataError, "malformed data pack: " + why);
}

}  // namespace

Result<std::vector<DataFile>> ReadPack(std::string_view bytes) {
  if (bytes.substr(0, kPackMagic.size()) != kPackMagic) return Malformed("no CWPACK1 header");
  std::size_t at = kPackMagic.size();
  uint32_t count = 0;
  if (!ReadU32(bytes, at, count)) return Malformed("no entry count");
  // Each entry takes at least 12 bytes of the table: a count beyond that is a corrupt file.
  if (count > (bytes.size() - at) / 12) return Malformed("more entries than the file can hold");
  std::vector<DataFile> entries;
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t path_size = 0, offset = 0, size = 0;
    if (!ReadU32(bytes, at, path_size) || path_size == 0 || path_size > bytes.size() - at) {
      return Malformed("entry " + std::to_string(i) + " has no path");
    }
    std::string_view path = bytes.substr(at, path_size);
    at += path_size;
    if (!ReadU32(bytes, at, offset) || !ReadU32(bytes, at, size)) {
      return Malformed("entry " + std::to_string(i) + " is cut off");
    }
    if (offset % 16 != 0) return Malformed(std::string(path) + " is not 16-byte aligned");
    if (offset > bytes.size() || size > bytes.size() - offset) {
      return Malformed(std::string(path) + " runs past the end of the file");
    }
    entries.push_back({path, bytes.substr(offset, size)});
  }
  return entries;
}

}  // namespace crosswire
