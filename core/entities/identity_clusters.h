// The clusters entity linking grows: union-find over mention nodes where a cluster carries at most
// one identity key (a gazetteer or alias name), and two clusters with different keys never merge:
// that is how alias lines split (docs/ARCHITECTURE.md).
#ifndef CROSSWIRE_CORE_ENTITIES_IDENTITY_CLUSTERS_H_
#define CROSSWIRE_CORE_ENTITIES_IDENTITY_CLUSTERS_H_

#include <cstddef>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace crosswire {

class IdentityClusters {
 public:
  explicit IdentityClusters(size_t n) : parent_(n), key_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }

  size_t Find(size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void SetKey(size_t x, std::string key) { key_[Find(x)] = std::move(key); }
  const std::string& KeyOf(size_t x) { return key_[Find(x)]; }
  bool CanMerge(size_t a, size_t b) {
    const std::string& ka = KeyOf(a);
    const std::string& kb = KeyOf(b);
    return ka.empty() || kb.empty() || ka == kb;
  }
  // Merges unless the keys conflict; the smaller index stays the root (deterministic).
  bool Merge(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return true;
    if (!CanMerge(a, b)) return false;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    if (key_[a].empty()) key_[a] = std::move(key_[b]);
    return true;
  }

 private:
  std::vector<size_t> parent_;
  std::vector<std::string> key_;
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_IDENTITY_CLUSTERS_H_
