// The mention nodes of entity linking: content parts, and identities from alias lines (looked up by
// case-folded text and by transliteration) or from the gazetteer (docs/ARCHITECTURE.md).
#include "entities/mention_nodes.h"

#include <algorithm>
#include <numeric>
#include <string_view>
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

// The name an alias line or the gazetteer gives a candidate, with the type it gives, before the
// names are interned.
struct Named {
  uint32_t node = 0;
  std::string canonical;
  std::optional<EntityType> type;
};

// The canonical name an alias line or the gazetteer gives the node, if any.
std::optional<Named> FindIdentity(const MentionNode& node, const std::vector<AliasEntry>& aliases,
                                  const AliasIndex& alias_index, const Gazetteer& gazetteer) {
  const MentionCandidate& cand = *node.candidate;
  Named named;
  if (std::optional<size_t> alias = FindAlias(alias_index, cand, *node.key)) {
    named.canonical = aliases[*alias].canonical;
    named.type = aliases[*alias].type;
    return named;
  }
  if (!cand.gazetteer_name.empty()) {
    named.canonical = cand.gazetteer_name;
  } else if (auto entry = FindInGazetteer(gazetteer, cand);
             entry && (entry->type == cand.type || cand.type == EntityType::kMisc ||
                       cand.type_confidence <= kShapeOnly)) {
    // The mentions stage did not match the gazetteer here (a curated alias, an inflected form
    // the batch's base forms resolve, or a name found another way); a sure type that disagrees
    // wins ("Jordan" the person), a guess from the shape of the words does not ("Velike
    // Britanije": two capitalised words, a person's shape).
    named.canonical = std::move(entry->canonical);
    named.type = entry->type;
  }
  if (named.canonical.empty()) return std::nullopt;
  // An alias line names an entity by any of its names, the gazetteer's among them: a line
  // "PLACE<TAB>Allah<TAB>Eastern Europe" takes in "l'Europe de l'Est", which the gazetteer calls
  // Eastern Europe.
  if (auto it = alias_index.find("t:" + CaseFold(named.canonical)); it != alias_index.end()) {
    named.canonical = aliases[it->second].canonical;
    named.type = aliases[it->second].type;
  }
  return named;
}

// A place name with a second meaning takes it where the article names its context (Georgia beside
// Atlanta is the U.S. state): `named` are the named nodes of one article, [first, end) its nodes.
void ChooseSenses(const Gazetteer& gazetteer, const std::vector<MentionNode>& nodes, size_t first,
                  size_t end, std::vector<Named>& named) {
  const bool any = std::any_of(named.begin(), named.end(), [&](const Named& n) {
    return gazetteer.OtherSenses(n.canonical) != nullptr;
  });
  if (!any) return;  // the article's names are keyed only where a sense is to be chosen
  std::unordered_set<std::string> keys;  // the article's names and their canonical names, as keys
  for (size_t n = first; n < end; ++n) keys.insert(MatchKey(nodes[n].candidate->text));
  for (const Named& n : named) keys.insert(MatchKey(n.canonical));
  for (Named& n : named) {
    const std::vector<Gazetteer::Sense>* senses = gazetteer.OtherSenses(n.canonical);
    if (senses == nullptr) continue;
    for (const Gazetteer::Sense& sense : *senses) {
      const bool selected = std::any_of(sense.context_keys.begin(), sense.context_keys.end(),
                                        [&](const std::string& key) { return keys.count(key); });
      if (!selected) continue;
      n.canonical = sense.canonical;
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
  size_t total = 0;
  for (size_t d = 0; d < docs.size() && d < candidates.size(); ++d) total += candidates[d].size();
  out.nodes.reserve(total);
  out.first_of.assign(docs.size(), 0);
  // The nodes and their name keys on this thread (the matcher's key cache is not shared)...
  std::vector<size_t> first_node(order.size() + 1);
  for (size_t rank = 0; rank < order.size(); ++rank) {
    first_node[rank] = out.nodes.size();
    const size_t d = order[rank];
    out.first_of[d] = static_cast<uint32_t>(out.nodes.size());
    if (d >= candidates.size()) continue;
    for (const MentionCandidate& candidate : candidates[d]) {
      MentionNode& node = out.nodes.emplace_back();
      node.doc = static_cast<uint32_t>(rank);
      node.input_doc = static_cast<uint32_t>(d);
      node.candidate = &candidate;
      // Names are compared in their base forms: "Donalda Trumpa" is Donald Trump.
      node.key = &matcher.Key(BaseOf(candidate));
      node.content_parts = static_cast<uint16_t>(CountContentParts(*node.key, particles));
    }
  }
  first_node[order.size()] = out.nodes.size();
  // ...then each article's identities on the pool (the alias index and the gazetteer are read
  // only), each article's into its slot...
  std::vector<std::vector<Named>> named(order.size());
  ParallelFor(jobs, order.size(), [&](size_t rank, int) {
    for (size_t n = first_node[rank]; n < first_node[rank + 1]; ++n) {
      if (std::optional<Named> found =
              FindIdentity(out.nodes[n], aliases, alias_index, gazetteer)) {
        found->node = static_cast<uint32_t>(n);
        named[rank].push_back(std::move(*found));
      }
    }
    ChooseSenses(gazetteer, out.nodes, first_node[rank], first_node[rank + 1], named[rank]);
  });
  // ...and their names kept once each, in node order: a canonical name as written, and its
  // identity key, the number of its case-folded form.
  struct Interned {
    const std::string* name;
    uint32_t identity;
  };
  std::unordered_map<std::string_view, Interned> interned;
  std::unordered_map<std::string, uint32_t> identity_of;
  for (std::vector<Named>& article : named) {
    for (Named& n : article) {
      auto it = interned.find(n.canonical);
      if (it == interned.end()) {
        const std::string& name = out.names.emplace_back(std::move(n.canonical));
        auto [key, inserted] = identity_of.try_emplace(CaseFold(name), out.identity_count + 1);
        if (inserted) ++out.identity_count;
        it = interned.emplace(name, Interned{&name, key->second}).first;
      }
      MentionNode& node = out.nodes[n.node];
      node.canonical = it->second.name;
      node.identity = it->second.identity;
      node.identity_type = n.type;
    }
    std::vector<Named>().swap(article);
  }
  return out;
}

void KeepLatinForms(MentionNodes& mentions) {
  std::unordered_map<const NameKey*, const std::string*> kept;
  mentions.latin_of.assign(mentions.nodes.size(), nullptr);
  for (size_t n = 0; n < mentions.nodes.size(); ++n) {
    MentionNode& node = mentions.nodes[n];
    if (node.key == nullptr) continue;
    auto [it, inserted] = kept.try_emplace(node.key, nullptr);
    if (inserted) it->second = &mentions.latin_forms.emplace_back(node.key->latin);
    mentions.latin_of[n] = it->second;
    node.key = nullptr;
  }
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
  return node.content_parts == 1 && !c.is_acronym && node.identity == 0 &&
         (c.type == EntityType::kPerson || c.type == EntityType::kMisc || c.type_confidence < 0.5f);
}

}  // namespace crosswire
