// Group-average agglomerative clustering over the sparse graph of scored article pairs, with a
// priority queue of merge candidates whose stale entries are skipped (docs/ARCHITECTURE.md). Each
// cluster's links are a vector sorted by neighbour: a merge is a walk over two of them, not a
// tree's insertions (at 10,000 articles, 9,100 merges move 600,000 links).
#include "stories/group_average.h"

#include <algorithm>
#include <queue>
#include <tuple>
#include <utility>

namespace crosswire {
namespace {

struct MergeCandidate {
  double average;
  int32_t a, b;  // a < b
};

struct Worse {
  bool operator()(const MergeCandidate& x, const MergeCandidate& y) const {
    if (x.average != y.average) return x.average < y.average;
    return std::tie(x.a, x.b) > std::tie(y.a, y.b);
  }
};

class GroupAverage {
 public:
  GroupAverage(int n, const std::vector<Edge>& edges, const StoryTuning& tuning);
  void Run();
  std::vector<std::vector<int32_t>> Clusters();

 private:
  double AverageOf(int32_t a, int32_t b, double sum) const;
  void Push(int32_t a, int32_t b, double sum);
  void Merge(int32_t a, int32_t b);

  using Links = std::vector<std::pair<int32_t, double>>;  // (neighbour, sum of scores), sorted
  static Links::iterator Find(Links& links, int32_t neighbour) {
    return std::lower_bound(links.begin(), links.end(), neighbour,
                            [](const auto& link, int32_t n) { return link.first < n; });
  }
  // In the links of `other`: the link to b becomes (or joins) the link to a < b.
  static void Relink(Links& links, int32_t a, int32_t b, double sum);

  const StoryTuning& tuning_;
  std::vector<std::vector<int32_t>> members_;
  std::vector<Links> link_sum_;  // cluster -> its links
  std::priority_queue<MergeCandidate, std::vector<MergeCandidate>, Worse> queue_;
};

GroupAverage::GroupAverage(int n, const std::vector<Edge>& edges, const StoryTuning& tuning)
    : tuning_(tuning), members_(n), link_sum_(n) {
  for (int32_t k = 0; k < n; ++k) members_[k] = {k};
  for (const Edge& e : edges) {
    link_sum_[e.a].emplace_back(e.b, e.score);
    link_sum_[e.b].emplace_back(e.a, e.score);
  }
  for (int32_t a = 0; a < n; ++a) {
    // The scores of a pair given twice are summed in the order of `edges`.
    Links& links = link_sum_[a];
    std::stable_sort(links.begin(), links.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::size_t kept = 0;
    for (std::size_t i = 0; i < links.size(); ++i) {
      if (kept > 0 && links[kept - 1].first == links[i].first) {
        links[kept - 1].second += links[i].second;
      } else {
        links[kept++] = links[i];
      }
    }
    links.resize(kept);
    for (const auto& [b, sum] : links) {
      if (a < b) Push(a, b, sum);
    }
  }
}

// The average counts a missing pair as 0, but only as many pairs as the index could have proposed:
// each article brings at most candidates_per_article of them. Without that bound a story of
// hundreds of articles could never hold together, whatever its links.
double GroupAverage::AverageOf(int32_t a, int32_t b, double sum) const {
  const double na = static_cast<double>(members_[a].size());
  const double nb = static_cast<double>(members_[b].size());
  return sum / std::min(na * nb, tuning_.candidates_per_article * (na + nb));
}

void GroupAverage::Push(int32_t a, int32_t b, double sum) {
  if (a > b) std::swap(a, b);
  const double average = AverageOf(a, b, sum);
  if (average >= tuning_.merge_threshold) queue_.push({average, a, b});
}

void GroupAverage::Relink(Links& links, int32_t a, int32_t b, double sum) {
  const auto to_a = Find(links, a);
  const auto to_b = Find(links, b);
  if (to_a != links.end() && to_a->first == a) {
    to_a->second += sum;
    links.erase(to_b);
  } else {
    // The links between a and b move up one place, over b's.
    std::move_backward(to_a, to_b, to_b + 1);
    *to_a = {a, sum};
  }
}

// Merges b into a; a is the smaller index, so the survivor does not depend on input order.
void GroupAverage::Merge(int32_t a, int32_t b) {
  members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
  members_[b].clear();
  // a's links and b's, but for the two themselves; a neighbour of both: the sum of the two.
  const Links& from_a = link_sum_[a];
  const Links& from_b = link_sum_[b];
  Links merged;
  merged.reserve(from_a.size() + from_b.size());
  std::size_t i = 0, j = 0;
  while (i < from_a.size() || j < from_b.size()) {
    if (i < from_a.size() && from_a[i].first == b) {
      ++i;
    } else if (j < from_b.size() && from_b[j].first == a) {
      ++j;
    } else if (j == from_b.size() || (i < from_a.size() && from_a[i].first < from_b[j].first)) {
      merged.push_back(from_a[i++]);
    } else if (i == from_a.size() || from_b[j].first < from_a[i].first) {
      merged.push_back(from_b[j++]);
    } else {
      merged.emplace_back(from_a[i].first, from_a[i].second + from_b[j].second);
      ++i, ++j;
    }
  }
  for (const auto& [other, sum] : from_b) {
    if (other != a) Relink(link_sum_[other], a, b, sum);
  }
  link_sum_[a] = std::move(merged);
  Links().swap(link_sum_[b]);
  for (const auto& [other, sum] : link_sum_[a]) Push(a, other, sum);
}

void GroupAverage::Run() {
  while (!queue_.empty()) {
    const MergeCandidate c = queue_.top();
    queue_.pop();
    // Entries go stale when either side merges; every merge queues its fresh averages, so an
    // entry is current exactly when it still matches the recomputed average.
    if (members_[c.a].empty() || members_[c.b].empty()) continue;
    auto link = Find(link_sum_[c.a], c.b);
    if (link == link_sum_[c.a].end() || link->first != c.b ||
        AverageOf(c.a, c.b, link->second) != c.average) {
      continue;
    }
    Merge(c.a, c.b);
  }
}

std::vector<std::vector<int32_t>> GroupAverage::Clusters() {
  std::vector<std::vector<int32_t>> clusters;
  for (std::vector<int32_t>& group : members_) {
    if (group.empty()) continue;
    std::sort(group.begin(), group.end());
    clusters.push_back(group);
  }
  // Ordered by their earliest article id; members are indices in id order.
  std::sort(clusters.begin(), clusters.end(),
            [](const auto& x, const auto& y) { return x.front() < y.front(); });
  return clusters;
}

}  // namespace

std::vector<std::vector<int32_t>> GroupAverageClusters(int n, const std::vector<Edge>& edges,
                                                       const StoryTuning& tuning) {
  GroupAverage clustering(n, edges, tuning);
  clustering.Run();
  return clustering.Clusters();
}

}  // namespace crosswire
