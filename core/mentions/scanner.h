// The scanner of one document: everything one MentionFinder::FindAll call needs while it works on
// a document, shared by the cased-script, uncased-script and known-name passes.
#ifndef CROSSWIRE_CORE_MENTIONS_SCANNER_H_
#define CROSSWIRE_CORE_MENTIONS_SCANNER_H_

#include <unicode/unistr.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "document.h"
#include "gazetteer.h"
#include "mentions.h"
#include "mentions/cues.h"
#include "mentions/overlaps.h"
#include "mentions/tables.h"
#include "mentions/words.h"
#include "names.h"
#include "segment.h"
#include "text/language_tag.h"

namespace crosswire::mentions {

// A name found in the first pass, looked for again in the whole batch.
struct KnownName {
  icu::UnicodeString text;
  EntityType type = EntityType::kMisc;
  std::string gazetteer_name;
  const NameKey* key = nullptr;  // for names in other scripts, compared after transliteration
  std::size_t doc = 0;           // where it was found
};

// The names of the first pass that the batch pass looks for again (known_names.cc).
struct KnownNames {
  std::vector<KnownName> same_script;   // uncased scripts, found with a cue
  std::vector<KnownName> other_script;  // cased scripts, compared after transliteration
};
KnownNames GatherKnownNames(const std::vector<std::vector<MentionCandidate>>& out,
                            const ThaiDictionary& dictionary, Segmenter& segmenter);

// Finds the candidates of one document: names in cased scripts (scanner_cased.cc), in uncased
// scripts (scanner_uncased.cc), and again the names known from other articles (known_names.cc).
class DocumentScanner {
 public:
  DocumentScanner(const Document& doc, const MentionTables& tables, const CaseStats& stats,
                  Segmenter& segmenter, MentionWork& work)
      : doc_(doc),
        all_cues_(tables.cues.all),
        by_lang_(tables.cues.by_lang),
        gazetteer_(*tables.gazetteer),
        calendar_words_(tables.calendar_words),
        thai_dictionary_(tables.thai_dictionary),
        base_forms_(tables.base_forms),
        stats_(stats),
        segmenter_(segmenter),
        work_(work) {}

  std::vector<Found> Scan(const std::vector<Word>& words);

 private:
  const LangCues& Cues(int32_t paragraph) const;

  void Emit(int32_t begin, int32_t end, EntityType type, float confidence, int priority,
            Script script, int32_t paragraph, std::string cue = {}, std::string gazetteer_name = {},
            bool acronym = false);

  // ------------------------------------------------------------------ cased scripts

  const Word& W(std::size_t i) const { return (*words_)[i]; }

  // Longest title starting at word i (ending before `limit`); returns its word count.
  int TitleAt(std::size_t i, std::size_t limit, const LangCues& cues, const Cue** cue) const;

  bool IsOrgWord(const Word& w, const LangCues& cues) const;

  std::string SpanText(std::size_t a, std::size_t b) const;

  std::optional<GazetteerEntry> WordPlace(std::size_t i) const;
  // An adjective of nationality ("German", "iranien", "deutsche"): no name of its own. Where every
  // noun is capitalised an adjective is not, unless a name begins with it: "Deutsche" inside a
  // sentence is part of "Deutsche Bank", "Deutsche Bahn".
  bool IsDemonym(std::size_t i) const {
    const Word& w = W(i);
    if (!gazetteer_.LookupDemonymKey(w.key)) return false;
    return !(w.capitalized && !w.all_caps && !w.sentence_initial && !w.headline &&
             CapitalisesNouns(doc_.LangOf(static_cast<int32_t>(w.paragraph))));
  }
  // Words [i, j) as one name: their keys joined by single spaces when only spaces separate them.
  std::optional<GazetteerEntry> SpanPlace(std::size_t i, std::size_t j) const;

  // Longest gazetteer entry made of words [i, j) with j <= i + 5, crossing no punctuation;
  // lower-case words may follow the first ("Guinée équatoriale").
  std::size_t GazetteerAt(std::size_t i, std::size_t paragraph_end, GazetteerEntry* entry) const;

