// The Analyzer: owns every table of the pipeline and runs the stages in the order of
// docs/ARCHITECTURE.md: per article (decode as it is added; language -> clean -> language per
// paragraph -> dates -> segment -> casing counts on the thread pool: round 1), per article again
// with the batch's casing counts (segment -> mention candidates -> story words: round 2), then over
// the batch (mentions -> entities -> dates -> stories). An article's tokens live only while one of
// its rounds runs: they are several times the size of its text.
#include "crosswire/analyzer.h"

#include <unicode/uchar.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "clean.h"
#include "data_pack.h"
#include "dates.h"
#include "decode.h"
#include "document.h"
#include "entities.h"
#include "entities/pair_tasks.h"
#include "gazetteer.h"
#include "html.h"
#include "language.h"
#include "mentions.h"
#include "mentions/words.h"
#include "names.h"
#include "parallel.h"
#include "record.h"
#include "segment.h"
#include "stories.h"
#include "stories/stemmers.h"
#include "text/normalize.h"

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

namespace {

// Frees an article's tokens and sentences (the rest of the Document stays).
void DropSegmentation(Document& doc) {
  std::vector<Token>().swap(doc.tokens);
  std::vector<Sentence>().swap(doc.sentences);
}

}  // namespace

// The removed lines of `doc` alone: the same text, with everything but those lines removed; not
// segmented.
Document Analyzer::Impl::RemovedView(const Document& doc) const {
  Document view;
  view.id = doc.id;
  view.text = doc.text;  // ICU shares the buffer
  view.lang = doc.lang;
  view.encoding = doc.encoding;
  int32_t kept_from = 0;
  for (const RemovedSpan& r : doc.removed) {
    if (r.utf16_begin > kept_from) view.removed.push_back({kept_from, r.utf16_begin, "kept"});
    kept_from = std::max(kept_from, r.utf16_end);
  }
  if (kept_from < doc.text.length()) view.removed.push_back({kept_from, doc.text.length(), "kept"});
  SplitParagraphs(view);
  return view;
}

ArticleCandidates Analyzer::Impl::RoundTwoOf(Document& doc, Segmenter& segmenter,
                                             Segmenter& scan_segmenter, MentionWork& work,
                                             Stemmers* stemmers, StoryWords* words) const {
  (void)segmenter.Segment(doc);  // fails only before it makes any token
  ArticleCandidates found = mention_finder->FindInArticle(doc, case_stats, scan_segmenter, work);
  if (words) *words = clusterer->CountWords(doc, *stemmers);
  DropSegmentation(doc);
  return found;
}

bool Analyzer::Impl::KeepRoundTwo(std::size_t i) {
  if (!round2[i]) return false;
  if (round2[i]->casing == Fingerprint() && round2[i]->tagger == options.use_tagger) return true;
  round2[i].reset();
  return false;
}

namespace {

// Drops the entities that occur only in removed text (documents at index >= article_count are
// removed-line views), renumbers the rest E1, E2... in their order, and drops or renames mentions.
void KeepArticleEntities(std::size_t article_count, LinkedEntities& linked) {
  std::unordered_set<std::string> in_articles;
  for (std::size_t i = 0; i < article_count && i < linked.mentions.size(); ++i) {
    for (const Mention& m : linked.mentions[i]) in_articles.insert(m.entity);
  }
  std::unordered_map<std::string, std::string> renamed;
  std::vector<EntityResult> kept;
  kept.reserve(in_articles.size());
  for (EntityResult& e : linked.entities) {
    if (!in_articles.count(e.id)) continue;
    std::string id = "E" + std::to_string(kept.size() + 1);
    renamed[std::move(e.id)] = id;
    e.id = std::move(id);
    // A document and its removed-line view share an id: list each article once.
    e.articles.erase(std::unique(e.articles.begin(), e.articles.end()), e.articles.end());
    kept.push_back(std::move(e));
  }
  linked.entities = std::move(kept);
  for (std::vector<Mention>& mentions : linked.mentions) {
    std::size_t count = 0;  // in place: no second copy of the batch's mentions
    for (Mention& m : mentions) {
      auto it = renamed.find(m.entity);
      if (it == renamed.end()) continue;
      m.entity = it->second;
      if (&mentions[count] != &m) mentions[count] = std::move(m);
      ++count;
    }
    mentions.resize(count);
  }
}

}  // namespace

