// The tables mention detection reads, loaded once from the data pack when the MentionFinder is
// created: cue words, month and weekday names, elisions, base forms, ICU's Thai dictionary.
#ifndef CROSSWIRE_CORE_MENTIONS_TABLES_H_
#define CROSSWIRE_CORE_MENTIONS_TABLES_H_

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base_forms.h"
#include "data_pack.h"
#include "gazetteer.h"
#include "mentions/cues.h"
#include "mentions/thai_dictionary.h"

namespace crosswire::mentions {

// The confidence of a type the tagger chose: above the rules' guesses from a word's shape alone,
// below a title's or the gazetteer's, and below what entity linking treats as sure
// (entities/mention_nodes.cc: TypesCompatible), so that two spellings the model typed differently
// in two articles can still be one entity, whose type the votes of all its mentions then decide.
inline constexpr float kTaggerConfidence = 0.45f;

struct MentionTables {
  const Gazetteer* gazetteer = nullptr;
  CueTables cues;
  // Month and weekday names in every CLDR language: capitalised in many, names in none.
  std::unordered_set<std::string> calendar_words;
  // Abbreviations of time zones in CLDR ("PST", "BST", "CEST"), by match key: written in capitals
  // they are no acronym of an organisation.
  std::unordered_set<std::string> zone_abbreviations;
  std::unordered_set<std::string> elisions;
  // Nouns for the people of a place ("Rusové", "Polacy"), keyed "lang\tmatch key": the place's
  // canonical name in the gazetteer (cues/demonym-nouns.tsv).
  std::unordered_map<std::string, std::string> demonym_nouns;
  BaseForms base_forms;
  ThaiDictionary thai_dictionary;
};

}  // namespace crosswire::mentions

#endif  // CROSSWIRE_CORE_MENTIONS_TABLES_H_