  // Words [i, j) looked up in the gazetteer by their base forms ("Wielkiej Brytanii" -> "Wielka
  // Brytania"), for j up to i + 3 within the paragraph; returns the end of the longest hit, or i.
  std::size_t BasePlaceAt(std::size_t i, std::size_t paragraph_end, GazetteerEntry* entry) const;
  // Whether word i's language says "in Moscow" with a case ending alone (fi et hu lt lv tr).
  bool LocalCasesWithoutPreposition(std::size_t i) const;

  // Whether word i is a first name (core/base_forms.h IsFirstName), as written or in a base form
  // its language's rules allow ("Michala" -> "Michal").
  bool FirstNameAt(std::size_t i) const;
  // Whether word i, capitalised, is the first of adjectives listed before the lower-case region
  // noun they share, all ending alike ("Libereckém, Karlovarském a Zlínském kraji").
  bool ListedBeforePlaceNoun(std::size_t i, std::size_t paragraph_end, const LangCues& cues) const;
  // The title word i is in a case form of ("Президента"), or nullptr.
  const Cue* CaseFormTitle(std::size_t i, const LangCues& cues) const;
  // Whether the word before word i is a person's title, as written or in its base form
  // ("Kardynała").
  bool TitleBefore(std::size_t i, const LangCues& cues) const;

  // The end of a name whose last word is `last`, with the dot of an abbreviation written in
  // single letters ("U.S.", "U.N.", "А.В."): the dot is the abbreviation's, even where it also
  // ends the sentence.
  int32_t EndWithInitialsDot(std::size_t first, std::size_t last) const;

  // Is word i, capitalised, a plausible start or part of a name?
  bool CapitalIsEvidence(std::size_t i) const;

  void ScanCased();

  // Splits a run of capitalised words into names, strips titles, types them.
  void ProcessRun(std::size_t begin, std::size_t end, std::size_t paragraph_end,
                  const LangCues& cues);

  // Whether a word of the current run at or after `from` ends an organisation's name.
  bool RestOfRunIsOrg(std::size_t from) const;

  // An [org-head] word's name: through lower-case words to the capitalised word that ends it.
  std::size_t ExtendOrgHead(std::size_t i, std::size_t paragraph_end, const LangCues& cues) const;
  // The end of a sentence-case organisation name whose capitalised first word is at i and whose
  // last word is a place, or i.
  std::size_t SentenceCaseOrgAt(std::size_t i, std::size_t paragraph_end,
                                const LangCues& cues) const;
  // The end of a lower-case government or ministry and its country starting at i, or i.
  std::size_t GovernmentAt(std::size_t i) const;
  // The end of a lower-case compass adjective and the country it makes a region of, or i.
  std::size_t RegionAt(std::size_t i) const;
  std::size_t ExtendSentenceCaseOrg(std::size_t i, std::size_t paragraph_end,
                                    const LangCues& cues) const;

  void EmitName(std::size_t i, std::size_t j, const LangCues& cues, const std::string& cue_text,
                EntityType cue_type);

  // ------------------------------------------------------------------ uncased scripts

  // Where the paragraph's tokens end, and where its words in uncased scripts start.
  void ParagraphTokens(const Paragraph& paragraph, std::vector<int32_t>& starts,
                       std::vector<int32_t>& ends) const;

  void ScanUncased();

  bool StartsWith(int32_t at, const icu::UnicodeString& prefix, int32_t limit) const;

  // Text [from, limit) up to the first space, punctuation or change of script.
  int32_t ChunkEnd(int32_t from, int32_t limit, Script script) const;

  // The words of [from, to), segmented afresh: ICU's cuts before a cue was removed can straddle
  // the name's first letters ("นา|ยอ|เล็ก" for นาย+อเล็ก...).
  std::vector<int32_t> Resegment(int32_t from, int32_t to);

  enum class Stop { kNone, kFunction, kAfterName };
  Stop StopAt(const LangCues& cues, int32_t from, int32_t to) const;

  bool CueAt(int32_t at, int32_t limit, const LangCues& cues) const;

  bool IsThaiWord(int32_t from, int32_t to) const;

  // A stop word inside a run of Thai letters ends the name only if real words follow it: in
  // อัค|มา|เดีย|น, "มา" ("come") is a syllable of a transliterated name. With `need` words, that
  // many must be there.
  bool WordsFollow(const std::vector<int32_t>& bounds, std::size_t b, Script script,
                   std::size_t need = 1) const;

