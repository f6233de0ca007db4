// Language identification of an article and of its paragraphs: the script decides where one
// language writes it (Thai, Korean, Greek...); character-trigram profiles (gen/trigrams.tsv) decide
// among the languages sharing a script (Latin, Cyrillic, Arabic, Devanagari). "und" when unsure.
#ifndef CROSSWIRE_CORE_LANGUAGE_H_
#define CROSSWIRE_CORE_LANGUAGE_H_

#include <unicode/unistr.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "crosswire/types.h"
#include "data_pack.h"
#include "document.h"
#include "text/script.h"

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
  // The steps of Identify.
  struct Letters {
    icu::UnicodeString cleaned;
    std::vector<int32_t> line_ends;  // offsets in `cleaned` where a new line starts
    std::map<Script, int> script_counts;
    int letters = 0;
    int ascii_letters = 0;
    bool has_kana = false;
  };
  struct WordEvidence {
    std::vector<double> hits;  // per profile
    int words = 0;
    int known_words = 0;  // words listed by any language
  };
  static Letters CollectLetters(const icu::UnicodeString& text, int32_t begin, int32_t end);
  // Takes web addresses out of `letters` and counts the known words of the rest.
  WordEvidence ReadWords(Letters& letters) const;
  static std::vector<std::pair<uint64_t, int>> RankTrigrams(icu::UnicodeString& cleaned);

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
  // Function words (language/function-words/<lang>.txt), lower-cased -> the profiles listing them.
  struct U16Hash {
    using is_transparent = void;
    std::size_t operator()(std::u16string_view s) const {
      return std::hash<std::u16string_view>()(s);
    }
  };
  // With them, in the same table (one look-up per word of a text), the parts of web addresses
  // (language/not-language.txt), which are left out of the evidence.
  struct KnownWord {
    std::vector<int16_t> profiles;
    bool address_start = false;  // a web address runs from it to the end of its line
    bool not_language = false;
  };
  std::unordered_map<std::u16string, KnownWord, U16Hash, std::equal_to<>> known_words_;
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_LANGUAGE_H_
