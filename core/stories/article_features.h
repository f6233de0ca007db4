// The features stories are made from (docs/ARCHITECTURE.md): each article as three sparse,
// normalised vectors — its entities (weighted by tf, by their rarity in the batch and by type), its
// content words (same-language only: Snowball stems, without stop words; title words count more)
// and its numbers — with its language, event date and the latest year it mentions.
#ifndef CROSSWIRE_CORE_STORIES_ARTICLE_FEATURES_H_
#define CROSSWIRE_CORE_STORIES_ARTICLE_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "crosswire/types.h"
#include "stories.h"

namespace crosswire {

// Feature ids share one space: entity, word and number features are told apart by their vector.
using SparseVector = std::vector<std::pair<int32_t, float>>;  // sorted by feature id

// Calls fn(feature, weight in a, weight in b) for each feature both vectors have, in id order.
template <typename Fn>
void ForEachShared(const SparseVector& a, const SparseVector& b, Fn&& fn) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (a[i].first > b[j].first) {
      ++j;
    } else {
      fn(a[i].first, a[i].second, b[j].second);
      ++i, ++j;
    }
  }
}

double Dot(const SparseVector& a, const SparseVector& b);

// How much an entity of this type says about the event: a person more than a country.
double TypeWeight(EntityType type);

struct ArticleFeatures {
  SparseVector entities;
  SparseVector words;
  SparseVector numbers;
  std::string lang;
  std::optional<Date> date;
  int latest_year = 0;  // the latest year the text mentions, a weak clue when there is no date
};

struct BatchFeatures {
  std::vector<ArticleFeatures> articles;  // in article-id order
  std::vector<int32_t> df;                // feature id -> articles that have it
  std::vector<int32_t> feature_entity;    // feature id -> index into entity_ids, or -1
  std::vector<std::string> entity_ids;    // entity id strings of entity features
  std::vector<double> type_weight;        // feature id -> TypeWeight (1 for other features)

  const std::string& EntityId(int32_t feature) const { return entity_ids[feature_entity[feature]]; }
};

using StopWords = std::map<std::string, std::unordered_set<std::string>>;  // language -> keys
using EntityIndex = std::unordered_map<std::string, const EntityResult*>;  // by entity id

// The story words of one segmented article: content words (Snowball stems in its language,
// without stop words; title words count tuning.title_word_tf times) and numbers.
StoryWords CountStoryWords(const Document& doc, const StopWords& stop_words,
                           const StoryTuning& tuning, Stemmers& stemmers);

// Features of `articles` (in id order). Feature ids are given in order of first use while walking
// the articles in that order: deterministic, whatever `jobs` (threads for stemming) is.
BatchFeatures ExtractFeatures(const std::vector<const StoryArticle*>& articles,
                              const EntityIndex& entity_by_id, const StopWords& stop_words,
                              const StoryTuning& tuning, int jobs = 1);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_STORIES_ARTICLE_FEATURES_H_
