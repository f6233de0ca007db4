#include "mentions/overlaps.h"

#include <algorithm>
#include <iterator>
#include <map>

namespace crosswire::mentions {

std::vector<MentionCandidate> ResolveOverlaps(std::vector<Found> found) {
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    const int32_t la = a.candidate.utf16_end - a.candidate.utf16_begin;
    const int32_t lb = b.candidate.utf16_end - b.candidate.utf16_begin;
    if (la != lb) return la > lb;
    return a.candidate.utf16_begin < b.candidate.utf16_begin;
  });
  // The kept spans never overlap, so the one that starts last before a candidate's end is the
  // only one that can overlap it: one look-up per candidate, O(n log n) for the document.
  std::map<int32_t, int32_t> taken;  // begin -> end of kept spans
  std::vector<MentionCandidate> kept;
  for (Found& f : found) {
    const int32_t begin = f.candidate.utf16_begin, end = f.candidate.utf16_end;
    auto after = taken.lower_bound(end);
    if (after != taken.begin() && std::prev(after)->second > begin) continue;
    taken.emplace(begin, end);
    kept.push_back(std::move(f.candidate));
  }
  std::sort(kept.begin(), kept.end(), [](const MentionCandidate& a, const MentionCandidate& b) {
    return a.utf16_begin < b.utf16_begin;
  });
  return kept;
}

}  // namespace crosswire::mentions
