// The data pack: Crosswire's own tables (aliases, cue words, boilerplate patterns, transliteration
// rules, CLDR-derived names and calendars), compiled into the binary at build time from the
// readable files under core/data/ and the tables the toolchain/gen_*.cc tools dump from ICU.
//
// Paths are relative to core/data/ ("aliases/orgs.tsv", "cues/th.txt"); generated tables live under
// "gen/" ("gen/places.tsv").
//
// Data can also come at run time in a pack file (the wasm build fetches packs per script, see
// wasm/crosswire.js): ReadPack lists its entries, ICU's data under kPackIcuEntry and named data
// files under their data pack paths, which Options::extra_data hands to an Analyzer.
#ifndef CROSSWIRE_CORE_DATA_PACK_H_
#define CROSSWIRE_CORE_DATA_PACK_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "crosswire/status.h"
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
  // This pack with `extra` added; an extra file replaces a file of the same path.
  DataPack With(const std::vector<DataFile>& extra) const;

  std::optional<std::string_view> Find(std::string_view path) const;
  // Files whose path starts with `prefix`, sorted by path.
  std::vector<DataFile> List(std::string_view prefix) const;
  std::size_t TotalBytes() const;

 private:
  std::vector<DataFile> files_;  // sorted by path
};

// A pack file (written by toolchain/make_pack.py): the magic "CWPACK1\n", the number of entries
// (uint32, little endian), then per entry its path's length, the path (UTF-8), its offset and its
// size (uint32 each); every entry starts at an offset that is a multiple of 16, as ICU requires of
// its data (the pack itself must be loaded 16-byte aligned).
inline constexpr std::string_view kPackMagic = "CWPACK1\n";
// The entry holding ICU common data (an icudt72l.dat).
inline constexpr std::string_view kPackIcuEntry = "icu/icudt72l.dat";
// The entries of a pack, as views into `bytes`; kDataError with the reason when it is malformed.
Result<std::vector<DataFile>> ReadPack(std::string_view bytes);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_DATA_PACK_H_
