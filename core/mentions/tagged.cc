// MentionFinder::Tagged: the tagger's spans merged with the rules' candidates of one article —
// the full tagger's spans decide inside the sentences it labels; the small typing model types the
// rules' guesses and may cut them (docs/ARCHITECTURE.md, "The trained tagger").
#include <unicode/uchar.h>

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gazetteer.h"
#include "mentions.h"
#include "mentions/tables.h"
#include "tagger/tagger.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire {

using mentions::kTaggerConfidence;

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

// How often each name of the article is written, by match key, whole and by its last word.
using NameCounts = std::unordered_map<std::string, int>;

// Where the model's person name runs over a colon, or over a lower-case word that is no name
// particle of any language ("Biden z Putin", "Putin v Petrohradu": "with", "in"). The model reads
// a sentence's words one label at a time and now and then carries a name across a preposition to
// the next name; the rules never do. `pieces`: the runs of the span's other words, [begin, end).
struct PersonCut {
  std::vector<std::pair<int32_t, int32_t>> pieces;
  bool colon = false;
};
PersonCut CutPerson(const Document& doc, const mentions::LangCues& all, const MentionCandidate& c) {
  PersonCut cut;
  int32_t piece_begin = -1, piece_end = -1;
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
    cut.colon = cut.colon || at_colon;
    if (breaks) {
      if (piece_begin >= 0) cut.pieces.emplace_back(piece_begin, piece_end);
      piece_begin = -1;
      continue;
    }
    if (!word) continue;  // punctuation neither opens nor ends a piece
    if (piece_begin < 0) piece_begin = t->utf16_begin;
    piece_end = t->utf16_end;
  }
  if (piece_begin >= 0) cut.pieces.emplace_back(piece_begin, piece_end);
  return cut;
}

// Whether the article writes one of the pieces of person's name `c` on its own. `names` counts the
// span itself by its last word: a piece is known from elsewhere where it is counted more often.
bool KnowsAPiece(const Document& doc, const NameCounts& names, const MentionCandidate& c,
                 const std::vector<std::pair<int32_t, int32_t>>& pieces) {
  const std::string whole = MatchKey(c.text);
  const std::string_view last = std::string_view(whole).substr(whole.rfind(' ') + 1);
  return std::any_of(pieces.begin(), pieces.end(), [&](const auto& piece) {
    const std::string key = MatchKey(doc.Slice(piece.first, piece.second));
    auto it = names.find(key);
    return it != names.end() && it->second > (key == last ? 1 : 0);
  });
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
  // The article's names (the rules' kept candidates and the model's spans), counted only for the
  // first person's name the model carried over a preposition: most articles have none.
  std::optional<NameCounts> names;
  auto article_names = [&]() -> const NameCounts& {
    if (names) return *names;
    names.emplace();
    auto add_name = [&](int32_t begin, int32_t end) {
      std::string key = MatchKey(doc.Slice(begin, end));
      const std::size_t space = key.rfind(' ');
      if (space != std::string::npos) ++(*names)[key.substr(space + 1)];
      ++(*names)[std::move(key)];
    };
    for (const MentionCandidate& c : out) add_name(c.utf16_begin, c.utf16_end);
    for (const tagger::TaggedSpan& span : tagged.spans) add_name(span.utf16_begin, span.utf16_end);
    return *names;
  };
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
    if (whole.type == EntityType::kPerson) {
      // Cut at a colon, or between names the article also writes on their own: a person's name
      // with an epithet ("Michael the Brave", "Lucas Cranach dem Älteren") stays whole. Lower-case
      // words at a span's ends stay as the model read them: cutting at every such word lowered
      // WikiANN val 0.775 -> 0.767, trimming the ends 0.775 -> 0.770, for no gain in linking the
      // Slavic news.
      PersonCut cut = CutPerson(doc, tables_->cues.all, whole);
      if (cut.pieces.size() >= 2 &&
          (cut.colon || KnowsAPiece(doc, article_names(), whole, cut.pieces))) {
        pieces = std::move(cut.pieces);
      }
    }
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

}  // namespace crosswire
