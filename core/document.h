// Internal types shared by the pipeline stages: one article as it moves through
// decode -> clean -> language -> segment, and what later stages read from it.
// All offsets are half-open and count UTF-16 code units of Document::text.
#ifndef CROSSWIRE_CORE_DOCUMENT_H_
#define CROSSWIRE_CORE_DOCUMENT_H_

#include <unicode/unistr.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crosswire/types.h"
#include "text/script.h"

namespace crosswire {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  int32_t utf16_begin = 0;
  int32_t utf16_end = 0;
  TokenKind kind = TokenKind::kWord;
  Script script = Script::kCommon;
  // Reserved: ICU's break iterator does not report whether a dictionary-script token was a
  // dictionary word, so the segmenter leaves this false; stages that need it decide themselves.
  bool dictionary_word = false;
  // The word as written starts with an upper-case letter / is all upper case (cased scripts only).
  bool capitalized = false;
  bool all_caps = false;
  // Whitespace separates this token from the previous one (false for dictionary-split words).
  bool space_before = false;
  std::string key;         // NFKC_Casefold of the token, UTF-8
  std::string folded_key;  // key with diacritics removed ("téhéran" -> "teheran")
};

struct Sentence {
  int32_t utf16_begin = 0;
  int32_t utf16_end = 0;
  int32_t first_token = 0;  // index into Document::tokens
  int32_t end_token = 0;    // one past the last token
  int32_t paragraph = 0;
};

struct Paragraph {
  int32_t utf16_begin = 0;
  int32_t utf16_end = 0;
  std::string lang = "und";  // when it differs from the article's language, it is identified here
  bool removed = false;      // wholly inside a removed (boilerplate) span
};

struct Document {
  std::string id;
  icu::UnicodeString text;  // decoded text, exactly as offsets refer to it (not normalized)
  std::string encoding;
  std::string lang = "und";
  std::string title;
  int32_t title_begin = -1;  // the title's span in text, or -1 when it came from markup
  int32_t title_end = -1;
  std::vector<RemovedSpan> removed;
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;  // words and numbers of kept (not removed) text; punctuation too
  std::vector<std::string> warnings;
  // The publication date given with the article (ArticleOptions::published), if any.
  std::optional<Date> published;

  // True when [begin, end) overlaps a removed span.
  bool IsRemoved(int32_t utf16_begin, int32_t utf16_end) const;
  // UTF-8 copy of text[begin, end).
  std::string Slice(int32_t utf16_begin, int32_t utf16_end) const;
  // The language of paragraph `paragraph`: its own, or the article's where its own is unknown.
  const std::string& LangOf(int32_t paragraph) const;
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_DOCUMENT_H_
