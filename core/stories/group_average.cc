// Group-average agglomerative clustering over the sparse graph of scored article pairs, with a
// priority queue of merge candidates whose stale entries are skipped (docs/ARCHITECTURE.md).
#include "stories/group_average.h"

#include <algorithm>
#include <map>
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

  const StoryTuning& tuning_;
  std::vector<std::vector<int32_t>> members_;
  std::vector<std::map<int32_t, double>> link_sum_;  // cluster -> neighbour -> sum of scores
  std::priority_queue<MergeCandidate, std::vector<MergeCandidate>, Worse> queue_;
};

GroupAverage::GroupAverage(int n, const std::vector<Edge>& edges, const StoryTuning& tuning)
    : tuning_(tuning), members_(n), link_sum_(n) {
  for (int32_t k = 0; k < n; ++k) members_[k] = {k};
  for (const Edge& e : edges) {
    link_sum_[e.a][e.b] += e.score;
    link_sum_[e.b][e.a] += e.score;
  }
  for (int32_t a = 0; a < n; ++a) {
    for (const auto& [b, sum] : link_sum_[a]) {
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

// Merges b into a; a is the smaller index, so the survivor does not depend on input order.
void GroupAverage::Merge(int32_t a, int32_t b) {
  members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
  members_[b].clear();
  link_sum_[a].erase(b);
  for (const auto& [other, sum] : link_sum_[b]) {
    if (other == a) continue;
    link_sum_[a][other] += sum;
    link_sum_[other].erase(b);
    link_sum_[other][a] += sum;
  }
  link_sum_[b].clear();
  for (const auto& [other, sum] : link_sum_[a]) Push(a, other, sum);
}

void GroupAverage::Run() {
  while (!queue_.empty()) {
    const MergeCandidate c = queue_.top();
    queue_.pop();
    // Entries go stale when either side merges; every merge queues its fresh averages, so an
    // entry is current exactly when it still matches the recomputed average.
    if (members_[c.a].empty() || members_[c.b].empty()) continue;
    auto link = link_sum_[c.a].find(c.b);
    if (link == link_sum_[c.a].end() || AverageOf(c.a, c.b, link->second) != c.average) continue;
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
