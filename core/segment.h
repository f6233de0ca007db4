// Segmentation with ICU BreakIterator in the article's locale: paragraphs (lines), sentences and
// words, each token with its script, shape and match keys. Offsets are UTF-16 code units.
#ifndef CROSSWIRE_CORE_SEGMENT_H_
#define CROSSWIRE_CORE_SEGMENT_H_

#include <unicode/brkiter.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "crosswire/types.h"
#include "document.h"

namespace crosswire {

// Splits doc.text into paragraphs (non-blank lines), marking those wholly inside removed spans.
void SplitParagraphs(Document& doc);

class Segmenter {
 public:
  Segmenter();
  ~Segmenter();

  // Fills doc.sentences and doc.tokens from doc.text (and doc.paragraphs, when empty), skipping
  // removed spans. Each paragraph is segmented in its own language (Paragraph::lang).
  Status Segment(Document& doc);

  // Word boundaries of `text` (including 0 and its length), as Segment computes them.
  std::vector<int32_t> WordBoundaries(const icu::UnicodeString& text, const std::string& lang);
  std::vector<int32_t> SentenceBoundaries(const icu::UnicodeString& text, const std::string& lang);

 private:
  icu::BreakIterator* WordIterator(const std::string& lang);
  icu::BreakIterator* SentenceIterator(const std::string& lang);

  // One iterator per locale, created on first use: creation is costly, reuse is cheap.
  std::map<std::string, std::unique_ptr<icu::BreakIterator>> word_iterators_;
  std::map<std::string, std::unique_ptr<icu::BreakIterator>> sentence_iterators_;
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_SEGMENT_H_
