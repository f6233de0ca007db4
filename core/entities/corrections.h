// The user's corrections as the aliases format writes them (entities/aliases.h), resolved against
// each other and applied: entity lines to entity linking (as alias identities), APART lines to the
// clusters entity linking grows, STORY lines to the story clusters.
//
// Lines are read in order and a later line wins, so a correction can be undone by a newer one:
//   - an entity line takes its spellings off earlier entity and APART lines (an entity line whose
//     canonical name is taken is named by its first remaining spelling);
//   - an APART line separates what earlier lines joined: an earlier entity line that holds several
//     of its spellings keeps only the first and loses the others;
//   - the last STORY line of an article decides where it goes.
#ifndef CROSSWIRE_CORE_ENTITIES_CORRECTIONS_H_
#define CROSSWIRE_CORE_ENTITIES_CORRECTIONS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "entities/aliases.h"
#include "entities/identity_clusters.h"
#include "entities/mention_nodes.h"

namespace crosswire {

struct StoryMove {
  std::string article;  // the article moved
  std::string joins;    // an article of the story it joins
};

struct Corrections {
  std::vector<AliasEntry> entities;  // entity lines only, as the later lines left them
  // Folded spellings of each APART line that no entity line names -> their own identity key.
  std::vector<std::pair<std::string, std::string>> apart_keys;
  std::vector<StoryMove> story_moves;
};

// Resolves the lines in order (see above).
Corrections ResolveCorrections(const std::vector<AliasEntry>& lines);

// Gives every node spelled like an APART spelling that spelling's own identity key, so that it is
// never merged with the others of its line.
void KeepApart(const Corrections& corrections, const MentionNodes& mentions,
               IdentityClusters& clusters);

// Moves articles between clusters of article indices (`ids[i]` is the id of index i), keeping each
// cluster sorted, dropping emptied ones and ordering them by their first article as
// GroupAverageClusters does. Returns the pairs (moved, joined) that become the stories' links.
std::vector<std::pair<int32_t, int32_t>> MoveArticles(const std::vector<StoryMove>& moves,
                                                      const std::vector<std::string>& ids,
                                                      std::vector<std::vector<int32_t>>& clusters);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_CORRECTIONS_H_
