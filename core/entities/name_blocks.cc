// Blocking for entity linking: consonant-class keys of name parts, the bounded blocks built from
// them, and the part signs that rule a pair out before it is compared (docs/ARCHITECTURE.md).
#include "entities/name_blocks.h"

#include <map>
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

// Appends `id` to a member list unless it is already its last member.
void AddMember(std::vector<size_t>& members, size_t id) {
  if (members.empty() || members.back() != id) members.push_back(id);
}

const std::vector<std::string> kNoSigns;

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
  KeysOf keys_of;
  std::map<std::string, std::vector<size_t>> coarse;  // key -> names, in the order given
  for (const BlockedName& name : names) {
    std::vector<PartKeys>& parts = keys_of[name.id];
    for (std::string_view part : NonEmptyFields(name.skeleton, ' ')) {
      PartKeys keys;
      for (bool h_as_k : {false, true}) {
        std::string two = BlockKey(part, h_as_k, 2), three = BlockKey(part, h_as_k, 3);
        if (!two.empty()) keys.coarse.push_back(two);
        // A part of two consonant classes ("Лайен", "Leyen") has no third to refine a crowded
        // block by: it is filed with the other parts that end there.
        if (three.size() == 3) {
          keys.fine.push_back(three);
        } else if (two.size() == 2) {
          keys.fine.push_back(two + "$");
        }
      }
      for (const std::string& k : keys.coarse) AddMember(coarse[k], name.id);
      parts.push_back(std::move(keys));
    }
  }
  AddBlocks(keys_of, coarse, max_block);
  for (const BlockedName& name : names) FileSigns(name.id, name.skeleton);
}

void NameBlocks::AddBlocks(const KeysOf& keys_of,
                           std::map<std::string, std::vector<size_t>>& coarse, size_t max_block) {
  std::unordered_map<std::string, uint32_t> block_id;  // "2" or "3" + key -> index in blocks_
  std::map<std::string, std::vector<size_t>> fine;
  for (auto& [key, members] : coarse) {
    if (members.size() <= max_block) {
      block_id.emplace("2" + key, static_cast<uint32_t>(blocks_.size()));
      blocks_.push_back(std::move(members));
      continue;
    }
    for (size_t id : members) {
      for (const PartKeys& part : keys_of.at(id)) {
        for (const std::string& k : part.fine) {
          if (k.compare(0, 2, key) == 0) AddMember(fine[k], id);
        }
      }
    }
  }
  for (auto& [key, members] : fine) {
    if (members.size() > 2 * max_block) continue;  // still crowded
    block_id.emplace("3" + key, static_cast<uint32_t>(blocks_.size()));
    blocks_.push_back(std::move(members));
  }
  for (const auto& [id, parts] : keys_of) {
    std::vector<uint32_t>& all = blocks_of_[id];
    for (const PartKeys& part : parts) {
      for (const std::string& k : part.coarse) {
        if (auto it = block_id.find("2" + k); it != block_id.end()) all.push_back(it->second);
      }
      for (const std::string& k : part.fine) {
        if (auto it = block_id.find("3" + k); it != block_id.end()) all.push_back(it->second);
      }
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
  }
}

void NameBlocks::FileSigns(size_t id, std::string_view skeleton) {
  std::vector<std::string>& all = signs_of_[id];
  for (std::string_view part : NonEmptyFields(skeleton, ' ')) {
    std::vector<std::string> signs;
    std::string reversed(part.rbegin(), part.rend());
    for (bool h_as_k : {false, true}) {
      std::string head = BlockKey(part, h_as_k, 2), tail = BlockKey(reversed, h_as_k, 2);
      if (!head.empty()) signs.push_back("<" + head);
      if (!tail.empty()) signs.push_back(">" + tail);
    }
    all.insert(all.end(), signs.begin(), signs.end());
    part_signs_[id].push_back(std::move(signs));
  }
  std::sort(all.begin(), all.end());
}

uint32_t NameBlocks::FirstShared(size_t x, size_t y) const {
  const std::vector<uint32_t>& bx = blocks_of_.at(x);
  const std::vector<uint32_t>& by = blocks_of_.at(y);
  size_t i = 0, j = 0;
  while (i < bx.size() && j < by.size()) {
    if (bx[i] == by[j]) return bx[i];
    if (bx[i] < by[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<uint32_t>(blocks_.size());
}

// How many parts of `x` could match a part of `y`.
size_t NameBlocks::PartsSharing(size_t x, size_t y) const {
  auto signs = signs_of_.find(y);
  const std::vector<std::string>& other = signs == signs_of_.end() ? kNoSigns : signs->second;
  auto parts = part_signs_.find(x);
  if (parts == part_signs_.end()) return 0;
  size_t count = 0;
  for (const std::vector<std::string>& part : parts->second) {
    if (part.empty() || std::any_of(part.begin(), part.end(), [&](const std::string& sign) {
          return std::binary_search(other.begin(), other.end(), sign);
        })) {
      ++count;
    }
  }
  return count;
}

bool NameBlocks::PartsCouldPair(size_t x, size_t y) const {
  auto parts_of = [&](size_t id) {
    auto it = part_signs_.find(id);
    return it == part_signs_.end() ? size_t{0} : it->second.size();
  };
  const size_t needed = std::min(parts_of(x), parts_of(y));
  return PartsSharing(x, y) >= needed || PartsSharing(y, x) >= needed;
}

}  // namespace crosswire
