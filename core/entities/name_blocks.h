// Blocking for entity linking (docs/ARCHITECTURE.md): which pairs of distinct names are compared at
// all. Each name is filed under consonant-class keys of its parts, and only names that share a
// bounded block meet, so the cost per name stays bounded instead of growing with the batch.
#ifndef CROSSWIRE_CORE_ENTITIES_NAME_BLOCKS_H_
#define CROSSWIRE_CORE_ENTITIES_NAME_BLOCKS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosswire {

// The first `length` consonant classes of a part's skeleton, with sounds that spellings confuse
// merged (k g C -> K, s z S j Z -> S, t d T -> T, p b f v -> P, l r -> L, m n -> N) and repeats
// collapsed. An h is filed both ways: it is often dropped (Tehran / Teheran) or written for a k
// (Thai ค for the h of Ahmadian), so with `h_as_k` it counts as K, else it is skipped.
std::string BlockKey(std::string_view skeleton_part, bool h_as_k, size_t length);

// A name to file: an id of the caller's (distinct per name) and its NameKey::skeleton.
struct BlockedName {
  size_t id = 0;
  std::string_view skeleton;
};

class NameBlocks {
 public:
  // Pairs within a block are all compared, so its size bounds the cost per name (120: linking
  // 1,000 articles took a third less time than with 300, with the same results on the seeds and
  // ECB+).
  static constexpr size_t kMaxBlock = 120;

  // A name is filed under the keys of each of its parts: the first two consonant classes, or
  // three where two gather more than `max_block` names. Blocks of three still over twice that are
  // skipped (names there usually share another, rarer part).
  explicit NameBlocks(const std::vector<BlockedName>& names, size_t max_block = kMaxBlock);

  // Calls fn(lo, hi) with lo < hi once for every pair of names that share a block, in the first
  // block they share, block by block in a fixed order.
  template <typename Fn>
  void ForEachPair(Fn&& fn) const {
    for (uint32_t b = 0; b < blocks_.size(); ++b) ForEachPairIn(b, fn);
  }
  // The pairs ForEachPair visits in block `b`, in its order. Blocks may be visited concurrently.
  template <typename Fn>
  void ForEachPairIn(size_t b, Fn&& fn) const {
    const std::vector<uint32_t>& members = blocks_[b];
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        if (FirstShared(members[x], members[y]) != b) continue;
        const auto [lo, hi] = std::minmax(ids_[members[x]], ids_[members[y]]);
        fn(lo, hi);
      }
    }
  }

  // False when the parts of one name cannot all find a partner among the parts of the other
  // (judged by the first and by the last two consonant classes of each part), either way round:
  // such names cannot match as wholes. Parts without consonants could match anything.
  bool PartsCouldPair(size_t x, size_t y) const;

  size_t block_count() const { return blocks_.size(); }

 private:
  // Names are numbered in the order given (their index in `names`); a key or a sign of at most
  // three bytes is kept as a number, its bytes from the highest: numbers compare as the strings
  // did, so the blocks keep the order of their keys.
  struct PartKeys {
    uint32_t coarse[2], fine[2];  // two and three consonant classes, both ways for h
    uint8_t coarse_count = 0, fine_count = 0;
  };
  // The keys of each name's parts: name x's are keys[first[x], first[x + 1]).
  struct NameKeys {
    std::vector<uint32_t> first;
    std::vector<PartKeys> keys;
  };

  void AddBlocks(const NameKeys& keys, std::map<uint32_t, std::vector<uint32_t>>& coarse,
                 size_t max_block);
  void FileSigns(std::string_view skeleton);
  // The first block two names share (no set of visited pairs: that was most of the time on large
  // batches); block_count() when none.
  uint32_t FirstShared(uint32_t x, uint32_t y) const;
  size_t PartsSharing(uint32_t x, uint32_t y) const;

  std::vector<size_t> ids_;         // name -> the caller's id
  std::vector<uint32_t> index_of_;  // the caller's id -> name
  std::vector<std::vector<uint32_t>> blocks_;
  // Each name's blocks, ascending: blocks_of_[block_first_[x], block_first_[x + 1]).
  std::vector<uint32_t> block_first_, blocks_of_;
  // Signs ("<" + first two classes, ">" + last two) of each part of a name: part p's are
  // signs_[sign_first_[p], sign_first_[p + 1]), name x's parts part_first_[x]..part_first_[x + 1];
  // and all the signs of a name, sorted: sorted_signs_[sorted_first_[x], sorted_first_[x + 1]).
  std::vector<uint32_t> part_first_, sign_first_, signs_;
  std::vector<uint32_t> sorted_first_, sorted_signs_;
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_NAME_BLOCKS_H_