Status Analyzer::Impl::Admit(std::string_view id, std::size_t size) {
  if (id.empty()) return Status(StatusCode::kInvalidArgument, "an article needs a non-empty id");
  if (ids.count(std::string(id))) {
    return Status(StatusCode::kInvalidArgument, "duplicate article id '" + std::string(id) + "'");
  }
  ids.insert(std::string(id));
  if (size > options.max_article_bytes) {
    return Reject(
        id, Status(StatusCode::kTooLarge, "'" + std::string(id) + "' is " + std::to_string(size) +
                                              " bytes, over the per-article limit of " +
                                              std::to_string(options.max_article_bytes)));
  }
  if (batch_bytes + size > options.max_batch_bytes) {
    return Reject(id, Status(StatusCode::kTooLarge,
                             "'" + std::string(id) + "' would take the batch over its limit of " +
                                 std::to_string(options.max_batch_bytes) + " bytes"));
  }
  batch_bytes += size;
  return Status::Ok();
}

// A decoded article joins the batch; its per-article step waits for the thread pool.
Status Analyzer::Impl::Accept(Document doc, std::size_t bytes) {
  // An empty or blank article has nothing to analyse, and would become a story of its own.
  bool blank = true;
  for (int32_t i = 0; i < doc.text.length() && blank; ++i) {
    blank = u_isUWhiteSpace(doc.text[i]) || doc.text[i] == 0xFEFF || doc.text[i] == 0x200B;
  }
  if (blank) {
    return Reject(doc.id, Status(StatusCode::kInvalidArgument,
                                 "'" + doc.id + "' is empty or holds only whitespace"));
  }
  docs.push_back(std::move(doc));
  stages.push_back(Stage::kDecoded);
  input_bytes.push_back(bytes);
  first_dates.emplace_back();
  round2.emplace_back();
  return Status::Ok();
}

// The per-article step of one article, from one stage to a later one. Reads only the analyzer's
// tables (shared, read-only) and `segmenter` (the calling thread's own).
Status Analyzer::Impl::Advance(Document& doc, Stage from, Stage to, Segmenter& segmenter,
                               std::optional<ArticleDates>& dates,
                               mentions::CaseStats& counts) const {
  if (from == Stage::kDecoded && to >= Stage::kSplit) {
    language->IdentifyDocument(doc, options.language);
    cleaner->Clean(doc);
    SplitParagraphs(doc);
    if (options.language.empty()) language->IdentifyParagraphs(doc);
    // The dates read the text, its paragraphs and removed lines, not the tokens.
    dates = date_finder->Find(doc, assumed, std::nullopt);
  }
  if (from < Stage::kCounted && to == Stage::kCounted && !casing_given) {
    // The casing counts are all round 2 needs of the batch; the tokens are made again there.
    CROSSWIRE_RETURN_IF_ERROR(segmenter.Segment(doc));
    mention_finder->CountCases(doc, counts);
    DropSegmentation(doc);
    if (!doc.removed.empty()) {
      Document view = RemovedView(doc);
      if (segmenter.Segment(view).ok()) mention_finder->CountCases(view, counts);
    }
  }
  return Status::Ok();
}

