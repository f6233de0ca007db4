// Doubtful candidates (MentionCandidate::doubtful): which of them the batch vouches for.
#ifndef CROSSWIRE_CORE_MENTIONS_DOUBTFUL_H_
#define CROSSWIRE_CORE_MENTIONS_DOUBTFUL_H_

#include <vector>

#include "mentions.h"

namespace crosswire::mentions {

// Drops every doubtful candidate of the batch unless a candidate that is not doubtful, in any
// article, has the same text or base form (by match key), or is a person whose last word it is:
// "Stadt" guessed in six sentences goes, "Putina" stays beside "Putin" named with a title and
// "Khrenin" beside "Viktor Khrenin". Acronyms' expansion indices follow the
// candidates they point to (-1 where the expansion went). Base forms must be set. Linear in the
// number of candidates.
void DropDoubtful(std::vector<std::vector<MentionCandidate>>& batch);

}  // namespace crosswire::mentions

#endif  // CROSSWIRE_CORE_MENTIONS_DOUBTFUL_H_
