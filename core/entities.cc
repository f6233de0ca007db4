// Entity linking (docs/ARCHITECTURE.md): the order of the merge steps and the rules of each, from
// sure identities to the most guarded guesses. What each mention brings is in
// entities/mention_nodes, which pairs of names meet in entities/name_blocks, and the output in
// entities/entity_results.
#include "entities.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "entities/corrections.h"
#include "entities/entity_results.h"
#include "entities/identity_clusters.h"
#include "entities/mention_nodes.h"
#include "entities/name_blocks.h"
#include "gazetteer.h"
#include "names.h"
#include "parallel.h"
#include "text/normalize.h"

namespace crosswire {
namespace {

// A partial name joins the batch's dominant full name when that name has at least this many
// mentions and this many times those of the next candidate (see DominantRoot).
constexpr size_t kDominantMentions = 3;
constexpr size_t kDominantRatio = 3;

// Distinct spellings (case-folded; transliterated for other scripts) -> their nodes.
using SpellingGroups = std::map<std::string, std::vector<size_t>>;

// Representatives of distinct spellings: each is compared with the others once. A one-part person
// name has one spelling group per article but a single representative, so that it is compared once
// however many articles use it.
struct Representatives {
  std::vector<size_t> reps;
  std::map<std::string, std::vector<std::vector<size_t>>> partial_groups;  // by global spelling
  std::unordered_map<size_t, std::string> partial_spelling;                // rep -> its key
};

// One-part names that abbreviate no full name: representative -> its spelling groups.
using Unresolved = std::unordered_map<size_t, std::vector<const std::vector<size_t>*>>;

// A pair of names that share a block and that some step below may compare, with the scores those
// steps ask the matcher for, computed beforehand on the thread pool (a score depends only on the
// two names). `similarity`: Similarity(lo, hi); `partial`: PartialSimilarity of the name with
// fewer content parts against the other. NaN where no step asks.
struct ScoredPair {
  size_t lo = 0, hi = 0;
  double similarity = std::numeric_limits<double>::quiet_NaN();
  double partial = std::numeric_limits<double>::quiet_NaN();
};

// The state the steps share: the nodes, the clusters they grow, the matcher that compares names.
struct Linking {
  const std::vector<MentionNode>& nodes;
  const std::vector<std::vector<size_t>>& node_of;  // [input doc][candidate] -> node
  IdentityClusters clusters;
  NameMatcher& matcher;

  std::vector<LinkEdge> edges;  // the merges made, in order, and why

  // Merges the clusters of a and b unless their identities conflict; records why.
  bool Join(size_t a, size_t b, LinkRule rule, double score = 1) {
    if (clusters.Find(a) == clusters.Find(b)) return true;
    if (!clusters.Merge(a, b)) return false;
    edges.push_back({a, b, rule, score});
    return true;
  }

  void MergeSameIdentity();
  void MergeAcronymExpansions();
  SpellingGroups MergeSameSpellings();
  std::vector<ScoredPair> ScorePairs(const NameBlocks& blocks, int jobs) const;
  void MergeMatchingFullNames(const std::vector<ScoredPair>& pairs);
  Unresolved JoinPartialNames(const std::vector<ScoredPair>& pairs, const Representatives& reps);
  void JoinShorterPersonNames(const std::vector<ScoredPair>& pairs);
  void MergeUnresolved(const std::vector<ScoredPair>& pairs, const Unresolved& unresolved);
  // Whether a one-word name may join another by a similar spelling (steps 4 and 6): when only one
  // side has an identity (a gazetteer or alias name), the spellings must be near-identical. The
  // known names of a place come from CLDR and the aliases in every language; a one-word name that
  // merely resembles one is more often another place (Русе, a Bulgarian city, is not Russia's
  // Rusi; Ruše, a Slovenian town, neither).
  bool FuzzyJoinAllowed(size_t a, size_t b, double similarity) {
    if (nodes[a].content_parts > 1 || nodes[b].content_parts > 1) return true;
    if (clusters.KeyOf(a).empty() == clusters.KeyOf(b).empty()) return true;
    return similarity >= kNearIdentical;
  }
  static constexpr double kNearIdentical = 0.95;
  double Similarity(const ScoredPair& p) const {
    return std::isnan(p.similarity) ? matcher.Similarity(*nodes[p.lo].key, *nodes[p.hi].key)
                                    : p.similarity;
  }
};

// 1. The same identity key: one entity.
void Linking::MergeSameIdentity() {
  std::map<std::string, size_t> first;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].identity.empty()) continue;
    auto [it, inserted] = first.emplace(nodes[i].identity, i);
    if (!inserted) Join(it->second, i, LinkRule::kKnownName);
  }
}

