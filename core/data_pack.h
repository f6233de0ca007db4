// The data pack: Crosswire's own tables (aliases, cue words, boilerplate patterns, transliteration
// rules, CLDR-derived names and calendars), compiled into the binary at build time from the
// readable files under core/data/ and the tables the toolchain/gen_*.cc tools dump from ICU.
//
// Paths are relative to core/data/ ("aliases/orgs.tsv", "cues/th.txt"); generated tables live under
// "gen/" ("gen/places.tsv").
#ifndef CROSSWIRE_CORE_DATA_PACK_H_
#define CROSSWIRE_CORE_DATA_PACK_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "text/fields.h"  // DataLines, for every reader of the pack

namespace crosswire {

struct DataFile {
  std::string_view path;
  std::string_view contents;
};

class DataPack {
 public:
  // The pack compiled into this binary.
  static DataPack Embedded();
  // A pack of these files, in any order.
  explicit DataPack(std::vector<DataFile> files);

  std::optional<std::string_view> Find(std::string_view path) const;
  // Files whose path starts with `prefix`, sorted by path.
  std::vector<DataFile> List(std::string_view prefix) const;
  std::size_t TotalBytes() const;

 private:
  std::vector<DataFile> files_;  // sorted by path
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_DATA_PACK_H_
