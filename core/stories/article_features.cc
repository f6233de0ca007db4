// Counting and weighting the story features of each article (docs/ARCHITECTURE.md): entity, word
// and number counts, document frequencies, tf-idf weights and normalisation.
#include "stories/article_features.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "parallel.h"
#include "stories/stemmers.h"
#include "text/language_tag.h"
#include "text/script.h"

namespace crosswire {
namespace {

void Normalize(SparseVector& v) {
  double norm = 0;
  for (const auto& [id, w] : v) norm += static_cast<double>(w) * w;
  if (norm <= 0) return;
  norm = std::sqrt(norm);
  for (auto& [id, w] : v) w = static_cast<float>(w / norm);
}

int CodePoints(std::string_view utf8) {
  int n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

// True for a 4-digit number that reads as a year: those are dates, handled by date closeness.
bool LooksLikeYear(std::string_view key) {
  if (key.size() != 4) return false;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
  }
  const int y = std::stoi(std::string(key));
  return y >= 1900 && y <= 2100;
}

// (feature id, weighted occurrences) of one article, in the order they were counted; Weigh sorts
// them by id and sums an id's occurrences in that order.
using Counts = std::vector<std::pair<int32_t, float>>;

// The word and number features of one article before they have ids: keys in order of first use,
// each with its weighted occurrences summed in text order. Made on the pool, one article at a
// time; FeatureCounter::AddWords then gives the ids in the same order as counting token by token.
StoryWords CountTokens(const Document& doc, const std::string& lang, const StopWords& stop_words,
                       const StoryTuning& tuning, Stemmers& stemmers) {
  StoryWords out;
  std::vector<std::string> keys;
  std::unordered_map<std::string, size_t> index;
  auto add = [&](std::string key, float count) {
    auto [it, inserted] = index.emplace(key, keys.size());
    if (inserted) {
      keys.push_back(std::move(key));
      out.counts.push_back(0.0f);
    }
    out.counts[it->second] += count;
  };
  const auto stop = stop_words.find(lang);
  for (const Token& t : doc.tokens) {
    if (t.kind == TokenKind::kNumber) {
      // Years are dates, compared through the date factor; one-digit numbers say nothing.
      if (LooksLikeYear(t.key)) {
        out.latest_year = std::max(out.latest_year, std::stoi(t.key));
      } else if (t.key.size() >= 2) {
        add("n\t" + t.key, 1);
      }
      continue;
    }
    if (t.kind != TokenKind::kWord) continue;
    const bool unspaced = IsDictionaryScript(t.script);
    if (CodePoints(t.key) < (unspaced ? 2 : 3)) continue;
    if (stop != stop_words.end() && stop->second.count(t.key)) continue;
    const std::string stem = stemmers.Stem(lang, t.key);
    // Title words name the event more often than body words do.
    const bool in_title =
        doc.title_begin >= 0 && t.utf16_begin >= doc.title_begin && t.utf16_end <= doc.title_end;
    add("w\t" + lang + "\t" + stem, in_title ? tuning.title_word_tf : 1.0f);
  }
  // One string for all keys: an article's words are held from round 2 to the stories.
  size_t size = 0;
  for (const std::string& key : keys) size += key.size() + 1;
  out.keys.reserve(size);
  for (const std::string& key : keys) {
    out.keys += key;
    out.keys += '\n';
  }
  out.counts.shrink_to_fit();
  return out;
}

std::string ArticleLang(const Document& doc) {
  std::string lang(PrimaryLanguage(doc.lang));
  return lang.empty() ? "und" : lang;
}

// Raw counts of the batch and the tables of its features, filled article by article.
class FeatureCounter {
 public:
  // `jobs`: the threads that weigh the articles.
  FeatureCounter(const EntityIndex& entity_by_id, size_t n, int jobs)
      : entity_by_id_(entity_by_id), jobs_(jobs), ent_tf_(n), word_tf_(n), num_tf_(n) {}

  void CountEntities(size_t k, const StoryArticle& a);
  void AddWords(size_t k, const StoryWords& words);
  // Moves the tables into `out` and fills its vectors with the weights.
  void Weigh(BatchFeatures& out);

 private:
  int32_t Id(const std::string& key);

