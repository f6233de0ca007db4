// Blocking for entity linking: consonant-class keys of name parts, the bounded blocks built from
// them, and the part signs that rule a pair out before it is compared (docs/ARCHITECTURE.md).
#include "entities/name_blocks.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "text/fields.h"

namespace crosswire {
namespace {

char ConsonantClass(char c) {
  switch (c) {
    case 'h':
    case 'k':
    case 'g':
    case 'C':
      return 'K';
    case 's':
    case 'z':
    case 'S':
    case 'j':
    case 'Z':
      return 'S';
    case 't':
    case 'd':
    case 'T':
      return 'T';
    case 'p':
    case 'b':
    case 'f':
    case 'v':
      return 'P';
    case 'l':
    case 'r':
      return 'L';
    case 'm':
    case 'n':
      return 'N';
    default:
      return c;
  }
}

// Appends `name` to a member list unless it is already its last member.
void AddMember(std::vector<uint32_t>& members, uint32_t name) {
  if (members.empty() || members.back() != name) members.push_back(name);
}

// A string of at most three bytes as a number, its first byte highest and missing bytes zero:
// numbers compare as the strings do (bytes unsigned, as std::string compares them).
uint32_t Code(std::string_view text) {
  uint32_t code = 0;
  for (size_t i = 0; i < 3; ++i) {
    code = code << 8 | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0u);
  }
  return code;
}

// A part's sign: "<" and its first two classes, or ">" and its last two.
uint32_t Sign(char side, std::string_view classes) {
  return static_cast<uint32_t>(static_cast<unsigned char>(side)) << 24 | Code(classes) >> 8;
}

}  // namespace

std::string BlockKey(std::string_view skeleton_part, bool h_as_k, size_t length) {
  std::string out;
  for (char c : skeleton_part) {
    if (c == 'h' && !h_as_k) continue;
    const char cls = ConsonantClass(c);
    if (!out.empty() && out.back() == cls) continue;
    out.push_back(cls);
    if (out.size() == length) break;
  }
  return out;
}

NameBlocks::NameBlocks(const std::vector<BlockedName>& names, size_t max_block) {
  size_t max_id = 0;
  for (const BlockedName& name : names) max_id = std::max(max_id, name.id);
  index_of_.assign(names.empty() ? 0 : max_id + 1, 0);
  ids_.reserve(names.size());
  NameKeys keys;
  keys.first.reserve(names.size() + 1);
  std::map<uint32_t, std::vector<uint32_t>> coarse;  // key -> names, in the order given
  for (uint32_t x = 0; x < names.size(); ++x) {
    ids_.push_back(names[x].id);
    index_of_[names[x].id] = x;
    keys.first.push_back(static_cast<uint32_t>(keys.keys.size()));
    for (std::string_view part : NonEmptyFields(names[x].skeleton, ' ')) {
      PartKeys& part_keys = keys.keys.emplace_back();
      for (bool h_as_k : {false, true}) {
        std::string two = BlockKey(part, h_as_k, 2), three = BlockKey(part, h_as_k, 3);
        if (!two.empty()) part_keys.coarse[part_keys.coarse_count++] = Code(two);
        // A part of two consonant classes ("Лайен", "Leyen") has no third to refine a crowded
        // block by: it is filed with the other parts that end there.
        if (three.size() == 3) {
          part_keys.fine[part_keys.fine_count++] = Code(three);
        } else if (two.size() == 2) {
          part_keys.fine[part_keys.fine_count++] = Code(two + "$");
        }
      }
      for (uint8_t k = 0; k < part_keys.coarse_count; ++k)
        AddMember(coarse[part_keys.coarse[k]], x);
    }
  }
  keys.first.push_back(static_cast<uint32_t>(keys.keys.size()));
  AddBlocks(keys, coarse, max_block);
  keys = {};
  part_first_.reserve(names.size() + 1);
  sorted_first_.reserve(names.size() + 1);
  sign_first_.push_back(0);
  for (const BlockedName& name : names) FileSigns(name.skeleton);
  part_first_.push_back(static_cast<uint32_t>(sign_first_.size() - 1));
  sorted_first_.push_back(static_cast<uint32_t>(sorted_signs_.size()));
}