// 2. An acronym and the expansion its article defines.
void Linking::MergeAcronymExpansions() {
  for (size_t i = 0; i < nodes.size(); ++i) {
    const MentionCandidate& c = *nodes[i].candidate;
    if (c.expansion_of < 0) continue;
    const auto& doc_nodes = node_of[nodes[i].input_doc];
    if (static_cast<size_t>(c.expansion_of) < doc_nodes.size()) {
      Join(i, doc_nodes[c.expansion_of],
           c.is_acronym ? LinkRule::kAbbreviation : LinkRule::kStated);
    }
  }
}

// The spelling group of a node: a one-part person name is grouped per article ("Smith" may be John
// Smith in one article and Jane Smith in another; step 5 decides).
std::string SpellingGroup(const MentionNode& n) {
  const NameKey& key = *n.key;
  if (n.candidate->is_acronym || key.parts.empty()) return "t:" + CaseFold(n.candidate->text);
  std::string group = "p:" + key.skeleton + "|" + key.latin;
  if (IsPartialName(n)) group += "|d" + std::to_string(n.doc);
  return group;
}

// 3. The same spelling, type permitting. Distinct spellings are compared once each from here on.
SpellingGroups Linking::MergeSameSpellings() {
  SpellingGroups by_spelling;
  for (size_t i = 0; i < nodes.size(); ++i) by_spelling[SpellingGroup(nodes[i])].push_back(i);
  for (const auto& [spelling, members] : by_spelling) {
    for (size_t k = 1; k < members.size(); ++k) {
      if (TypesCompatible(*nodes[members[0]].candidate, *nodes[members[k]].candidate)) {
        Join(members[0], members[k], LinkRule::kSameSpelling);
      }
    }
  }
  return by_spelling;
}

// Acronyms are left out: they are tied only by text and expansions.
Representatives ChooseRepresentatives(const std::vector<MentionNode>& nodes,
                                      const SpellingGroups& by_spelling) {
  Representatives out;
  for (const auto& [spelling, members] : by_spelling) {
    const MentionNode& first = nodes[members[0]];
    if (first.candidate->is_acronym || first.key->parts.empty()) continue;
    if (!IsPartialName(first)) {
      out.reps.push_back(members[0]);
      continue;
    }
    std::string global = first.key->skeleton + "|" + first.key->latin;
    auto& groups = out.partial_groups[global];
    if (groups.empty()) {
      out.reps.push_back(members[0]);
      out.partial_spelling[members[0]] = global;
    }
    groups.push_back(members);
  }
  return out;
}

