// Story results from clusters: the date vote, key entities, the label, and the links of a maximum
// spanning tree with the entities each link shares (docs/ARCHITECTURE.md).
#include "stories/story_results.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

namespace crosswire {
namespace {

// The articles, languages and date of a story: day-precise dates outvote vaguer ones.
void AddArticlesAndDate(const std::vector<int32_t>& group,
                        const std::vector<const StoryArticle*>& articles,
                        const BatchFeatures& features, StoryResult& story) {
  std::set<std::string> languages;
  std::map<std::string, int> date_votes;  // ISO text -> articles
  std::map<std::string, Date> date_values;
  for (int32_t k : group) {
    story.articles.push_back(articles[k]->doc->id);
    languages.insert(articles[k]->doc->lang);
    if (const auto& d = features.articles[k].date) {
      date_votes[d->ToString()] += d->precision == DatePrecision::kDay ? 2 : 1;
      date_values[d->ToString()] = *d;
    }
  }
  story.languages.assign(languages.begin(), languages.end());
  int best_votes = 0;
  for (const auto& [text, votes] : date_votes) {
    if (votes > best_votes) best_votes = votes, story.date = date_values[text];
  }
}

// Key entity features: those most articles of the story mention, then the most informative.
std::vector<int32_t> KeyEntities(const std::vector<int32_t>& group, const BatchFeatures& features,
                                 const StoryTuning& tuning) {
  std::map<int32_t, std::pair<double, int>> entity_scores;  // feature -> (weight sum, articles)
  for (int32_t k : group) {
    for (const auto& [id, w] : features.articles[k].entities) {
      auto& s = entity_scores[id];
      s.first += w;
      s.second += 1;
    }
  }
  std::vector<std::pair<int32_t, double>> ranked;
  const int min_articles = group.size() > 1 ? 2 : 1;
  for (const auto& [id, s] : entity_scores) {
    if (s.second >= min_articles) ranked.emplace_back(id, s.first);
  }
  std::sort(ranked.begin(), ranked.end(), [&](const auto& x, const auto& y) {
    const int cx = entity_scores[x.first].second, cy = entity_scores[y.first].second;
    if (cx != cy) return cx > cy;
    if (x.second != y.second) return x.second > y.second;
    return features.EntityId(x.first) < features.EntityId(y.first);
  });
  if (ranked.size() > static_cast<std::size_t>(tuning.max_story_entities)) {
    ranked.resize(tuning.max_story_entities);
  }
  std::vector<int32_t> ids;
  for (const auto& [id, score] : ranked) ids.push_back(id);
  return ids;
}

// The label names people and organisations before places: "Ahmadian, Volfovich, Minsk" says more
// than "Iran, Belarus"; else the title or id of the first article; then the date.
std::string Label(const std::vector<int32_t>& key_entities, const BatchFeatures& features,
                  const EntityIndex& entity_by_id, const StoryArticle& first,
                  const std::optional<Date>& date) {
  std::vector<int32_t> for_label;
  for (int32_t id : key_entities) {
    if (features.type_weight[id] > TypeWeight(EntityType::kPlace)) for_label.push_back(id);
  }
  for (int32_t id : key_entities) {
    if (features.type_weight[id] <= TypeWeight(EntityType::kPlace)) for_label.push_back(id);
  }
  std::string label;
  for (std::size_t i = 0; i < for_label.size() && i < 3; ++i) {
    const std::string& eid = features.EntityId(for_label[i]);
    auto it = entity_by_id.find(eid);
    if (!label.empty()) label += ", ";
    label += it != entity_by_id.end() ? it->second->name : eid;
  }
  if (label.empty()) label = first.doc->title;
  if (label.empty()) label = first.doc->id;
  if (date) label += " (" + date->ToString() + ")";
  return label;
}

// The entities two articles share, most shared weight first, at most max_link_entities.
std::vector<std::string> SharedEntities(const SparseVector& va, const SparseVector& vb,
                                        const BatchFeatures& features, const StoryTuning& tuning) {
  std::vector<std::pair<double, int32_t>> shared;
  ForEachShared(va, vb, [&](int32_t id, float wa, float wb) {
    shared.emplace_back(-static_cast<double>(wa) * wb, id);
  });
  std::sort(shared.begin(), shared.end());
  std::vector<std::string> out;
  for (const auto& [w, id] : shared) {
    if (out.size() >= static_cast<std::size_t>(tuning.max_link_entities)) break;
    out.push_back(features.EntityId(id));
  }
  return out;
}

// Links: the strongest edges that hold the story together (a maximum spanning tree).
std::vector<StoryLink> Links(const std::vector<int32_t>& group, std::vector<const Edge*> local,
                             const std::vector<const StoryArticle*>& articles,
                             const BatchFeatures& features, const StoryTuning& tuning) {
  std::sort(local.begin(), local.end(), [](const Edge* x, const Edge* y) {
    if (x->score != y->score) return x->score > y->score;
    return std::tie(x->a, x->b) < std::tie(y->a, y->b);
  });
  std::map<int32_t, int32_t> parent;
  for (int32_t k : group) parent[k] = k;
  auto find = [&](int32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<StoryLink> links;
  for (const Edge* e : local) {
    const int32_t ra = find(e->a), rb = find(e->b);
    if (ra == rb) continue;
    parent[std::max(ra, rb)] = std::min(ra, rb);
    StoryLink link;
    link.a = articles[e->a]->doc->id;
    link.b = articles[e->b]->doc->id;
    // Rounded so that native and wasm builds print the same digits.
    link.score = std::round(e->score * 1000) / 1000;
    link.shared = SharedEntities(features.articles[e->a].entities, features.articles[e->b].entities,
                                 features, tuning);
    links.push_back(std::move(link));
  }
  return links;
}

}  // namespace

std::vector<StoryResult> BuildStories(const std::vector<std::vector<int32_t>>& clusters,
                                      const std::vector<Edge>& edges,
                                      const std::vector<const StoryArticle*>& articles,
                                      const BatchFeatures& features,
                                      const EntityIndex& entity_by_id, const StoryTuning& tuning) {
  std::vector<int32_t> cluster_of(articles.size());
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    for (int32_t k : clusters[c]) cluster_of[k] = static_cast<int32_t>(c);
  }
  std::vector<std::vector<const Edge*>> cluster_edges(clusters.size());
  for (const Edge& e : edges) {
    if (cluster_of[e.a] == cluster_of[e.b]) cluster_edges[cluster_of[e.a]].push_back(&e);
  }
  std::vector<StoryResult> stories;
  stories.reserve(clusters.size());
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    const std::vector<int32_t>& group = clusters[c];
    StoryResult story;
    story.id = "S";
    story.id += std::to_string(c + 1);
    AddArticlesAndDate(group, articles, features, story);
    const std::vector<int32_t> key_entities = KeyEntities(group, features, tuning);
    for (int32_t id : key_entities) story.entities.push_back(features.EntityId(id));
    story.label = Label(key_entities, features, entity_by_id, *articles[group.front()], story.date);
    story.links = Links(group, std::move(cluster_edges[c]), articles, features, tuning);
    stories.push_back(std::move(story));
  }
  return stories;
}

}  // namespace crosswire
