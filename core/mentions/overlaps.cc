#include "mentions/overlaps.h"

#include <algorithm>

namespace crosswire::mentions {

std::vector<MentionCandidate> ResolveOverlaps(std::vector<Found> found) {
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    const int32_t la = a.candidate.utf16_end - a.candidate.utf16_begin;
    const int32_t lb = b.candidate.utf16_end - b.candidate.utf16_begin;
    if (la != lb) return la > lb;
    return a.candidate.utf16_begin < b.candidate.utf16_begin;
  });
  std::vector<MentionCandidate> kept;
  for (Found& f : found) {
    bool overlaps = false;
    for (const MentionCandidate& k : kept) {
      if (f.candidate.utf16_begin < k.utf16_end && k.utf16_begin < f.candidate.utf16_end) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) kept.push_back(std::move(f.candidate));
  }
  std::sort(kept.begin(), kept.end(), [](const MentionCandidate& a, const MentionCandidate& b) {
    return a.utf16_begin < b.utf16_begin;
  });
  return kept;
}

}  // namespace crosswire::mentions
