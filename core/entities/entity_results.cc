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

#include "names.h"
#include "parallel.h"
#include "text/script.h"

namespace crosswire {
namespace {

// The nodes of each cluster, clusters numbered by first appearance in id order (document, then
// offset).
std::vector<std::vector<size_t>> ClusterMembers(const std::vector<MentionNode>& nodes,
                                                IdentityClusters& clusters) {
  std::vector<size_t> node_order(nodes.size());
  std::iota(node_order.begin(), node_order.end(), 0);
  std::stable_sort(node_order.begin(), node_order.end(), [&](size_t a, size_t b) {
    if (nodes[a].doc != nodes[b].doc) return nodes[a].doc < nodes[b].doc;
    return nodes[a].candidate->utf16_begin < nodes[b].candidate->utf16_begin;
  });
  constexpr size_t kNone = static_cast<size_t>(-1);
  std::vector<size_t> entity_of_root(nodes.size(), kNone);
  std::vector<std::vector<size_t>> members;
  for (size_t n : node_order) {
    size_t& entity = entity_of_root[clusters.Find(n)];
    if (entity == kNone) {
      entity = members.size();
      members.emplace_back();
    }
    members[entity].push_back(n);
  }
  return members;
}

// Votes weighted by confidence; a gazetteer or alias identity is sure.
EntityType VoteType(const std::vector<MentionNode>& nodes, const std::vector<size_t>& members) {
  std::map<EntityType, double> votes;
  for (size_t n : members) {
    const MentionCandidate& c = *nodes[n].candidate;
    double weight = 0.1 + c.type_confidence;
    if (!nodes[n].identity.empty()) weight += 1.0;
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
                                   const std::vector<size_t>& members) {
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
    if (nodes[n].key) spelling.latin = nodes[n].key->latin;
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
std::string CanonicalName(const std::vector<MentionNode>& nodes, const std::vector<size_t>& members,
                          const std::vector<Variant>& variants) {
  for (size_t n : members) {
    if (!nodes[n].canonical.empty()) return nodes[n].canonical;
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

// Each variant's link: a breadth-first walk over the entity's merges from its first mention; a
// spelling's link is the merge that first reached one of its mentions, told from the side already
// reached ("Trumpa" joined "Donald Trump"). `adjacent`: node -> the edges that touch it.
void SetLinks(const std::vector<MentionNode>& nodes, const std::vector<size_t>& members,
              const std::vector<LinkEdge>& edges,
              const std::vector<std::vector<uint32_t>>& adjacent, std::vector<Variant>& variants) {
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
    for (uint32_t e : adjacent[from]) {
      const LinkEdge& edge = edges[e];
      const size_t to = edge.a == from ? edge.b : edge.a;
      if (!seen.insert(to).second) continue;
      queue.push_back(to);
      if (!reached.insert(spelling(to)).second) continue;
      VariantLink link;
      link.rule = RuleName(edge.rule);
      link.with =
          edge.rule == LinkRule::kKnownName ? nodes[to].canonical : nodes[from].candidate->text;
      link.score = std::round(edge.score * 100) / 100;
      first_link[spelling(to)] = std::move(link);
    }
  }
  for (Variant& v : variants) {
    auto it = first_link.find({v.text, v.lang});
    if (it != first_link.end()) v.link = it->second;
  }
}

void SortByOffset(std::vector<Mention>& mentions) {
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    if (a.utf16_begin != b.utf16_begin) return a.utf16_begin < b.utf16_begin;
    return a.utf16_end < b.utf16_end;
  });
}

}  // namespace

LinkedEntities CollectEntities(const std::vector<const Document*>& docs,
                               const std::vector<MentionNode>& nodes, IdentityClusters& clusters,
                               const std::vector<LinkEdge>& edges, int jobs) {
  LinkedEntities out;
  out.mentions.resize(docs.size());
  const std::vector<std::vector<size_t>> members = ClusterMembers(nodes, clusters);
  std::vector<std::vector<uint32_t>> adjacent(nodes.size());
  for (size_t e = 0; e < edges.size(); ++e) {
    adjacent[edges[e].a].push_back(static_cast<uint32_t>(e));
    adjacent[edges[e].b].push_back(static_cast<uint32_t>(e));
  }
  out.entities.resize(members.size());
  ParallelFor(jobs, members.size(), [&](size_t e, int) {
    EntityResult& entity = out.entities[e];
    entity.id = "E";
    entity.id += std::to_string(e + 1);
    entity.type = VoteType(nodes, members[e]);
    entity.variants = CountVariants(nodes, members[e]);
    SetLinks(nodes, members[e], edges, adjacent, entity.variants);
    entity.name = CanonicalName(nodes, members[e], entity.variants);
    std::set<std::string> articles;
    for (size_t n : members[e]) articles.insert(docs[nodes[n].input_doc]->id);
    entity.articles.assign(articles.begin(), articles.end());
    entity.mentions = static_cast<int>(members[e].size());
  });
  for (size_t e = 0; e < members.size(); ++e) {
    const EntityResult& entity = out.entities[e];
    for (size_t n : members[e]) {
      const MentionCandidate& c = *nodes[n].candidate;
      Mention m;
      m.utf16_begin = c.utf16_begin;
      m.utf16_end = c.utf16_end;
      m.text = c.text;
      m.type = entity.type;
      m.entity = entity.id;
      out.mentions[nodes[n].input_doc].push_back(std::move(m));
    }
  }
  ParallelFor(jobs, out.mentions.size(), [&](size_t d, int) { SortByOffset(out.mentions[d]); });
  return out;
}

}  // namespace crosswire
