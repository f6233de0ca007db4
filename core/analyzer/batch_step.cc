// The batch step of the Analyzer (docs/ARCHITECTURE.md): over the whole batch, once every article
// has been through the per-article step (core/analyzer.cc): round 2 where no record brought it, the
// second pass over names known from other articles, entity linking, the dates' batch pass, the
// stories and the articles' results. In one call (Analyze) or in two around the scoring of the pairs
// of names (BeginAnalysis ... FinishAnalysis), so that a pool of workers can share that scoring.
#include <algorithm>
#include <map>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "analyzer/impl.h"
#include "entities/pair_tasks.h"
#include "parallel.h"
#include "text/normalize.h"

namespace crosswire {

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
