// The clusters entity linking grows: union-find over mention nodes where a cluster carries at most
// one identity key (a gazetteer or alias name), and two clusters with different keys never merge:
// that is how alias lines split (docs/ARCHITECTURE.md).
#ifndef CROSSWIRE_CORE_ENTITIES_IDENTITY_CLUSTERS_H_
#define CROSSWIRE_CORE_ENTITIES_IDENTITY_CLUSTERS_H_

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace crosswire {

// Keys are numbers (a node's MentionNode::identity, or a number beyond them for an APART
// spelling); 0 is no key. Nodes are numbered below 2^32.
class IdentityClusters {
 public:
  explicit IdentityClusters(size_t n) : parent_(n), key_(n, 0) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }

  size_t Find(size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void SetKey(size_t x, uint32_t key) { key_[Find(x)] = key; }
  uint32_t KeyOf(size_t x) { return key_[Find(x)]; }
  bool CanMerge(size_t a, size_t b) {
    const uint32_t ka = KeyOf(a);
    const uint32_t kb = KeyOf(b);
    return ka == 0 || kb == 0 || ka == kb;
  }
  // Merges unless the keys conflict; the smaller index stays the root (deterministic).
  bool Merge(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return true;
    if (!CanMerge(a, b)) return false;
    if (b < a) std::swap(a, b);
    parent_[b] = static_cast<uint32_t>(a);
    if (key_[a] == 0) key_[a] = key_[b];
    return true;
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> key_;
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_IDENTITY_CLUSTERS_H_
