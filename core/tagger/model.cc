#include "tagger/model.h"

#include <cstring>

namespace crosswire::tagger {
namespace {

constexpr std::string_view kMagic = "CWTAG2\n";

uint32_t Spread(uint32_t h) { return h * 0x9E3779B1u; }

}  // namespace

std::string Model::Write(const std::vector<uint32_t>& hashes, const std::vector<int16_t>& scales,
                         const std::vector<int8_t>& rows) {
  std::string out(kMagic);
  out += static_cast<char>(kLabels);
  const uint32_t n = static_cast<uint32_t>(hashes.size());
  for (int i = 0; i < 4; ++i) out += static_cast<char>((n >> (8 * i)) & 0xFF);
  uint32_t last = 0;
  for (uint32_t h : hashes) {
    uint32_t delta = h - last;
    last = h;
    do {
      const uint8_t byte = delta & 0x7F;
      delta >>= 7;
      out += static_cast<char>(delta ? byte | 0x80 : byte);
    } while (delta);
  }
  for (int16_t scale : scales) {
    out += static_cast<char>(static_cast<uint16_t>(scale) & 0xFF);
    out += static_cast<char>(static_cast<uint16_t>(scale) >> 8);
  }
  out.append(reinterpret_cast<const char*>(rows.data()), rows.size());
  return out;
}

Result<Model> Model::Parse(std::string_view bytes) {
  auto corrupt = [](const std::string& why) {
    return Status(StatusCode::kDataError, "tagger model: " + why);
  };
  if (bytes.substr(0, kMagic.size()) != kMagic) return corrupt("not a CWTAG2 model");
  std::size_t at = kMagic.size();
  if (bytes.size() < at + 5) return corrupt("truncated header");
  if (static_cast<uint8_t>(bytes[at++]) != kLabels) return corrupt("unexpected number of labels");
  uint32_t n = 0;
  for (int i = 0; i < 4; ++i)
    n |= static_cast<uint32_t>(static_cast<uint8_t>(bytes[at++])) << (8 * i);
  if (n > bytes.size()) return corrupt("feature count larger than the file");
  Model model;
  model.count_ = n;
  uint32_t capacity = 16;
  while (capacity < 2 * n) capacity <<= 1;
  model.mask_ = capacity - 1;
  model.slots_.assign(capacity, Slot{});
  uint32_t hash = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t delta = 0;
    for (int shift = 0;; shift += 7) {
      if (at >= bytes.size() || shift > 28) return corrupt("truncated hashes");
      const uint8_t byte = static_cast<uint8_t>(bytes[at++]);
      delta |= static_cast<uint32_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) break;
    }
    hash += delta;
    uint32_t slot = Spread(hash) & model.mask_;
    while (model.slots_[slot].row >= 0) slot = (slot + 1) & model.mask_;
    model.slots_[slot] = {hash, static_cast<int32_t>(i)};
  }
  if (bytes.size() - at != static_cast<std::size_t>(n) * (kLabels + 2)) {
    return corrupt("weights do not match");
  }
  model.scales_.resize(n);
  for (uint32_t i = 0; i < n; ++i, at += 2) {
    model.scales_[i] =
        static_cast<int16_t>(static_cast<uint16_t>(static_cast<uint8_t>(bytes[at])) |
                             static_cast<uint16_t>(static_cast<uint8_t>(bytes[at + 1])) << 8);
  }
  model.rows_.resize(static_cast<std::size_t>(n) * kLabels);
  std::memcpy(model.rows_.data(), bytes.data() + at, model.rows_.size());
  return model;
}

void Model::Score(const uint32_t* features, std::size_t count, Scores& scores) const {
  if (count_ == 0) return;
  for (std::size_t i = 0; i < count; ++i) {
    const uint32_t h = features[i];
    for (uint32_t slot = Spread(h) & mask_; slots_[slot].row >= 0; slot = (slot + 1) & mask_) {
      if (slots_[slot].hash != h) continue;
      const std::size_t index = static_cast<std::size_t>(slots_[slot].row);
      const int8_t* row = &rows_[index * kLabels];
      const int64_t scale = scales_[index];
      for (int l = 0; l < kLabels; ++l) scores[l] += scale * row[l];
      break;
    }
  }
}

}  // namespace crosswire::tagger
