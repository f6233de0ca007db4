// Entity linking: groups the mention candidates of a batch into entities across articles, languages
// and scripts, with a canonical name and every variant. The steps live in core/entities/ (see
// docs/ARCHITECTURE.md): aliases, mention nodes, name blocks, identity clusters, entity results.
#ifndef CROSSWIRE_CORE_ENTITIES_H_
#define CROSSWIRE_CORE_ENTITIES_H_

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "crosswire/types.h"
#include "data_pack.h"
#include "document.h"
#include "entities/aliases.h"
#include "mentions.h"

namespace crosswire {

class Gazetteer;
class NameMatcher;

// Words that join the parts of a name without being one ("of", "van", "al"), as the name matcher
// folds them.
using NameParticles = std::unordered_set<std::string>;

struct LinkedEntities {
  // Sorted deterministically (by first appearance in the id-sorted batch); ids "E1", "E2"...
  std::vector<EntityResult> entities;
  // For each document, its mentions (from the candidates), each with the id of its entity.
  std::vector<std::vector<Mention>> mentions;
};

class EntityLinker {
 public:
  // Loads the name particles (data pack "name_particles/<lang>.txt").
  static Result<std::unique_ptr<EntityLinker>> Create(const DataPack& data);

  // Links candidates to entities. `aliases` force merges (variants of one line are one entity)
  // and splits (names on different lines are never merged). The name comparisons run on `jobs`
  // threads; the merges, in a fixed order, on one: the result does not depend on `jobs`. The
  // candidates are consumed: their texts become the mentions'. Clears the matcher's key cache
  // (NameMatcher::ClearCache) once the names are compared.
  LinkedEntities Link(const std::vector<const Document*>& docs,
                      std::vector<std::vector<MentionCandidate>> candidates,
                      const std::vector<AliasEntry>& aliases, const Gazetteer& gazetteer,
                      NameMatcher& matcher, int jobs = 1) const;

 private:
  explicit EntityLinker(NameParticles particles) : particles_(std::move(particles)) {}
  NameParticles particles_;
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_H_
