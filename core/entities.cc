// Entity linking (docs/ARCHITECTURE.md): the order of the merge steps and the rules of each, from
// sure identities to the most guarded guesses. What each mention brings is in
// entities/mention_nodes, which pairs of names meet in entities/name_blocks, and the output in
// entities/entity_results.
#include "entities.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>
#include <utility>

#include "entities/corrections.h"
#include "entities/entity_results.h"
#include "entities/grouped.h"
#include "entities/identity_clusters.h"
#include "entities/mention_nodes.h"
#include "entities/name_blocks.h"
#include "entities/pair_tasks.h"
#include "gazetteer.h"
#include "names.h"
#include "names/part_scores.h"
#include "parallel.h"
#include "text/normalize.h"

namespace crosswire {
namespace {

// A partial name joins the batch's dominant full name when that name has at least this many
// mentions and this many times those of the next candidate (see DominantRoot).
constexpr size_t kDominantMentions = 3;
constexpr size_t kDominantRatio = 3;

// Distinct spellings (case-folded; transliterated for other scripts), ordered by spelling, each
// with its nodes in node order.
using SpellingGroups = Grouped;

// Representatives of distinct spellings: each is compared with the others once. A one-part person
// name has one spelling group per article but a single representative, so that it is compared once
// however many articles use it.
struct Representatives {
  std::vector<size_t> reps;
  // The spelling groups of each one-part name's spelling in the whole batch ("family"), in order.
  std::vector<std::vector<uint32_t>> partial_groups;
  std::unordered_map<size_t, uint32_t> partial_family;  // rep -> its family
};

// One-part names that abbreviate no full name: representative -> its spelling groups.
using Unresolved = std::unordered_map<size_t, std::vector<uint32_t>>;

// The state the steps share: the nodes, the clusters they grow, the matcher that compares names.
struct Linking {
  const MentionNodes& mentions;
  const std::vector<MentionNode>& nodes;
  const std::vector<std::vector<MentionCandidate>>& candidates;  // [input doc][candidate]
  IdentityClusters clusters;
  NameMatcher& matcher;

  std::vector<LinkEdge> edges;  // the merges made, in order, and why
  SpellingGroups spellings;     // made by MergeSameSpellings

  // Merges the clusters of a and b unless their identities conflict; records why.
  bool Join(size_t a, size_t b, LinkRule rule, double score = 1) {
    if (clusters.Find(a) == clusters.Find(b)) return true;
    if (!clusters.Merge(a, b)) return false;
    edges.push_back({static_cast<uint32_t>(a), static_cast<uint32_t>(b), rule, score});
    return true;
  }

  void MergeSameIdentity();
  void MergeAcronymExpansions();
  void MergeSameSpellings();
  PendingPairs FindPairs(const NameBlocks& blocks, int jobs) const;
  void ScorePairs(PendingPairs& pending, size_t begin, size_t end, int jobs) const;
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
    if ((clusters.KeyOf(a) == 0) == (clusters.KeyOf(b) == 0)) return true;
    return similarity >= kNearIdentical;
  }
  static constexpr double kNearIdentical = 0.95;
  // Whether two one-word names that match only as spellings begin with other consonants ("Варни"
  // and "Brně", "Видин" and "Biden"): the same one-word name keeps its first consonant across
  // scripts far more often than not (NameMatcher::PartialSimilarity counts it the same way).
  bool OtherFirstSound(const ScoredPair& p) const {
    const NameKey& a = *nodes[p.lo].key;
    const NameKey& b = *nodes[p.hi].key;
    if (a.content.size() != 1 || b.content.size() != 1) return false;
    return names::OtherFirstConsonant(a.sounds[a.content[0]], b.sounds[b.content[0]]);
  }
  double Similarity(const ScoredPair& p) const {
    return std::isnan(p.similarity) ? matcher.Similarity(*nodes[p.lo].key, *nodes[p.hi].key)
                                    : p.similarity;
  }
};

// 1. The same identity key: one entity.
void Linking::MergeSameIdentity() {
  constexpr size_t kNone = static_cast<size_t>(-1);
  std::vector<size_t> first(mentions.identity_count + 1, kNone);  // identity -> its first node
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].identity == 0) continue;
    size_t& node = first[nodes[i].identity];
    if (node == kNone) {
      node = i;
    } else {
      Join(node, i, LinkRule::kKnownName);
    }
  }
}

