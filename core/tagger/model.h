// A trained tagger model: for each kept feature hash, one quantised weight per label — an int8
// times the feature's own int16 scale, because a perceptron's weights span four orders of magnitude
// across features (the bias against a rare suffix) but little within one feature's row — and the
// scoring of a unit as integer sums, so that both builds choose the same labels.
//
// File format (core/data/tagger/<group>.model, written by toolchain/train_tagger.cc):
//   "CWTAG2\n", one byte: the number of labels, a little-endian uint32: the number of features N,
//   N hashes in increasing order as LEB128 deltas, N little-endian int16 scales, then N rows of
//   int8 weights (labels each).
#ifndef CROSSWIRE_CORE_TAGGER_MODEL_H_
#define CROSSWIRE_CORE_TAGGER_MODEL_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crosswire/status.h"
#include "tagger/units.h"

namespace crosswire::tagger {

using Scores = std::array<int64_t, kLabels>;

class Model {
 public:
  static Result<Model> Parse(std::string_view bytes);
  // Serialises sorted hashes, their scales and their weight rows (what Parse reads back).
  static std::string Write(const std::vector<uint32_t>& hashes, const std::vector<int16_t>& scales,
                           const std::vector<int8_t>& rows);

  // Adds the weights of `features` to `scores`.
  void Score(const uint32_t* features, std::size_t count, Scores& scores) const;
  std::size_t size() const { return count_; }

 private:
  // Open addressing over the hashes (capacity a power of two, at least twice the count); a slot
  // holds the hash and its row side by side, so a look-up reads one cache line.
  struct Slot {
    uint32_t hash = 0;
    int32_t row = -1;  // -1 where empty
  };
  std::vector<Slot> slots_;
  std::vector<int16_t> scales_;
  std::vector<int8_t> rows_;
  std::size_t count_ = 0;
  uint32_t mask_ = 0;
};

}  // namespace crosswire::tagger

#endif  // CROSSWIRE_CORE_TAGGER_MODEL_H_