// Which of the steps 4 to 6 may compare names a and b: each step's own conditions that do not
// depend on the merges before it (the steps check them again).
bool IsOrgOrPlace(const MentionCandidate& c) {
  return c.type == EntityType::kOrg || c.type == EntityType::kPlace;
}
bool ForFullNames(const std::vector<MentionNode>& nodes, const NameBlocks& blocks, size_t a,
                  size_t b) {
  return (nodes[a].content_parts <= 1) == (nodes[b].content_parts <= 1) &&
         !IsPartialName(nodes[a]) && !IsPartialName(nodes[b]) &&
         TypesCompatible(*nodes[a].candidate, *nodes[b].candidate) && blocks.PartsCouldPair(a, b);
}
bool SpelledAsAPart(const NameKey& partial, const NameKey& full);
bool ForPartialName(const std::vector<MentionNode>& nodes, size_t partial, size_t full) {
  return IsPartialName(nodes[partial]) && nodes[full].content_parts >= 2 &&
         TypesCompatible(*nodes[partial].candidate, *nodes[full].candidate) &&
         SpelledAsAPart(*nodes[partial].key, *nodes[full].key);
}
bool ForShorterPerson(const MentionNode& ns, const MentionNode& nl) {
  return ns.content_parts >= 2 && nl.content_parts > ns.content_parts &&
         ns.candidate->type == EntityType::kPerson && nl.candidate->type == EntityType::kPerson &&
         ns.identity.empty() && nl.identity.empty();
}
bool ForUnresolved(const std::vector<MentionNode>& nodes, size_t a, size_t b) {
  return IsPartialName(nodes[a]) && IsPartialName(nodes[b]) &&
         TypesCompatible(*nodes[a].candidate, *nodes[b].candidate);
}

// The pairs of ForEachPair that some step may compare, in its order, with their scores. Blocks are
// scored on the pool, each into its own list; the lists are joined in block order.
std::vector<ScoredPair> Linking::ScorePairs(const NameBlocks& blocks, int jobs) const {
  std::vector<std::vector<ScoredPair>> by_block(blocks.block_count());
  ParallelFor(jobs, blocks.block_count(), [&](size_t block, int) {
    blocks.ForEachPairIn(block, [&](size_t a, size_t b) {
      const bool full = ForFullNames(nodes, blocks, a, b);
      const bool unresolved = ForUnresolved(nodes, a, b);
      const size_t fewer = nodes[a].content_parts > nodes[b].content_parts ? b : a;
      const size_t more = fewer == a ? b : a;
      const bool partial =
          (nodes[a].content_parts != nodes[b].content_parts) &&
          (ForPartialName(nodes, fewer, more) || ForShorterPerson(nodes[fewer], nodes[more]));
      if (!full && !unresolved && !partial) return;
      ScoredPair p{a, b};
      if (full || unresolved) p.similarity = matcher.Similarity(*nodes[a].key, *nodes[b].key);
      if (partial) p.partial = matcher.PartialSimilarity(*nodes[fewer].key, *nodes[more].key);
      by_block[block].push_back(p);
    });
  });
  std::vector<ScoredPair> pairs;
  for (std::vector<ScoredPair>& list : by_block) {
    pairs.insert(pairs.end(), list.begin(), list.end());
    std::vector<ScoredPair>().swap(list);
  }
  return pairs;
}

