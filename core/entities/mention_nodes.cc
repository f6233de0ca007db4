// The mention nodes of entity linking: content parts, and identities from alias lines (looked up by
// case-folded text and by transliteration) or from the gazetteer (docs/ARCHITECTURE.md).
#include "entities/mention_nodes.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "gazetteer.h"
#include "names.h"
#include "parallel.h"
#include "text/normalize.h"

namespace crosswire {
namespace {

// Alias line by spelling: "t:" + case-folded text, "l:" + transliterated form.
using AliasIndex = std::unordered_map<std::string, size_t>;

// Every spelling on an alias line names the line's entity.
AliasIndex IndexAliases(const std::vector<AliasEntry>& aliases, NameMatcher& matcher) {
  AliasIndex index;
  for (size_t i = 0; i < aliases.size(); ++i) {
    auto add = [&](const std::string& spelling) {
      index.emplace("t:" + CaseFold(spelling), i);
      const NameKey& key = matcher.Key(spelling);
      if (!key.latin.empty()) index.emplace("l:" + key.latin, i);
    };
    add(aliases[i].canonical);
    for (const std::string& v : aliases[i].variants) add(v);
  }
  return index;
}

std::optional<size_t> FindAlias(const AliasIndex& index, const MentionCandidate& cand,
                                const NameKey& key) {
  if (auto it = index.find("t:" + CaseFold(cand.text)); it != index.end()) return it->second;
  if (auto it = index.find("l:" + key.latin);
      !key.latin.empty() && !cand.is_acronym && it != index.end()) {
    return it->second;
  }
  return std::nullopt;
}

size_t CountContentParts(const NameKey& key, const NameParticles& particles) {
  return static_cast<size_t>(std::count_if(key.parts.begin(), key.parts.end(),
                                           [&](const auto& p) { return particles.count(p) == 0; }));
}

// The highest confidence the mention rules give a type read from the shape of the words alone
// (two capitalised words: a person, 0.5).
constexpr float kShapeOnly = 0.5f;

// The gazetteer's entry for a candidate: its base form, else (a name of several words) an
// inflected form of an entry's name.
std::optional<GazetteerEntry> FindInGazetteer(const Gazetteer& gazetteer,
                                              const MentionCandidate& cand) {
  if (auto entry = gazetteer.Lookup(BaseOf(cand))) return entry;
  return gazetteer.LookupInflected(cand.text);
}

// The canonical name an alias line or the gazetteer gives the node, if any.
void SetIdentity(MentionNode& node, const std::vector<AliasEntry>& aliases,
                 const AliasIndex& alias_index, const Gazetteer& gazetteer) {
  const MentionCandidate& cand = *node.candidate;
  if (std::optional<size_t> alias = FindAlias(alias_index, cand, *node.key)) {
    node.canonical = aliases[*alias].canonical;
    node.identity_type = aliases[*alias].type;
  } else if (!cand.gazetteer_name.empty()) {
    node.canonical = cand.gazetteer_name;
  } else if (auto entry = FindInGazetteer(gazetteer, cand);
             entry && (entry->type == cand.type || cand.type == EntityType::kMisc ||
                       cand.type_confidence <= kShapeOnly)) {
    // The mentions stage did not match the gazetteer here (a curated alias, an inflected form
    // the batch's base forms resolve, or a name found another way); a sure type that disagrees
    // wins ("Jordan" the person), a guess from the shape of the words does not ("Velike
    // Britanije": two capitalised words, a person's shape).
    node.canonical = entry->canonical;
    node.identity_type = entry->type;
  }
  if (!node.canonical.empty()) node.identity = "n:" + CaseFold(node.canonical);
}

// A place name with a second meaning takes it where the article names its context (Georgia beside
// Atlanta is the U.S. state): nodes [first, end) are one article's.
void ChooseSenses(const Gazetteer& gazetteer, std::vector<MentionNode>& nodes, size_t first,
                  size_t end) {
  const bool any =
      std::any_of(nodes.begin() + first, nodes.begin() + end, [&](const MentionNode& node) {
        return !node.canonical.empty() && gazetteer.OtherSenses(node.canonical) != nullptr;
      });
  if (!any) return;  // the article's names are keyed only where a sense is to be chosen
  std::unordered_set<std::string> named;  // the article's names and their canonical names, as keys
  for (size_t n = first; n < end; ++n) {
    named.insert(MatchKey(nodes[n].candidate->text));
    if (!nodes[n].canonical.empty()) named.insert(MatchKey(nodes[n].canonical));
  }
  for (size_t n = first; n < end; ++n) {
    MentionNode& node = nodes[n];
    if (node.canonical.empty()) continue;
    const std::vector<Gazetteer::Sense>* senses = gazetteer.OtherSenses(node.canonical);
    if (senses == nullptr) continue;
    for (const Gazetteer::Sense& sense : *senses) {
      const bool selected = std::any_of(sense.context_keys.begin(), sense.context_keys.end(),
                                        [&](const std::string& key) { return named.count(key); });
      if (!selected) continue;
      node.canonical = sense.canonical;
      node.identity = "n:" + CaseFold(node.canonical);
      break;
    }
  }
}

}  // namespace

MentionNodes BuildMentionNodes(const std::vector<const Document*>& docs,
                               const std::vector<std::vector<MentionCandidate>>& candidates,
                               const std::vector<AliasEntry>& aliases, const Gazetteer& gazetteer,
                               NameMatcher& matcher, const NameParticles& particles, int jobs) {
  std::vector<size_t> order(docs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return docs[a]->id < docs[b]->id; });
  const AliasIndex alias_index = IndexAliases(aliases, matcher);

