// Language tags (BCP 47) as the stages use them: most tables are keyed by the primary subtag.
#ifndef CROSSWIRE_CORE_TEXT_LANGUAGE_TAG_H_
#define CROSSWIRE_CORE_TEXT_LANGUAGE_TAG_H_

#include <string>
#include <string_view>

namespace crosswire {

// The primary language subtag in lower case: "pt-BR" -> "pt", "sr_Latn" -> "sr", "" -> "".
std::string PrimaryLanguage(std::string_view tag);

// The language CLDR files its data under, for primary subtags CLDR spells differently:
// "no" -> "nb", "tl" -> "fil"; other languages are returned as they are.
std::string CldrLanguage(std::string_view primary_language);

// Whether the language's spelling capitalises every noun (German, Luxembourgish): a capital there
// is no sign of a name, and an adjective is written in lower case unless a name begins with it
// ("Deutsche Bank").
bool CapitalisesNouns(std::string_view tag);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_TEXT_LANGUAGE_TAG_H_
