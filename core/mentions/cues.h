// Cue words for mention detection: titles, organisation and place words, connectors and stop
// words per language, read from core/data/cues/<lang>.txt (see core/data/cues/README.md).
#ifndef CROSSWIRE_CORE_MENTIONS_CUES_H_
#define CROSSWIRE_CORE_MENTIONS_CUES_H_

#include <unicode/unistr.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "crosswire/types.h"
#include "data_pack.h"

namespace crosswire::mentions {

struct Cue {
  EntityType type = EntityType::kMisc;
  bool weak = false;   // only confirms a name the gazetteer knows
  bool loose = false;  // also starts ordinary words and surnames: does not cut a name short
  std::string text;    // as written in the cue file
};

// The cues of one language (its own file plus common.txt).
struct LangCues {
  // Cased scripts: keyed by the MatchKeys of the cue's words joined by ' ', without dots
  // ("brigadier general", "mr"). Titles are kept out of the name.
  std::unordered_map<std::string, Cue> titles;
  int max_title_words = 1;
  std::unordered_set<std::string> org_start;                // begins an org name, kept in
  std::unordered_set<std::string> org_start_sentence_case;  // ... continued in lower case (French)
  // Inflected languages: the head noun of an organisation's name written in lower case up to a
  // place or name ("Министерство здравоохранения России"); stems match any ending.
  std::unordered_set<std::string> org_heads;
  std::vector<std::string> org_head_stems;
  // Of one language only (not merged into the tables of all languages): they read lower-case
  // words of that language.
  // [government] stems: a government or ministry that may be written in lower case.
  std::vector<std::string> government_stems;
  // [region] stems: "northern", "eastern"... in lower case before a country name a region of it.
  std::vector<std::string> region_stems;
  // [place-noun] stems: "kraj", "область"... in lower case after a capitalised adjective, the
  // rest of a place's name ("Zlínský kraj", "Курская область").
  std::vector<std::string> place_noun_stems;
  // [org-noun] stems: "bolnišnica", "občina"... in lower case after a capitalised adjective, the
  // rest of an organisation's name, up to a name right after it ("Splošna bolnišnica Celje").
  std::unordered_set<std::string> org_nouns;
  std::vector<std::string> org_noun_stems;
  std::unordered_set<std::string> org_end;    // ends an org name, kept in
  std::unordered_set<std::string> place_end;  // ends a place's name ("Gulf")
  std::unordered_set<std::string> misc_end;   // ends an event's or law's name
  std::unordered_set<std::string> connectors;
  // Cased scripts: lower-case particles that open a surname written without the first name
  // ("фон дер Лайен"), kept in the name.
  std::unordered_set<std::string> leading_particles;
  std::unordered_set<std::string> not_names;
  // [name-article]: articles that open a name where they are capitalised inside a sentence ("De
  // Morgen", "El País", "Le Monde", "Die Zeit", "De Gucht", "Le Pen"); elsewhere [not-name] rules.
  std::unordered_set<std::string> name_articles;
  // [conjunction]: "and" in its languages. Where it is a [connector] it joins an organisation's
  // name or a known name ("Ministerio de Asuntos Exteriores y Cooperación", "Trinidad y Tobago"),
  // never two others ("Pedro Sánchez y Olaf Scholz").
  std::unordered_set<std::string> conjunctions;
  std::unordered_set<std::string> stops;       // function words: a name ends before them
  std::unordered_set<std::string> after_name;  // verbs and role nouns that follow a person's name
  // Uncased scripts: cues matched as prefixes of the text (Thai writes them against the name).
  std::vector<std::pair<icu::UnicodeString, Cue>> prefix_titles;     // kept out
  std::vector<std::pair<icu::UnicodeString, Cue>> prefix_org_start;  // kept in
  std::vector<icu::UnicodeString> not_cues;
  // The prefix cues above by their first UTF-16 unit (indices, longest first): the scan tries
  // them at every word start of uncased text.
  std::unordered_map<char16_t, std::vector<std::size_t>> titles_by_first;
  std::unordered_map<char16_t, std::vector<std::size_t>> org_by_first;
  std::unordered_map<char16_t, std::vector<std::size_t>> not_cues_by_first;

  // Builds the *_by_first indexes from the prefix lists.
  void Index();
  // Whether a word (its MatchKey) is an [org-head] word or begins with one of its stems.
  bool IsOrgHead(std::string_view key) const;
  bool IsGovernment(std::string_view key) const;
  bool IsRegionAdjective(std::string_view key) const;
  bool IsPlaceNoun(std::string_view key) const;
  bool IsOrgNoun(std::string_view key) const;
};

// The prefix cues (indices into a LangCues list) whose first UTF-16 unit is `first`.
const std::vector<std::size_t>& CuesStartingWith(
    const std::unordered_map<char16_t, std::vector<std::size_t>>& index, char16_t first);

// The key of a title: its words' match keys without dots ("Lt. Gen." -> "lt gen").
std::string CueKey(std::string_view utf8);

// Every cue file of the data pack: per language (each with common.txt merged in), and all of
// them together for text in other or unknown languages.
struct CueTables {
  std::map<std::string, LangCues> by_lang;
  LangCues all;
};
CueTables LoadCueTables(const DataPack& data);

}  // namespace crosswire::mentions

#endif  // CROSSWIRE_CORE_MENTIONS_CUES_H_