  // Can a name written without spaces end at `at`? Yes at a space, punctuation or another script,
  // at a word boundary ICU found, or where a dictionary word starts afresh.
  bool GoodEnd(int32_t at, int32_t limit, Script script, const std::vector<int32_t>& ends);

  // The longest gazetteer name at `at` that ends where a name can end.
  std::optional<Gazetteer::Hit> PlaceAt(int32_t at, int32_t limit, Script script,
                                        const std::vector<int32_t>& ends);
  // A gazetteer name behind clitics written onto its first word (Arabic "بألمانيا" "in Germany",
  // "للعراق" "for Iraq"): the forms the paragraph language's prefix rules allow for the word
  // (core/base_forms.h), each looked up with the words after it. The hit ends in the text; the
  // mention covers the clitics, as a case ending is part of an inflected name's mention.
  std::optional<Gazetteer::Hit> CliticPlaceAt(int32_t at, int32_t limit, int32_t paragraph,
                                              Script script, const std::vector<int32_t>& ends);

  // How far a name runs from `from` in an uncased script. A person's name: the words of its
  // chunk up to a stop word, then up to two more space-separated parts that do not start with a
  // stop word. An organisation's name: its chunk up to a function word, or up to the end of a place
  // name inside it ("ธนาคารแห่งประเทศไทย|ได้..."). `after_space`: a space separates the name
  // from its cue, so a verb there is the sentence going on, not a syllable of a name.
  int32_t NameEnd(int32_t from, int32_t limit, Script script, const LangCues& cues, bool person,
                  bool org, bool after_space);

  // A dotted abbreviation the cue files do not know, written against the following word. With two
  // dots or more ("น.สพ.", "พ.จ.ต.") it is a rank or title before a person's name; with one at its
  // end ("สธ.", "ครม.") it is usually an organisation's short name. Returns the end of the
  // abbreviation and its number of dots, or `at`.
  int32_t AbbreviationEnd(int32_t at, int32_t limit, Script script, int* dots_out) const;

  // Cues and gazetteer entries at one position of an uncased-script paragraph; returns the end
  // of what was found there (or `at`).
  int32_t ScanUncasedAt(int32_t at, const Paragraph& paragraph, int32_t p, const LangCues& cues,
                        const std::vector<int32_t>& ends);

 public:
  // Second pass, for uncased scripts: spans not yet taken that are written exactly as a name
  // found with a cue elsewhere in the batch ("สมคิด" after "นายสมคิด"), or that match, after
  // transliteration, a name found in another script ("ลูกาเชนโก" for "Lukashenko").
  std::vector<Found> FindKnown(const std::vector<KnownName>& same_script,
                               const std::vector<KnownName>& other_script, NameMatcher& matcher,
                               const std::vector<MentionCandidate>& taken);

 private:
  // The longest span of Thai words from `at` (within its chunk, up to six words, with at least one
  // that is not a dictionary word: Thai spellings of foreign names are syllables) that the
  // matcher calls the same name as a known one. Returns its end, or `at`.
  template <typename IsTaken>
  int32_t MatchTransliterated(int32_t at, const Paragraph& paragraph, int32_t p,
                              const LangCues& cues, const std::vector<KnownName>& other_script,
                              NameMatcher& matcher, const std::vector<int32_t>& ends,
                              const IsTaken& is_taken);

  const Document& doc_;
  const LangCues& all_cues_;
  const std::map<std::string, LangCues>& by_lang_;
  const Gazetteer& gazetteer_;
  const std::unordered_set<std::string>& calendar_words_;
  const ThaiDictionary& thai_dictionary_;
  const BaseForms& base_forms_;
  const CaseStats& stats_;
  Segmenter& segmenter_;
  MentionWork& work_;
  const std::vector<Word>* words_ = nullptr;
  static constexpr std::size_t kNoWord = static_cast<std::size_t>(-1);
  // The last word of the run ProcessRun works on that ends an organisation's name.
  std::size_t run_last_org_end_ = kNoWord;
  std::vector<Found> found_;
};

}  // namespace crosswire::mentions

#endif  // CROSSWIRE_CORE_MENTIONS_SCANNER_H_
