// Items gathered by group as one list, in two passes over them, instead of a vector per group:
// linking has a group per distinct spelling, per entity and per node's merges, and a batch holds
// hundreds of thousands of each.
#ifndef CROSSWIRE_CORE_ENTITIES_GROUPED_H_
#define CROSSWIRE_CORE_ENTITIES_GROUPED_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace crosswire {

// Group g's items, in the order they were given, are items[first[g], first[g + 1]).
struct Grouped {
  std::vector<uint32_t> first;
  std::vector<uint32_t> items;

  size_t size() const { return first.empty() ? 0 : first.size() - 1; }
  std::span<const uint32_t> Of(size_t g) const {
    return {items.data() + first[g], items.data() + first[g + 1]};
  }
};

// each_item(add) calls add(group, item) for every item, in their order, alike each time: it is
// called twice. Groups are numbered below `group_count`.
template <typename EachItem>
Grouped GroupItems(size_t group_count, EachItem&& each_item) {
  Grouped out;
  out.first.assign(group_count + 1, 0);
  each_item([&](uint32_t group, uint32_t) { ++out.first[group + 1]; });
  for (size_t g = 0; g < group_count; ++g) out.first[g + 1] += out.first[g];
  out.items.resize(out.first.back());
  std::vector<uint32_t> next(out.first.begin(), out.first.end() - 1);
  each_item([&](uint32_t group, uint32_t item) { out.items[next[group]++] = item; });
  return out;
}

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_GROUPED_H_
