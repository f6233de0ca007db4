#include "mentions/words.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "text/fields.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire::mentions {
namespace {

bool IsSentenceEndPunct(const icu::UnicodeString& text, const Token& token) {
  if (token.utf16_end - token.utf16_begin != 1) return false;
  char16_t c = text[token.utf16_begin];
  return c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u'|' || c == u'\u2022' ||
         c == u'\u2013' || c == u'\u2014' || c == u';';
}

// Walks one paragraph's tokens, keeping what the previous tokens say about the next word.
class ParagraphWords {
 public:
  ParagraphWords(const Document& doc, const std::unordered_set<std::string>& elisions,
                 std::vector<Word>& words)
      : doc_(doc), text_(doc.text), elisions_(elisions), words_(words) {}

  // Builds the word view of paragraph `paragraph`'s tokens [first, end).
  void Collect(int32_t paragraph, int32_t first, int32_t end);

 private:
  void AdvanceSentence(int32_t t);
  void TakePunctuation(const Token& token);
  Word MakeWord(const Token& token, int32_t t, int32_t paragraph) const;
  void StripElision(Word& word) const;
  static void StripPossessive(const icu::UnicodeString& text, Word& word);
  static void SetShape(const icu::UnicodeString& core, Word& word);
  void JudgeAbbreviationDot();
  void MarkHeadline(int32_t paragraph) const;

  const Document& doc_;
  const icu::UnicodeString& text_;
  const std::unordered_set<std::string>& elisions_;
  std::vector<Word>& words_;
  std::size_t paragraph_first_word_ = 0;
  bool at_sentence_start_ = true;
  std::size_t sentence_index_ = 0;
  Word::Gap gap_ = Word::Gap::kSpace;
  bool ampersand_ = false;
  int32_t previous_end_ = -1;
};

void ParagraphWords::Collect(int32_t paragraph, int32_t first, int32_t end) {
  paragraph_first_word_ = words_.size();
  at_sentence_start_ = true;
  sentence_index_ = 0;
  gap_ = Word::Gap::kSpace;
  previous_end_ = -1;
  for (int32_t t = first; t < end; ++t) {
    const Token& token = doc_.tokens[t];
    AdvanceSentence(t);
    if (token.kind != TokenKind::kWord) {
      TakePunctuation(token);
      continue;
    }
    Word word = MakeWord(token, t, paragraph);
    JudgeAbbreviationDot();
    word.gap = words_.size() > paragraph_first_word_ ? gap_ : Word::Gap::kPunct;
    word.after_ampersand = ampersand_ && word.gap == Word::Gap::kPunct;
    word.sentence_initial = at_sentence_start_;
    at_sentence_start_ = false;
    gap_ = Word::Gap::kSpace;
    ampersand_ = false;
    previous_end_ = token.utf16_end;
    words_.push_back(std::move(word));
  }
  MarkHeadline(paragraph);
}

void ParagraphWords::AdvanceSentence(int32_t t) {
  const std::vector<Sentence>& sentences = doc_.sentences;
  while (sentence_index_ < sentences.size() && sentences[sentence_index_].end_token <= t) {
    ++sentence_index_;
  }
  if (sentence_index_ < sentences.size() && sentences[sentence_index_].first_token == t) {
    at_sentence_start_ = true;
  }
}

// Numbers and punctuation: what separates the next word from the previous one.
void ParagraphWords::TakePunctuation(const Token& token) {
  if (token.kind == TokenKind::kNumber) {
    gap_ = Word::Gap::kPunct;
    ampersand_ = false;
    at_sentence_start_ = false;
    previous_end_ = token.utf16_end;
    return;
  }
  const bool attached = previous_end_ == token.utf16_begin;
  const char16_t c = text_[token.utf16_begin];
  const bool single = token.utf16_end - token.utf16_begin == 1;
  ampersand_ = single && c == u'&' && gap_ == Word::Gap::kSpace;
  if (single && c == u'-' && attached && gap_ == Word::Gap::kSpace) {
    gap_ = Word::Gap::kHyphen;
  } else if (single && c == u'.' && attached && gap_ == Word::Gap::kSpace &&
             !(token.utf16_end < text_.length() && u_isupper(text_.char32At(token.utf16_end)))) {
    gap_ = Word::Gap::kDot;
  } else {
    gap_ = Word::Gap::kPunct;
  }
  if (IsSentenceEndPunct(text_, token) || c == u'"' || c == u'\u201C' || c == u'\u00AB' ||
      c == u'(' || c == u'[' || c == u'>') {
    // A quote or bracket opens what reads like a new sentence; a colon or dash starts one
    // in headlines and datelines. A dot after an abbreviation is judged later.
    // A dot with a capital right after it ends a sentence written without a space ("США.Эта").
    if (!(single && c == u'.' && attached) || gap_ == Word::Gap::kPunct) at_sentence_start_ = true;
  }
  previous_end_ = token.utf16_end;
}

Word ParagraphWords::MakeWord(const Token& token, int32_t t, int32_t paragraph) const {
  Word word;
  word.token = t;
  word.paragraph = paragraph;
  word.begin = token.utf16_begin;
  word.end = token.utf16_end;
  StripElision(word);
  StripPossessive(text_, word);
  icu::UnicodeString core(text_, word.begin, word.end - word.begin);
  if (word.begin == token.utf16_begin && word.end == token.utf16_end) {
    word.key = token.key;  // the segmenter's keys, when the word is the whole token
    word.folded_key = token.folded_key;
  } else {
    word.key = MatchKey(core);
    word.folded_key = FoldedKey(core);
  }
  SetShape(core, word);
  return word;
}

// Elision: a French or Italian article or preposition and an apostrophe before the word
// ("l'Iran", "d’IRNA", "dell'Onu"); not an Irish or Arabic name part ("O'Brien").
void ParagraphWords::StripElision(Word& word) const {
  for (int32_t i = word.begin + 1; i < word.end - 1 && i <= word.begin + 7; ++i) {
    if (!IsApostrophe(text_[i])) continue;
    const std::string particle = MatchKey(icu::UnicodeString(text_, word.begin, i - word.begin));
    if (elisions_.count(particle) != 0 && u_isalpha(text_.char32At(i + 1))) {
      word.begin = i + 1;
      word.elided = true;
    }
    return;
  }
}

// Possessive: "'s", "’s", or a final apostrophe.
void ParagraphWords::StripPossessive(const icu::UnicodeString& text, Word& word) {
  if (word.end - word.begin > 2 && IsApostrophe(text[word.end - 2]) &&
      (text[word.end - 1] == u's' || text[word.end - 1] == u'S')) {
    word.end -= 2;
    word.possessive = true;
  } else if (word.end - word.begin > 1 && IsApostrophe(text[word.end - 1])) {
    word.end -= 1;
    word.possessive = true;
  }
}

// Script and case from the word's letters.
void ParagraphWords::SetShape(const icu::UnicodeString& core, Word& word) {
  const WordShape shape = ShapeOf(core, 0, core.length());
  word.script = shape.script;
  word.capitalized = shape.capitalized;
  word.all_caps = shape.all_caps;
  word.cased_script = IsCasedScript(word.script);
}

// A dot after a short capitalised word is an abbreviation ("Mr.", "M.", "Gen."), not the end of
// a sentence; after anything else it ends one.
void ParagraphWords::JudgeAbbreviationDot() {
  if (gap_ != Word::Gap::kDot || words_.empty() || words_.size() <= paragraph_first_word_) return;
  const Word& previous = words_.back();
  const int32_t previous_length = previous.end - previous.begin;
  if (!(previous.capitalized && previous_length <= 4)) {
    gap_ = Word::Gap::kPunct;
    at_sentence_start_ = true;
  }
}

// Title-case lines (headlines, site names): short, most words capitalised, and not ended like a
// sentence (a sentence can be dense with names: "President Masoud Pezeshkian met ...").
void ParagraphWords::MarkHeadline(int32_t paragraph) const {
  int cased = 0, capitalized = 0;
  for (std::size_t i = paragraph_first_word_; i < words_.size(); ++i) {
    if (!words_[i].cased_script) continue;
    ++cased;
    capitalized += words_[i].capitalized;
  }
  int32_t last = doc_.paragraphs[paragraph].utf16_end - 1;
  const char16_t last_char = last >= 0 ? text_[last] : u' ';
  const bool ends_like_sentence = last_char == u'.' || last_char == u'!' || last_char == u'?' ||
                                  last_char == u'"' || last_char == u'\u201D';
  if (cased >= 2 && cased <= 16 && !ends_like_sentence && capitalized * 10 >= cased * 7) {
    for (std::size_t i = paragraph_first_word_; i < words_.size(); ++i) words_[i].headline = true;
  }
}

}  // namespace