// Takes every article that is not yet at `to` there, on the pool. An article that fails is
// rejected (in insertion order) and leaves the batch.
void Analyzer::Impl::RunArticleStep(Stage to) {
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (stages[i] < to) todo.push_back(i);
  }
  if (todo.empty()) return;
  std::vector<Status> results(todo.size());
  std::vector<mentions::CaseStats> counted(jobs);
  ParallelFor(jobs, todo.size(), [&](std::size_t k, int worker) {
    results[k] = Advance(docs[todo[k]], stages[todo[k]], to, SegmenterOf(worker),
                         first_dates[todo[k]], counted[worker]);
  });
  // Sums: the order of the threads does not matter.
  for (const mentions::CaseStats& counts : counted) case_stats.Add(counts);
  if (!casing_given) casing_fingerprint.clear();
  counted.clear();
  bool failed = false;
  for (std::size_t k = 0; k < todo.size(); ++k) {
    stages[todo[k]] = to;
    if (!results[k].ok()) {
      (void)Reject(docs[todo[k]].id, results[k]);
      failed = true;
    }
  }
  if (!failed) return;
  std::size_t kept = 0;
  for (std::size_t i = 0, k = 0; i < docs.size(); ++i) {
    const bool drop = k < todo.size() && todo[k] == i && !results[k++].ok();
    if (drop) continue;
    docs[kept] = std::move(docs[i]);
    stages[kept] = stages[i];
    input_bytes[kept] = input_bytes[i];
    first_dates[kept] = std::move(first_dates[i]);
    round2[kept] = std::move(round2[i]);
    ++kept;
  }
  docs.resize(kept);
  stages.resize(kept);
  input_bytes.resize(kept);
  first_dates.resize(kept);
  round2.resize(kept);
}

// Round 2 of every article at kCounted whose record did not bring it, as Analyze() runs it; the
// result is kept in round2, found with this batch's casing counts.
void Analyzer::Impl::RunRoundTwo() {
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (!KeepRoundTwo(i)) todo.push_back(i);
  }
  const std::string& fingerprint = Fingerprint();
  while (static_cast<int>(map_stemmers.size()) < jobs) {
    map_scan_segmenters.push_back(std::make_unique<Segmenter>());
    map_stemmers.push_back(std::make_unique<Stemmers>());
  }
  std::vector<MentionWork> work(jobs);
  ParallelFor(jobs, todo.size(), [&](std::size_t k, int worker) {
    Document& doc = docs[todo[k]];
    Segmenter& segmenter = SegmenterOf(worker);
    Segmenter& scan_segmenter = *map_scan_segmenters[worker];
    RoundTwo r;
    r.casing = fingerprint;
    r.tagger = options.use_tagger;
    r.article = RoundTwoOf(doc, segmenter, scan_segmenter, work[worker],
                                map_stemmers[worker].get(), &r.words);
    if (!doc.removed.empty()) {
      Document view = RemovedView(doc);
      r.removed = RoundTwoOf(view, segmenter, scan_segmenter, work[worker]);
    }
    round2[todo[k]] = std::move(r);
  });
  for (const MentionWork& w : work) mention_finder->AddWork(w);
}

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;

const Options& Analyzer::options() const { return impl_->options; }

Result<std::unique_ptr<Analyzer>> Analyzer::Create(Options options) {
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  if (!impl->options.assumed_published.empty() && !ParseIsoDate(impl->options.assumed_published)) {
    return Status(StatusCode::kInvalidArgument,
                  "the assumed publication date must be YYYY-MM-DD, not '" +
                      impl->options.assumed_published + "'");
  }
  if (!impl->options.extra_data.empty()) {
    std::vector<DataFile> extra;
    for (const auto& [path, contents] : impl->options.extra_data) extra.push_back({path, contents});
    impl->data = impl->data.With(extra);
  }
  if (!impl->options.assumed_published.empty())
    impl->assumed = ParseIsoDate(impl->options.assumed_published);
  impl->jobs = ResolveJobs(impl->options.jobs);
  for (int w = 0; w < impl->jobs; ++w) impl->segmenters.push_back(std::make_unique<Segmenter>());
  const DataPack& data = impl->data;
  CROSSWIRE_ASSIGN_OR_RETURN(impl->language, LanguageIdentifier::Create(data));
  CROSSWIRE_ASSIGN_OR_RETURN(impl->cleaner, Cleaner::Create(data));
  CROSSWIRE_ASSIGN_OR_RETURN(impl->gazetteer, Gazetteer::Create(data));
  CROSSWIRE_ASSIGN_OR_RETURN(impl->matcher, NameMatcher::Create(data));
  CROSSWIRE_ASSIGN_OR_RETURN(impl->linker, EntityLinker::Create(data));
  CROSSWIRE_ASSIGN_OR_RETURN(impl->mention_finder, MentionFinder::Create(data, *impl->gazetteer,
                                                                         impl->options.use_tagger));
  CROSSWIRE_ASSIGN_OR_RETURN(impl->date_finder, DateFinder::Create(data));
  CROSSWIRE_ASSIGN_OR_RETURN(impl->clusterer, StoryClusterer::Create(data));
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(impl)));
}

