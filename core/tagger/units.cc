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

}  // namespace

Units BuildUnits(const Document& doc) {
  Units out;
  for (const Sentence& sentence : doc.sentences) {
    const ModelGroup group = GroupOf(doc, sentence.first_token, sentence.end_token);
    Sequence seq{static_cast<int32_t>(out.units.size()), 0, group, sentence.paragraph};
    auto close = [&] {
      seq.end_unit = static_cast<int32_t>(out.units.size());
      if (seq.end_unit > seq.first_unit) out.sequences.push_back(seq);
      seq.first_unit = seq.end_unit;
    };
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
    close();
  }
  return out;
}

}  // namespace crosswire::tagger
