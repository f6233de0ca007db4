#include "segment.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "text/normalize.h"
#include "text/script.h"

namespace crosswire {

Segmenter::Segmenter() = default;
Segmenter::~Segmenter() = default;

icu::BreakIterator* Segmenter::WordIterator(const std::string& lang) {
  auto& slot = word_iterators_[lang];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::BreakIterator::createWordInstance(
        icu::Locale(lang == "und" ? "" : lang.c_str()), status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

icu::BreakIterator* Segmenter::SentenceIterator(const std::string& lang) {
  auto& slot = sentence_iterators_[lang];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::BreakIterator::createSentenceInstance(
        icu::Locale(lang == "und" ? "" : lang.c_str()), status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

namespace {

std::vector<int32_t> Boundaries(icu::BreakIterator* it, const icu::UnicodeString& text) {
  std::vector<int32_t> out;
  if (it == nullptr) return out;
  it->setText(text);
  for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) out.push_back(b);
  return out;
}

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c); }

// Whether the dot at `dot` inside the word [from, end) ends one sentence and starts another: three
// letters or more before it, the last in lower case or a capital after a capital ("США"), and
// after it a capital and a lower-case letter. Not a domain ("Info.cz"), initials ("J.R.R") nor a
// short abbreviation ("St.Petersburg").
bool SentenceJoin(const icu::UnicodeString& text, int32_t from, int32_t dot, int32_t end) {
  if (dot - from < 3 || dot + 2 >= end || !u_isalpha(text[dot - 3])) return false;
  const UChar32 before = text[dot - 1], before2 = text[dot - 2];
  const UChar32 after = text[dot + 1], after2 = text[dot + 2];
  if (!u_isalpha(before) || !u_isalpha(before2) || !u_isupper(after) || !u_islower(after2)) {
    return false;
  }
  return u_islower(before) || (u_isupper(before) && u_isupper(before2));
}

}  // namespace

void SplitParagraphs(Document& doc) {
  doc.paragraphs.clear();
  const icu::UnicodeString& text = doc.text;
  const int32_t length = text.length();
  // Paragraphs are non-blank lines: saved articles put one paragraph on a line.
  for (int32_t line_begin = 0; line_begin < length;) {
    int32_t line_end = text.indexOf(u'\n', line_begin);
    if (line_end < 0) line_end = length;
    int32_t b = line_begin, e = line_end;
    while (b < e && IsSpace(text.char32At(b))) b = text.moveIndex32(b, 1);
    while (e > b && IsSpace(text.char32At(text.moveIndex32(e, -1)))) e = text.moveIndex32(e, -1);
    if (b < e) {
      Paragraph p;
      p.utf16_begin = b;
      p.utf16_end = e;
      p.lang = doc.lang;
      p.removed = doc.IsRemoved(b, e) &&
                  std::any_of(doc.removed.begin(), doc.removed.end(), [&](const RemovedSpan& r) {
                    return r.utf16_begin <= b && r.utf16_end >= e;
                  });
      doc.paragraphs.push_back(std::move(p));
    }
    line_begin = line_end + 1;
  }
}

std::vector<int32_t> Segmenter::WordBoundaries(const icu::UnicodeString& text,
                                               const std::string& lang) {
  return Boundaries(WordIterator(lang), text);
}

std::vector<int32_t> Segmenter::SentenceBoundaries(const icu::UnicodeString& text,
                                                   const std::string& lang) {
  return Boundaries(SentenceIterator(lang), text);
}

Status Segmenter::Segment(Document& doc) {
  doc.sentences.clear();
  doc.tokens.clear();
  const icu::UnicodeString& text = doc.text;

  if (doc.paragraphs.empty()) SplitParagraphs(doc);

  icu::BreakIterator* words = WordIterator(doc.lang);
  icu::BreakIterator* sentences = SentenceIterator(doc.lang);
  if (words == nullptr || sentences == nullptr) {
    return Status(StatusCode::kDataError, "ICU break iterators are unavailable for " + doc.lang);
  }

  for (int32_t pi = 0; pi < static_cast<int32_t>(doc.paragraphs.size()); ++pi) {
    const Paragraph& para = doc.paragraphs[pi];
    if (para.removed) continue;
    icu::UnicodeString para_text(text, para.utf16_begin, para.utf16_end - para.utf16_begin);
    const std::string& lang = para.lang;
    if (lang != doc.lang) {
      words = WordIterator(lang);
      sentences = SentenceIterator(lang);
    }
    const int32_t para_first_token = static_cast<int32_t>(doc.tokens.size());
    words->setText(para_text);
    int32_t start = words->first();
    // One token of [start, end) of the paragraph.
    auto add = [&](int32_t start, int32_t end, TokenKind kind) {
      Token tok;
      tok.utf16_begin = para.utf16_begin + start;
      tok.utf16_end = para.utf16_begin + end;
      tok.kind = kind;
      const WordShape shape = ShapeOf(para_text, start, end);
      tok.script = shape.script;
      tok.capitalized = shape.capitalized;
      tok.all_caps = shape.all_caps;
      tok.space_before =
          tok.utf16_begin == para.utf16_begin || IsSpace(text.char32At(tok.utf16_begin - 1));
      icu::UnicodeString piece(para_text, start, end - start);
      tok.key = MatchKey(piece);
      // A key in ASCII has no accents to fold: FoldedKey would give the key again, the long way
      // (every article is segmented twice, in both rounds).
      const bool ascii_key = std::all_of(tok.key.begin(), tok.key.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x80;
      });
      tok.folded_key = ascii_key ? tok.key : FoldedKey(piece);
      doc.tokens.push_back(std::move(tok));
    };
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
         start = end, end = words->next()) {
      UChar32 first = para_text.char32At(start);
      if (IsSpace(first)) continue;
      if (doc.IsRemoved(para.utf16_begin + start, para.utf16_begin + end)) continue;
      int32_t status = words->getRuleStatus();
      if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
        add(start, end, TokenKind::kNumber);
      } else if (status == UBRK_WORD_NONE) {
        add(start, end, TokenKind::kPunct);
      } else {
        // Two sentences written without a space after the full stop are two words and a dot
        // ("Каприн.Ранее", "США.Эта"): ICU keeps letters around a dot together, as in "e.g".
        int32_t from = start;
        for (int32_t dot = start + 3; dot + 2 < end; ++dot) {
          if (para_text[dot] == u'.' && SentenceJoin(para_text, from, dot, end)) {
            add(from, dot, TokenKind::kWord);
            add(dot, dot + 1, TokenKind::kPunct);
            from = dot + 1;
          }
        }
        add(from, end, TokenKind::kWord);
      }
    }

    // Sentences: ICU's sentence boundaries, each holding the tokens that start inside it.
    std::vector<int32_t> bounds = Boundaries(sentences, para_text);
    int32_t ti = para_first_token;
    const int32_t para_end_token = static_cast<int32_t>(doc.tokens.size());
    for (std::size_t bi = 0; bi + 1 < bounds.size(); ++bi) {
      Sentence sentence;
      sentence.utf16_begin = para.utf16_begin + bounds[bi];
      sentence.utf16_end = para.utf16_begin + bounds[bi + 1];
      while (sentence.utf16_end > sentence.utf16_begin &&
             IsSpace(text.char32At(sentence.utf16_end - 1))) {
        --sentence.utf16_end;
      }
      sentence.paragraph = pi;
      sentence.first_token = ti;
      while (ti < para_end_token && doc.tokens[ti].utf16_begin < para.utf16_begin + bounds[bi + 1])
        ++ti;
      sentence.end_token = ti;
      if (sentence.end_token > sentence.first_token) doc.sentences.push_back(sentence);
    }
    if (lang != doc.lang) {
      words = WordIterator(doc.lang);
      sentences = SentenceIterator(doc.lang);
    }
  }
  return Status::Ok();
}

}  // namespace crosswire