// 4. Full names that match as wholes: same number of content parts (a middle name aside). Matches
//    chain (A ~ B ~ C while A !~ C): a link also needs the two entities' most complete names to be
//    alike, so one spelling in between cannot join two different people.
void Linking::MergeMatchingFullNames(const std::vector<ScoredPair>& pairs) {
  constexpr double kChainFloor = 0.7;
  std::unordered_map<size_t, size_t> fullest;  // cluster root -> node with the most parts
  auto fullest_of = [&](size_t x) {
    auto it = fullest.find(clusters.Find(x));
    return it == fullest.end() ? x : it->second;
  };
  for (const ScoredPair& pair : pairs) {
    const size_t a = pair.lo, b = pair.hi;
    const MentionNode& na = nodes[a];
    const MentionNode& nb = nodes[b];
    // ForFullNames: the same number of parts (one, or several), no partial name (step 5 first),
    // compatible types, parts that could pair.
    if (std::isnan(pair.similarity) || IsPartialName(na) || IsPartialName(nb)) continue;
    if ((na.content_parts <= 1) != (nb.content_parts <= 1)) continue;
    // A word more in an organisation's or a place's name is another name, not a middle name:
    // "European Health Union" is not the European Union.
    if (na.content_parts != nb.content_parts && na.candidate->type != EntityType::kPerson &&
        nb.candidate->type != EntityType::kPerson &&
        (IsOrgOrPlace(*na.candidate) || IsOrgOrPlace(*nb.candidate))) {
      continue;
    }
    if (!clusters.CanMerge(a, b)) continue;
    if (clusters.Find(a) == clusters.Find(b)) continue;
    if (pair.similarity < NameMatcher::kSameThreshold) continue;
    if (!FuzzyJoinAllowed(a, b, pair.similarity)) continue;
    const size_t fa = fullest_of(a), fb = fullest_of(b);
    if ((fa != a || fb != b) && matcher.Similarity(*nodes[fa].key, *nodes[fb].key) < kChainFloor) {
      continue;
    }
    const size_t keep = nodes[fb].content_parts > nodes[fa].content_parts ? fb : fa;
    Join(a, b, LinkRule::kSimilar, pair.similarity);
    fullest[clusters.Find(a)] = keep;
  }
}

// Written in the same script, a one-word name stands for a full name only when it is spelled as
// one of its parts: spellings that merely sound alike are different names there ("Moderna" is no
// part of "Krzysztof Materna"). Across scripts, transliteration differs, and the matcher decides.
bool SpelledAsAPart(const NameKey& partial, const NameKey& full) {
  if (partial.script != full.script || partial.parts.empty()) return true;
  return std::find(full.parts.begin(), full.parts.end(), partial.parts.front()) != full.parts.end();
}

// The full name a partial name means in an article that names none of its candidates: the one
// the batch mentions far more than every other ("Putin" is Vladimir Putin when the batch's other
// names ending so are rare), or none. Two people who share a surname and are both prominent stay
// apart; an article that names one of them in full decides for itself (above).
std::optional<size_t> DominantRoot(const std::set<size_t>& roots,
                                   const std::map<size_t, size_t>& mentions_of_root) {
  size_t best = 0, best_count = 0, second_count = 0;
  for (size_t root : roots) {
    auto it = mentions_of_root.find(root);
    const size_t count = it == mentions_of_root.end() ? 0 : it->second;
    if (count > best_count) {
      second_count = best_count;
      best_count = count;
      best = root;
    } else {
      second_count = std::max(second_count, count);
    }
  }
  if (best_count < kDominantMentions || best_count < kDominantRatio * second_count)
    return std::nullopt;
  return best;
}

// A short one-word name (two consonant classes: "Sene", "Bela", "Лайен") has few letters to tell
// it from a part of another name ("San Diego", "Білл"): it must be spelled nearly as that part.
double PartialThreshold(const NameKey& partial) {
  constexpr double kShortPartialThreshold = 0.95;
  const std::string_view skeleton = partial.skeleton;
  return BlockKey(skeleton.substr(0, skeleton.find(' ')), false, 3).size() < 3
             ? kShortPartialThreshold
             : NameMatcher::kPartialThreshold;
}

