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
using mentions::MentionTables;
using mentions::Word;

// The confidence of a type the tagger chose: above the rules' guesses from a word's shape alone,
// below a title's or the gazetteer's, and below what entity linking treats as sure
// (entities/mention_nodes.cc: TypesCompatible), so that two spellings the model typed differently
// in two articles can still be one entity, whose type the votes of all its mentions then decide.
constexpr float kTaggerConfidence = 0.45f;

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

namespace {

// `c` made the model's span: its extent, text, script and acronym shape, and the model's type.
void TakeSpan(const Document& doc, const tagger::TaggedSpan& span, MentionCandidate& c) {
  c.utf16_begin = span.utf16_begin;
  c.utf16_end = span.utf16_end;
  c.text = doc.Slice(span.utf16_begin, span.utf16_end);
  const WordShape shape = ShapeOf(doc.text, span.utf16_begin, span.utf16_end);
  c.script = shape.script;
  c.is_acronym = shape.all_caps && c.text.find(' ') == std::string::npos &&
                 span.utf16_end - span.utf16_begin <= 8;
  c.type = span.type;
  c.type_confidence = kTaggerConfidence;
}

// A typing model's reading of rule candidate `c` (spans[first] is the first span that ends after c
// begins). Candidates the rules typed from the shape of their words alone are read (a confidence
// of at most tagger::kRulesGuess), and in German and Luxembourgish those with an organisation or
// place word too (tagger::TypingModelReads); those with a title, a gazetteer identity or a
// designation stay as they are.
// - The model marks nothing in c: c is doubtful, and stays only where the batch has the name with
//   more evidence (mentions::DropDoubtful: "Stadt", "Einwohner" go, which were MISC names in
//   German text nine times in ten no name at all; "Putina" stays beside "Putin" named with a
//   title). Measured against dropping MISC guesses alone: CoNLL-2003 en val 0.726 -> 0.739,
//   Slavic `val` typed overlap 0.816 -> 0.819, German unchanged.
// - The model reads c as part of a longer name ("Ukrajiny" in "Rada Ukrajiny"): c stays as it is.
// - The model marks names inside c and none reaching out of it: in a language that capitalises
//   nouns c becomes those names ("Kreis Offenbach" -> "Offenbach", "Bereits Homer" -> "Homer",
//   "Wechsel von Lothar Matthäus zu Bayern München" -> "Lothar Matthäus", "Bayern München").
//   Elsewhere c keeps its extent: cut to an organisation or place inside, the organisation joined
//   the country on the Slavic news ("РФ" in "МИД РФ", "Rosja" in "Jedna Rosja": `xtopic`
//   linking precision 0.951 -> 0.929), and cut to a person inside, names lost their first name
//   ("Ali Akbar Ahmadian" -> "Akbar Ahmadian") for gains of a few tenths of a point.
// - The type of the span that covers most of c becomes c's, unless the model reads MISC there.
// Measured on the held-out sets against keeping every candidate with the rules' extent
// (BENCHMARKS.md, "The rules' names typed by a small model").
void ReadByTypingModel(const Document& doc, const std::vector<tagger::TaggedSpan>& spans,
                       std::size_t first, MentionCandidate c, std::vector<MentionCandidate>& out) {
  if (!tagger::TypingModelReads(c)) {
    out.push_back(std::move(c));
    return;
  }
  // In a language that capitalises nouns the model also reads candidates with evidence (an
  // organisation or place word): it may cut them (below), but not doubt or retype them.
  const bool guess = c.type_confidence <= tagger::kRulesGuess;
  const tagger::TaggedSpan* best = nullptr;
  int32_t best_overlap = 0;
  std::vector<const tagger::TaggedSpan*> within;  // the model's names inside c
  bool beyond = false;                            // a name of the model's reaches out of c
  for (std::size_t k = first; k < spans.size() && spans[k].utf16_begin < c.utf16_end; ++k) {
    const int32_t overlap =
        std::min(spans[k].utf16_end, c.utf16_end) - std::max(spans[k].utf16_begin, c.utf16_begin);
    if (overlap <= 0) continue;
    beyond = beyond || spans[k].utf16_begin < c.utf16_begin || spans[k].utf16_end > c.utf16_end;
    if (spans[k].type != EntityType::kMisc) within.push_back(&spans[k]);
    if (overlap > best_overlap) {
      best_overlap = overlap;
      best = &spans[k];
    }
  }
  if (best == nullptr) {
    // A name in quotation marks («Северный поток — 2», „Европейски здравен съюз“), or an acronym
    // of up to four letters ("РАН", "LME"), has evidence of its own that the small model does not
    // weigh. Longer acronyms it leaves are mostly headings in capitals ("SOCCER", "SCHEDULE"):
    // doubtful (CoNLL-2003 en val 0.730 -> 0.737; doubting the short ones too gave 0.738 but lost
    // "TVM", "LME" and "РАН").
    auto quote_at = [&](int32_t at) {
      return at >= 0 && at < doc.text.length() &&
             u_hasBinaryProperty(doc.text.char32At(at), UCHAR_QUOTATION_MARK);
    };
    c.doubtful = guess && !(quote_at(c.utf16_begin - 1) && quote_at(c.utf16_end)) &&
                 !(c.is_acronym && c.utf16_end - c.utf16_begin <= 4);
    out.push_back(std::move(c));
    return;
  }
  if (beyond || best->type == EntityType::kMisc) {
    out.push_back(std::move(c));
    return;
  }
  const bool whole = best->utf16_begin == c.utf16_begin && best->utf16_end == c.utf16_end;
  // With evidence, only to one name of the candidate's own type: "Vorstandschef der Deutschen
  // Bank" -> "Deutschen Bank", but "Universität Hamburg" is no place.
  const bool cut = guess || (within.size() == 1 && within[0]->type == c.type);
  if (!whole && CapitalisesNouns(c.lang) && !within.empty() && cut) {
    for (const tagger::TaggedSpan* span : within) {
      MentionCandidate piece = c;
      TakeSpan(doc, *span, piece);
      out.push_back(std::move(piece));
    }
    return;
  }
  if (guess && best->type != c.type) {
    c.type = best->type;
    c.type_confidence = kTaggerConfidence;
  }
  out.push_back(std::move(c));
}

// Whether `word` marks a model or an edition rather than a person's name: a Roman numeral or a
// single capital letter ("Sputnik V", "Soyuz II", "Typhoon X").
bool IsEditionMark(std::string_view word) {
  if (word.empty() || word.size() > 6) return false;
  if (word.size() == 1) return word[0] >= 'A' && word[0] <= 'Z';
  return word.find_first_not_of("IVXLC") == std::string_view::npos;
}

// A person's name ends with a Roman numeral or a letter only after a first name ("Henry V",
// "Jan Paweł II", "Malcolm X"); after another word the pair names a product or an edition of one
// ("Sputnik V", 172 mentions typed as a person in the Slavic news, where it was the most frequent
// "person" of the batch). The small typing model reads the letter as a person's initial, so this
// rule overrules it for the names the rules only guessed at (a title or a person's cue stays).
void TypeEditionNames(const BaseForms& base_forms, MentionCandidate& c) {
  if (c.type != EntityType::kPerson || c.type_confidence > tagger::kRulesGuess) return;
  const std::size_t space = c.text.rfind(' ');
  if (space == std::string::npos || !IsEditionMark(std::string_view(c.text).substr(space + 1))) {
    return;
  }
  const std::string_view first = std::string_view(c.text).substr(0, c.text.find(' '));
  if (base_forms.IsFirstNameForm(first)) return;
  c.type = EntityType::kMisc;
}

// Where the model's person name runs over a colon, or over a lower-case word that is no name
// particle of any language between names the article also writes on their own ("Biden z Putin",
// "Putin v Petrohradu": "with", "in", where the article names "Biden" or "Putin" elsewhere). The
// model reads a sentence's words one label at a time and now and then carries a name across a
// preposition to the next name; the rules never do. A person's name with an epithet ("Michael the
// Brave", "Lucas Cranach dem Älteren") stays whole: its parts are not the article's names alone.
// `names`: the match keys of the article's other names and of their last words. Returns the
// pieces' [begin, end), each a run of the span's other words; one piece (the span itself) where
// nothing cuts it.
std::vector<std::pair<int32_t, int32_t>> PersonPieces(
    const Document& doc, const mentions::LangCues& all,
    const std::unordered_map<std::string, int>& names, const MentionCandidate& c) {
  std::vector<std::pair<int32_t, int32_t>> pieces;
  int32_t piece_begin = -1, piece_end = -1;
  bool cut = false, colon = false;
  // The tokens are sorted: the first that ends after c begins, then every one inside c.
  auto first = std::partition_point(doc.tokens.begin(), doc.tokens.end(),
                                    [&](const Token& t) { return t.utf16_end <= c.utf16_begin; });
  for (auto t = first; t != doc.tokens.end() && t->utf16_begin < c.utf16_end; ++t) {
    const bool word = t->kind == TokenKind::kWord;
    const bool at_colon = !word && doc.text.charAt(t->utf16_begin) == u':';
    const bool breaks =
        at_colon || (word && IsCasedScript(t->script) && !t->capitalized &&
                     u_islower(doc.text.char32At(t->utf16_begin)) &&
                     all.connectors.count(t->key) == 0 && all.leading_particles.count(t->key) == 0);
    colon = colon || at_colon;
    if (breaks) {
      cut = true;
      if (piece_begin >= 0) pieces.emplace_back(piece_begin, piece_end);
      piece_begin = -1;
      continue;
    }
    if (!word) continue;  // punctuation neither opens nor ends a piece
    if (piece_begin < 0) piece_begin = t->utf16_begin;
    piece_end = t->utf16_end;
  }
  if (piece_begin >= 0) pieces.emplace_back(piece_begin, piece_end);
  // The span itself counts among the names by its last word: a piece is known from elsewhere
  // where it is counted more often than that.
  const std::string whole = MatchKey(c.text);
  const std::string_view last = std::string_view(whole).substr(whole.rfind(' ') + 1);
  const bool known_piece = std::any_of(pieces.begin(), pieces.end(), [&](const auto& piece) {
    const std::string key = MatchKey(doc.Slice(piece.first, piece.second));
    auto it = names.find(key);
    return it != names.end() && it->second > (key == last ? 1 : 0);
  });
  // Lower-case words at a span's ends are left as the model read them: trimming them lowered
  // WikiANN val 0.775 -> 0.770 for no gain in linking the Slavic news.
  if (!cut || pieces.size() < 2 || (!colon && !known_piece)) return {{c.utf16_begin, c.utf16_end}};
  return pieces;
}

}  // namespace

