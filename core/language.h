// Language identification of an article and of its paragraphs: the script decides where one
// language writes it (Thai, Korean, Greek...); character-trigram profiles (gen/trigrams.tsv) decide
// among the languages sharing a script (Latin, Cyrillic, Arabic, Devanagari). "und" when unsure.
#ifndef CROSSWIRE_CORE_LANGUAGE_H_
#define CROSSWIRE_CORE_LANGUAGE_H_

#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "crosswire/types.h"
#include "data_pack.h"
#include "document.h"

namespace crosswire {

struct LanguageGuess {
  std::string lang = "und";
  double confidence = 0;  // 0..1
};

class LanguageIdentifier {
 public:
  static Result<std::unique_ptr<LanguageIdentifier>> Create(const DataPack& data);

  // The language of text[begin, end).
  LanguageGuess Identify(const icu::UnicodeString& text, int32_t utf16_begin,
                         int32_t utf16_end) const;
  // Sets doc.lang: `forced` when not empty, else the identified language of the whole text.
  void IdentifyDocument(Document& doc, const std::string& forced) const;
  // Sets the language of each paragraph: the article's, unless the paragraph is confidently in
  // another language.
  void IdentifyParagraphs(Document& doc) const;

 private:
  struct Profile {
    std::string lang;
    Script script;
    bool major_news = false;  // listed in language/news-languages.txt
  };
  struct Posting {
    int16_t profile;
    int16_t rank;  // 0 = most frequent
  };
  std::vector<Profile> profiles_;
  // Trigram -> the profiles that hold it, with its rank there: one lookup per trigram of the text
  // instead of one per trigram and profile.
  std::unordered_map<uint64_t, std::vector<Posting>> postings_;  // key: three UTF-16 units packed
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_LANGUAGE_H_
