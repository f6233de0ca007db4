#include "mentions/glued_names.h"

#include <unicode/uchar.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "text/fields.h"
#include "text/language_tag.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire::mentions {
namespace {

// Byte offsets of the word starts of a candidate's text (words separated by one space, as the
// scanner writes runs).
std::vector<std::size_t> WordStarts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' && i + 1 < text.size()) starts.push_back(i + 1);
  }
  return starts;
}

bool AllCaps(std::string_view word) {
  const icu::UnicodeString w = FromUtf8(word);
  bool letters = false;
  for (int32_t i = 0; i < w.length();) {
    const UChar32 c = w.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalpha(c)) {
      if (!u_isupper(c)) return false;
      letters = true;
    }
  }
  return letters && w.length() >= 2;
}

struct Known {
  EntityType type = EntityType::kMisc;
  float confidence = 0;
};

// A word written as a name part: a capital, then at least one lower-case letter ("Tomasz",
// "Đoković", "Lejko-Zupanc"), not an acronym nor an initial.
bool TitleCase(std::string_view word) {
  const icu::UnicodeString w = FromUtf8(word);
  if (w.isEmpty() || !u_isupper(w.char32At(0))) return false;
  for (int32_t i = U16_LENGTH(w.char32At(0)); i < w.length();) {
    const UChar32 c = w.char32At(i);
    i += U16_LENGTH(c);
    if (u_islower(c)) return true;
  }
  return false;
}

// Whether the words of `tail` look like a person's name in the nominative, in a language with
// base-form rules: two name parts the rules leave as they are ("Tomasz Grodzki",
// "Андрей Каприн"), none of them a word that makes an organisation's, a place's or an event's
// name ("Champions League", "Health Service"). Where the part before is in another case
// ("Senatu", "Калифорнии") or is an acronym, no person is named so: an inflected language glues
// "the marshal of the Senate Tomasz Grodzki" without a preposition.
bool NominativePerson(std::string_view tail, std::string_view lang, const BaseForms& base_forms,
                      const CueTables& cues, const CaseStats& stats) {
  const std::vector<std::string_view> words = SplitFields(tail, ' ');
  if (words.size() != 2) return false;
  auto by_lang = cues.by_lang.find(PrimaryLanguage(lang));
  const LangCues& own = by_lang != cues.by_lang.end() ? by_lang->second : cues.all;
  // The text's language and every other ("Mount Sinai Health System" in Slovene news).
  auto names_other_kind = [](const LangCues& lang_cues, const std::string& key) {
    return lang_cues.org_end.count(key) != 0 || lang_cues.org_start.count(key) != 0 ||
           lang_cues.place_end.count(key) != 0 || lang_cues.misc_end.count(key) != 0 ||
           lang_cues.IsOrgHead(key) || lang_cues.titles.count(key) != 0;
  };
  for (std::string_view word : words) {
    if (!TitleCase(word)) return false;
    const std::string key = MatchKey(word);
    if (names_other_kind(own, key) || names_other_kind(cues.all, key)) return false;
    // A word the batch writes in lower case at least as often as capitalised inside a sentence
    // is an ordinary word ("Globalny Sojusz"; not "Каприн" in a page's lower-case keyword list).
    const int lower_count = stats.Lower(key);
    const int inside_count = stats.CapitalizedInside(key);
    if (lower_count > 0 && lower_count >= inside_count) return false;
  }
  return base_forms.Of(tail, lang) == tail;
}

}  // namespace