  const EntityIndex& entity_by_id_;
  const int jobs_;
  std::unordered_map<std::string, int32_t> ids_;
  std::vector<Counts> ent_tf_, word_tf_, num_tf_;
  std::vector<int32_t> feature_entity_;
  std::vector<std::string> entity_ids_;
  std::vector<double> type_weight_;
};

int32_t FeatureCounter::Id(const std::string& key) {
  auto [it, inserted] = ids_.try_emplace(key, static_cast<int32_t>(ids_.size()));
  if (static_cast<size_t>(it->second) >= feature_entity_.size()) {
    feature_entity_.resize(it->second + 1, -1);
    type_weight_.resize(it->second + 1, 1.0);
  }
  return it->second;
}

void FeatureCounter::CountEntities(size_t k, const StoryArticle& a) {
  for (const Mention& m : a.mentions) {
    if (m.entity.empty()) continue;
    const int32_t id = Id("e\t" + m.entity);
    if (feature_entity_[id] < 0) {
      feature_entity_[id] = static_cast<int32_t>(entity_ids_.size());
      entity_ids_.push_back(m.entity);
      auto it = entity_by_id_.find(m.entity);
      type_weight_[id] = TypeWeight(it != entity_by_id_.end() ? it->second->type : m.type);
    }
    ent_tf_[k].emplace_back(id, 1.0f);
  }
}

void FeatureCounter::AddWords(size_t k, const StoryWords& words) {
  std::string key;
  size_t at = 0;
  for (const float count : words.counts) {
    const size_t end = words.keys.find('\n', at);
    key.assign(words.keys, at, end - at);
    at = end + 1;
    (key[0] == 'n' ? num_tf_ : word_tf_)[k].emplace_back(Id(key), count);
  }
}

void FeatureCounter::Weigh(BatchFeatures& out) {
  const size_t n = out.articles.size();
  ParallelFor(jobs_, n, [&](size_t k, int) {
    for (Counts* tf : {&ent_tf_[k], &word_tf_[k], &num_tf_[k]}) {
      std::stable_sort(tf->begin(), tf->end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      size_t kept = 0;
      for (size_t i = 0; i < tf->size(); ++i) {
        if (kept > 0 && (*tf)[kept - 1].first == (*tf)[i].first) {
          (*tf)[kept - 1].second += (*tf)[i].second;
        } else {
          (*tf)[kept++] = (*tf)[i];
        }
      }
      tf->resize(kept);
    }
  });
  out.df.assign(ids_.size(), 0);
  for (size_t k = 0; k < n; ++k) {
    for (const Counts* tf : {&ent_tf_[k], &word_tf_[k], &num_tf_[k]}) {
      for (const auto& [id, c] : *tf) ++out.df[id];
    }
  }
  auto idf = [&](int32_t id) { return std::log(1.0 + static_cast<double>(n) / out.df[id]); };
  ParallelFor(jobs_, n, [&](size_t k, int) {
    ArticleFeatures& f = out.articles[k];
    for (const auto& [id, c] : ent_tf_[k]) {
      f.entities.emplace_back(id,
                              static_cast<float>((1 + std::log(c)) * idf(id) * type_weight_[id]));
    }
    for (const auto& [id, c] : word_tf_[k]) {
      f.words.emplace_back(id, static_cast<float>((1 + std::log(c)) * idf(id)));
    }
    for (const auto& [id, c] : num_tf_[k]) f.numbers.emplace_back(id, static_cast<float>(idf(id)));
    Normalize(f.entities);
    Normalize(f.words);
    Normalize(f.numbers);
    Counts().swap(ent_tf_[k]);
    Counts().swap(word_tf_[k]);
    Counts().swap(num_tf_[k]);
  });
  out.feature_entity = std::move(feature_entity_);
  out.entity_ids = std::move(entity_ids_);
  out.type_weight = std::move(type_weight_);
}

}  // namespace

double Dot(const SparseVector& a, const SparseVector& b) {
  double sum = 0;
  ForEachShared(a, b, [&](int32_t, float wa, float wb) { sum += static_cast<double>(wa) * wb; });
  return sum;
}

double TypeWeight(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return 1.0;
    case EntityType::kOrg:
      return 0.8;
    case EntityType::kMisc:
      return 0.6;
    case EntityType::kPlace:
      return 0.4;
  }
  return 0.5;
}

StoryWords CountStoryWords(const Document& doc, const StopWords& stop_words,
                           const StoryTuning& tuning, Stemmers& stemmers) {
  return CountTokens(doc, ArticleLang(doc), stop_words, tuning, stemmers);
}

BatchFeatures ExtractFeatures(const std::vector<const StoryArticle*>& articles,
                              const EntityIndex& entity_by_id, const StopWords& stop_words,
                              const StoryTuning& tuning, int jobs) {
  BatchFeatures out;
  out.articles.resize(articles.size());
  FeatureCounter counter(entity_by_id, articles.size(), std::max(1, jobs));
  for (size_t k = 0; k < articles.size(); ++k) {
    ArticleFeatures& f = out.articles[k];
    f.lang = ArticleLang(*articles[k]->doc);
    f.date = articles[k]->event_date;
  }
  // Words are stemmed on the pool (a Snowball stemmer per thread), a slice of articles at a time
  // so that the keys of only one slice are held; ids are then given one article after the other.
  const int threads = std::max(1, jobs);
  std::vector<Stemmers> stemmers(threads);
  const size_t slice = 64 * static_cast<size_t>(threads);
  // Articles whose words were counted in the per-article round bring them along.
  std::vector<StoryWords> tokens(std::min(slice, articles.size()));
  for (size_t begin = 0; begin < articles.size(); begin += slice) {
    const size_t end = std::min(articles.size(), begin + slice);
    ParallelFor(threads, end - begin, [&](size_t i, int worker) {
      const StoryArticle& a = *articles[begin + i];
      if (!a.words) {
        tokens[i] =
            CountTokens(*a.doc, out.articles[begin + i].lang, stop_words, tuning, stemmers[worker]);
      }
    });
    for (size_t k = begin; k < end; ++k) {
      const StoryWords& words = articles[k]->words ? *articles[k]->words : tokens[k - begin];
      counter.CountEntities(k, *articles[k]);
      counter.AddWords(k, words);
      out.articles[k].latest_year = words.latest_year;
    }
  }
  counter.Weigh(out);
  return out;
}

}  // namespace crosswire
