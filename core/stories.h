// Stories: groups the articles of a batch into one cluster per real-world event, across languages,
// from shared entities (weighted by how informative they are), event-date closeness, numbers and
// same-language stemmed content words. Candidate pairs come from an inverted index, never all
// pairs. The steps live in core/stories/ (see docs/ARCHITECTURE.md).
#ifndef CROSSWIRE_CORE_STORIES_H_
#define CROSSWIRE_CORE_STORIES_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crosswire/types.h"
#include "data_pack.h"
#include "document.h"
#include "entities/corrections.h"

namespace crosswire {

class Stemmers;

// The words and numbers stories compare, counted from one article's tokens (the per-article round
// keeps these instead of the tokens): keys in order of first use, "w\t<lang>\t<stem>" or
// "n\t<number>", each with its weighted occurrences.
struct StoryWords {
  std::string keys;           // every key followed by '\n'
  std::vector<float> counts;  // of the keys, in their order
  int latest_year = 0;        // the latest year-like number of the text
};

struct StoryArticle {
  const Document* doc = nullptr;
  std::optional<Date> event_date;
  std::vector<Mention> mentions;  // with entity ids
  // Counted already (StoryClusterer::CountWords); else counted from doc's tokens.
  std::optional<StoryWords> words;
};

// The knobs of the clusterer, with the defaults tuned on English event-coreference data (ECB+) and
// the multilingual seeds. Exposed for the evaluation tools and tests, not for end users.
struct StoryTuning {
  // Pair score = weights · (entity, word cosines) · (1 + number_boost · number cosine), times the
  // date-closeness factor.
  double entity_weight = 0.7;
  double word_weight = 0.3;
  double number_boost = 0.5;
  double cross_entity_weight = 0.9;  // across languages, where words cannot be compared
  float title_word_tf = 2.0f;        // a word of the title counts as this many occurrences
  // Clusters merge while their average pair score is at least this (a missing pair counts 0, but
  // no more pairs are counted than candidates_per_article · (size A + size B)).
  double merge_threshold = 0.1;
  // Without two event dates: factor when the latest years the texts mention differ by 1, by more.
  double year_gap1_factor = 0.7;
  double year_gap_factor = 0.3;
  // Candidate generation: each article's strongest features of each kind go into the index; through
  // a feature in more than posting_window articles, an article meets only posting_window of them
  // (a different pseudo-random sample per feature), which keeps the cost linear in the batch.
  int index_entities = 10;
  int index_words = 15;
  int index_numbers = 5;
  int posting_window = 64;
  int candidates_per_article = 50;
  // Output sizes.
  int max_story_entities = 20;
  int max_link_entities = 8;
};

class StoryClusterer {
 public:
  using Tuning = StoryTuning;

  // Loads stop-word lists (data pack "stopwords/<lang>.txt"); Snowball stemmers are made per call.
  static Result<std::unique_ptr<StoryClusterer>> Create(const DataPack& data);
  static Result<std::unique_ptr<StoryClusterer>> Create(const DataPack& data, Tuning tuning);
  ~StoryClusterer();

  // The story words of one segmented article; `stemmers` belong to the calling thread.
  StoryWords CountWords(const Document& doc, Stemmers& stemmers) const;

  // Every article ends in exactly one story. Deterministic for any input order. Story ids "S1"...
  // ordered by their earliest article id. `moves` (the user's STORY lines) are applied last.
  // Words are stemmed on `jobs` threads; the result does not depend on `jobs`.
  std::vector<StoryResult> Cluster(const std::vector<StoryArticle>& articles,
                                   const std::vector<EntityResult>& entities,
                                   const std::vector<StoryMove>& moves = {}, int jobs = 1) const;

 private:
  struct Impl;
  explicit StoryClusterer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_STORIES_H_