Status Analyzer::AddArticle(std::string_view id, std::string_view utf8_text,
                            const ArticleOptions& article) {
  impl_->pending.reset();
  CROSSWIRE_RETURN_IF_ERROR(impl_->Admit(id, utf8_text.size()));
  const std::optional<Date> published =
      article.published.empty() ? std::nullopt : ParseIsoDate(article.published);
  if (!article.published.empty() && (!published || published->precision != DatePrecision::kDay)) {
    return impl_->Reject(
        id, Status(StatusCode::kInvalidArgument,
                   std::string(id) + ": the publication date must be YYYY-MM-DD, not '" +
                       article.published + "'"));
  }
  Result<Decoded> decoded = DecodeUtf8(utf8_text);
  if (!decoded.ok()) return impl_->Reject(id, decoded.status());
  Document doc;
  doc.id = std::string(id);
  doc.text = std::move(decoded.value().text);
  doc.encoding = decoded.value().encoding;
  doc.warnings = std::move(decoded.value().warnings);
  doc.published = published;
  return impl_->Accept(std::move(doc), utf8_text.size());
}

Status Analyzer::AddFile(std::string_view name, std::string_view bytes) {
  impl_->pending.reset();
  CROSSWIRE_RETURN_IF_ERROR(impl_->Admit(name, bytes.size()));
  Result<Decoded> decoded = DecodeBytes(bytes);
  if (!decoded.ok()) {
    return impl_->Reject(name, Status(decoded.status().code(),
                                      std::string(name) + ": " + decoded.status().message()));
  }
  Document doc;
  doc.id = std::string(name);
  doc.encoding = decoded.value().encoding;
  doc.warnings = std::move(decoded.value().warnings);
  if (IsHtmlName(name)) {
    doc.text = ExtractHtml(decoded.value().text).text;
  } else {
    doc.text = std::move(decoded.value().text);
  }
  return impl_->Accept(std::move(doc), bytes.size());
}

Status Analyzer::AddRecord(std::string_view record_line) {
  impl_->pending.reset();
  Result<ParsedRecord> parsed = ParseRecord(record_line);
  if (!parsed.ok()) return parsed.status();
  ParsedRecord& record = parsed.value();
  if (record.rejected) {
    const std::string& id = record.rejection.id;
    if (impl_->ids.count(id)) {
      return Status(StatusCode::kInvalidArgument, "duplicate article id '" + id + "'");
    }
    impl_->ids.insert(id);
    impl_->rejected.push_back(std::move(record.rejection));
    return Status::Ok();
  }
  std::string id = record.doc.id;
  CROSSWIRE_RETURN_IF_ERROR(impl_->Admit(id, record.input_bytes));
  impl_->docs.push_back(std::move(record.doc));
  impl_->stages.push_back(Impl::Stage::kSplit);
  impl_->input_bytes.push_back(record.input_bytes);
  // Dates found with another assumed publication date are found again.
  if (record.dates && record.dates->assumed == impl_->assumed) {
    impl_->first_dates.push_back(std::move(record.dates->dates));
  } else {
    impl_->first_dates.emplace_back();
  }
  impl_->round2.push_back(std::move(record.round2));
  return Status::Ok();
}

void Analyzer::Prepare() {
  impl_->pending.reset();
  impl_->RunArticleStep(Impl::Stage::kCounted);
}

void Analyzer::PrepareRoundTwo() {
  impl_->pending.reset();
  impl_->RunArticleStep(Impl::Stage::kCounted);
  impl_->RunRoundTwo();
}