// 5. Partial names (one part: "Ahmadian", "อาหมัดเดียน") join the full name they abbreviate when
//    exactly one entity of the batch has such a full name; when several do, one in the same
//    article decides; otherwise the partial name stays on its own (returned, for step 6).
Unresolved Linking::JoinPartialNames(const std::vector<ScoredPair>& pairs,
                                     const Representatives& reps) {
  std::map<size_t, std::set<size_t>> partial_targets;  // partial rep -> full reps
  std::map<size_t, double> partial_score;              // partial rep -> its best match
  for (const ScoredPair& pair : pairs) {
    size_t partial = pair.lo, full = pair.hi;
    if (nodes[partial].content_parts > 1) std::swap(partial, full);
    if (std::isnan(pair.partial) || !ForPartialName(nodes, partial, full)) continue;
    if (pair.partial >= PartialThreshold(*nodes[partial].key)) {
      partial_targets[partial].insert(full);
      partial_score[partial] = std::max(partial_score[partial], pair.partial);
    }
  }
  std::vector<std::vector<size_t>> nodes_in_doc(node_of.size());
  for (size_t i = 0; i < nodes.size(); ++i) nodes_in_doc[nodes[i].doc].push_back(i);
  // How often each full name is mentioned before these joins, and those that read as a person's:
  // a title or honorific says so ("President Vladimir Putin"), or words apart, not a compound.
  // Only such a name may claim a surname by dominance, not a hyphenated pair of capitalised words
  // that merely looks like one ("Pfizer-BioNTech").
  std::map<size_t, size_t> mentions_of_root;
  std::set<size_t> vouched_people;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const size_t root = clusters.Find(i);
    ++mentions_of_root[root];
    const MentionCandidate& c = *nodes[i].candidate;
    const bool words_apart =
        c.text.find(' ') != std::string::npos && c.text.find('-') == std::string::npos;
    if (c.type == EntityType::kPerson && (!c.cue.empty() || words_apart)) {
      vouched_people.insert(root);
    }
  }
  Unresolved unresolved;
  for (size_t rep : reps.reps) {
    auto spelling = reps.partial_spelling.find(rep);
    if (spelling == reps.partial_spelling.end()) continue;
    std::set<size_t> roots;
    if (auto targets = partial_targets.find(rep); targets != partial_targets.end()) {
      for (size_t f : targets->second) roots.insert(clusters.Find(f));
    }
    for (const std::vector<size_t>& group : reps.partial_groups.at(spelling->second)) {
      std::optional<size_t> target;
      if (roots.size() == 1) {
        target = *roots.begin();
      } else if (roots.size() > 1) {
        // Ambiguous in the batch: the article's own full names decide.
        std::set<size_t> local;
        for (size_t other : nodes_in_doc[nodes[group[0]].doc]) {
          size_t root = clusters.Find(other);
          if (roots.count(root)) local.insert(root);
        }
        if (local.size() == 1) {
          target = *local.begin();
        } else if (nodes[group[0]].candidate->type != EntityType::kOrg &&
                   nodes[group[0]].candidate->type != EntityType::kPlace) {
          // A one-word organisation or place name is no surname; an untyped one may be (a surname
          // at a title's end: "..., uvedl Borrell"). Among the article's own candidates when it has
          // several, else among the batch's.
          target = DominantRoot(local.empty() ? roots : local, mentions_of_root);
          if (target && vouched_people.count(*target) == 0) target.reset();
        }
      }
      if (target) {
        const double target_score = partial_score.count(rep) ? partial_score[rep] : 1.0;
        for (size_t m : group) Join(m, *target, LinkRule::kPartOf, target_score);
      } else {
        unresolved[rep].push_back(&group);
      }
    }
  }
  return unresolved;
}

// 5b. A person named without the first name ("Gennadievich Khrenin", "Reza Ashtiani") joins the
//     longer name it ends like ("Viktor Gennadievich Khrenin") when exactly one entity of the
//     batch has such a name. Only people: "Security Council" is not "Supreme National Security
//     Council".
void Linking::JoinShorterPersonNames(const std::vector<ScoredPair>& pairs) {
  std::map<size_t, double> shorter_score;  // node -> its best match among the longer names
  std::map<size_t, std::set<size_t>> shorter_targets;  // node -> roots of the longer names
  for (const ScoredPair& pair : pairs) {
    size_t shorter = pair.lo, longer = pair.hi;
    if (nodes[shorter].content_parts > nodes[longer].content_parts) std::swap(shorter, longer);
    if (std::isnan(pair.partial) || !ForShorterPerson(nodes[shorter], nodes[longer])) continue;
    if (pair.partial < NameMatcher::kPartialThreshold) continue;
    shorter_targets[shorter].insert(clusters.Find(longer));
    shorter_score[shorter] = std::max(shorter_score[shorter], pair.partial);
  }
  for (const auto& [shorter, roots] : shorter_targets) {
    if (roots.size() != 1 || clusters.Find(shorter) == *roots.begin()) continue;
    if (clusters.CanMerge(shorter, *roots.begin())) {
      Join(shorter, *roots.begin(), LinkRule::kPartOf, shorter_score.at(shorter));
    }
  }
}