void NameBlocks::AddBlocks(const NameKeys& keys, std::map<uint32_t, std::vector<uint32_t>>& coarse,
                           size_t max_block) {
  std::unordered_map<uint32_t, uint32_t> coarse_block, fine_block;  // key -> index in blocks_
  std::map<uint32_t, std::vector<uint32_t>> fine;
  for (auto& [key, members] : coarse) {
    if (members.size() <= max_block) {
      coarse_block.emplace(key, static_cast<uint32_t>(blocks_.size()));
      blocks_.push_back(std::move(members));
      continue;
    }
    for (uint32_t x : members) {
      for (uint32_t p = keys.first[x]; p < keys.first[x + 1]; ++p) {
        // A fine key that begins with the two classes of the coarse one.
        for (uint8_t f = 0; f < keys.keys[p].fine_count; ++f) {
          const uint32_t k = keys.keys[p].fine[f];
          if ((k & 0xFFFF00u) == key) AddMember(fine[k], x);
        }
      }
    }
  }
  coarse = {};
  for (auto& [key, members] : fine) {
    if (members.size() > 2 * max_block) continue;  // still crowded
    fine_block.emplace(key, static_cast<uint32_t>(blocks_.size()));
    blocks_.push_back(std::move(members));
  }
  const size_t name_count = keys.first.size() - 1;
  block_first_.reserve(name_count + 1);
  for (size_t x = 0; x < name_count; ++x) {
    block_first_.push_back(static_cast<uint32_t>(blocks_of_.size()));
    const size_t first = blocks_of_.size();
    for (uint32_t p = keys.first[x]; p < keys.first[x + 1]; ++p) {
      const PartKeys& part = keys.keys[p];
      for (uint8_t c = 0; c < part.coarse_count; ++c) {
        if (auto it = coarse_block.find(part.coarse[c]); it != coarse_block.end()) {
          blocks_of_.push_back(it->second);
        }
      }
      for (uint8_t f = 0; f < part.fine_count; ++f) {
        if (auto it = fine_block.find(part.fine[f]); it != fine_block.end()) {
          blocks_of_.push_back(it->second);
        }
      }
    }
    std::sort(blocks_of_.begin() + first, blocks_of_.end());
    blocks_of_.erase(std::unique(blocks_of_.begin() + first, blocks_of_.end()), blocks_of_.end());
  }
  block_first_.push_back(static_cast<uint32_t>(blocks_of_.size()));
}

void NameBlocks::FileSigns(std::string_view skeleton) {
  part_first_.push_back(static_cast<uint32_t>(sign_first_.size() - 1));
  sorted_first_.push_back(static_cast<uint32_t>(sorted_signs_.size()));
  for (std::string_view part : NonEmptyFields(skeleton, ' ')) {
    std::string reversed(part.rbegin(), part.rend());
    for (bool h_as_k : {false, true}) {
      std::string head = BlockKey(part, h_as_k, 2), tail = BlockKey(reversed, h_as_k, 2);
      if (!head.empty()) signs_.push_back(Sign('<', head));
      if (!tail.empty()) signs_.push_back(Sign('>', tail));
    }
    sign_first_.push_back(static_cast<uint32_t>(signs_.size()));
    sorted_signs_.insert(sorted_signs_.end(), signs_.begin() + sign_first_[sign_first_.size() - 2],
                         signs_.end());
  }
  std::sort(sorted_signs_.begin() + sorted_first_.back(), sorted_signs_.end());
}

uint32_t NameBlocks::FirstShared(uint32_t x, uint32_t y) const {
  size_t i = block_first_[x], j = block_first_[y];
  const size_t i_end = block_first_[x + 1], j_end = block_first_[y + 1];
  while (i < i_end && j < j_end) {
    if (blocks_of_[i] == blocks_of_[j]) return blocks_of_[i];
    if (blocks_of_[i] < blocks_of_[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<uint32_t>(blocks_.size());
}

// How many parts of `x` could match a part of `y`.
size_t NameBlocks::PartsSharing(uint32_t x, uint32_t y) const {
  const auto other_begin = sorted_signs_.begin() + sorted_first_[y];
  const auto other_end = sorted_signs_.begin() + sorted_first_[y + 1];
  size_t count = 0;
  for (uint32_t p = part_first_[x]; p < part_first_[x + 1]; ++p) {
    const auto begin = signs_.begin() + sign_first_[p], end = signs_.begin() + sign_first_[p + 1];
    if (begin == end || std::any_of(begin, end, [&](uint32_t sign) {
          return std::binary_search(other_begin, other_end, sign);
        })) {
      ++count;
    }
  }
  return count;
}

bool NameBlocks::PartsCouldPair(size_t x, size_t y) const {
  const uint32_t a = index_of_[x], b = index_of_[y];
  const size_t needed =
      std::min(part_first_[a + 1] - part_first_[a], part_first_[b + 1] - part_first_[b]);
  return PartsSharing(a, b) >= needed || PartsSharing(b, a) >= needed;
}

}  // namespace crosswire
