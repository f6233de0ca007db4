// What an Analyzer holds (Analyzer::Impl), shared by the files of its two steps: core/analyzer.cc
// (the articles, the per-article step in two rounds, the map records) and core/analyzer/batch_step.cc
// (the batch step: mentions -> entities -> dates -> stories, in one call or in two).
#ifndef CROSSWIRE_CORE_ANALYZER_IMPL_H_
#define CROSSWIRE_CORE_ANALYZER_IMPL_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "crosswire/analyzer.h"
#include "clean.h"
#include "data_pack.h"
#include "dates.h"
#include "decode.h"
#include "document.h"
#include "entities.h"
#include "gazetteer.h"
#include "html.h"
#include "language.h"
#include "mentions.h"
#include "mentions/words.h"
#include "names.h"
#include "record.h"
#include "segment.h"
#include "stories.h"
#include "stories/stemmers.h"

namespace crosswire {

struct Analyzer::Impl {
  Options options;
  DataPack data = DataPack::Embedded();
  std::unique_ptr<LanguageIdentifier> language;
  std::unique_ptr<Cleaner> cleaner;
  std::unique_ptr<Gazetteer> gazetteer;
  std::unique_ptr<NameMatcher> matcher;
  std::unique_ptr<EntityLinker> linker;
  std::unique_ptr<MentionFinder> mention_finder;
  std::unique_ptr<DateFinder> date_finder;
  std::unique_ptr<StoryClusterer> clusterer;
  std::vector<AliasEntry> aliases;  // user corrections, in the order they were added

  // How far the per-article step has taken an article.
  enum class Stage : uint8_t {
    kDecoded,  // added: decoded (and extracted from HTML)
    kSplit,    // language, cleaning, paragraphs, dates: what a map record holds
    kCounted,  // segmented, its words' casing counted into case_stats, its tokens dropped
  };
  std::vector<Document> docs;            // in insertion order
  std::vector<Stage> stages;             // of docs
  std::vector<std::size_t> input_bytes;  // of docs, for map records
  // Of docs: the first pass of their dates (DateFinder::Find without the batch), found with
  // `assumed` in round 1 or read from a record; the batch pass gives year-less dates their year.
  std::vector<std::optional<ArticleDates>> first_dates;
  std::optional<Date> assumed;  // Options::assumed_published
  // Of docs: round 2's result read from a record (crosswire-record/3), taken when it was found
  // with this batch's casing counts and tagger setting.
  std::vector<std::optional<RoundTwo>> round2;
  // How the words of the articles at kCounted are cased (their removed lines too): what round 2
  // judges a capital at the start of a sentence by. With `casing_given`, the counts of the whole
  // batch came from elsewhere (AddCasingCounts) and round 1 counts nothing.
  mentions::CaseStats case_stats;
  bool casing_given = false;
  std::string casing_fingerprint;  // CasingFingerprint(case_stats), made on first use
  int jobs = 1;
  // One per thread of the pool: ICU break iterators are not safe to share.
  std::vector<std::unique_ptr<Segmenter>> segmenters;
  // Round 2 of MapRecords and PrepareRoundTwo, per thread, kept between calls: the page's workers map one article a
  // call, and break iterators and stemmers cost more to create than an article takes to scan.
  std::vector<std::unique_ptr<Segmenter>> map_scan_segmenters;
  std::vector<std::unique_ptr<Stemmers>> map_stemmers;
  std::set<std::string> ids;  // of accepted and rejected inputs
  std::vector<Rejection> rejected;
  std::size_t batch_bytes = 0;

  Status Reject(std::string_view id, Status status) {
    rejected.push_back({std::string(id), status});
    return status;
  }
  Status Admit(std::string_view id, std::size_t size);
  Status Accept(Document doc, std::size_t bytes);
  Status Advance(Document& doc, Stage from, Stage to, Segmenter& segmenter,
                 std::optional<ArticleDates>& dates, mentions::CaseStats& counts) const;
  void RunArticleStep(Stage to);
  void RunRoundTwo();
  Segmenter& SegmenterOf(int worker) { return *segmenters[worker]; }
  Document RemovedView(const Document& doc) const;
  // Whether round 2's result read from the record of docs[i] holds for this batch; forgets it
  // otherwise.
  bool KeepRoundTwo(std::size_t i);
  // Round 2 of one document, an article or the removed-line view of one: segmented again (it was
  // in round 1, with the same result; a document ICU cannot segment has no tokens), its mention
  // candidates found with the batch's casing counts and, with `words`, its story words counted;
  // its tokens are dropped after. Analyze() and MapRecords() both run it, so that a record's round
  // 2 is the analysis's.
  ArticleCandidates RoundTwoOf(Document& doc, Segmenter& segmenter, Segmenter& scan_segmenter,
                               MentionWork& work, Stemmers* stemmers = nullptr,
                               StoryWords* words = nullptr) const;
  const std::string& Fingerprint() {
    if (casing_fingerprint.empty()) casing_fingerprint = CasingFingerprint(case_stats);
    return casing_fingerprint;
  }

  // The batch step between BeginAnalysis() and FinishAnalysis(); any change to the batch drops it.
  struct PendingBatch;
  std::unique_ptr<PendingBatch> pending;
};

// What the batch step holds while the pairs of names are scored: the articles sorted by id, the
// views of their removed lines, their story words, and linking up to the scoring.
struct Analyzer::Impl::PendingBatch {
  std::vector<Document*> sorted;
  std::vector<std::size_t> view_of;  // the sorted article of each view
  std::vector<Document> views;
  std::vector<std::optional<StoryWords>> words;
  std::vector<const Document*> all_docs;  // sorted, then the views
  std::unique_ptr<LinkRun> link;
};


}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ANALYZER_IMPL_H_