std::vector<MentionCandidate> MentionFinder::Tagged(const Document& doc,
                                                    std::vector<MentionCandidate> rules) const {
  if (!tagger_) return rules;
  tagger::TagResult tagged = tagger_->Tag(doc, rules);
  if (tagged.tagged.empty()) return rules;
  auto lang_at = [&](int32_t at) -> const std::string& {
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& paragraph = doc.paragraphs[p];
      if (at >= paragraph.utf16_begin && at < paragraph.utf16_end) {
        return doc.LangOf(static_cast<int32_t>(p));
      }
    }
    return doc.lang;
  };
  // Inside the labelled sentences the model's spans decide: a rule candidate stays only where the
  // model marks the same span, with the model's type (its cue, acronym and gazetteer identity
  // kept: clearing the identity where the type changed lowered CoNLL-2003 en val 0.894 -> 0.890;
  // entity linking types an entity by its mentions' votes); the model's other spans are added.
  // The rules' evidence (titles, gazetteer names, organisation and place words, the candidates'
  // types) is among the model's features. Measured on the held-out sets, same models, against
  // keeping every candidate with evidence unless the model read more of the same name
  // (BENCHMARKS.md, "Typed mention spans"): CoNLL-2003 en val 0.870 -> 0.886, CoNLL-2002 es/nl
  // 0.794/0.819 -> 0.800/0.824, WikiANN val mean 0.718 -> 0.750, Slavic val / xtopic typed
  // overlap 0.851/0.843 -> 0.856/0.840, ThaiNER val overlap 0.805 -> 0.823, Chinese and Japanese
  // (the same rule before) unchanged. It costs entity linking with the tagger on the Slavic news
  // (pairwise F1 val 0.829 -> 0.818, xtopic 0.778 -> 0.741): the longer names the model reads
  // ("Serum Institute of India", "Rdeči križ Slovenije") no longer hold a place mention.
  std::vector<MentionCandidate> out;
  std::size_t s = 0, range = 0;
  for (MentionCandidate& c : rules) {
    // The spans are sorted and do not overlap: the first that ends after c begins is the only one
    // that can begin where c does.
    while (s < tagged.spans.size() && tagged.spans[s].utf16_end <= c.utf16_begin) ++s;
    const bool same = s < tagged.spans.size() && tagged.spans[s].utf16_begin == c.utf16_begin &&
                      tagged.spans[s].utf16_end == c.utf16_end;
    while (range < tagged.tagged.size() && tagged.tagged[range].second <= c.utf16_begin) ++range;
    const bool inside = range < tagged.tagged.size() &&
                        tagged.tagged[range].first <= c.utf16_begin &&
                        c.utf16_end <= tagged.tagged[range].second;
    if (inside && tagged.types_only[range]) {
      const std::size_t from = out.size();
      ReadByTypingModel(doc, tagged.spans, s, std::move(c), out);
      for (std::size_t k = from; k < out.size(); ++k) TypeEditionNames(tables_->base_forms, out[k]);
      continue;
    }
    if (inside && !same) continue;
    if (same && tagged.spans[s].type != c.type) {
      c.type = tagged.spans[s].type;
      c.type_confidence = kTaggerConfidence;
    }
    out.push_back(std::move(c));
  }
  std::vector<MentionCandidate> added;
  // The article's names, whole and by their last words, that a person's span the model carried
  // over a preposition may be cut into (PersonPieces).
  std::unordered_map<std::string, int> names;
  auto add_name = [&](int32_t begin, int32_t end) {
    std::string key = MatchKey(doc.Slice(begin, end));
    const std::size_t space = key.rfind(' ');
    if (space != std::string::npos) ++names[key.substr(space + 1)];
    ++names[std::move(key)];
  };
  for (const MentionCandidate& c : out) add_name(c.utf16_begin, c.utf16_end);
  for (const tagger::TaggedSpan& span : tagged.spans) add_name(span.utf16_begin, span.utf16_end);
  std::size_t r = 0;
  range = 0;
  for (const tagger::TaggedSpan& span : tagged.spans) {
    // A typing model's spans are not names of their own.
    while (range < tagged.tagged.size() && tagged.tagged[range].second <= span.utf16_begin) ++range;
    if (range < tagged.tagged.size() && tagged.tagged[range].first <= span.utf16_begin &&
        tagged.types_only[range]) {
      continue;
    }
    while (r < out.size() && out[r].utf16_end <= span.utf16_begin) ++r;
    bool overlapped = false;
    for (std::size_t k = r; k < out.size() && out[k].utf16_begin < span.utf16_end && !overlapped;
         ++k) {
      overlapped = out[k].utf16_end > span.utf16_begin;
    }
    if (overlapped || span.type == EntityType::kMisc) continue;
    if (span.utf16_end - span.utf16_begin > kMaxMentionUtf16) continue;
    MentionCandidate whole;
    TakeSpan(doc, span, whole);
    if (std::count(whole.text.begin(), whole.text.end(), ' ') >= kMaxMentionWords) continue;
    std::vector<std::pair<int32_t, int32_t>> pieces{{whole.utf16_begin, whole.utf16_end}};
    if (whole.type == EntityType::kPerson)
      pieces = PersonPieces(doc, tables_->cues.all, names, whole);
    for (const auto& [piece_begin, piece_end] : pieces) {
      tagger::TaggedSpan piece_span = span;
      piece_span.utf16_begin = piece_begin;
      piece_span.utf16_end = piece_end;
      MentionCandidate c;
      TakeSpan(doc, piece_span, c);
      // A month or weekday alone is no name, whatever the model reads ("am Montag", capitalised as
      // every German noun): CLDR's calendar names, as the rules skip them.
      if (tables_->calendar_words.count(MatchKey(c.text)) != 0) continue;
      c.lang = lang_at(piece_begin);
      // A piece cut from a person's name is that person's or a name of its own: a place where the
      // gazetteer knows it ("Petrohradu"), else still the model's guess of a person.
      if (c.type == EntityType::kPlace || pieces.size() > 1) {
        std::optional<GazetteerEntry> entry = tables_->gazetteer->Lookup(c.text);
        if (!entry && IsCasedScript(c.script)) {
          entry = tables_->gazetteer->Lookup(tables_->base_forms.Of(c.text, c.lang));
        }
        if (entry && (c.type == EntityType::kPlace || entry->type == EntityType::kPlace)) {
          c.type = EntityType::kPlace;
          c.gazetteer_name = entry->canonical;
        }
      }
      added.push_back(std::move(c));
    }
  }
  for (MentionCandidate& c : added) out.push_back(std::move(c));
  std::stable_sort(out.begin(), out.end(),
                   [](const MentionCandidate& a, const MentionCandidate& b) {
                     return a.utf16_begin < b.utf16_begin;
                   });
  return out;
}
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
