// Names the text sets in quotation marks after a common noun: "газопровод «Северный поток — 2»",
// "агентство «Россия сегодня»", "spółka „Orlen“". The quotes say where the name begins and ends,
// which its capitals do not (lower-case words, numbers and dashes inside it).
#ifndef CROSSWIRE_CORE_MENTIONS_QUOTED_NAMES_H_
#define CROSSWIRE_CORE_MENTIONS_QUOTED_NAMES_H_

#include <vector>

#include "document.h"
#include "mentions.h"

namespace crosswire::mentions {

// The candidates with each quoted name added, in place of the candidates inside its quotes. A
// quoted name opens with a capital letter of a cased script, follows a lower-case word (a quote
// after a colon or opening a sentence is speech), has at most four words and 40 UTF-16 units, and
// holds only letters, digits, spaces, hyphens, dashes, apostrophes and dots of abbreviations; it
// is typed MISC with a low confidence (a product, a pipeline, an agency: what the noun before it
// says, which the rules do not read). One pass over the text: linear in its length.
std::vector<MentionCandidate> WithQuotedNames(const Document& doc,
                                              std::vector<MentionCandidate> candidates);

}  // namespace crosswire::mentions

#endif  // CROSSWIRE_CORE_MENTIONS_QUOTED_NAMES_H_
