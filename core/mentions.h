// Mention detection: candidate names of people, organisations and places in an
// article, in cased scripts (capitalisation, connectors, acronyms, titles) and uncased ones (cue
// words, gazetteer, names already seen elsewhere in the batch).
#ifndef CROSSWIRE_CORE_MENTIONS_H_
#define CROSSWIRE_CORE_MENTIONS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "crosswire/types.h"
#include "data_pack.h"
#include "document.h"

namespace crosswire {

class Gazetteer;
class NameMatcher;
class Segmenter;
namespace mentions {
struct CaseStats;
struct LangCues;
struct MentionTables;
}  // namespace mentions
namespace tagger {
class Tagger;
}

// No name is longer than this: longer candidates are headlines, shouted sentences or page chrome
// (the longest real names in the development data have 7 words and 60 UTF-16 units; every
// candidate of 9 words or more there is a title-case headline or an all-caps sentence). The caps
// also bound the work of every later stage per mention, whatever the input.
constexpr int32_t kMaxMentionUtf16 = 120;
constexpr int kMaxMentionWords = 12;
// Text without spaces is looked at no further than this from where a name may start.
constexpr int32_t kMaxChunkUtf16 = 256;

struct MentionCandidate {
  int32_t utf16_begin = 0;  // the name itself, without title or honorific
  int32_t utf16_end = 0;
  std::string text;  // UTF-8 surface form of [begin, end)
  // The name in its base form in the paragraph's language ("Donalda Trumpa" -> "Donald Trump");
  // the text itself where no base-form rule applies (core/base_forms.h).
  std::string base;
  EntityType type = EntityType::kMisc;
  float type_confidence =
      0;             // 0..1: how sure the type is (cue or gazetteer: high; shape only: low)
  std::string lang;  // language of the paragraph it is in
  Script script = Script::kCommon;
  std::string cue;  // title/honorific that introduced it ("Mr.", "นาย", "President"), if any
  // Gazetteer entry it matched (its canonical English name, e.g. "Belarus"), or empty.
  std::string gazetteer_name;
  bool is_acronym = false;
  // For an acronym the text defines ("Organisation de coopération de Shanghai (OCS)"): the index,
  // within the same article's candidates, of the expansion it abbreviates; -1 otherwise.
  int expansion_of = -1;
  // The rules guessed this name from the shape of its words alone and the typing model marked no
  // name in it ("Stadt", "Einwohner" in German text): it stays only where a name the batch has
  // with more evidence has the same text or base form (mentions::DropDoubtful).
  bool doubtful = false;
};

// The candidate's base form; its text where none was set (candidates made outside FindAll).
inline const std::string& BaseOf(const MentionCandidate& c) {
  return c.base.empty() ? c.text : c.base;
}

// How much text the uncased-script scan looked at, in UTF-16 units: a measure of work that tests
// compare with the input's size (it must grow linearly, whatever the text).
struct MentionWork {
  int64_t units_chunked = 0;      // scanned for the end of a chunk of letters
  int64_t units_resegmented = 0;  // segmented afresh after a cue
};

// What round 2 finds in one article alone, given the batch's casing counts: the rules' candidates
// with the tagger's, before the batch passes; and whether the article has words in an uncased
// script, which the known-names pass searches again.
struct ArticleCandidates {
  std::vector<MentionCandidate> candidates;
  bool uncased_words = false;
};

class MentionFinder {
 public:
  // The trained tagger labels Han/Kana text always (where the data pack has its model), and text
  // in cased scripts and Thai with `use_tagger` (Options::use_tagger).
  static Result<std::unique_ptr<MentionFinder>> Create(const DataPack& data,
                                                       const Gazetteer& gazetteer,
                                                       bool use_tagger = false);
  ~MentionFinder();

  // Finds candidates in every article of the batch. Two passes: each article alone, then spans in
  // uncased scripts that match, after transliteration, names found in other articles of the batch.
  // Result: one vector per document, sorted by position, non-overlapping. The first pass runs on
  // `jobs` threads (core/parallel.h) and is a function of one Document and the batch's casing
  // statistics, and so is the tagger's (core/tagger/); the result does not depend on `jobs`.
  std::vector<std::vector<MentionCandidate>> FindAll(const std::vector<const Document*>& docs,
                                                     NameMatcher& matcher, int jobs = 1) const;

  // The same in its rounds (docs/ARCHITECTURE.md, "Map and reduce"), for callers that keep an
  // article's tokens only while it is in a round. Round 1, per segmented article: how its words are
  // cased, added to `stats`.
  void CountCases(const Document& doc, mentions::CaseStats& stats) const;
  // Round 2, per segmented article, given the casing counts of the whole batch (read-only): the
  // rule scan, then the tagger. `segmenter` and `work` belong to the calling thread.
  ArticleCandidates FindInArticle(const Document& doc, const mentions::CaseStats& stats,
                                  Segmenter& segmenter, MentionWork& work) const;
  // The batch step over every article's round-2 result (`found[d]` of `docs[d]`): the known-names
  // pass over uncased text (an article whose tokens were dropped is segmented again for it, one
  // at a time), glued names (which read the batch's casing counts `stats`), surnames, acronyms,
  // base forms.
  std::vector<std::vector<MentionCandidate>> FindInBatch(const std::vector<const Document*>& docs,
                                                         std::vector<ArticleCandidates> found,
                                                         const mentions::CaseStats& stats,
                                                         NameMatcher& matcher) const;
  // Adds the work counters of a round's threads to work().
  void AddWork(const MentionWork& work) const;

  // The rule scanner's candidates alone (each article with the batch's casing statistics), before
  // the tagger: what the tagger reads as features, and what the trainer feeds it.
  std::vector<std::vector<MentionCandidate>> RuleCandidates(
      const std::vector<const Document*>& docs, int jobs = 1) const;

  // The cue words of every language together (the tagger's cue features).
  const mentions::LangCues& AllCues() const;

  // The work of all FindAll calls so far.
  const MentionWork& work() const { return work_; }

 private:
  explicit MentionFinder(std::unique_ptr<mentions::MentionTables> tables);
  // Where a model labelled the text, its spans replace the rules' candidates (which it has read as
  // features); elsewhere the rules' candidates stay.
  std::vector<MentionCandidate> Tagged(const Document& doc,
                                       std::vector<MentionCandidate> rules) const;
  // The rule scan of one document, given the batch's casing counts.
  std::vector<MentionCandidate> ScanRules(const Document& doc, const mentions::CaseStats& stats,
                                          Segmenter& segmenter, MentionWork& work) const;
  // Adds spans of uncased-script text that match, after transliteration, names found elsewhere in
  // the batch (a Thai spelling of a name an English article has).
  void SecondPass(const std::vector<const Document*>& docs, const std::vector<bool>& uncased,
                  NameMatcher& matcher,
                  std::vector<std::vector<MentionCandidate>>& candidates) const;
  std::unique_ptr<mentions::MentionTables> tables_;
  std::unique_ptr<tagger::Tagger> tagger_;
  // Counters only (see MentionWork); they never change a result.
  mutable MentionWork work_;
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_MENTIONS_H_
