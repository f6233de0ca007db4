// Story clustering: one cluster per real-world event.
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
#include "stories.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "dates.h"

#if CROSSWIRE_HAVE_STEMMER
#include <libstemmer.h>
#include "text/language_tag.h"
#endif

namespace crosswire {

namespace {

// Feature ids share one space: entity, word and number features are told apart by their vector.
using SparseVector = std::vector<std::pair<int32_t, float>>;  // sorted by feature id

double Dot(const SparseVector& a, const SparseVector& b) {
  double sum = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (a[i].first > b[j].first) {
      ++j;
    } else {
      sum += static_cast<double>(a[i].second) * b[j].second;
      ++i, ++j;
    }
  }
  return sum;
}

void Normalize(SparseVector& v) {
  double norm = 0;
  for (const auto& [id, w] : v) norm += static_cast<double>(w) * w;
  if (norm <= 0) return;
  norm = std::sqrt(norm);
  for (auto& [id, w] : v) w = static_cast<float>(w / norm);
}

// A 64-bit mix (the finalizer of SplitMix64) giving each (feature, article) a fixed pseudo-random
// rank, the same on every platform.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

double TypeWeight(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return 1.0;
    case EntityType::kOrg: return 0.8;
    case EntityType::kMisc: return 0.6;
    case EntityType::kPlace: return 0.4;
  }
  return 0.5;
}

struct ArticleFeatures {
  SparseVector entities;
  SparseVector words;
  SparseVector numbers;
  std::string lang;
  std::optional<Date> date;
  int latest_year = 0;  // the latest year the text mentions, a weak clue when there is no date
};

// Feature ids in order of first use while walking articles in id order: deterministic.
class FeatureIds {
 public:
  int32_t Get(const std::string& key) {
    auto [it, inserted] = ids_.emplace(key, static_cast<int32_t>(ids_.size()));
    return it->second;
  }
  std::size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, int32_t> ids_;
};

// Stems with Snowball when the language has a stemmer; one stemmer per language per call, since
// a Snowball stemmer is not safe to share between threads and Cluster() is const.
class Stemmers {
 public:
  ~Stemmers() {
#if CROSSWIRE_HAVE_STEMMER
    for (auto& [lang, stemmer] : stemmers_) {
      if (stemmer) sb_stemmer_delete(stemmer);
    }
#endif
  }

  std::string Stem(const std::string& lang, const std::string& word) {
#if CROSSWIRE_HAVE_STEMMER
    auto it = stemmers_.find(lang);
    if (it == stemmers_.end()) {
      // libstemmer knows ISO 639-1 codes ("en", "fr", "ru"); other languages are left unstemmed.
      it = stemmers_.emplace(lang, lang.empty() || lang == "und"
                                       ? nullptr
                                       : sb_stemmer_new(lang.c_str(), "UTF_8"))
               .first;
    }
    if (it->second) {
      const sb_symbol* stem = sb_stemmer_stem(
          it->second, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
      if (stem) {
        return std::string(reinterpret_cast<const char*>(stem),
                           static_cast<std::size_t>(sb_stemmer_length(it->second)));
      }
    }
#else
    (void)lang;
#endif
    return word;
  }

 private:
#if CROSSWIRE_HAVE_STEMMER
  std::map<std::string, sb_stemmer*> stemmers_;
#else
  std::map<std::string, void*> stemmers_;
#endif
};

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

// Closeness of two event dates as a multiplier: the same day joins, weeks apart separate two
// events of the same kind about the same actors (two earthquakes in one region).
double DateFactor(const std::optional<Date>& a, const std::optional<Date>& b) {
  if (!a || !b) return 1.0;
  if (a->precision == DatePrecision::kYear || b->precision == DatePrecision::kYear) {
    return std::abs(a->year - b->year) <= 0 ? 1.0 : 0.5;
  }
  if (a->precision == DatePrecision::kMonth || b->precision == DatePrecision::kMonth) {
    const int months = std::abs((a->year * 12 + a->month) - (b->year * 12 + b->month));
    return months == 0 ? 1.0 : months == 1 ? 0.8 : 0.3;
  }
  const int64_t days = std::abs(DaysBetween(*a, *b));
  if (days == 0) return 1.25;
  if (days <= 1) return 1.1;
  if (days <= 3) return 0.85;
  if (days <= 7) return 0.6;
  if (days <= 31) return 0.35;
  return 0.15;
}

}  // namespace

