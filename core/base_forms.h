// Base forms of names in inflected languages: "Donalda Trumpa" -> "Donald Trump", "Polsce" ->
// "Polska", "Німеччині" -> "Німеччина", "Saksassa" -> "Saksa". Each word is rewritten by the rule
// of the longest ending that core/data/base_forms/<lang>.txt lists for the text's language (rules
// derived from lemma-annotated news by toolchain/derive_base_forms.py, or written from the
// grammar), and by the rule of its longest prefix where the language writes clitics onto names
// (Arabic "والعراق" "and Iraq"); words of languages without rules, and words no rule covers, stay
// as they are. Mention detection looks inflected place names up by their base form; entity linking
// compares names by it (docs/ARCHITECTURE.md).
#ifndef CROSSWIRE_CORE_BASE_FORMS_H_
#define CROSSWIRE_CORE_BASE_FORMS_H_

#include <unicode/unistr.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crosswire/status.h"
#include "data_pack.h"

namespace crosswire {

// The grammatical gender a base form's ending gives a word; kUnknown where the ending leaves it
// open.
enum class Gender { kUnknown, kFeminine, kMasculine, kNeuter };

class BaseForms {
 public:
  static Result<BaseForms> Load(const DataPack& data);

  // The base form of a name (UTF-8), word by word, in the language `lang` (a BCP 47 tag).
  std::string Of(std::string_view name, std::string_view lang) const;
  // The base form of one word, or the word itself.
  icu::UnicodeString WordOf(const icu::UnicodeString& word, std::string_view primary_lang) const;
  // Every base form the rules allow for one word, the likeliest first, without the word itself:
  // for look-ups in a dictionary that confirms the right one (the gazetteer).
  std::vector<icu::UnicodeString> Candidates(const icu::UnicodeString& word,
                                             std::string_view primary_lang) const;
  // Whether there are rules for the language (primary subtag).
  bool Has(std::string_view primary_lang) const;
  // Whether the rules leave the word's ending open: its longest ending that has rules has no
  // rewrite clear enough to apply alone ("Tvrdíkem": "-kem").
  bool Unclear(const icu::UnicodeString& word, std::string_view primary_lang) const;
  // Whether a word (UTF-8, any case) is a first name in the nominative that names of people
  // open (core/data/names/given-names.txt): "Wolfgang", "Christian", "Михаил", not "Wolfganga".
  bool IsFirstName(std::string_view word) const;
  // Whether a word is a first name in any case form ("Wolfganga", "Dmitrija"): the list's
  // nominatives and its [forms].
  bool IsFirstNameForm(std::string_view word) const;
  // Whether the language has prefix rules (clitics written onto the word).
  bool HasPrefixes(std::string_view primary_lang) const;
  // Whether a word ends as an adjective in an oblique case does in the language ("Warszawskiego",
  // "Российской"): the [adjective-endings] of its file. Words after an organisation's head noun
  // that do not are its complement, in the same case in every form of the name ("Kancelaria
  // Premiera", "Фонд прямых инвестиций").
  bool HasAdjectiveEnding(const icu::UnicodeString& word, std::string_view primary_lang) const;
  // The gender of a noun's (an adjective's) base form by its ending, from the [noun-genders]
  // ([adjective-genders]) of its file: the longest listed ending decides.
  Gender NounGender(const icu::UnicodeString& base, std::string_view primary_lang) const;
  Gender AdjectiveGender(const icu::UnicodeString& base, std::string_view primary_lang) const;

 private:
  struct Rewrite {
    int32_t strip = 0;          // UTF-16 units removed from the end (the start, for a prefix)
    icu::UnicodeString append;  // added there
  };
  // The rewrites of one ending (or one prefix).
  struct Affix {
    bool unclear = false;           // the file says no rewrite is clear enough to apply alone
    std::vector<Rewrite> rewrites;  // the most frequent first
    // rewrites[0] applies on its own.
    bool clear() const { return !unclear && !rewrites.empty(); }
  };
  struct Rules {
    std::unordered_map<std::u16string, Affix> by_ending;  // lower-case endings
    std::unordered_map<std::u16string, Affix> by_prefix;  // lower-case prefixes
    int32_t longest = 0;
    int32_t longest_prefix = 0;
    std::vector<std::u16string> adjective_endings;                 // lower case
    std::unordered_map<std::u16string, Gender> noun_genders;       // lower-case ending -> gender
    std::unordered_map<std::u16string, Gender> adjective_genders;  // lower-case ending -> gender
  };
  static Gender GenderOf(const icu::UnicodeString& word,
                         const std::unordered_map<std::u16string, Gender>& by_ending);
  static icu::UnicodeString Apply(const icu::UnicodeString& word, const Rewrite& rewrite);
  static icu::UnicodeString ApplyPrefix(const icu::UnicodeString& word, const Rewrite& rewrite);
  // The endings (prefixes) of `word` that have rules, longest first.
  std::vector<const Affix*> EndingsOf(const icu::UnicodeString& word,
                                      std::string_view primary_lang) const;
  std::vector<const Affix*> PrefixesOf(const icu::UnicodeString& word,
                                       std::string_view primary_lang) const;
  const Rules* RulesOf(std::string_view primary_lang) const;

  std::unordered_map<std::string, Rules> by_lang_;
  std::unordered_set<std::string> first_names_;       // case-folded nominatives
  std::unordered_set<std::string> first_name_forms_;  // case-folded other forms
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_BASE_FORMS_H_
