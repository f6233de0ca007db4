// What the cased-script scanner asks of single words in inflected languages: whether a word is a
// first name (the list of core/data/names/given-names.txt, in any case form the base-form rules
// allow), whether the word before one is a person's title in a case form, and whether capitalised
// adjectives are listed before the region noun they share.
#include <unicode/uchar.h>

#include <string>

#include "mentions/scanner.h"
#include "text/language_tag.h"
#include "text/normalize.h"

namespace crosswire::mentions {

bool DocumentScanner::ListedBeforePlaceNoun(std::size_t i, std::size_t paragraph_end,
                                            const LangCues& cues) const {
  constexpr int kEnding = 2;  // letters the listed adjectives share at their end
  const Word& w = W(i);
  if (w.end - w.begin <= kEnding + 2) return false;
  const icu::UnicodeString ending(doc_.text, w.end - kEnding, kEnding);
  std::size_t k = i + 1;
  // At most four more adjectives: "A, B, C, D a E kraji".
  for (int listed = 0; listed < 5 && k < paragraph_end; ++listed) {
    // A comma, or a short lower-case word ("a", "i", "и", "in"), before the next adjective.
    const int32_t gap_begin = W(k - 1).end, gap_end = W(k).begin;
    const bool comma = gap_end - gap_begin == 2 && doc_.text[gap_begin] == u',' &&
                       doc_.text[gap_begin + 1] == u' ';
    std::size_t next = k;
    if (!comma) {
      if (W(k).gap != Word::Gap::kSpace || W(k).capitalized || W(k).end - W(k).begin > 3 ||
          k + 1 >= paragraph_end || W(k + 1).gap != Word::Gap::kSpace) {
        return false;
      }
      next = k + 1;
    }
    const Word& adjective = W(next);
    if (!adjective.capitalized || adjective.all_caps ||
        adjective.end - adjective.begin <= kEnding + 2 ||
        icu::UnicodeString(doc_.text, adjective.end - kEnding, kEnding) != ending) {
      return false;
    }
    // The last adjective, then the noun.
    if (next + 1 < paragraph_end && W(next + 1).gap == Word::Gap::kSpace &&
        W(next + 1).cased_script && !W(next + 1).capitalized && cues.IsPlaceNoun(W(next + 1).key)) {
      return true;
    }
    k = next + 1;
  }
  return false;
}

const Cue* DocumentScanner::CaseFormTitle(std::size_t i, const LangCues& cues) const {
  const std::string lang = PrimaryLanguage(doc_.LangOf(W(i).paragraph));
  if (!base_forms_.Has(lang) || !W(i).cased_script) return nullptr;
  const icu::UnicodeString word(doc_.text, W(i).begin, W(i).end - W(i).begin);
  const icu::UnicodeString base = base_forms_.WordOf(word, lang);
  if (base == word) return nullptr;
  auto it = cues.titles.find(CueKey(ToUtf8(base)));
  return it != cues.titles.end() ? &it->second : nullptr;
}

bool DocumentScanner::TitleBefore(std::size_t i, const LangCues& cues) const {
  return i > 0 && (cues.titles.count(W(i - 1).key) != 0 || CaseFormTitle(i - 1, cues) != nullptr);
}

bool DocumentScanner::FirstNameAt(std::size_t i) const {
  const icu::UnicodeString word(doc_.text, W(i).begin, W(i).end - W(i).begin);
  if (base_forms_.IsFirstNameForm(ToUtf8(word))) return true;
  const std::string lang = PrimaryLanguage(doc_.LangOf(W(i).paragraph));
  if (!base_forms_.Has(lang)) return false;
  if (base_forms_.IsFirstName(ToUtf8(base_forms_.WordOf(word, lang)))) return true;
  for (const icu::UnicodeString& candidate : base_forms_.Candidates(word, lang)) {
    if (base_forms_.IsFirstName(ToUtf8(candidate))) return true;
  }
  return false;
}

}  // namespace crosswire::mentions