  MentionNodes out;
  out.node_of.resize(docs.size());
  // The nodes and their name keys on this thread (the matcher's key cache is not shared)...
  std::vector<size_t> first_node(order.size() + 1);
  for (size_t rank = 0; rank < order.size(); ++rank) {
    first_node[rank] = out.nodes.size();
    const size_t d = order[rank];
    if (d >= candidates.size()) continue;
    out.node_of[d].assign(candidates[d].size(), 0);
    for (size_t c = 0; c < candidates[d].size(); ++c) {
      MentionNode node;
      node.doc = rank;
      node.input_doc = d;
      node.candidate = &candidates[d][c];
      // Names are compared in their base forms: "Donalda Trumpa" is Donald Trump.
      node.key = &matcher.Key(BaseOf(*node.candidate));
      node.content_parts = CountContentParts(*node.key, particles);
      out.node_of[d][c] = out.nodes.size();
      out.nodes.push_back(std::move(node));
    }
  }
  first_node[order.size()] = out.nodes.size();
  // ...then each article's identities on the pool: the alias index and the gazetteer are read only.
  ParallelFor(jobs, order.size(), [&](size_t rank, int) {
    for (size_t n = first_node[rank]; n < first_node[rank + 1]; ++n) {
      SetIdentity(out.nodes[n], aliases, alias_index, gazetteer);
    }
    ChooseSenses(gazetteer, out.nodes, first_node[rank], first_node[rank + 1]);
  });
  return out;
}

bool TypesCompatible(const MentionCandidate& a, const MentionCandidate& b) {
  if (a.type == b.type) return true;
  if (a.type == EntityType::kMisc || b.type == EntityType::kMisc) return true;
  // A type guessed from the shape of a word alone may be wrong; a cue or a gazetteer hit is not.
  return a.type_confidence < 0.5f || b.type_confidence < 0.5f;
}

bool IsPartialName(const MentionNode& node) {
  const MentionCandidate& c = *node.candidate;
  // A type below 0.5 is a guess (the shape of a word, the tagger's reading of one sentence): a
  // surname the tagger took for an organisation in one headline is still a surname.
  return node.content_parts == 1 && !c.is_acronym && node.identity.empty() &&
         (c.type == EntityType::kPerson || c.type == EntityType::kMisc || c.type_confidence < 0.5f);
}

}  // namespace crosswire