// 2. An acronym and the expansion its article defines.
void Linking::MergeAcronymExpansions() {
  for (size_t i = 0; i < nodes.size(); ++i) {
    const MentionCandidate& c = *nodes[i].candidate;
    if (c.expansion_of < 0) continue;
    const size_t d = nodes[i].input_doc;
    if (static_cast<size_t>(c.expansion_of) < candidates[d].size()) {
      Join(i, mentions.NodeOf(d, c.expansion_of),
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

// Groups the nodes by SpellingGroup, groups ordered by their spelling. Each spelling is kept once.
SpellingGroups GroupSpellings(const std::vector<MentionNode>& nodes) {
  std::unordered_map<std::string, uint32_t> group_of_spelling;
  std::vector<const std::string*> spelling_of;  // provisional group -> its spelling
  std::vector<uint32_t> group_of(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    auto [it, inserted] = group_of_spelling.try_emplace(SpellingGroup(nodes[i]),
                                                        static_cast<uint32_t>(spelling_of.size()));
    if (inserted) spelling_of.push_back(&it->first);
    group_of[i] = it->second;
  }
  std::vector<uint32_t> order(spelling_of.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return *spelling_of[a] < *spelling_of[b]; });
  std::vector<uint32_t> rank(order.size());
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  return GroupItems(order.size(), [&](auto&& add) {
    for (uint32_t i = 0; i < group_of.size(); ++i) add(rank[group_of[i]], i);
  });
}

// 3. The same spelling, type permitting. Distinct spellings are compared once each from here on.
void Linking::MergeSameSpellings() {
  spellings = GroupSpellings(nodes);
  for (size_t g = 0; g < spellings.size(); ++g) {
    const std::span<const uint32_t> members = spellings.Of(g);
    for (size_t k = 1; k < members.size(); ++k) {
      if (TypesCompatible(*nodes[members[0]].candidate, *nodes[members[k]].candidate)) {
        Join(members[0], members[k], LinkRule::kSameSpelling);
      }
    }
  }
  // An acronym written with one capital ("Nato", "Nijz", "Unesco") is the acronym in capitals
  // that the batch writes too: one word, the same letters.
  std::unordered_map<std::string, uint32_t> acronyms;  // case-folded text -> a node
  for (size_t g = 0; g < spellings.size(); ++g) {
    const uint32_t first = spellings.Of(g)[0];
    if (nodes[first].candidate->is_acronym) {
      acronyms.try_emplace(CaseFold(nodes[first].candidate->text), first);
    }
  }
  for (size_t g = 0; g < spellings.size() && !acronyms.empty(); ++g) {
    const uint32_t first = spellings.Of(g)[0];
    const MentionCandidate& c = *nodes[first].candidate;
    if (c.is_acronym || c.text.find(' ') != std::string::npos) continue;
    auto acronym = acronyms.find(CaseFold(c.text));
    if (acronym != acronyms.end() && TypesCompatible(*nodes[acronym->second].candidate, c)) {
      Join(acronym->second, first, LinkRule::kSameSpelling);
    }
  }
}

// Acronyms are left out: they are tied only by text and expansions.
Representatives ChooseRepresentatives(const std::vector<MentionNode>& nodes,
                                      const SpellingGroups& spellings) {
  Representatives out;
  std::unordered_map<std::string, uint32_t> family_of;  // global spelling -> family
  for (size_t g = 0; g < spellings.size(); ++g) {
    const size_t rep = spellings.Of(g)[0];
    const MentionNode& first = nodes[rep];
    if (first.candidate->is_acronym || first.key->parts.empty()) continue;
    if (!IsPartialName(first)) {
      out.reps.push_back(rep);
      continue;
    }
    auto [family, inserted] =
        family_of.try_emplace(first.key->skeleton + "|" + first.key->latin,
                              static_cast<uint32_t>(out.partial_groups.size()));
    if (inserted) {
      out.partial_groups.emplace_back();
      out.reps.push_back(rep);
      out.partial_family[rep] = family->second;
    }
    out.partial_groups[family->second].push_back(static_cast<uint32_t>(g));
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
// A compound of capitalised words joined by hyphens and not a person's ("Pfizer-BioNTech",
// "Austria-Hungary"): its parts are names of their own, not short forms of it.
bool IsCompoundOfNames(const MentionCandidate& c) {
  return c.type != EntityType::kPerson && c.text.find(' ') == std::string::npos &&
         c.text.find('-') != std::string::npos;
}
bool ForPartialName(const std::vector<MentionNode>& nodes, size_t partial, size_t full) {
  return IsPartialName(nodes[partial]) && nodes[full].content_parts >= 2 &&
         !IsCompoundOfNames(*nodes[full].candidate) &&
         TypesCompatible(*nodes[partial].candidate, *nodes[full].candidate) &&
         SpelledAsAPart(*nodes[partial].key, *nodes[full].key);
}
bool ForShorterPerson(const MentionNode& ns, const MentionNode& nl) {
  return ns.content_parts >= 2 && nl.content_parts > ns.content_parts &&
         ns.candidate->type == EntityType::kPerson && nl.candidate->type == EntityType::kPerson &&
         ns.identity == 0 && nl.identity == 0;
}
bool ForUnresolved(const std::vector<MentionNode>& nodes, size_t a, size_t b) {
  return IsPartialName(nodes[a]) && IsPartialName(nodes[b]) &&
         TypesCompatible(*nodes[a].candidate, *nodes[b].candidate);
}

// The pairs of ForEachPair that some step may compare, in its order, each with what it asks for
// (`asks`, beside it), not yet scored. Blocks are searched on the pool, each into its own list;
// the lists are joined in block order.
PendingPairs Linking::FindPairs(const NameBlocks& blocks, int jobs) const {
  std::vector<PendingPairs> by_block(blocks.block_count());
  ParallelFor(jobs, blocks.block_count(), [&](size_t block, int) {
    PendingPairs& found = by_block[block];
    blocks.ForEachPairIn(block, [&](size_t a, size_t b) {
      const bool full = ForFullNames(nodes, blocks, a, b);
      const bool unresolved = ForUnresolved(nodes, a, b);
      const size_t fewer = nodes[a].content_parts > nodes[b].content_parts ? b : a;
      const size_t more = fewer == a ? b : a;
      const bool partial =
          (nodes[a].content_parts != nodes[b].content_parts) &&
          (ForPartialName(nodes, fewer, more) || ForShorterPerson(nodes[fewer], nodes[more]));
      if (!full && !unresolved && !partial) return;
      uint8_t asks = 0;
      if (full || unresolved) asks |= kAskSimilarity;
      if (partial) asks |= kAskPartial | (fewer == b ? kPartialFromHi : 0);
      found.pairs.push_back({static_cast<uint32_t>(a), static_cast<uint32_t>(b)});
      found.asks.push_back(asks);
    });
  });
  size_t total = 0;
  for (const PendingPairs& list : by_block) total += list.pairs.size();
  PendingPairs out;
  out.pairs.reserve(total);
  out.asks.reserve(total);
  for (PendingPairs& list : by_block) {
    out.pairs.insert(out.pairs.end(), list.pairs.begin(), list.pairs.end());
    out.asks.insert(out.asks.end(), list.asks.begin(), list.asks.end());
    list = {};
  }
  return out;
}

// Scores the pairs [begin, end) that are not scored yet, on the pool in runs of pairs (neighbours
// share parts: each thread keeps its part scores in a cache of its own).
void Linking::ScorePairs(PendingPairs& pending, size_t begin, size_t end, int jobs) const {
  constexpr size_t kRun = 2048;
  end = std::min(end, pending.pairs.size());
  if (begin >= end) return;
  const size_t runs = (end - begin + kRun - 1) / kRun;
  std::vector<PartScoreCache> caches(
      static_cast<size_t>(std::max(1, std::min<int>(jobs, static_cast<int>(runs)))));
  ParallelFor(jobs, runs, [&](size_t run, int worker) {
    PartScoreCache* cache = &caches[static_cast<size_t>(worker)];
    for (size_t i = begin + run * kRun; i < std::min(end, begin + (run + 1) * kRun); ++i) {
      if (pending.asks[i] & kScored) continue;
      ScoredPair& p = pending.pairs[i];
      ScorePair(matcher, *nodes[p.lo].key, *nodes[p.hi].key, pending.asks[i], cache, p);
      pending.asks[i] |= kScored;
    }
  });
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
                                   const std::vector<uint32_t>& mentions_of_root) {
  size_t best = 0, best_count = 0, second_count = 0;
  for (size_t root : roots) {
    const size_t count = mentions_of_root[root];
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
  // The nodes of one document: consecutive, documents in id order.
  auto nodes_in_doc = [&](uint32_t doc) {
    auto before = [](const MentionNode& n, uint32_t d) { return n.doc < d; };
    const auto first = std::lower_bound(nodes.begin(), nodes.end(), doc, before);
    const auto end = std::lower_bound(first, nodes.end(), doc + 1, before);
    return std::make_pair(static_cast<size_t>(first - nodes.begin()),
                          static_cast<size_t>(end - nodes.begin()));
  };
  // How often each full name is mentioned before these joins, and those that read as a person's:
  // a title or honorific says so ("President Vladimir Putin"), or words apart, not a compound.
  // Only such a name may claim a surname by dominance, not a hyphenated pair of capitalised words
  // that merely looks like one ("Pfizer-BioNTech").
  std::vector<uint32_t> mentions_of_root(nodes.size(), 0);
  std::vector<bool> vouched_people(nodes.size(), false);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const size_t root = clusters.Find(i);
    ++mentions_of_root[root];
    const MentionCandidate& c = *nodes[i].candidate;
    const bool words_apart =
        c.text.find(' ') != std::string::npos && c.text.find('-') == std::string::npos;
    if (c.type == EntityType::kPerson && (!c.cue.empty() || words_apart)) {
      vouched_people[root] = true;
    }
  }
  Unresolved unresolved;
  for (size_t rep : reps.reps) {
    auto family = reps.partial_family.find(rep);
    if (family == reps.partial_family.end()) continue;
    std::set<size_t> roots;
    if (auto targets = partial_targets.find(rep); targets != partial_targets.end()) {
      for (size_t f : targets->second) roots.insert(clusters.Find(f));
    }
    for (const uint32_t g : reps.partial_groups[family->second]) {
      const std::span<const uint32_t> group = spellings.Of(g);
      std::optional<size_t> target;
      if (roots.size() == 1) {
        target = *roots.begin();
      } else if (roots.size() > 1) {
        // Ambiguous in the batch: the article's own full names decide.
        std::set<size_t> local;
        const auto [first, end] = nodes_in_doc(nodes[group[0]].doc);
        for (size_t other = first; other < end; ++other) {
          size_t root = clusters.Find(other);
          if (roots.count(root)) local.insert(root);
        }
        if (local.size() == 1) {
          target = *local.begin();
        } else if (!IsOrgOrPlace(*nodes[group[0]].candidate) ||
                   nodes[group[0]].candidate->type_confidence < 0.5f) {
          // A one-word organisation or place name is no surname; an untyped one may be (a surname
          // at a title's end: "..., uvedl Borrell"), and so may one whose type is a guess (below
          // 0.5: the tagger read "Putin" as a place in 16 of the Slavic news' `xtopic` articles,
          // which stayed apart from Vladimir Putin; person linking recall there 0.472 -> 0.556).
          // Among the article's own candidates when it has several, else among the batch's.
          target = DominantRoot(local.empty() ? roots : local, mentions_of_root);
          if (target && !vouched_people[*target]) target.reset();
        }
      }
      if (target) {
        const double target_score = partial_score.count(rep) ? partial_score[rep] : 1.0;
        for (size_t m : group) Join(m, *target, LinkRule::kPartOf, target_score);
      } else {
        unresolved[rep].push_back(g);
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
    for (const uint32_t group : groups) {
      Join(spellings.Of(groups.front())[0], spellings.Of(group)[0], LinkRule::kSameSpelling);
    }
  }
  for (const ScoredPair& pair : pairs) {
    auto ua = unresolved.find(pair.lo), ub = unresolved.find(pair.hi);
    if (ua == unresolved.end() || ub == unresolved.end()) continue;
    if (!TypesCompatible(*nodes[pair.lo].candidate, *nodes[pair.hi].candidate)) continue;
    const double similarity = Similarity(pair);
    if (similarity >= NameMatcher::kSameThreshold && !OtherFirstSound(pair) &&
        FuzzyJoinAllowed(pair.lo, pair.hi, similarity)) {
      Join(spellings.Of(ua->second.front())[0], spellings.Of(ub->second.front())[0],
           LinkRule::kSimilar, similarity);
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

// What linking holds between Begin() and Finish(): everything up to the scoring of the pairs.
struct LinkRun::State {
  std::vector<const Document*> docs;
  std::vector<std::vector<MentionCandidate>> candidates;
  MentionNodes mentions;
  std::optional<Linking> linking;
  std::optional<Representatives> reps;
  PendingPairs pending;
};

LinkRun::LinkRun(std::unique_ptr<State> state) : state_(std::move(state)) {}
LinkRun::~LinkRun() = default;

std::unique_ptr<LinkRun> EntityLinker::Begin(const std::vector<const Document*>& docs,
                                             std::vector<std::vector<MentionCandidate>> candidates,
                                             const std::vector<AliasEntry>& aliases,
                                             const Gazetteer& gazetteer, NameMatcher& matcher,
                                             int jobs) const {
  auto state = std::make_unique<LinkRun::State>();
  state->docs = docs;
  state->candidates = std::move(candidates);
  const Corrections corrections = ResolveCorrections(aliases);
  state->mentions = BuildMentionNodes(docs, state->candidates, corrections.entities, gazetteer,
                                      matcher, particles_, jobs);
  const std::vector<MentionNode>& nodes = state->mentions.nodes;
  ReleaseFreedMemory();  // what the identities' lookups freed on the pool
  Linking& linking = state->linking.emplace(Linking{state->mentions, nodes, state->candidates,
                                                    IdentityClusters(nodes.size()), matcher, {}, {}});
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].identity != 0) linking.clusters.SetKey(i, nodes[i].identity);
  }
  KeepApart(corrections, state->mentions, linking.clusters);
  linking.MergeSameIdentity();
  linking.MergeAcronymExpansions();
  // The spelling groups, the blocks and the pairs are the largest state of linking: gone before
  // the entities are made.
  linking.MergeSameSpellings();
  const Representatives& reps = state->reps.emplace(ChooseRepresentatives(nodes, linking.spellings));
  ReleaseFreedMemory();  // the spellings of every node, while they were grouped
  std::vector<BlockedName> names;
  names.reserve(reps.reps.size());
  for (size_t r : reps.reps) names.push_back({r, nodes[r].key->skeleton});
  state->pending = linking.FindPairs(NameBlocks(names), jobs);
  ReleaseFreedMemory();  // the blocks, and the pairs' lists found on the pool
  return std::unique_ptr<LinkRun>(new LinkRun(std::move(state)));
}

std::string LinkRun::PairTask(size_t part, size_t parts) const {
  const State& s = *state_;
  const auto [begin, end] = PairPiece(s.pending.asks, part, parts);
  return WritePairTask(s.pending.pairs, s.pending.asks, begin, end, [&](uint32_t node) {
    return std::string_view(BaseOf(*s.mentions.nodes[node].candidate));
  });
}

Status LinkRun::GiveScores(size_t part, size_t parts, std::span<const double> scores) {
  State& s = *state_;
  const auto [begin, end] = PairPiece(s.pending.asks, part, parts);
  if (scores.size() != 2 * (end - begin)) {
    return Status(StatusCode::kInvalidArgument,
                  "the scores of piece " + std::to_string(part) + " of " + std::to_string(parts) +
                      " are " + std::to_string(scores.size()) + " numbers, not two for each of its " +
                      std::to_string(end - begin) + " pairs");
  }
  for (size_t i = begin; i < end; ++i) {
    ScoredPair& p = s.pending.pairs[i];
    const uint8_t asks = s.pending.asks[i];
    if (asks & kAskSimilarity) p.similarity = scores[2 * (i - begin)];
    if (asks & kAskPartial) p.partial = scores[2 * (i - begin) + 1];
    s.pending.asks[i] |= kScored;
  }
  return Status::Ok();
}

void LinkRun::ScorePiece(size_t part, size_t parts, int jobs) {
  State& s = *state_;
  const auto [begin, end] = PairPiece(s.pending.asks, part, parts);
  s.linking->ScorePairs(s.pending, begin, end, jobs);
}

LinkedEntities LinkRun::Finish(int jobs) {
  State& s = *state_;
  Linking& linking = *s.linking;
  linking.ScorePairs(s.pending, 0, s.pending.pairs.size(), jobs);
  std::vector<uint8_t>().swap(s.pending.asks);
  {
    const std::vector<ScoredPair> pairs = std::move(s.pending.pairs);
    linking.MergeMatchingFullNames(pairs);
    const Unresolved unresolved = linking.JoinPartialNames(pairs, *s.reps);
    linking.JoinShorterPersonNames(pairs);
    linking.MergeUnresolved(pairs, unresolved);
    linking.spellings = {};
    s.reps.reset();
  }
  // Of the name keys, the entities need only each name's Latin form: kept, and the matcher's
  // cache (every name of the batch, 30 MB at 10,000 articles) freed before they are made.
  KeepLatinForms(s.mentions);
  linking.matcher.ClearCache();
  ReleaseFreedMemory();  // the name keys and the pairs
  return CollectEntities(s.docs, s.mentions, linking.clusters, linking.edges, s.candidates, jobs);
}

LinkedEntities EntityLinker::Link(const std::vector<const Document*>& docs,
                                  std::vector<std::vector<MentionCandidate>> candidates,
                                  const std::vector<AliasEntry>& aliases,
                                  const Gazetteer& gazetteer, NameMatcher& matcher,
                                  int jobs) const {
  return Begin(docs, std::move(candidates), aliases, gazetteer, matcher, jobs)->Finish(jobs);
}

}  // namespace crosswire
