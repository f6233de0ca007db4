// Entity linking: groups the mention candidates of a batch into entities across articles, languages
// and scripts, with a canonical name and every variant. The steps live in core/entities/ (see
// docs/ARCHITECTURE.md): aliases, mention nodes, name blocks, identity clusters, entity results.
#ifndef CROSSWIRE_CORE_ENTITIES_H_
#define CROSSWIRE_CORE_ENTITIES_H_

#include <memory>
#include <span>
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

// Linking in two calls, for a caller that scores the pairs of names elsewhere: the page's worker
// pool hands pieces of them to other workers, each with its own module (docs/ARCHITECTURE.md,
// "The page's worker pool"). EntityLinker::Begin runs the steps up to the scoring; the pieces are
// scored here (ScorePiece), or elsewhere from their tasks (PairTask, entities/pair_tasks.h) and
// given back (GiveScores); Finish scores the rest and links. The result is Link()'s, however the
// pairs were scored.
class LinkRun {
 public:
  ~LinkRun();
  LinkRun(const LinkRun&) = delete;
  LinkRun& operator=(const LinkRun&) = delete;

  // Piece `part` of `parts` of the pairs to score (pieces of about equal work, in order), as a
  // "crosswire-pairs/1" task for ScorePairTask.
  std::string PairTask(size_t part, size_t parts) const;
  // The scores ScorePairTask gave for PairTask(part, parts).
  Status GiveScores(size_t part, size_t parts, std::span<const double> scores);
  // Scores piece `part` of `parts` here, on `jobs` threads.
  void ScorePiece(size_t part, size_t parts, int jobs);
  // Scores the pairs not scored yet, then merges and makes the entities. Call once.
  LinkedEntities Finish(int jobs);

  struct State;

 private:
  friend class EntityLinker;
  explicit LinkRun(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
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
  // Link() up to the scoring of the pairs of names. `docs`' documents, `aliases`, `gazetteer` and
  // `matcher` must outlive the run.
  std::unique_ptr<LinkRun> Begin(const std::vector<const Document*>& docs,
                                 std::vector<std::vector<MentionCandidate>> candidates,
                                 const std::vector<AliasEntry>& aliases, const Gazetteer& gazetteer,
                                 NameMatcher& matcher, int jobs = 1) const;

 private:
  explicit EntityLinker(NameParticles particles) : particles_(std::move(particles)) {}
  NameParticles particles_;
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_H_
