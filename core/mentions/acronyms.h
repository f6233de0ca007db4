// Acronyms an article defines ("Organisation de coopération de Shanghai (OCS)"): tied to the name
// they abbreviate, within the article.
#ifndef CROSSWIRE_CORE_MENTIONS_ACRONYMS_H_
#define CROSSWIRE_CORE_MENTIONS_ACRONYMS_H_

#include <vector>

#include "document.h"
#include "mentions.h"

namespace crosswire::mentions {

// Ties "(ACRONYM)" to the name before the parenthesis, and every other use of that acronym in the
// article to the same name. An acronym defined by lower-case words ("memorandum of understanding
// (MOU)") is an ordinary noun: its candidates are dropped.
void LinkAcronyms(const Document& doc, std::vector<MentionCandidate>& candidates);

}  // namespace crosswire::mentions

#endif  // CROSSWIRE_CORE_MENTIONS_ACRONYMS_H_