void SplitGluedNames(const Gazetteer& gazetteer, const BaseForms& base_forms, const CueTables& cues,
                     const CaseStats& stats, std::vector<std::vector<MentionCandidate>>& out) {
  // Every candidate's text and base form, and the people of two words or more among them.
  std::unordered_set<std::string> whole, bases;
  std::unordered_map<std::string, Known> people;
  for (const auto& candidates : out) {
    for (const MentionCandidate& c : candidates) {
      whole.insert(c.text);
      if (base_forms.Has(PrimaryLanguage(c.lang))) bases.insert(base_forms.Of(c.text, c.lang));
      if (c.type == EntityType::kPerson && c.text.find(' ') != std::string::npos) {
        Known& k = people[c.text];
        if (c.type_confidence > k.confidence) k = {c.type, c.type_confidence};
      }
    }
  }
  // Whether the words before a person's name are a name of another kind. `after_nominative`: the
  // person is known by shape and case alone, so a part before it in an oblique case counts too,
  // if it has two words or the batch has its base form as a name ("Senatu" where "Senat" is).
  auto is_other_name = [&](std::string_view prefix, const MentionCandidate& c,
                           bool after_nominative) {
    const std::vector<std::string_view> words = SplitFields(prefix, ' ');
    if (AllCaps(words.back())) return true;
    // A name the batch has on its own may be the person's first name ("Тедрос Аданом
    // Гебрейесус" where "Тедрос" is written alone): not for a person known by shape alone.
    if (!after_nominative && whole.count(std::string(prefix)) != 0) return true;
    const std::string lang = PrimaryLanguage(c.lang);
    for (std::string_view word : words) {
      if (gazetteer.Lookup(word) || gazetteer.Lookup(base_forms.Of(word, c.lang))) return true;
      // A place whose ending leaves its base form open ("Michigana": Michigan or Michigana?).
      if (after_nominative) {
        for (const icu::UnicodeString& option : base_forms.Candidates(FromUtf8(word), lang)) {
          const std::optional<GazetteerEntry> entry = gazetteer.Lookup(ToUtf8(option));
          if (entry && entry->type == EntityType::kPlace) return true;
        }
      }
    }
    if (after_nominative) {
      const std::string base = base_forms.Of(prefix, c.lang);
      if (base != prefix && (words.size() >= 2 || bases.count(base) != 0)) return true;
    }
    return false;
  };
  // Where the run splits: the longest person the batch knows that ends it, leaving at least one
  // word before it; else, in a language with base-form rules, a last two words that are a
  // person's name in the nominative by their shape. 0: nowhere.
  auto split_at = [&](const MentionCandidate& c, const std::vector<std::size_t>& starts,
                      const Known** known) -> std::size_t {
    for (std::size_t w = 1; w + 2 <= starts.size(); ++w) {
      auto person = people.find(c.text.substr(starts[w]));
      if (person == people.end()) continue;
      if (!is_other_name(c.text.substr(0, starts[w] - 1), c, false)) continue;
      *known = &person->second;
      return w;
    }
    const std::size_t w = starts.size() - 2;
    if (starts.size() < 3 || c.type == EntityType::kPlace || !c.gazetteer_name.empty() ||
        !base_forms.Has(PrimaryLanguage(c.lang)) ||
        !NominativePerson(c.text.substr(starts[w]), c.lang, base_forms, cues, stats) ||
        !is_other_name(c.text.substr(0, starts[w] - 1), c, true)) {
      return 0;
    }
    return w;
  };
  for (auto& candidates : out) {
    std::vector<MentionCandidate> result;
    result.reserve(candidates.size());
    for (MentionCandidate& c : candidates) {
      const std::vector<std::size_t> starts = WordStarts(c.text);
      const Known* known = nullptr;
      const std::size_t w = c.is_acronym ? 0 : split_at(c, starts, &known);
      if (w == 0) {
        result.push_back(std::move(c));
        continue;
      }
      const std::string tail = c.text.substr(starts[w]);
      const std::string prefix = c.text.substr(0, starts[w] - 1);
      MentionCandidate before = c, after = c;
      const int32_t tail_units = FromUtf8(tail).length();
      after.utf16_begin = c.utf16_end - tail_units;
      after.text = tail;
      after.type = known != nullptr ? known->type : EntityType::kPerson;
      after.type_confidence = known != nullptr ? known->confidence : 0.5f;
      after.gazetteer_name.clear();
      after.expansion_of = -1;
      before.utf16_end = c.utf16_begin + FromUtf8(prefix).length();
      before.text = prefix;
      before.cue.clear();
      before.gazetteer_name.clear();
      before.type = EntityType::kMisc;
      before.type_confidence = 0.3f;
      before.expansion_of = -1;
      std::optional<GazetteerEntry> entry = gazetteer.Lookup(base_forms.Of(prefix, c.lang));
      if (!entry && prefix.find(' ') == std::string::npos) {
        for (const icu::UnicodeString& option :
             base_forms.Candidates(FromUtf8(prefix), PrimaryLanguage(c.lang))) {
          entry = gazetteer.Lookup(ToUtf8(option));
          if (entry && entry->type == EntityType::kPlace) break;
          entry.reset();
        }
      }
      if (entry) {
        before.type = entry->type;
        before.type_confidence = 0.9f;
        before.gazetteer_name = entry->canonical;
      }
      result.push_back(std::move(before));
      result.push_back(std::move(after));
    }
    candidates = std::move(result);
  }
}

}  // namespace crosswire::mentions
