// Entities from the clusters entity linking grew: type by weighted vote, canonical name, variants,
// articles, and the mentions of each document (docs/ARCHITECTURE.md).
#include "entities/entity_results.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <utility>

#include "entities/grouped.h"
#include "names.h"
#include "parallel.h"
#include "text/script.h"

namespace crosswire {
namespace {

// The nodes of each cluster, clusters numbered by first appearance in id order (document, then
// offset) and their nodes in that order.
struct ClusterMembers {
  std::vector<uint32_t> entity_of;  // node -> its entity
  Grouped nodes_of;                 // entity -> its nodes

  size_t size() const { return nodes_of.size(); }
  Members Of(size_t e) const { return nodes_of.Of(e); }
};

ClusterMembers GroupMembers(const std::vector<MentionNode>& nodes, IdentityClusters& clusters) {
  std::vector<uint32_t> node_order(nodes.size());
  std::iota(node_order.begin(), node_order.end(), 0);
  std::stable_sort(node_order.begin(), node_order.end(), [&](uint32_t a, uint32_t b) {
    if (nodes[a].doc != nodes[b].doc) return nodes[a].doc < nodes[b].doc;
    return nodes[a].candidate->utf16_begin < nodes[b].candidate->utf16_begin;
  });
  constexpr uint32_t kNone = static_cast<uint32_t>(-1);
  ClusterMembers out;
  out.entity_of.assign(nodes.size(), kNone);
  std::vector<uint32_t> entity_of_root(nodes.size(), kNone);
  uint32_t entities = 0;
  for (uint32_t n : node_order) {
    uint32_t& entity = entity_of_root[clusters.Find(n)];
    if (entity == kNone) entity = entities++;
    out.entity_of[n] = entity;
  }
  out.nodes_of = GroupItems(entities, [&](auto&& add) {
    for (uint32_t n : node_order) add(out.entity_of[n], n);
  });
  return out;
}

// Votes weighted by confidence; a gazetteer or alias identity is sure.
EntityType VoteType(const std::vector<MentionNode>& nodes, Members members) {
  std::map<EntityType, double> votes;
  for (size_t n : members) {
    const MentionCandidate& c = *nodes[n].candidate;
    double weight = 0.1 + c.type_confidence;
    if (nodes[n].identity != 0) weight += 1.0;
    if (c.type == EntityType::kMisc) weight *= 0.2;
    votes[c.type] += weight;
    // An alias line (a user's correction) or the gazetteer knows the type for sure.
    if (nodes[n].identity_type) votes[*nodes[n].identity_type] += 2.0;
  }
  return std::max_element(votes.begin(), votes.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

// Each spelling (text, language) with its count, most frequent first.
std::vector<Variant> CountVariants(const std::vector<MentionNode>& nodes,
                                   const std::vector<const std::string*>& latin_of,
                                   Members members) {
  // (text, language) -> how often, its base form, and the standard form of that base form.
  struct Spelling {
    int count = 0;
    std::string base, latin;
  };
  std::map<std::pair<std::string, std::string>, Spelling> spellings;
  for (size_t n : members) {
    const MentionCandidate& c = *nodes[n].candidate;
    Spelling& spelling = spellings[{c.text, c.lang}];
    ++spelling.count;
    spelling.base = BaseOf(c);
    if (latin_of[n]) spelling.latin = *latin_of[n];
  }
  std::vector<Variant> variants;
  for (const auto& [text_lang, spelling] : spellings) {
    variants.push_back({text_lang.first, text_lang.second, spelling.count, spelling.base,
                        spelling.latin, std::nullopt});
  }
  std::stable_sort(variants.begin(), variants.end(), [](const Variant& a, const Variant& b) {
    if (a.count != b.count) return a.count > b.count;
    if (a.text != b.text) return a.text < b.text;
    return a.lang < b.lang;
  });
  return variants;
}

// The gazetteer's or the alias line's name; else the most frequent Latin-script base form of two
// parts or more ("Donald Trump", never "Donalda Trumpa", nor the rarer "Minister Zdrowia Adam
// Niedzielski" a title glued to the name made), a one-part one only where there is none ("Trump"),
// the more complete on equal counts; else the most frequent base form.
std::string CanonicalName(const std::vector<MentionNode>& nodes, Members members,
                          const std::vector<Variant>& variants) {
  for (size_t n : members) {
    if (nodes[n].canonical) return *nodes[n].canonical;
  }
  struct Rank {
    bool several_parts = false;
    int count = 0;
    size_t parts = 0;
    auto operator<=>(const Rank&) const = default;
  };
  std::map<std::string, Rank> latin;
  for (size_t n : members) {
    const MentionCandidate& c = *nodes[n].candidate;
    const std::string& base = BaseOf(c);
    if (!IsLatinText(base)) continue;
    Rank& rank = latin[base];
    rank.parts = c.is_acronym ? 0 : nodes[n].content_parts;
    rank.several_parts = rank.parts >= 2;
    ++rank.count;
  }
  std::string best;
  Rank best_rank;
  for (const auto& [text, rank] : latin) {
    if (best.empty() || rank > best_rank) {
      best = text;
      best_rank = rank;
    }
  }
  if (!best.empty()) return best;
  std::map<std::string, int> bases;
  for (const Variant& v : variants) bases[v.base] += v.count;
  std::string most = variants.front().base;
  int most_count = bases[most];
  for (const auto& [base, count] : bases) {
    if (count > most_count) {
      most = base;
      most_count = count;
    }
  }
  return most;
}

const char* RuleName(LinkRule rule) {
  switch (rule) {
    case LinkRule::kKnownName:
      return "known-name";
    case LinkRule::kAbbreviation:
      return "abbreviation";
    case LinkRule::kStated:
      return "stated";
    case LinkRule::kSameSpelling:
      return "same-spelling";
    case LinkRule::kSimilar:
      return "similar";
    case LinkRule::kPartOf:
      return "part-of";
  }
  return "same-spelling";
}

// The merges that touch each node, in their order.
Grouped AdjacentEdges(size_t node_count, const std::vector<LinkEdge>& edges) {
  return GroupItems(node_count, [&](auto&& add) {
    for (uint32_t e = 0; e < edges.size(); ++e) {
      add(edges[e].a, e);
      add(edges[e].b, e);
    }
  });
}

// Each variant's link: a breadth-first walk over the entity's merges from its first mention; a
// spelling's link is the merge that first reached one of its mentions, told from the side already
// reached ("Trumpa" joined "Donald Trump").
void SetLinks(const std::vector<MentionNode>& nodes, Members members,
              const std::vector<LinkEdge>& edges, const Grouped& adjacent,
              std::vector<Variant>& variants) {
  std::map<std::pair<std::string, std::string>, VariantLink> first_link;
  std::set<std::pair<std::string, std::string>> reached;
  auto spelling = [&](size_t n) {
    return std::make_pair(nodes[n].candidate->text, nodes[n].candidate->lang);
  };
  std::vector<size_t> queue{members.front()};
  std::set<size_t> seen{members.front()};
  reached.insert(spelling(members.front()));
  for (size_t head = 0; head < queue.size(); ++head) {
    const size_t from = queue[head];
    for (uint32_t e : adjacent.Of(from)) {
      const LinkEdge& edge = edges[e];
      const size_t to = edge.a == from ? edge.b : edge.a;
      if (!seen.insert(to).second) continue;
      queue.push_back(to);
      if (!reached.insert(spelling(to)).second) continue;
      VariantLink link;
      link.rule = RuleName(edge.rule);
      link.with =
          edge.rule == LinkRule::kKnownName ? *nodes[to].canonical : nodes[from].candidate->text;
      link.score = std::round(edge.score * 100) / 100;
      first_link[spelling(to)] = std::move(link);
    }
  }
  for (Variant& v : variants) {
    auto it = first_link.find({v.text, v.lang});
    if (it != first_link.end()) v.link = it->second;
  }
}

}  // namespace

LinkedEntities CollectEntities(const std::vector<const Document*>& docs, MentionNodes& mentions,
                               IdentityClusters& clusters, std::vector<LinkEdge>& edges,
                               std::vector<std::vector<MentionCandidate>>& candidates, int jobs) {
  const std::vector<MentionNode>& nodes = mentions.nodes;
  LinkedEntities out;
  ClusterMembers members = GroupMembers(nodes, clusters);
  clusters = IdentityClusters(0);
  {
    const Grouped adjacent = AdjacentEdges(nodes.size(), edges);
    out.entities.resize(members.size());
    ParallelFor(jobs, members.size(), [&](size_t e, int) {
      EntityResult& entity = out.entities[e];
      entity.id = "E";
      entity.id += std::to_string(e + 1);
      entity.type = VoteType(nodes, members.Of(e));
      entity.variants = CountVariants(nodes, mentions.latin_of, members.Of(e));
      SetLinks(nodes, members.Of(e), edges, adjacent, entity.variants);
      entity.name = CanonicalName(nodes, members.Of(e), entity.variants);
      std::vector<const std::string*> articles;  // each id once, sorted
      for (size_t n : members.Of(e)) articles.push_back(&docs[nodes[n].input_doc]->id);
      std::sort(articles.begin(), articles.end(),
                [](const std::string* a, const std::string* b) { return *a < *b; });
      articles.erase(
          std::unique(articles.begin(), articles.end(),
                      [](const std::string* a, const std::string* b) { return *a == *b; }),
          articles.end());
      entity.articles.reserve(articles.size());
      for (const std::string* id : articles) entity.articles.push_back(*id);
      entity.mentions = static_cast<int>(members.Of(e).size());
    });
  }
  // The entities hold what they need of the nodes: only each node's entity is left to read. The
  // mentions are made document by document, each taking its candidates' texts and freeing them.
  const std::vector<uint32_t> entity_of = std::move(members.entity_of);
  const std::vector<uint32_t> first_of = std::move(mentions.first_of);
  members = {};
  mentions = {};
  std::vector<LinkEdge>().swap(edges);
  out.mentions.resize(docs.size());
  for (size_t d = 0; d < docs.size() && d < candidates.size(); ++d) {
    // By offset; where two spans were the same, in the order of their entities.
    std::vector<uint32_t> order(candidates[d].size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const MentionCandidate& x = candidates[d][a];
      const MentionCandidate& y = candidates[d][b];
      if (x.utf16_begin != y.utf16_begin) return x.utf16_begin < y.utf16_begin;
      if (x.utf16_end != y.utf16_end) return x.utf16_end < y.utf16_end;
      return entity_of[first_of[d] + a] < entity_of[first_of[d] + b];
    });
    std::vector<Mention>& into = out.mentions[d];
    into.reserve(order.size());
    for (uint32_t c : order) {
      MentionCandidate& candidate = candidates[d][c];
      const EntityResult& entity = out.entities[entity_of[first_of[d] + c]];
      Mention& m = into.emplace_back();
      m.utf16_begin = candidate.utf16_begin;
      m.utf16_end = candidate.utf16_end;
      m.text = std::move(candidate.text);
      m.type = entity.type;
      m.entity = entity.id;
    }
    std::vector<MentionCandidate>().swap(candidates[d]);
  }
  return out;
}

}  // namespace crosswire
