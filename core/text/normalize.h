// Unicode normalization and match keys, through ICU's Normalizer2. Every stage that compares text
// (tokens, names, gazetteer) builds its keys here, so there is one definition of "the same string".
#ifndef CROSSWIRE_CORE_TEXT_NORMALIZE_H_
#define CROSSWIRE_CORE_TEXT_NORMALIZE_H_

#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace crosswire {

enum class NormalForm { kNfc, kNfd, kNfkc, kNfkd, kNfkcCasefold };

icu::UnicodeString Normalize(const icu::UnicodeString& text, NormalForm form);

// NFKC_Casefold key of UTF-8 text, as UTF-8.
std::string MatchKey(std::string_view utf8);
std::string MatchKey(const icu::UnicodeString& text);
// The match key with diacritics of Latin, Cyrillic and Greek letters removed ("Téhéran" ->
// "teheran"; "Йошкар" -> "иошкар": the loose key, MatchKey keeps й). Marks of other scripts (Thai
// vowels, Arabic harakat) are kept: there they are letters, not accents.
std::string FoldedKey(std::string_view utf8);
std::string FoldedKey(const icu::UnicodeString& text);

// Full Unicode case folding of UTF-8 text (no normalization): the key of aliases and identities.
std::string CaseFold(std::string_view utf8);

std::string ToUtf8(const icu::UnicodeString& text);
icu::UnicodeString FromUtf8(std::string_view utf8);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_TEXT_NORMALIZE_H_
