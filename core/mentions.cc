// Mention detection over a batch, in the order of docs/ARCHITECTURE.md:
//
// Cased scripts: runs of capitalised words (with connectors such as "de", "al") are split at
// titles, adjectives of nationality, the ends of organisation names and known places, and typed by
// cue, gazetteer or shape. A capital at the start of a sentence or in a title-case line counts only
// when the batch writes the word capitalised elsewhere.
//
// Uncased scripts: title and organisation cues are matched as prefixes of the text (Thai glues them
// to the name); the name's extent comes from segmenting the text after the cue afresh and stopping
// at function words, verbs that follow names, spaces and other cues, since ICU's dictionary splits
// transliterated names into syllables. Then a batch pass finds names already found elsewhere: the
// same spelling, or the same name after transliteration (NameMatcher).
#include "mentions.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "gazetteer.h"
#include "mentions/acronyms.h"
#include "mentions/batch_base_forms.h"
#include "mentions/doubtful.h"
#include "mentions/glued_names.h"
#include "mentions/overlaps.h"
#include "mentions/quoted_names.h"
#include "mentions/scanner.h"
#include "mentions/tables.h"
#include "mentions/words.h"
#include "parallel.h"
#include "tagger/tagger.h"
#include "text/fields.h"
#include "text/language_tag.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire {
namespace {

using mentions::CaseStats;
using mentions::DocumentScanner;
using mentions::Found;
using mentions::KnownName;
using mentions::kTaggerConfidence;
using mentions::MentionTables;
using mentions::Word;

// gen/calendar.tsv's names of `kinds` ("month", "weekday"; "zone"), by match key.
std::unordered_set<std::string> LoadCalendarWords(const DataPack& data,
                                                  std::initializer_list<std::string_view> kinds) {
  std::unordered_set<std::string> words;
  if (std::optional<std::string_view> calendar = data.Find("gen/calendar.tsv")) {
    for (std::string_view line : DataLines(*calendar)) {
      std::vector<std::string_view> fields = SplitFields(line);
      if (fields.size() < 4 || std::find(kinds.begin(), kinds.end(), fields[1]) == kinds.end()) {
        continue;
      }
      for (std::string_view name : SplitFields(fields[3], '|')) {
        if (!name.empty()) words.insert(MatchKey(name));
      }
    }
  }
  return words;
}

// cues/demonym-nouns.tsv: language, a place's name in it, the nouns for its people. A place the
// gazetteer does not know is left out.
std::unordered_map<std::string, std::string> LoadDemonymNouns(const DataPack& data,
                                                              const Gazetteer& gazetteer) {
  std::unordered_map<std::string, std::string> nouns;
  std::optional<std::string_view> file = data.Find("cues/demonym-nouns.tsv");
  if (!file) return nouns;
  for (std::string_view line : DataLines(*file)) {
    std::vector<std::string_view> fields = SplitFields(line);
    if (fields.size() < 3) continue;
    std::optional<GazetteerEntry> place = gazetteer.Lookup(fields[1]);
    if (!place || place->type != EntityType::kPlace) continue;
    for (std::size_t i = 2; i < fields.size(); ++i) {
      nouns.emplace(std::string(fields[0]) + '\t' + MatchKey(fields[i]), place->canonical);
    }
  }
  return nouns;
}

// Whether `rest`, what a noun adds to a place's stem, begins as the nouns for a place's people do
// in Slavic languages, accents folded: "-an"/"-ян" (Rosj-anie, Росси-яне), "-c"/"-ц"/"-ч"
// (Ukrajin-ci, Ukrain-cy, Украин-цы), "-n"/"-н".
bool DemonymSuffix(const icu::UnicodeString& rest) {
  if (rest.length() < 2 || rest.length() > 6) return false;
  const UChar first = rest.charAt(0), second = rest.charAt(1);
  switch (first) {
    case u'c':
    case u'n':
    case u'ц':
    case u'ч':
    case u'н':
      return true;
    case u'a':
      return second == u'n';
    case u'а':
    case u'я':
      return second == u'н';
    default:
      return false;
  }
}

bool FoldedVowel(UChar c) {
  static constexpr std::u16string_view kVowels = u"aeiouyаеиоуыэюяії";
  return kVowels.find(c) != std::u16string_view::npos;
}

// A noun for the people of a place ("Rusové", "Polacy") refers to the place: it takes the
// place's identity and type, so that entity linking joins it to the place's other names. Two
// ways: the nouns of cues/demonym-nouns.tsv, and a noun the article writes beside the place it
// is made from — the place's name in any case without its last vowel, and an ending that nouns
// for people have ("Rosjanie" beside "Rosji", "Ukrajinci" beside "Ukrajiny", "украинцы" beside
// "Украины"). A first name, a title's person, an organisation or a name of several words is
// never one.
void MarkDemonymNouns(const MentionTables& tables, std::vector<MentionCandidate>& candidates) {
  std::vector<std::pair<icu::UnicodeString, const std::string*>> stems;
  for (const MentionCandidate& c : candidates) {
    if (c.type != EntityType::kPlace || c.gazetteer_name.empty() ||
        c.text.find(' ') != std::string::npos || c.is_acronym) {
      continue;
    }
    icu::UnicodeString stem = FromUtf8(FoldedKey(c.text));
    if (!stem.isEmpty() && FoldedVowel(stem.charAt(stem.length() - 1))) {
      stem.truncate(stem.length() - 1);
    }
    if (stem.length() >= 4) stems.emplace_back(std::move(stem), &c.gazetteer_name);
  }
  for (MentionCandidate& c : candidates) {
    if (!c.gazetteer_name.empty() || !c.cue.empty() || c.is_acronym ||
        c.text.find(' ') != std::string::npos || c.type == EntityType::kOrg) {
      continue;
    }
    const std::string* place = nullptr;
    if (auto it = tables.demonym_nouns.find(c.lang + '\t' + MatchKey(c.text));
        it != tables.demonym_nouns.end()) {
      place = &it->second;
    } else if (!stems.empty() && !tables.base_forms.IsFirstNameForm(c.text)) {
      const icu::UnicodeString folded = FromUtf8(FoldedKey(c.text));
      for (const auto& [stem, name] : stems) {
        if (folded.startsWith(stem) && DemonymSuffix(folded.tempSubString(stem.length()))) {
          place = name;
          break;
        }
      }
    }
    if (place == nullptr) continue;
    c.gazetteer_name = *place;
    c.type = EntityType::kPlace;
    c.type_confidence = kTaggerConfidence;
    c.doubtful = false;  // the place it names is the evidence
  }
}

// A one-word name written on to a number by a hyphen ("COVID-19", "AK-47", "F-16C", "Су-27") is
// a designation — of a disease, a weapon, an aircraft — not the organisation or person its
// letters alone would be ("COVID" was an organisation in 713 mentions of the Slavic news):
// the candidate takes the number in and is typed MISC, without an acronym's or the gazetteer's
// identity. Candidates are sorted and do not overlap, and no candidate holds digits alone, so
// the longer span overlaps none.
void WithDesignations(const Document& doc, std::vector<MentionCandidate>& candidates) {
  const int32_t length = doc.text.length();
  auto is_hyphen = [](UChar c) { return c == u'-' || c == u'\u2010' || c == u'\u2011'; };
  for (MentionCandidate& c : candidates) {
    if (c.text.find(' ') != std::string::npos) continue;
    // The scanner may have read the number in already ("F-16C").
    bool inside = false;
    for (int32_t i = c.utf16_begin + 1; i + 1 < c.utf16_end && !inside; ++i) {
      inside = is_hyphen(doc.text.charAt(i)) && u_isdigit(doc.text.charAt(i + 1));
    }
    int32_t end = c.utf16_end;
    if (!inside) {
      if (end + 1 >= length || !is_hyphen(doc.text.charAt(end))) continue;
      ++end;
      while (end < length && u_isdigit(doc.text.charAt(end))) ++end;
      if (end == c.utf16_end + 1) continue;
      // "AK-47s", "F-16C": letters right after the number belong to it; another hyphen does not.
      while (end < length && u_isalpha(doc.text.charAt(end))) ++end;
    }
    c.utf16_end = end;
    c.text = doc.Slice(c.utf16_begin, end);
    c.base.clear();
    c.type = EntityType::kMisc;
    c.type_confidence = 0.8f;  // evidence of the rules' own: a typing model leaves it
    c.is_acronym = false;
    c.expansion_of = -1;
    c.gazetteer_name.clear();
  }
}

// One-word names that are the last part of a person's name elsewhere in the batch are that
// person's surname.
void TypeSurnames(std::vector<std::vector<MentionCandidate>>& out) {
  std::unordered_set<std::string> surnames;
  for (const auto& candidates : out) {
    for (const MentionCandidate& c : candidates) {
      if (c.type != EntityType::kPerson) continue;
      std::size_t space = c.text.rfind(' ');
      if (space != std::string::npos) surnames.insert(MatchKey(c.text.substr(space + 1)));
    }
  }
  for (auto& candidates : out) {
    for (MentionCandidate& c : candidates) {
      if (c.type == EntityType::kMisc && surnames.count(MatchKey(c.text)) != 0) {
        c.type = EntityType::kPerson;
        c.type_confidence = 0.6f;
      }
    }
  }
}

bool HasUncasedWords(const Document& doc) {
  for (const Token& token : doc.tokens) {
    if (token.kind == TokenKind::kWord && !IsCasedScript(token.script) &&
        token.script != Script::kCommon) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<std::unique_ptr<MentionFinder>> MentionFinder::Create(const DataPack& data,
                                                             const Gazetteer& gazetteer,
                                                             bool use_tagger) {
  auto tables = std::make_unique<MentionTables>();
  tables->gazetteer = &gazetteer;
  tables->cues = mentions::LoadCueTables(data);
  tables->calendar_words = LoadCalendarWords(data, {"month", "weekday"});
  tables->zone_abbreviations = LoadCalendarWords(data, {"zone"});
  tables->demonym_nouns = LoadDemonymNouns(data, gazetteer);
  tables->elisions = mentions::LoadElisions(data);
  CROSSWIRE_ASSIGN_OR_RETURN(tables->base_forms, BaseForms::Load(data));
  std::unique_ptr<MentionFinder> finder(new MentionFinder(std::move(tables)));
  // Han and Kana text is always tagged where the model is present: the rules find almost nothing
  // there (typed span F1 0.16 on the Japanese held-out sentences, 0.54 with the model). Cased
  // scripts and Thai only on request (Options::use_tagger): see BENCHMARKS.md, "Mention tagger".
  // Without it, a small model of the cased scripts types the rules' candidates and leaves their
  // spans as they are (Tagged): the rules' extents link across articles better than the model's
  // (BENCHMARKS.md, "The rules' names typed by a small model").
  std::vector<tagger::ModelGroup> groups = {tagger::ModelGroup::kCjk};
  std::vector<tagger::ModelGroup> typing_groups;
  if (use_tagger) {
    groups.push_back(tagger::ModelGroup::kAlphabetic);
    groups.push_back(tagger::ModelGroup::kThai);
  } else {
    typing_groups.push_back(tagger::ModelGroup::kAlphabetic);
  }
  CROSSWIRE_ASSIGN_OR_RETURN(
      finder->tagger_,
      tagger::Tagger::Create(data, gazetteer, finder->tables_->cues.all, groups, typing_groups));
  return finder;
}

const mentions::LangCues& MentionFinder::AllCues() const { return tables_->cues.all; }

MentionFinder::MentionFinder(std::unique_ptr<MentionTables> tables) : tables_(std::move(tables)) {}

MentionFinder::~MentionFinder() = default;

namespace {

// The batch's casing counts: each thread counts into its own, and they are added up (they are
// sums, so the order does not matter).
CaseStats CountAll(const std::vector<const Document*>& docs, int threads,
                   const MentionFinder& finder) {
  std::vector<CaseStats> counted(threads);
  ParallelFor(threads, docs.size(),
              [&](std::size_t d, int worker) { finder.CountCases(*docs[d], counted[worker]); });
  CaseStats stats = std::move(counted[0]);
  for (int w = 1; w < threads; ++w) stats.Add(counted[w]);
  return stats;
}

}  // namespace

void MentionFinder::CountCases(const Document& doc, CaseStats& stats) const {
  mentions::CountCases(mentions::CollectWords(doc, tables_->elisions), stats);
}

std::vector<MentionCandidate> MentionFinder::ScanRules(const Document& doc, const CaseStats& stats,
                                                       Segmenter& segmenter,
                                                       MentionWork& work) const {
  // The word view is made again rather than kept from the count: it is larger than the text
  // several times over.
  DocumentScanner scanner(doc, *tables_, stats, segmenter, work);
  std::vector<MentionCandidate> found = mentions::WithQuotedNames(
      doc, mentions::ResolveOverlaps(scanner.Scan(mentions::CollectWords(doc, tables_->elisions))));
  WithDesignations(doc, found);
  return found;
}

ArticleCandidates MentionFinder::FindInArticle(const Document& doc, const CaseStats& stats,
                                               Segmenter& segmenter, MentionWork& work) const {
  ArticleCandidates out;
  // The tagger reads only its article and the rules' candidates there.
  out.candidates = Tagged(doc, ScanRules(doc, stats, segmenter, work));
  // A time zone's abbreviation in capitals ("PST", "GMT", "MEZ": gen/calendar.tsv "zone") is no
  // name, whatever the rules or a model read: after the tagger, whose features keep the rules'
  // reading.
  std::erase_if(out.candidates, [&](const MentionCandidate& c) {
    return tables_->zone_abbreviations.count(MatchKey(c.text)) != 0 &&
           ShapeOf(doc.text, c.utf16_begin, c.utf16_end).all_caps;
  });
  MarkDemonymNouns(*tables_, out.candidates);
  out.uncased_words = HasUncasedWords(doc);
  return out;
}

void MentionFinder::AddWork(const MentionWork& work) const {
  work_.units_chunked += work.units_chunked;
  work_.units_resegmented += work.units_resegmented;
}

std::vector<std::vector<MentionCandidate>> MentionFinder::RuleCandidates(
    const std::vector<const Document*>& docs, int jobs) const {
  // How every document writes its words first: how a word is written elsewhere in the batch
  // judges it at the start of a sentence. Then each document alone, given the batch's statistics
  // (read-only): the per-article mention scan. Each thread has its own segmenter and work counters.
  const int threads = std::max(1, std::min<int>(jobs, static_cast<int>(docs.size())));
  const CaseStats stats = CountAll(docs, threads, *this);
  std::vector<Segmenter> segmenters(threads);
  std::vector<MentionWork> work(threads);
  std::vector<std::vector<MentionCandidate>> out(docs.size());
  ParallelFor(threads, docs.size(), [&](std::size_t d, int worker) {
    out[d] = ScanRules(*docs[d], stats, segmenters[worker], work[worker]);
  });
  for (const MentionWork& w : work) AddWork(w);
  return out;
}

std::vector<std::vector<MentionCandidate>> MentionFinder::FindAll(
    const std::vector<const Document*>& docs, NameMatcher& matcher, int jobs) const {
  const int threads = std::max(1, std::min<int>(jobs, static_cast<int>(docs.size())));
  const CaseStats stats = CountAll(docs, threads, *this);
  std::vector<Segmenter> segmenters(threads);
  std::vector<MentionWork> work(threads);
  std::vector<ArticleCandidates> found(docs.size());
  ParallelFor(threads, docs.size(), [&](std::size_t d, int worker) {
    found[d] = FindInArticle(*docs[d], stats, segmenters[worker], work[worker]);
  });
  for (const MentionWork& w : work) AddWork(w);
  return FindInBatch(docs, std::move(found), stats, matcher);
}

std::vector<std::vector<MentionCandidate>> MentionFinder::FindInBatch(
    const std::vector<const Document*>& docs, std::vector<ArticleCandidates> found,
    const CaseStats& stats, NameMatcher& matcher) const {
  std::vector<std::vector<MentionCandidate>> out(found.size());
  std::vector<bool> uncased(found.size());
  for (std::size_t d = 0; d < found.size(); ++d) {
    out[d] = std::move(found[d].candidates);
    uncased[d] = found[d].uncased_words;
  }
  found = {};
  SecondPass(docs, uncased, matcher, out);
  mentions::SplitGluedNames(*tables_->gazetteer, tables_->base_forms, tables_->cues, stats, out);
  TypeSurnames(out);
  for (std::size_t d = 0; d < docs.size(); ++d) mentions::LinkAcronyms(*docs[d], out[d]);
  mentions::SetBaseForms(tables_->base_forms, *tables_->gazetteer, tables_->cues, out);
  mentions::DropDoubtful(out);
  // The batch holds every article's candidates through entity linking: no spare capacity.
  for (std::vector<MentionCandidate>& candidates : out) candidates.shrink_to_fit();
  return out;
}

void MentionFinder::SecondPass(const std::vector<const Document*>& docs,
                               const std::vector<bool>& uncased_words, NameMatcher& matcher,
                               std::vector<std::vector<MentionCandidate>>& out) const {
  // Only text in uncased scripts is searched: without any, the known names (and their
  // transliterated keys, the costly part) would go unused.
  std::vector<std::size_t> uncased;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    if (uncased_words[d]) uncased.push_back(d);
  }
  if (uncased.empty()) return;
  Segmenter segmenter;
  mentions::KnownNames known = mentions::GatherKnownNames(out, tables_->thai_dictionary, segmenter);
  if (known.same_script.empty() && known.other_script.empty()) return;
  for (KnownName& name : known.other_script) name.key = &matcher.Key(ToUtf8(name.text));

  CaseStats no_stats;
  for (std::size_t d : uncased) {
    // An article whose tokens were dropped after round 2 is segmented again, and its tokens are
    // dropped again with the copy (which shares the text's buffer).
    std::optional<Document> segmented;
    if (docs[d]->tokens.empty()) {
      segmented = *docs[d];
      if (!segmenter.Segment(*segmented).ok()) continue;
    }
    const Document& doc = segmented ? *segmented : *docs[d];
    DocumentScanner scanner(doc, *tables_, no_stats, segmenter, work_);
    std::vector<Found> found =
        scanner.FindKnown(known.same_script, known.other_script, matcher, out[d]);
    if (found.empty()) continue;
    for (MentionCandidate& c : out[d]) found.push_back(Found{std::move(c), 4});
    out[d] = mentions::ResolveOverlaps(std::move(found));
  }
}

}  // namespace crosswire
