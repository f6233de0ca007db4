#include "base_forms.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <optional>

#include "text/fields.h"
#include "text/language_tag.h"
#include "text/normalize.h"

namespace crosswire {
namespace {

constexpr int32_t kMinStem = 2;        // letters an ending's rewrite must leave in front of it
constexpr int32_t kMinPrefixStem = 3;  // letters a prefix's rewrite must leave after it

// Simple (one-to-one) lower-casing, unit by unit: the result has the word's length, so that an
// ending found in it is an ending of the word ("İstanbul'daki" keeps its İ). Greek final sigma
// becomes σ, so that an ending in ς matches a word in capitals ("ΡΩΣΙΑΣ") too.
std::u16string Lower(const icu::UnicodeString& text) {
  std::u16string lower(text.getBuffer(), text.length());
  for (char16_t& c : lower) {
    if (!U16_IS_SURROGATE(c)) c = static_cast<char16_t>(u_tolower(c));
    if (c == u'ς') c = u'σ';
  }
  return lower;
}

bool AllUpper(const icu::UnicodeString& word) {
  int letters = 0;
  for (int32_t i = 0; i < word.length(); ++i) {
    if (!u_isalpha(word[i])) continue;
    if (!u_isupper(word[i])) return false;
    ++letters;
  }
  return letters > 1;
}

}  // namespace

Result<BaseForms> BaseForms::Load(const DataPack& data) {
  BaseForms forms;
  for (const DataFile& file : data.List("base_forms/")) {
    if (!file.path.ends_with(".txt")) continue;
    const std::string lang(file.path.substr(11, file.path.size() - 15));
    Rules& rules = forms.by_lang_[lang];
    bool prefixes = false;    // in the [prefixes] section (the file starts with endings)
    bool adjectives = false;  // in the [adjective-endings] section
    // In the [noun-genders] or [adjective-genders] section: the map it fills.
    std::unordered_map<std::u16string, Gender>* genders = nullptr;
    for (std::string_view line : DataLines(file.contents)) {
      if (line.front() == '[') {
        if (line != "[endings]" && line != "[prefixes]" && line != "[adjective-endings]" &&
            line != "[noun-genders]" && line != "[adjective-genders]") {
          return Status(StatusCode::kDataError,
                        std::string(file.path) +
                            ": unknown section (expected [endings], [prefixes], "
                            "[adjective-endings], [noun-genders] or [adjective-genders]): " +
                            std::string(line));
        }
        prefixes = line == "[prefixes]";
        adjectives = line == "[adjective-endings]";
        genders = line == "[noun-genders]"        ? &rules.noun_genders
                  : line == "[adjective-genders]" ? &rules.adjective_genders
                                                  : nullptr;
        continue;
      }
      if (adjectives) {
        const std::vector<std::string_view> fields = SplitFields(line);
        rules.adjective_endings.push_back(Lower(FromUtf8(fields[0])));
        continue;
      }
      if (genders != nullptr) {
        const std::vector<std::string_view> fields = SplitFields(line);
        const Gender gender = fields.size() != 2 ? Gender::kUnknown
                              : fields[1] == "f" ? Gender::kFeminine
                              : fields[1] == "m" ? Gender::kMasculine
                              : fields[1] == "n" ? Gender::kNeuter
                                                 : Gender::kUnknown;
        if (gender == Gender::kUnknown) {
          return Status(StatusCode::kDataError,
                        std::string(file.path) +
                            ": expected an ending and a gender (f, m or n): " + std::string(line));
        }
        (*genders)[Lower(FromUtf8(fields[0]))] = gender;
        continue;
      }
      const std::vector<std::string_view> fields = SplitFields(line);
      if (fields.size() < 3) {
        return Status(StatusCode::kDataError, std::string(file.path) + ": expected " +
                                                  (prefixes ? "prefix" : "ending") +
                                                  ", strip and append: " + std::string(line));
      }
      const icu::UnicodeString affix = FromUtf8(fields[0]);
      Affix& entry = (prefixes ? rules.by_prefix : rules.by_ending)[Lower(affix)];
      int32_t& longest = prefixes ? rules.longest_prefix : rules.longest;
      longest = std::max(longest, affix.length());
      if (fields[1] == "?") {  // no clear winner: the lines after it are alternatives only
        entry.unclear = true;
        continue;
      }
      Rewrite rewrite;
      rewrite.strip = fields[1] == "-" ? 0 : FromUtf8(fields[1]).length();
      rewrite.append = fields[2] == "-" ? icu::UnicodeString() : FromUtf8(fields[2]);
      if (rewrite.strip > affix.length()) {
        return Status(StatusCode::kDataError,
                      std::string(file.path) + ": the stripped part is longer than the " +
                          (prefixes ? "prefix" : "ending") + ": " + std::string(line));
      }
      entry.rewrites.push_back(std::move(rewrite));
    }
  }
  if (std::optional<std::string_view> names = data.Find("names/given-names.txt")) {
    bool other_forms = false;  // after the line [forms]
    for (std::string_view line : DataLines(*names)) {
      if (line == "[forms]") {
        other_forms = true;
        continue;
      }
      (other_forms ? forms.first_name_forms_ : forms.first_names_).insert(CaseFold(line));
    }
  }
  return forms;
}

bool BaseForms::IsFirstName(std::string_view word) const {
  return first_names_.count(CaseFold(word)) != 0;
}

bool BaseForms::IsFirstNameForm(std::string_view word) const {
  const std::string key = CaseFold(word);
  return first_names_.count(key) != 0 || first_name_forms_.count(key) != 0;
}

const BaseForms::Rules* BaseForms::RulesOf(std::string_view primary_lang) const {
  auto it = by_lang_.find(std::string(primary_lang));
  return it == by_lang_.end() ? nullptr : &it->second;
}

bool BaseForms::Has(std::string_view primary_lang) const {
  return RulesOf(primary_lang) != nullptr;
}

bool BaseForms::HasPrefixes(std::string_view primary_lang) const {
  const Rules* rules = RulesOf(primary_lang);
  return rules != nullptr && !rules->by_prefix.empty();
}

bool BaseForms::HasAdjectiveEnding(const icu::UnicodeString& word,
                                   std::string_view primary_lang) const {
  const Rules* rules = RulesOf(primary_lang);
  if (rules == nullptr) return false;
  const std::u16string lower = Lower(word);
  return std::any_of(rules->adjective_endings.begin(), rules->adjective_endings.end(),
                     [&](const std::u16string& ending) {
                       return lower.size() > ending.size() + 1 && lower.ends_with(ending);
                     });
}

Gender BaseForms::GenderOf(const icu::UnicodeString& word,
                           const std::unordered_map<std::u16string, Gender>& by_ending) {
  const std::u16string lower = Lower(word);
  // The listed endings are short; the word must be longer than its ending.
  for (std::size_t length = std::min<std::size_t>(lower.size() - (lower.empty() ? 0 : 1), 3);
       length >= 1; --length) {
    auto it = by_ending.find(lower.substr(lower.size() - length));
    if (it != by_ending.end()) return it->second;
  }
  return Gender::kUnknown;
}

Gender BaseForms::NounGender(const icu::UnicodeString& base, std::string_view primary_lang) const {
  const Rules* rules = RulesOf(primary_lang);
  return rules == nullptr ? Gender::kUnknown : GenderOf(base, rules->noun_genders);
}

Gender BaseForms::AdjectiveGender(const icu::UnicodeString& base,
                                  std::string_view primary_lang) const {
  const Rules* rules = RulesOf(primary_lang);
  return rules == nullptr ? Gender::kUnknown : GenderOf(base, rules->adjective_genders);
}

icu::UnicodeString BaseForms::Apply(const icu::UnicodeString& word, const Rewrite& rewrite) {
  if (word.length() - rewrite.strip < kMinStem) return word;
  icu::UnicodeString base(word, 0, word.length() - rewrite.strip);
  icu::UnicodeString append = rewrite.append;
  if (AllUpper(word)) append.toUpper(icu::Locale::getRoot());
  return base + append;
}

icu::UnicodeString BaseForms::ApplyPrefix(const icu::UnicodeString& word, const Rewrite& rewrite) {
  if (word.length() - rewrite.strip < kMinPrefixStem) return word;
  icu::UnicodeString base = rewrite.append;
  if (AllUpper(word)) base.toUpper(icu::Locale::getRoot());
  return base + icu::UnicodeString(word, rewrite.strip);
}

std::vector<const BaseForms::Affix*> BaseForms::EndingsOf(const icu::UnicodeString& word,
                                                          std::string_view primary_lang) const {
  std::vector<const Affix*> endings;
  const Rules* rules = RulesOf(primary_lang);
  if (rules == nullptr) return endings;
  const std::u16string lower = Lower(word);
  for (int32_t length = std::min<int32_t>(rules->longest, word.length() - 1); length >= 1;
       --length) {
    auto ending = rules->by_ending.find(lower.substr(lower.size() - length));
    if (ending != rules->by_ending.end()) endings.push_back(&ending->second);
  }
  return endings;
}

std::vector<const BaseForms::Affix*> BaseForms::PrefixesOf(const icu::UnicodeString& word,
                                                           std::string_view primary_lang) const {
  std::vector<const Affix*> prefixes;
  const Rules* rules = RulesOf(primary_lang);
  if (rules == nullptr || rules->by_prefix.empty()) return prefixes;
  const std::u16string lower = Lower(word);
  for (int32_t length = std::min<int32_t>(rules->longest_prefix, word.length() - 1); length >= 1;
       --length) {
    auto prefix = rules->by_prefix.find(lower.substr(0, length));
    if (prefix != rules->by_prefix.end()) prefixes.push_back(&prefix->second);
  }
  return prefixes;
}

icu::UnicodeString BaseForms::WordOf(const icu::UnicodeString& word,
                                     std::string_view primary_lang) const {
  // The longest prefix and the longest ending decide; where one has no clear rewrite, that side
  // of the word stays as it is.
  icu::UnicodeString base = word;
  const std::vector<const Affix*> prefixes = PrefixesOf(word, primary_lang);
  if (!prefixes.empty() && prefixes.front()->clear()) {
    base = ApplyPrefix(word, prefixes.front()->rewrites.front());
  }
  const std::vector<const Affix*> endings = EndingsOf(word, primary_lang);
  if (!endings.empty() && endings.front()->clear()) {
    base = Apply(base, endings.front()->rewrites.front());
  }
  return base;
}

bool BaseForms::Unclear(const icu::UnicodeString& word, std::string_view primary_lang) const {
  const std::vector<const Affix*> endings = EndingsOf(word, primary_lang);
  return !endings.empty() && !endings.front()->clear();
}

std::vector<icu::UnicodeString> BaseForms::Candidates(const icu::UnicodeString& word,
                                                      std::string_view primary_lang) const {
  std::vector<icu::UnicodeString> out;
  auto add = [&](icu::UnicodeString base) {
    if (base != word && std::find(out.begin(), out.end(), base) == out.end()) {
      out.push_back(std::move(base));
    }
  };
  const std::vector<const Affix*> endings = EndingsOf(word, primary_lang);
  for (const Affix* ending : endings) {
    for (const Rewrite& rewrite : ending->rewrites) add(Apply(word, rewrite));
  }
  // Without a prefix, then with each one: alone and with each ending's rewrites.
  for (const Affix* prefix : PrefixesOf(word, primary_lang)) {
    for (const Rewrite& prefix_rewrite : prefix->rewrites) {
      const icu::UnicodeString stripped = ApplyPrefix(word, prefix_rewrite);
      if (stripped == word) continue;
      add(stripped);
      for (const Affix* ending : endings) {
        for (const Rewrite& rewrite : ending->rewrites) add(Apply(stripped, rewrite));
      }
    }
  }
  return out;
}

std::string BaseForms::Of(std::string_view name, std::string_view lang) const {
  const std::string primary = PrimaryLanguage(lang);
  if (!Has(primary)) return std::string(name);
  const icu::UnicodeString text = FromUtf8(name);
  icu::UnicodeString out;
  int32_t start = 0;
  for (int32_t i = 0; i <= text.length(); ++i) {
    if (i < text.length() && text[i] != u' ') continue;
    out += WordOf(icu::UnicodeString(text, start, i - start), primary);
    if (i < text.length()) out += u' ';
    start = i + 1;
  }
  return ToUtf8(out);
}

}  // namespace crosswire