std::string Analyzer::MapRecords(MapRound round) {
  impl_->pending.reset();
  Impl& impl = *impl_;
  impl.RunArticleStep(round == MapRound::kFirst ? Impl::Stage::kSplit : Impl::Stage::kCounted);
  if (round == MapRound::kSecond) impl.RunRoundTwo();
  std::string out;
  for (std::size_t i = 0; i < impl.docs.size(); ++i) {
    std::optional<ArticleDates>& dates = impl.first_dates[i];
    if (!dates) dates = impl.date_finder->Find(impl.docs[i], impl.assumed, std::nullopt);
    const RoundTwo* round2 = impl.round2[i] ? &*impl.round2[i] : nullptr;
    out += ArticleRecordJson(impl.docs[i], impl.input_bytes[i], {*dates, impl.assumed}, round2);
    out += '\n';
  }
  return out;
}

std::string Analyzer::CasingCounts() {
  impl_->pending.reset();
  impl_->RunArticleStep(Impl::Stage::kCounted);
  return CasingJson(impl_->case_stats);
}

Status Analyzer::AddCasingCounts(std::string_view line) {
  impl_->pending.reset();
  mentions::CaseStats read;
  CROSSWIRE_RETURN_IF_ERROR(AddCasingJson(line, read));
  if (!impl_->casing_given) impl_->case_stats = {};
  impl_->casing_given = true;
  impl_->case_stats.Add(read);
  impl_->casing_fingerprint.clear();
  return Status::Ok();
}

void Analyzer::DropArticles() {
  impl_->pending.reset();
  if (!impl_->casing_given) {
    Clear();
    return;
  }
  mentions::CaseStats given = std::move(impl_->case_stats);
  std::string fingerprint = std::move(impl_->casing_fingerprint);
  Clear();
  impl_->case_stats = std::move(given);
  impl_->casing_fingerprint = std::move(fingerprint);
  impl_->casing_given = true;
}

void Analyzer::DropArticlesKeepingCounts() {
  impl_->pending.reset();
  mentions::CaseStats counts = std::move(impl_->case_stats);
  const bool given = impl_->casing_given;
  Clear();
  impl_->case_stats = std::move(counts);
  impl_->casing_given = given;
}

const std::vector<Rejection>& Analyzer::Rejected() const { return impl_->rejected; }

std::string RejectionRecord(const Rejection& rejection) { return RejectionRecordJson(rejection); }

Status Analyzer::AddAliases(std::string_view aliases_text) {
  impl_->pending.reset();
  CROSSWIRE_ASSIGN_OR_RETURN(std::vector<AliasEntry> parsed, ParseAliases(aliases_text, "aliases"));
  for (AliasEntry& entry : parsed) impl_->aliases.push_back(std::move(entry));
  return Status::Ok();
}

std::optional<ArticleInfo> Analyzer::Article(std::string_view id) const {
  for (const Document& doc : impl_->docs) {
    if (doc.id == id) return ArticleInfo{doc.id, ToUtf8(doc.text), doc.encoding, doc.warnings};
  }
  return std::nullopt;
}

void Analyzer::ClearAliases() {
  impl_->pending.reset();
  impl_->aliases.clear();
}

void Analyzer::Clear() {
  impl_->pending.reset();
  impl_->docs.clear();
  impl_->stages.clear();
  impl_->input_bytes.clear();
  impl_->first_dates.clear();
  impl_->round2.clear();
  impl_->case_stats = {};
  impl_->casing_given = false;
  impl_->casing_fingerprint.clear();
  impl_->ids.clear();
  impl_->rejected.clear();
  impl_->batch_bytes = 0;
  // The name-key cache serves one batch; a long-lived analyzer must not grow with every batch.
  impl_->matcher->ClearCache();
}

MatchResult Analyzer::Match(std::string_view name_a, std::string_view name_b) {
  return impl_->matcher->Match(name_a, name_b);
}

Analysis Analyzer::Analyze() {
  BeginAnalysis();
  return FinishAnalysis();
}

