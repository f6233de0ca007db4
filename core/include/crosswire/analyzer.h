// Crosswire: a multilingual news-article analyzer.
//
// The front door of the core: an Analyzer holds a batch of articles; Analyze() runs the pipeline
// (per article: decode -> language -> clean -> segment; over the batch: mentions -> entities ->
// dates -> stories; see docs/ARCHITECTURE.md) and returns the plain structs of types.h, which
// AnalysisToJson() turns into the "crosswire/1" document.
#ifndef CROSSWIRE_ANALYZER_H_
#define CROSSWIRE_ANALYZER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosswire/status.h"
#include "crosswire/types.h"

namespace crosswire {

class Analyzer {
 public:
  // Builds an analyzer with its tables (data pack, ICU objects). Native builds use the system ICU
  // data; the wasm module hands ICU its data (udata_setCommonData) before the first Create.
  static Result<std::unique_ptr<Analyzer>> Create(Options options = {});
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Adds an article given as UTF-8 text. Ids must be unique within the batch. The article is
  // decoded here; the rest of its per-article step runs, on Options::jobs threads, in
  // MapRecords() or Analyze().
  Status AddArticle(std::string_view id, std::string_view utf8_text,
                    const ArticleOptions& article = {});
  // Adds a file's raw bytes; the encoding is detected and the text decoded. An .html/.htm name
  // makes the core extract the article from the markup.
  Status AddFile(std::string_view name, std::string_view bytes);
  // Runs round 1 of the per-article step (up to segmentation and the casing counts; the tokens
  // are not kept) of the articles added so far, on the thread pool; Analyze() and MapRecords() run
  // it themselves when it has not run.
  void Prepare();
  // Runs round 2 of the per-article step (the mention candidates and story words, read with the
  // casing counts given with AddCasingCounts(), or else of the articles here) of the articles added
  // so far, keeping its result for Analyze(), which then does not segment them again: the page's
  // batch worker runs it on its own articles while other workers run round 2 of theirs. Casing
  // counts given afterwards make Analyze() run it again with those.
  void PrepareRoundTwo();
  // The map step (docs/ARCHITECTURE.md, "Map and reduce"): runs the per-article step of every
  // article added so far and returns one JSON line per article, in insertion order: round 1
  // ("crosswire-record/2"), or rounds 1 and 2 ("crosswire-record/3", round 2 read with the casing
  // counts of AddCasingCounts(), or else of the articles here). Inputs rejected so far are in
  // Rejected(); RejectionRecord() writes their lines.
  enum class MapRound { kFirst, kSecond };
  std::string MapRecords(MapRound round = MapRound::kFirst);
  // How the words of the articles added so far are cased (round 1, run where it has not run), as
  // one "crosswire-casing/1" line: what map steps on shards sum and hand to each other.
  std::string CasingCounts();
  // The casing counts of the whole batch, given as CasingCounts() lines (of every shard: they add
  // up). They replace this analyzer's own: round 1 then counts nothing, and round 2 reads these.
  Status AddCasingCounts(std::string_view casing_line);
  // The reduce side: adds one line written by MapRecords() or RejectionRecord(), here or in
  // another process. Analyze() over the records of a batch equals Analyze() over its articles; a
  // "crosswire-record/3" line spares its article round 2 when the batch's casing counts (given with
  // AddCasingCounts(), or counted here) and tagger setting are those it was found with.
  Status AddRecord(std::string_view record_line);
  // The inputs rejected so far, in order.
  const std::vector<Rejection>& Rejected() const;
  // Reads user corrections in the aliases format (TYPE<TAB>canonical<TAB>variant...).
  Status AddAliases(std::string_view aliases_text);
  // The decoded text of an accepted article, or nothing for an unknown id.
  std::optional<ArticleInfo> Article(std::string_view id) const;
  // Drops all articles (aliases stay).
  void Clear();
  // The same, but the casing counts given with AddCasingCounts() stay too: for a map step that
  // writes its records of round 2 one article at a time.
  void DropArticles();
  // Drops the articles but keeps the casing counts (counted by round 1 so far, or given), to be
  // summed with those of the articles added next: a map step that reads one article at a time
  // writes its share's counts once (CasingCounts()) instead of once per article.
  void DropArticlesKeepingCounts();
  // Drops the user corrections added with AddAliases.
  void ClearAliases();

  // Runs the whole pipeline over the batch. Deterministic: the same batch in any order gives the
  // same result, apart from the order of `articles`, which follows insertion.
  Analysis Analyze();

  // The batch step in two calls, so that its largest part, the scoring of pairs of names, can be
  // shared with other analyzers that hold no memory in common with this one (the page's worker
  // pool: docs/ARCHITECTURE.md). BeginAnalysis() runs Analyze() up to that scoring; PairTask(k, n)
  // is piece k of n of the pairs (pieces of about equal work) as a task that ScorePairs() of any
  // analyzer with the same data scores, a pure function of the task; GivePairScores(k, n, scores)
  // hands those scores back; ScorePairPiece(k, n) scores a piece here; FinishAnalysis() scores the
  // pieces not given and returns what Analyze() would. Any other call that changes the batch (adding,
  // clearing, aliases) drops a begun analysis; PairTask, ScorePairPiece and FinishAnalysis begin one
  // when none is begun.
  void BeginAnalysis();
  std::string PairTask(std::size_t part, std::size_t parts);
  Status GivePairScores(std::size_t part, std::size_t parts, const std::vector<double>& scores);
  void ScorePairPiece(std::size_t part, std::size_t parts);
  Analysis FinishAnalysis();
  // The scores of a PairTask(): two numbers a pair (NaN where the pair asks for no such score). An
  // error for bytes that are not such a task.
  Result<std::vector<double>> ScorePairs(std::string_view task);

  // Compares two names with the entity matcher.
  MatchResult Match(std::string_view name_a, std::string_view name_b);

  const Options& options() const;

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The "crosswire-record/2" line of a rejected input, for AddRecord.
std::string RejectionRecord(const Rejection& rejection);

// The "crosswire/1" JSON document, with a stable key order.
std::string AnalysisToJson(const Analysis& analysis);

}  // namespace crosswire

#endif  // CROSSWIRE_ANALYZER_H_