// 6. One-part names that abbreviate no full name: the same or a matching spelling is one entity
//    across articles and scripts ("Madonna", "มาดอนน่า").
void Linking::MergeUnresolved(const std::vector<ScoredPair>& pairs, const Unresolved& unresolved) {
  for (const auto& [rep, groups] : unresolved) {
    for (const std::vector<size_t>* group : groups)
      Join((*groups.front())[0], (*group)[0], LinkRule::kSameSpelling);
  }
  for (const ScoredPair& pair : pairs) {
    auto ua = unresolved.find(pair.lo), ub = unresolved.find(pair.hi);
    if (ua == unresolved.end() || ub == unresolved.end()) continue;
    if (!TypesCompatible(*nodes[pair.lo].candidate, *nodes[pair.hi].candidate)) continue;
    const double similarity = Similarity(pair);
    if (similarity >= NameMatcher::kSameThreshold &&
        FuzzyJoinAllowed(pair.lo, pair.hi, similarity)) {
      Join((*ua->second.front())[0], (*ub->second.front())[0], LinkRule::kSimilar, similarity);
    }
  }
}

}  // namespace

Result<std::unique_ptr<EntityLinker>> EntityLinker::Create(const DataPack& data) {
  NameParticles particles;
  for (const DataFile& file : data.List("name_particles/")) {
    if (!file.path.ends_with(".txt")) continue;
    for (std::string_view line : DataLines(file.contents)) particles.emplace(line);
  }
  if (particles.empty()) {
    return Status(StatusCode::kDataError, "the data pack has no name_particles/*.txt lists");
  }
  return std::unique_ptr<EntityLinker>(new EntityLinker(std::move(particles)));
}

LinkedEntities EntityLinker::Link(const std::vector<const Document*>& docs,
                                  const std::vector<std::vector<MentionCandidate>>& candidates,
                                  const std::vector<AliasEntry>& aliases,
                                  const Gazetteer& gazetteer, NameMatcher& matcher,
                                  int jobs) const {
  const Corrections corrections = ResolveCorrections(aliases);
  const MentionNodes mentions = BuildMentionNodes(docs, candidates, corrections.entities, gazetteer,
                                                  matcher, particles_, jobs);
  const std::vector<MentionNode>& nodes = mentions.nodes;
  Linking linking{nodes, mentions.node_of, IdentityClusters(nodes.size()), matcher, {}};
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!nodes[i].identity.empty()) linking.clusters.SetKey(i, nodes[i].identity);
  }
  KeepApart(corrections, nodes, linking.clusters);
  linking.MergeSameIdentity();
  linking.MergeAcronymExpansions();
  const Representatives reps = ChooseRepresentatives(nodes, linking.MergeSameSpellings());
  std::vector<BlockedName> names;
  for (size_t r : reps.reps) names.push_back({r, nodes[r].key->skeleton});
  const std::vector<ScoredPair> pairs = linking.ScorePairs(NameBlocks(names), jobs);
  linking.MergeMatchingFullNames(pairs);
  const Unresolved unresolved = linking.JoinPartialNames(pairs, reps);
  linking.JoinShorterPersonNames(pairs);
  linking.MergeUnresolved(pairs, unresolved);
  return CollectEntities(docs, nodes, linking.clusters, linking.edges, jobs);
}

}  // namespace crosswire
