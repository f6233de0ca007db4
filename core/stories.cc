// Story clustering: one cluster per real-world event (docs/ARCHITECTURE.md).
//
// Each article becomes three sparse vectors: its entities (weighted by tf, by their rarity in the
// batch and by type: a person or an organisation says more than a country), its content words
// (same-language only: Snowball stems, without stop words; title words count double) and its
// numbers. Candidate pairs come from an inverted index over each article's strongest features, with
// a bounded, pseudo-randomly sampled window through very common features, so the cost grows
// linearly; only those pairs are scored, and each article keeps its best few. The score is damped
// or boosted by how close the two event dates are (or, without dates, the latest years the texts
// mention). Clusters are then merged by group-average linkage over that sparse graph (a missing
// pair counts as 0), which does not chain two events through one ambiguous article, until the best
// average falls below a threshold. Everything iterates in the order of article ids, so the result
// does not depend on the input order.
//
// This file loads the tables and runs the steps; each step is a file of core/stories/:
// article_features (with stemmers), candidate_pairs, pair_scores, group_average, story_results.
#include "stories.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "entities/corrections.h"
#include "stories/article_features.h"
#include "stories/candidate_pairs.h"
#include "stories/group_average.h"
#include "stories/pair_scores.h"
#include "stories/story_results.h"

namespace crosswire {

struct StoryClusterer::Impl {
  StopWords stop_words;
  Tuning tuning;
};

StoryClusterer::StoryClusterer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoryClusterer::~StoryClusterer() = default;

Result<std::unique_ptr<StoryClusterer>> StoryClusterer::Create(const DataPack& data) {
  return Create(data, Tuning());
}

Result<std::unique_ptr<StoryClusterer>> StoryClusterer::Create(const DataPack& data,
                                                               Tuning tuning) {
  auto impl = std::make_unique<Impl>();
  impl->tuning = tuning;
  for (const DataFile& file : data.List("stopwords/")) {
    // "stopwords/en.txt" -> "en"
    std::string_view name = file.path.substr(std::string_view("stopwords/").size());
    const std::size_t dot = name.find('.');
    if (dot == std::string_view::npos || name.substr(dot) != ".txt") continue;
    auto& words = impl->stop_words[std::string(name.substr(0, dot))];
    for (std::string_view line : DataLines(file.contents)) words.emplace(line);
  }
  return std::unique_ptr<StoryClusterer>(new StoryClusterer(std::move(impl)));
}

StoryWords StoryClusterer::CountWords(const Document& doc, Stemmers& stemmers) const {
  return CountStoryWords(doc, impl_->stop_words, impl_->tuning, stemmers);
}

std::vector<StoryResult> StoryClusterer::Cluster(const std::vector<StoryArticle>& articles,
                                                 const std::vector<EntityResult>& entities,
                                                 const std::vector<StoryMove>& moves,
                                                 int jobs) const {
  const Tuning& tuning = impl_->tuning;
  if (articles.empty()) return {};
  // Work in id order so that the input order cannot change anything.
  std::vector<int> order(articles.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return articles[a].doc->id < articles[b].doc->id; });
  std::vector<const StoryArticle*> sorted;
  for (int i : order) sorted.push_back(&articles[i]);
  EntityIndex entity_by_id;
  for (const EntityResult& e : entities) entity_by_id[e.id] = &e;

  const BatchFeatures features =
      ExtractFeatures(sorted, entity_by_id, impl_->stop_words, tuning, jobs);
  std::vector<Edge> edges =
      ScorePairs(CandidatePairs(features, tuning, jobs), features.articles, tuning, jobs);
  std::vector<std::vector<int32_t>> clusters =
      GroupAverageClusters(static_cast<int>(sorted.size()), edges, tuning);
  std::vector<std::string> ids;
  for (const StoryArticle* a : sorted) ids.push_back(a->doc->id);
  for (auto [a, b] : MoveArticles(moves, ids, clusters)) edges.push_back({a, b, 1.0});
  return BuildStories(clusters, edges, sorted, features, entity_by_id, tuning);
}

}  // namespace crosswire
