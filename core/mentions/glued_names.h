// Names the capitalised-run rules glue together ("Kremlu Vladimir Putin", "ЕК Урсула фон дер
// Лайен", "Kancelaria Premiera Michał Dworczyk"): split where the batch knows the end of the run
// as a person's name of its own.
#ifndef CROSSWIRE_CORE_MENTIONS_GLUED_NAMES_H_
#define CROSSWIRE_CORE_MENTIONS_GLUED_NAMES_H_

#include <vector>

#include "base_forms.h"
#include "gazetteer.h"
#include "mentions.h"
#include "mentions/cues.h"
#include "mentions/words.h"

namespace crosswire::mentions {

// A batch step: a candidate of three or more words whose last two or more words are, word for
// word, a person's name the batch has as a candidate of its own, is split in two when what comes
// before is a name of another kind — an acronym ("ЕК", "МИД"), a place the gazetteer knows in any
// case ("Kremlu" aside, "Россия"), or a name the batch also has on its own. The person keeps the
// evidence of the known name's type; the part before is typed by the gazetteer or left untyped.
// In the languages with base-form rules, a run that ends in two name parts in the nominative
// which the batch never writes in lower case is split too where what comes before is an acronym,
// a known place or name (also where the ending leaves the base form open and one of the forms it
// allows is a place: "Буэнос-Айреса"), or a name in an oblique case ("РАН Андрей Каприн", "Senatu
// Tomasz Grodzki", "Калифорнии Арнольд Шварценеггер"): these languages glue "the head of X" to a
// name.
// Linear in the candidates' words.
void SplitGluedNames(const Gazetteer& gazetteer, const BaseForms& base_forms, const CueTables& cues,
                     const CaseStats& stats, std::vector<std::vector<MentionCandidate>>& out);

}  // namespace crosswire::mentions

#endif  // CROSSWIRE_CORE_MENTIONS_GLUED_NAMES_H_