struct StoryClusterer::Impl {
  std::map<std::string, std::unordered_set<std::string>> stop_words;  // language -> keys
  Tuning tuning;
};

StoryClusterer::StoryClusterer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoryClusterer::~StoryClusterer() = default;

Result<std::unique_ptr<StoryClusterer>> StoryClusterer::Create(const DataPack& data) {
  return Create(data, Tuning());
}

Result<std::unique_ptr<StoryClusterer>> StoryClusterer::Create(const DataPack& data, Tuning tuning) {
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

std::vector<StoryResult> StoryClusterer::Cluster(const std::vector<StoryArticle>& articles,
                                                 const std::vector<EntityResult>& entities) const {
  const Tuning& tuning = impl_->tuning;
  const int n = static_cast<int>(articles.size());
  if (n == 0) return {};

  // Work in id order so that the input order cannot change anything.
  std::vector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return articles[a].doc->id < articles[b].doc->id; });
  auto art = [&](int k) -> const StoryArticle& { return articles[order[k]]; };

  std::unordered_map<std::string, const EntityResult*> entity_by_id;
  for (const EntityResult& e : entities) entity_by_id[e.id] = &e;

  // ---- raw counts ----
  FeatureIds ids;
  std::vector<std::map<int32_t, float>> ent_tf(n), word_tf(n), num_tf(n);
  std::vector<int32_t> feature_entity;  // feature id -> index into `entity_ids`, or -1
  std::vector<std::string> entity_ids;  // entity id strings of entity features
  std::vector<double> feature_type_weight;
  auto ensure = [&](int32_t id) {
    if (static_cast<std::size_t>(id) >= feature_entity.size()) {
      feature_entity.resize(id + 1, -1);
      feature_type_weight.resize(id + 1, 1.0);
    }
  };
  Stemmers stemmers;
  std::vector<ArticleFeatures> features(n);
  for (int k = 0; k < n; ++k) {
    const StoryArticle& a = art(k);
    features[k].lang = PrimaryLanguage(a.doc->lang);
    if (features[k].lang.empty()) features[k].lang = "und";
    features[k].date = a.event_date;
    for (const Mention& m : a.mentions) {
      if (m.entity.empty()) continue;
      const int32_t id = ids.Get("e\t" + m.entity);
      ensure(id);
      if (feature_entity[id] < 0) {
        feature_entity[id] = static_cast<int32_t>(entity_ids.size());
        entity_ids.push_back(m.entity);
        auto it = entity_by_id.find(m.entity);
        feature_type_weight[id] = TypeWeight(it != entity_by_id.end() ? it->second->type : m.type);
      }
      ent_tf[k][id] += 1;
    }
    const auto stop = impl_->stop_words.find(features[k].lang);
    for (const Token& t : a.doc->tokens) {
      if (t.kind == TokenKind::kNumber) {
        // Years are dates, compared through the date factor; one-digit numbers say nothing.
        if (LooksLikeYear(t.key)) {
          features[k].latest_year = std::max(features[k].latest_year, std::stoi(t.key));
          continue;
        }
        if (t.key.size() < 2) continue;
        const int32_t id = ids.Get("n\t" + t.key);
        ensure(id);
        num_tf[k][id] += 1;
        continue;
      }
      if (t.kind != TokenKind::kWord) continue;
      const bool unspaced = IsDictionaryScript(t.script);
      if (CodePoints(t.key) < (unspaced ? 2 : 3)) continue;
      if (stop != impl_->stop_words.end() && stop->second.count(t.key)) continue;
      const std::string stem = stemmers.Stem(features[k].lang, t.key);
      const int32_t id = ids.Get("w\t" + features[k].lang + "\t" + stem);
      ensure(id);
      // Title words name the event more often than body words do.
      const bool in_title = a.doc->title_begin >= 0 && t.utf16_begin >= a.doc->title_begin &&
                            t.utf16_end <= a.doc->title_end;
      word_tf[k][id] += in_title ? tuning.title_word_tf : 1.0f;
    }
  }
  const std::size_t feature_count = ids.size();

  // ---- document frequencies and weights ----
  std::vector<int32_t> df(feature_count, 0);
  for (int k = 0; k < n; ++k) {
    for (auto* tf : {&ent_tf[k], &word_tf[k], &num_tf[k]}) {
      for (const auto& [id, c] : *tf) ++df[id];
    }
  }
  auto idf = [&](int32_t id) { return std::log(1.0 + static_cast<double>(n) / df[id]); };
  for (int k = 0; k < n; ++k) {
    for (const auto& [id, c] : ent_tf[k]) {
      features[k].entities.emplace_back(
          id, static_cast<float>((1 + std::log(c)) * idf(id) * feature_type_weight[id]));
    }
    for (const auto& [id, c] : word_tf[k]) {
      features[k].words.emplace_back(id, static_cast<float>((1 + std::log(c)) * idf(id)));
    }
    for (const auto& [id, c] : num_tf[k]) {
      features[k].numbers.emplace_back(id, static_cast<float>(idf(id)));
    }
    Normalize(features[k].entities);
    Normalize(features[k].words);
    Normalize(features[k].numbers);
  }

  // ---- candidate pairs from an inverted index ----
  // Each article's strongest features go into the index. A feature in more than `window` articles
  // (a big story's names, or a common word) does not pair each of them with all the others: its
  // posting list is shuffled by a hash of (feature, article), and an article meets only the
  // `window` articles around it in that order. Different features shuffle differently, so members
  // of a big story still meet many of each other, and the cost stays linear in the batch.
  const int32_t window = std::max(2, tuning.posting_window);
  struct Posting {
    uint64_t order;
    int32_t article;
    int32_t slot;  // index into strongest[article]
  };
  std::vector<std::vector<Posting>> postings(feature_count);
  std::vector<std::vector<std::pair<int32_t, float>>> strongest(n);
  for (int k = 0; k < n; ++k) {
    auto& top = strongest[k];
    auto take = [&](const SparseVector& v, int limit) {
      std::vector<std::pair<int32_t, float>> sorted(v.begin(), v.end());
      std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
      });
      for (int i = 0; i < limit && i < static_cast<int>(sorted.size()); ++i) {
        if (df[sorted[i].first] > 1) top.push_back(sorted[i]);
      }
    };
    take(features[k].entities, tuning.index_entities);
    take(features[k].words, tuning.index_words);
    take(features[k].numbers, tuning.index_numbers);
    for (std::size_t j = 0; j < top.size(); ++j) {
      postings[top[j].first].push_back({0, k, static_cast<int32_t>(j)});
    }
  }
  // position[k][j]: where article k stands in the posting list of its j-th strongest feature.
  std::vector<std::vector<int32_t>> position(n);
  for (int k = 0; k < n; ++k) position[k].resize(strongest[k].size());
  for (std::size_t id = 0; id < postings.size(); ++id) {
    auto& list = postings[id];
    if (static_cast<int32_t>(list.size()) > window) {
      for (Posting& p : list) p.order = Mix((static_cast<uint64_t>(id) << 32) | p.article);
      std::sort(list.begin(), list.end(), [](const Posting& x, const Posting& y) {
        return x.order != y.order ? x.order < y.order : x.article < y.article;
      });
    }
    for (std::size_t p = 0; p < list.size(); ++p) {
      position[list[p].article][list[p].slot] = static_cast<int32_t>(p);
    }
  }
  std::vector<std::pair<int32_t, int32_t>> pairs;
  {
    std::vector<float> acc(n, 0);
    std::vector<int32_t> touched;
    for (int k = 0; k < n; ++k) {
      touched.clear();
      for (std::size_t j = 0; j < strongest[k].size(); ++j) {
        const auto& [id, w] = strongest[k][j];
        const auto& list = postings[id];
        const int32_t size = static_cast<int32_t>(list.size());
        const int32_t span = std::min(size, window + 1);
        // The `window` neighbours around k, wrapping around the end of the list.
        const int32_t start = size <= window ? 0 : position[k][j] - window / 2 + size;
        for (int32_t i = 0; i < span; ++i) {
          const int32_t other = list[(start + i) % size].article;
          if (other == k) continue;
          if (acc[other] == 0) touched.push_back(other);
          acc[other] += w;
        }
      }
      // Keep the best few; each pair is proposed by either end.
      std::sort(touched.begin(), touched.end(), [&](int32_t a, int32_t b) {
        return acc[a] != acc[b] ? acc[a] > acc[b] : a < b;
      });
      const std::size_t keep = std::min<std::size_t>(touched.size(), tuning.candidates_per_article);
      for (std::size_t i = 0; i < keep; ++i) {
        pairs.emplace_back(std::min<int32_t>(k, touched[i]), std::max<int32_t>(k, touched[i]));
      }
      for (int32_t other : touched) acc[other] = 0;
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  }

  // ---- pair scores ----
  struct Edge {
    int32_t a, b;
    double score;
  };
  std::vector<Edge> edges;
  for (const auto& [a, b] : pairs) {
    const ArticleFeatures& fa = features[a];
    const ArticleFeatures& fb = features[b];
    const double ent = Dot(fa.entities, fb.entities);
    const double num = Dot(fa.numbers, fb.numbers);
    double base;
    if (fa.lang == fb.lang) {
      const double words = Dot(fa.words, fb.words);
      base = tuning.entity_weight * ent + tuning.word_weight * words;
    } else {
      // Across languages only entities (and numbers) can be compared.
      base = tuning.cross_entity_weight * ent;
    }
    // Shared numbers (a death toll, a magnitude, a sum) confirm a link but never make one alone:
    // day numbers and counts coincide too easily.
    base *= 1.0 + tuning.number_boost * num;
    double factor = DateFactor(fa.date, fb.date);
    if ((!fa.date || !fb.date) && fa.latest_year && fb.latest_year) {
      // Without two event dates, the years the texts mention still tell 2008 news from 2012 news.
      const int gap = std::abs(fa.latest_year - fb.latest_year);
      factor = gap == 0 ? 1.0 : gap == 1 ? tuning.year_gap1_factor : tuning.year_gap_factor;
    }
    const double score = std::min(1.0, base * factor);
    if (score > 0) edges.push_back({a, b, score});
  }

  // ---- group-average agglomerative clustering over the sparse graph ----
  std::vector<std::vector<int32_t>> members(n);
  std::vector<std::map<int32_t, double>> link_sum(n);  // cluster -> neighbour -> sum of scores
  for (int32_t k = 0; k < n; ++k) members[k] = {k};
  for (const Edge& e : edges) {
    link_sum[e.a][e.b] += e.score;
    link_sum[e.b][e.a] += e.score;
  }
  struct Candidate {
    double average;
    int32_t a, b;  // a < b
  };
  auto worse = [](const Candidate& x, const Candidate& y) {
    if (x.average != y.average) return x.average < y.average;
    return std::tie(x.a, x.b) > std::tie(y.a, y.b);
  };
  std::priority_queue<Candidate, std::vector<Candidate>, decltype(worse)> queue(worse);
  // The average counts a missing pair as 0, but only as many pairs as the index could have
  // proposed: each article brings at most candidates_per_article of them. Without that bound a
  // story of hundreds of articles could never hold together, whatever its links.
  auto average_of = [&](int32_t a, int32_t b, double sum) {
    const double na = static_cast<double>(members[a].size());
    const double nb = static_cast<double>(members[b].size());
    return sum / std::min(na * nb, tuning.candidates_per_article * (na + nb));
  };
  auto push = [&](int32_t a, int32_t b, double sum) {
    if (a > b) std::swap(a, b);
    const double average = average_of(a, b, sum);
    if (average >= tuning.merge_threshold) queue.push({average, a, b});
  };
  for (int32_t a = 0; a < n; ++a) {
    for (const auto& [b, sum] : link_sum[a]) {
      if (a < b) push(a, b, sum);
    }
  }
  while (!queue.empty()) {
    const Candidate c = queue.top();
    queue.pop();
    // Entries go stale when either side merges; every merge queues its fresh averages, so an
    // entry is current exactly when it still matches the recomputed average.
    if (members[c.a].empty() || members[c.b].empty()) continue;
    auto link = link_sum[c.a].find(c.b);
    if (link == link_sum[c.a].end() || average_of(c.a, c.b, link->second) != c.average) continue;
    // Merge b into a; a is the smaller index, so the survivor does not depend on input order.
    const int32_t a = c.a, b = c.b;
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    members[b].clear();
    link_sum[a].erase(b);
    for (const auto& [other, sum] : link_sum[b]) {
      if (other == a) continue;
      link_sum[a][other] += sum;
      link_sum[other].erase(b);
      link_sum[other][a] += sum;
    }
    link_sum[b].clear();
    for (const auto& [other, sum] : link_sum[a]) push(a, other, sum);
  }

  // ---- stories ----
  std::vector<std::vector<int32_t>> clusters;
  for (int32_t k = 0; k < n; ++k) {
    if (members[k].empty()) continue;
    std::sort(members[k].begin(), members[k].end());
    clusters.push_back(members[k]);
  }
  // Ordered by their earliest article id; members are indices in id order.
  std::sort(clusters.begin(), clusters.end(),
            [](const auto& x, const auto& y) { return x.front() < y.front(); });
  std::vector<int32_t> cluster_of(n);
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
    story.id = "S" + std::to_string(c + 1);
    std::set<std::string> languages;
    std::map<std::string, int> date_votes;  // ISO text -> articles
    std::map<std::string, Date> date_values;
    std::map<int32_t, std::pair<double, int>> entity_scores;  // feature -> (weight sum, articles)
    for (int32_t k : group) {
      story.articles.push_back(art(k).doc->id);
      languages.insert(art(k).doc->lang);
      if (const auto& d = features[k].date) {
        // Day-precise dates outvote vaguer ones.
        date_votes[d->ToString()] += d->precision == DatePrecision::kDay ? 2 : 1;
        date_values[d->ToString()] = *d;
      }
      for (const auto& [id, w] : features[k].entities) {
        auto& s = entity_scores[id];
        s.first += w;
        s.second += 1;
      }
    }
    story.languages.assign(languages.begin(), languages.end());
    int best_votes = 0;
    for (const auto& [text, votes] : date_votes) {
      if (votes > best_votes) best_votes = votes, story.date = date_values[text];
    }
    // Key entities: those most articles of the story mention, then the most informative.
    std::vector<std::pair<int32_t, double>> ranked;
    const int min_articles = group.size() > 1 ? 2 : 1;
    for (const auto& [id, s] : entity_scores) {
      if (s.second >= min_articles) ranked.emplace_back(id, s.first);
    }
    std::sort(ranked.begin(), ranked.end(), [&](const auto& x, const auto& y) {
      const int cx = entity_scores[x.first].second, cy = entity_scores[y.first].second;
      if (cx != cy) return cx > cy;
      if (x.second != y.second) return x.second > y.second;
      return entity_ids[feature_entity[x.first]] < entity_ids[feature_entity[y.first]];
    });
    if (ranked.size() > static_cast<std::size_t>(tuning.max_story_entities)) {
      ranked.resize(tuning.max_story_entities);
    }
    for (const auto& [id, score] : ranked) story.entities.push_back(entity_ids[feature_entity[id]]);
    // The label names people and organisations before places: "Ahmadian, Volfovich, Minsk" says
    // more than "Iran, Belarus".
    std::vector<int32_t> for_label;
    for (const auto& [id, score] : ranked) {
      if (feature_type_weight[id] > TypeWeight(EntityType::kPlace)) for_label.push_back(id);
    }
    for (const auto& [id, score] : ranked) {
      if (feature_type_weight[id] <= TypeWeight(EntityType::kPlace)) for_label.push_back(id);
    }
    std::string label;
    for (std::size_t i = 0; i < for_label.size() && i < 3; ++i) {
      const std::string& eid = entity_ids[feature_entity[for_label[i]]];
      auto it = entity_by_id.find(eid);
      if (!label.empty()) label += ", ";
      label += it != entity_by_id.end() ? it->second->name : eid;
    }
    if (label.empty()) label = art(group.front()).doc->title;
    if (label.empty()) label = art(group.front()).doc->id;
    if (story.date) label += " (" + story.date->ToString() + ")";
    story.label = std::move(label);

    // Links: the strongest edges that hold the story together (a maximum spanning tree).
    std::vector<const Edge*>& local = cluster_edges[c];
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
    for (const Edge* e : local) {
      const int32_t ra = find(e->a), rb = find(e->b);
      if (ra == rb) continue;
      parent[std::max(ra, rb)] = std::min(ra, rb);
      StoryLink link;
      link.a = art(e->a).doc->id;
      link.b = art(e->b).doc->id;
      // Rounded so that native and wasm builds print the same digits.
      link.score = std::round(e->score * 1000) / 1000;
      std::vector<std::pair<double, int32_t>> shared;
      const SparseVector& va = features[e->a].entities;
      const SparseVector& vb = features[e->b].entities;
      for (std::size_t i = 0, j = 0; i < va.size() && j < vb.size();) {
        if (va[i].first < vb[j].first) {
          ++i;
        } else if (va[i].first > vb[j].first) {
          ++j;
        } else {
          shared.emplace_back(-static_cast<double>(va[i].second) * vb[j].second, va[i].first);
          ++i, ++j;
        }
      }
      std::sort(shared.begin(), shared.end());
      for (const auto& [w, id] : shared) {
        if (link.shared.size() >= static_cast<std::size_t>(tuning.max_link_entities)) break;
        link.shared.push_back(entity_ids[feature_entity[id]]);
      }
      story.links.push_back(std::move(link));
    }
    stories.push_back(std::move(story));
  }
  return stories;
}

}  // namespace crosswire
