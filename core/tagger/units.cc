#include "tagger/units.h"

#include <unicode/utf16.h>

#include <array>

namespace crosswire::tagger {

std::string_view GroupName(ModelGroup group) {
  switch (group) {
    case ModelGroup::kAlphabetic:
      return "alphabetic";
    case ModelGroup::kCjk:
      return "cjk";
    case ModelGroup::kThai:
      return "thai";
    case ModelGroup::kNone:
      break;
  }
  return "";
}

namespace {

bool IsCjk(Script s) { return s == Script::kHan || s == Script::kKana; }

// The group of a sentence: the script most of its letters are in (by words), Han and Kana
// together; scripts without a model (Arabic, Hebrew, Devanagari...) are left to the rules.
ModelGroup GroupOf(const Document& doc, int32_t first, int32_t end) {
  std::array<int, 4> votes{};
  for (int32_t t = first; t < end; ++t) {
    const Token& token = doc.tokens[t];
    if (token.kind != TokenKind::kWord) continue;
    const int32_t length = token.utf16_end - token.utf16_begin;
    if (IsCjk(token.script)) {
      votes[1] += length;
    } else if (token.script == Script::kThai) {
      votes[2] += length;
    } else if (IsCasedScript(token.script)) {
      votes[0] += length;
    } else if (token.script != Script::kCommon) {
      votes[3] += length;
    }
  }
  int best = 3;
  for (int g = 0; g < 3; ++g) {
    if (votes[g] > votes[best] || (votes[g] == votes[best] && votes[g] > 0 && best == 3)) best = g;
  }
  if (votes[best] == 0) return ModelGroup::kNone;
  return static_cast<ModelGroup>(best == 3 ? 3 : best);
}

// Whether a sentence ends with a full stop that mostly stands inside a name, where ICU's sentence
// rules (a full stop, a space, a capital) end a sentence and cut the name in two; the tagger reads
// on into the next sentence instead. The stop ends:
// - an initial, one capital letter: "P." of "P. Simmons". Retrained so, the alphabetic model
//   scored higher on every held-out set (CoNLL-2003 en val 0.847 -> 0.877, Slavic val overlap
//   0.839 -> 0.866): the cut names had also taught it that a capitalised word opening a sentence
//   is often inside a name;
// - a capitalised word of two or three letters not all in capitals, an abbreviation mostly ("St.
//   Niklaus", "Dr.", "Gen."), or an ordinal of one or two digits ("1. FC Köln", "Edward Russell,
//   1. Earl of Orford"), where the next sentence opens with a capitalised word (BENCHMARKS.md,
//   "Typed mention spans"). An acronym ("EU.", "BBC.") mostly ends its sentence: joined, the
//   model ran names across the stop ("EU. Evropska komisija").
bool EndsInsideName(const Document& doc, const Sentence& sentence, const Sentence& next) {
  const int32_t last = sentence.end_token - 1;
  if (last - 1 < sentence.first_token) return false;
  const Token& stop = doc.tokens[last];
  const Token& word = doc.tokens[last - 1];
  if (stop.utf16_end - stop.utf16_begin != 1 || doc.text.charAt(stop.utf16_begin) != u'.' ||
      word.utf16_end != stop.utf16_begin) {
    return false;
  }
  const int32_t length = word.utf16_end - word.utf16_begin;
  if (word.kind == TokenKind::kWord && word.capitalized && length == 1) return true;
  if (next.first_token >= next.end_token) return false;
  const Token& opening = doc.tokens[next.first_token];
  if (opening.kind != TokenKind::kWord || !opening.capitalized) return false;
  if (word.kind == TokenKind::kWord && word.capitalized && !word.all_caps && length <= 3) {
    return true;
  }
  return word.kind == TokenKind::kNumber && length <= 2;
}

}  // namespace

Units BuildUnits(const Document& doc) {
  Units out;
  Sequence seq;
  auto close = [&] {
    seq.end_unit = static_cast<int32_t>(out.units.size());
    if (seq.end_unit > seq.first_unit) out.sequences.push_back(seq);
    seq.first_unit = seq.end_unit;
  };
  bool joined = false;  // the previous sentence ended inside a name and its sequence is open
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& sentence = doc.sentences[i];
    const ModelGroup group = GroupOf(doc, sentence.first_token, sentence.end_token);
    if (joined && (group != seq.group || sentence.paragraph != seq.paragraph)) close();
    if (!joined || seq.first_unit == static_cast<int32_t>(out.units.size())) {
      seq = Sequence{static_cast<int32_t>(out.units.size()), 0, group, sentence.paragraph};
    }
    for (int32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      const Token& token = doc.tokens[t];
      if (token.kind == TokenKind::kWord && IsCjk(token.script)) {
        int32_t index = 0;
        for (int32_t i = token.utf16_begin; i < token.utf16_end; ++index) {
          const int32_t next = doc.text.moveIndex32(i, 1);
          out.units.push_back({i, next, t, true, index});
          i = next;
          if (out.units.size() - seq.first_unit >= kMaxSequenceUnits) close();
        }
      } else {
        out.units.push_back({token.utf16_begin, token.utf16_end, t, false, 0});
        if (out.units.size() - seq.first_unit >= kMaxSequenceUnits) close();
      }
    }
    joined = i + 1 < doc.sentences.size() && EndsInsideName(doc, sentence, doc.sentences[i + 1]);
    if (!joined) close();
  }
  close();
  return out;
}

}  // namespace crosswire::tagger
