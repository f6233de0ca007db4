// The Analyzer: owns every table of the pipeline and runs the stages in the order of
// docs/ARCHITECTURE.md: per article (decode as it is added; language -> clean -> language per
// paragraph -> dates -> segment -> casing counts on the thread pool: round 1), per article again
// with the batch's casing counts (segment -> mention candidates -> story words: round 2), then over
// the batch (mentions -> entities -> dates -> stories: core/analyzer/batch_step.cc). An article's
// tokens live only while one of its rounds runs: they are several times the size of its text. This
// file holds the articles, the per-article step and the map records.
#include "crosswire/analyzer.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "analyzer/impl.h"
#include "parallel.h"
#include "text/normalize.h"

namespace crosswire {

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

}  // namespace crosswire