void Analyzer::BeginAnalysis() {
  Impl& impl = *impl_;
  impl.pending.reset();
  impl.RunArticleStep(Impl::Stage::kCounted);
  auto batch = std::make_unique<Impl::PendingBatch>();
  // Batch-level stages see the articles sorted by id, so the result does not depend on the order
  // in which they were added.
  std::vector<Document*>& sorted = batch->sorted;
  for (Document& doc : impl.docs) sorted.push_back(&doc);
  std::sort(sorted.begin(), sorted.end(),
            [](const Document* a, const Document* b) { return a->id < b->id; });

  // Removed boilerplate is not part of an article, but the reader still sees it (greyed). Its lines
  // are searched for names as documents of their own ("views"), linked with the batch, and a name
  // there is kept only when its entity also occurs in some article's kept text: a related-links
  // list adds no entities of its own and counts for no story, yet "Bélarus" in one is still shown
  // as Belarus.
  std::vector<std::size_t>& view_of = batch->view_of;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (!sorted[i]->removed.empty()) view_of.push_back(i);
  }
  std::vector<Document>& views = batch->views;
  views.resize(view_of.size());

  // Round 2, per article and per view, given the casing counts of round 1: each is segmented again,
  // its mention candidates and story words are found, and its tokens are dropped. An article whose
  // record brought round 2's result for this batch is not segmented.
  const std::size_t n = sorted.size();
  std::vector<RoundTwo*> given(n, nullptr);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = static_cast<std::size_t>(sorted[k] - impl.docs.data());
    if (impl.KeepRoundTwo(i)) given[k] = &*impl.round2[i];
  }
  std::vector<ArticleCandidates> found(n + views.size());
  std::vector<std::optional<StoryWords>>& words = batch->words;
  words.resize(n);
  std::vector<Segmenter> scan_segmenters(impl.jobs);
  std::vector<MentionWork> work(impl.jobs);
  std::vector<Stemmers> stemmers(impl.jobs);
  ParallelFor(impl.jobs, found.size(), [&](std::size_t k, int worker) {
    Segmenter& segmenter = impl.SegmenterOf(worker);
    RoundTwo* from_record = given[k < n ? k : view_of[k - n]];
    if (k < n) {
      if (from_record) {
        found[k] = std::move(from_record->article);
        words[k] = std::move(from_record->words);
        return;
      }
      StoryWords counted;
      found[k] = impl.RoundTwoOf(*sorted[k], segmenter, scan_segmenters[worker], work[worker],
                                 &stemmers[worker], &counted);
      words[k] = std::move(counted);
    } else {
      views[k - n] = impl.RemovedView(*sorted[view_of[k - n]]);
      found[k] = from_record ? std::move(*from_record->removed)
                             : impl.RoundTwoOf(views[k - n], segmenter, scan_segmenters[worker],
                                               work[worker]);
    }
  });
  // Each result is read once.
  for (std::optional<RoundTwo>& r : impl.round2) r.reset();
  for (const MentionWork& w : work) impl.mention_finder->AddWork(w);
  scan_segmenters.clear();
  stemmers.clear();
#ifdef __GLIBC__
  // The tokens the pool's threads freed stay resident in their malloc arenas, which the one-thread
  // batch step does not allocate from (about 20 MB of the peak at 10,000 articles, two threads).
  malloc_trim(0);
#endif

  std::vector<const Document*>& all_docs = batch->all_docs;
  all_docs.assign(sorted.begin(), sorted.end());
  for (const Document& view : views) all_docs.push_back(&view);
  std::vector<std::vector<MentionCandidate>> candidates =
      impl.mention_finder->FindInBatch(all_docs, std::move(found), impl.case_stats, *impl.matcher);
  for (Document& view : views) {  // linking reads only their ids
    std::vector<Paragraph>().swap(view.paragraphs);
    std::vector<RemovedSpan>().swap(view.removed);
  }
  ReleaseFreedMemory();  // the batch passes rewrote every article's candidates
  batch->link = impl.linker->Begin(all_docs, std::move(candidates), impl.aliases, *impl.gazetteer,
                                   *impl.matcher, impl.jobs);
  impl.pending = std::move(batch);
}

std::string Analyzer::PairTask(std::size_t part, std::size_t parts) {
  if (!impl_->pending) BeginAnalysis();
  return impl_->pending->link->PairTask(part, parts);
}

void Analyzer::ScorePairPiece(std::size_t part, std::size_t parts) {
  if (!impl_->pending) BeginAnalysis();
  impl_->pending->link->ScorePiece(part, parts, impl_->jobs);
}

