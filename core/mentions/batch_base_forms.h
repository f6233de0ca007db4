// The base form of each name candidate of a batch (MentionCandidate::base), in the languages with
// base-form rules (core/base_forms.h): the rules' form of each word, made to agree within the name
// (a first name and its surname in one case, an adjective in its noun's gender, an organisation's
// complement in its own case), and, where an ending leaves several forms open, the one the batch
// itself uses most often or the gazetteer spells.
#ifndef CROSSWIRE_CORE_MENTIONS_BATCH_BASE_FORMS_H_
#define CROSSWIRE_CORE_MENTIONS_BATCH_BASE_FORMS_H_

#include <vector>

#include "base_forms.h"
#include "gazetteer.h"
#include "mentions.h"
#include "mentions/cues.h"

namespace crosswire::mentions {

// Each candidate's base form: the rules' own where they are clear; where a word's ending leaves
// several forms open ("Putina": Putin or Putina?), the combination the batch itself uses most
// often as a name, if other mentions use it more often than the rules' form. A place whose rules'
// form the gazetteer does not spell takes a combination that it does, for the same place ("Ukrainy"
// -> "Ukraina", "بألمانيا" -> "ألمانيا"; the batch's likeliest of several). Candidates in other
// languages keep their text. Linear in the candidates (at most 27 combinations a name).
void SetBaseForms(const BaseForms& forms, const Gazetteer& gazetteer, const CueTables& cues,
                  std::vector<std::vector<MentionCandidate>>& out);

}  // namespace crosswire::mentions

#endif  // CROSSWIRE_CORE_MENTIONS_BATCH_BASE_FORMS_H_
