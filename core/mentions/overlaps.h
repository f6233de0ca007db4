// Overlapping candidates: which one of them stays.
#ifndef CROSSWIRE_CORE_MENTIONS_OVERLAPS_H_
#define CROSSWIRE_CORE_MENTIONS_OVERLAPS_H_

#include <vector>

#include "mentions.h"

namespace crosswire::mentions {

// Candidate plus how it was found, to resolve overlaps.
struct Found {
  MentionCandidate candidate;
  int priority = 0;  // 4: kept from the first pass, 3: cue, 2: gazetteer, 1: shape, 0: second pass
};

// Keeps the best of overlapping candidates: found by a cue over the gazetteer over shape alone,
// then the longer. Returns them in text order.
std::vector<MentionCandidate> ResolveOverlaps(std::vector<Found> found);

}  // namespace crosswire::mentions

#endif  // CROSSWIRE_CORE_MENTIONS_OVERLAPS_H_