Status Analyzer::GivePairScores(std::size_t part, std::size_t parts,
                                const std::vector<double>& scores) {
  if (!impl_->pending) {
    return Status(StatusCode::kInvalidArgument, "no analysis has begun: call BeginAnalysis() first");
  }
  return impl_->pending->link->GiveScores(part, parts, scores);
}

Result<std::vector<double>> Analyzer::ScorePairs(std::string_view task) {
  Result<std::vector<double>> scores = ScorePairTask(task, *impl_->matcher);
  // The keys of the task's names are not needed again, unless a batch step holds keys of its own.
  if (!impl_->pending) impl_->matcher->ClearCache();
  return scores;
}

Analysis Analyzer::FinishAnalysis() {
  Impl& impl = *impl_;
  if (!impl.pending) BeginAnalysis();
  const std::unique_ptr<Impl::PendingBatch> batch = std::move(impl.pending);
  const std::vector<Document*>& sorted = batch->sorted;
  const std::vector<std::size_t>& view_of = batch->view_of;
  std::vector<Document>& views = batch->views;
  std::vector<std::optional<StoryWords>>& words = batch->words;
  const std::vector<const Document*>& all_docs = batch->all_docs;
  Analysis analysis;
  LinkedEntities linked = batch->link->Finish(impl.jobs);
  batch->link.reset();
  // What linking freed goes back to the system before the stories' threads allocate in arenas of
  // their own.
  ReleaseFreedMemory();
  linked.mentions.resize(all_docs.size());
  KeepArticleEntities(sorted.size(), linked);
  views = {};

  // Dates of the whole batch at once: a year-less "September 13" takes the year that other
  // articles give the same day. Each article's own reading is known from round 1 (or its record).
  std::vector<std::optional<ArticleDates>> first_dates(sorted.size());
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    first_dates[i] = impl.first_dates[static_cast<std::size_t>(sorted[i] - impl.docs.data())];
  }
  std::vector<ArticleDates> dates =
      impl.date_finder->FindBatch(std::vector<const Document*>(sorted.begin(), sorted.end()),
                                  impl.assumed, impl.jobs, std::move(first_dates));
  std::vector<StoryArticle> story_articles;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    StoryArticle sa;
    sa.doc = sorted[i];
    sa.event_date = dates[i].event_date;
    sa.mentions = std::move(linked.mentions[i]);  // the article's own: its view's are not counted
    sa.words = std::move(words[i]);
    story_articles.push_back(std::move(sa));
  }
  analysis.stories = impl.clusterer->Cluster(
      story_articles, linked.entities, ResolveCorrections(impl.aliases).story_moves, impl.jobs);
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    linked.mentions[i] = std::move(story_articles[i].mentions);
  }
  story_articles = {};  // their words, before the articles' results are made
  analysis.entities = std::move(linked.entities);
  // An article shows the mentions of its removed lines too.
  for (std::size_t k = 0; k < view_of.size(); ++k) {
    std::vector<Mention>& into = linked.mentions[view_of[k]];
    std::vector<Mention>& from = linked.mentions[sorted.size() + k];
    into.insert(into.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.end()));
    std::stable_sort(into.begin(), into.end(), [](const Mention& a, const Mention& b) {
      return a.utf16_begin < b.utf16_begin;
    });
  }
  linked.mentions.resize(sorted.size());

  std::map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < sorted.size(); ++i) index_of[sorted[i]->id] = i;
  for (const Document& doc : impl.docs) {
    std::size_t i = index_of[doc.id];
    ArticleResult a;
    a.id = doc.id;
    a.title = doc.title;
    a.lang = doc.lang;
    a.encoding = doc.encoding;
    a.text = ToUtf8(doc.text);
    a.text_length = doc.text.length();
    a.published = dates[i].published;
    a.event_date = dates[i].event_date;
    a.date_reason = dates[i].reason;
    a.removed = doc.removed;
    a.warnings = doc.warnings;
    if (i < linked.mentions.size()) a.mentions = std::move(linked.mentions[i]);
    a.dates = dates[i].mentions;
    analysis.articles.push_back(std::move(a));
  }
  analysis.rejected = impl.rejected;
  return analysis;
}

}  // namespace crosswire
