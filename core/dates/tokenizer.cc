// The date readers' tokenizer. See docs/ARCHITECTURE.md (dates).
#include "dates/tokenizer.h"

#include <unicode/utf16.h>

#include <string_view>

namespace crosswire::dates {
namespace {

// Thai, Lao, Khmer and Burmese runs hold several words: cut out the calendar names inside them.
void SplitUnspaced(const FoldedText& folded, const UnspacedNames& unspaced, int32_t begin,
                   int32_t end, bool space_before, std::vector<Tok>* toks) {
  int32_t piece = begin;
  auto emit = [&](int32_t b, int32_t e) {
    if (b >= e) return;
    Tok tok;
    tok.kind = Tok::kWord;
    tok.begin = b;
    tok.end = e;
    tok.space_before = b == begin && space_before;
    toks->push_back(tok);
  };
  const std::u16string_view run = View(folded, begin, end);
  for (int32_t i = begin; i < end;) {
    bool matched = false;
    for (const auto& [name, entry] : unspaced) {
      if (name.size() <= static_cast<std::size_t>(end - i) &&
          run.substr(i - begin, name.size()) == name) {
        emit(piece, i);
        emit(i, i + static_cast<int32_t>(name.size()));
        i += static_cast<int32_t>(name.size());
        piece = i;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  emit(piece, end);
}

Tok MakeTok(const FoldedText& folded, UnitClass cls, int32_t begin, int32_t end,
            bool space_before) {
  Tok tok;
  tok.kind = cls == UnitClass::kDigit    ? Tok::kNumber
             : cls == UnitClass::kLetter ? Tok::kWord
                                         : Tok::kPunct;
  tok.begin = begin;
  tok.end = end;
  tok.space_before = space_before;
  if (tok.kind == Tok::kNumber) {
    tok.digits = end - begin;
    if (tok.digits <= 6) {
      tok.value = 0;
      for (int32_t k = begin; k < end; ++k) tok.value = tok.value * 10 + (folded.text[k] - u'0');
    }
  }
  return tok;
}

}  // namespace

Tokens Tokenize(const FoldedText& folded, const icu::UnicodeString& original,
                const UnspacedNames& unspaced) {
  Tokens out;
  const int32_t n = static_cast<int32_t>(folded.text.size());
  out.line_starts.push_back(0);
  bool space = true;
  for (int32_t i = 0; i < n;) {
    const UnitClass cls = folded.cls[i];
    if (cls == UnitClass::kSpace) {
      if (folded.text[i] == u' ' && i + 1 <= n) {
        const UChar c = original.charAt(folded.begin[i]);
        if (c == u'\n' || c == u'\r' || c == 0x2029) out.line_starts.push_back(i + 1);
      }
      space = true;
      ++i;
      continue;
    }
    int32_t j = i + 1;
    if (cls != UnitClass::kPunct) {
      while (j < n && folded.cls[j] == cls) ++j;
    }
    if (cls == UnitClass::kLetter) {
      UChar32 first;
      U16_GET(folded.text.data(), 0, i, n, first);
      if (IsUnspacedScript(first)) {
        SplitUnspaced(folded, unspaced, i, j, space, &out.toks);
        space = false;
        i = j;
        continue;
      }
      // Han/Kana/Hangul runs: only the first character matters (年, 月, 日, 일 markers); names such
      // as 星期五 are looked up on whole runs.
    }
    out.toks.push_back(MakeTok(folded, cls, i, j, space));
    space = false;
    i = j;
  }
  return out;
}

}  // namespace crosswire::dates