bool IsApostrophe(char16_t c) { return c == u'\'' || c == u'\u2019'; }

bool IsSpaceChar(UChar32 c) { return u_isUWhiteSpace(c) || c == 0x200B; }

std::unordered_set<std::string> LoadElisions(const DataPack& data) {
  std::unordered_set<std::string> elisions;
  for (const DataFile& file : data.List("elisions/")) {
    for (std::string_view line : DataLines(file.contents)) elisions.insert(MatchKey(line));
  }
  return elisions;
}

std::vector<Word> CollectWords(const Document& doc,
                               const std::unordered_set<std::string>& elisions) {
  std::vector<Word> words;
  ParagraphWords collector(doc, elisions, words);
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& paragraph = doc.paragraphs[p];
    if (paragraph.removed) continue;
    auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), paragraph.utf16_begin,
                                  [](const Token& t, int32_t at) { return t.utf16_begin < at; });
    auto last = std::lower_bound(first, doc.tokens.end(), paragraph.utf16_end,
                                 [](const Token& t, int32_t at) { return t.utf16_begin < at; });
    collector.Collect(static_cast<int32_t>(p), static_cast<int32_t>(first - doc.tokens.begin()),
                      static_cast<int32_t>(last - doc.tokens.begin()));
  }
  return words;
}

int CaseStats::Lower(const std::string& key) const {
  auto it = lower.find(key);
  return it != lower.end() ? it->second : 0;
}

int CaseStats::CapitalizedInside(const std::string& key) const {
  auto it = capitalized_inside.find(key);
  return it != capitalized_inside.end() ? it->second : 0;
}

void CaseStats::Add(const CaseStats& other) {
  for (const auto& [key, n] : other.lower) lower[key] += n;
  for (const auto& [key, n] : other.capitalized_inside) capitalized_inside[key] += n;
}

void CountCases(const std::vector<Word>& words, CaseStats& stats) {
  for (const Word& w : words) {
    if (!w.cased_script || w.key.empty()) continue;
    if (!w.capitalized) {
      ++stats.lower[w.key];
    } else if (!w.sentence_initial && !w.headline && !w.all_caps) {
      ++stats.capitalized_inside[w.key];
    }
  }
}

}  // namespace crosswire::mentions
