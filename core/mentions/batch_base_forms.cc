#include "mentions/batch_base_forms.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "text/fields.h"
#include "text/language_tag.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire::mentions {
namespace {

// The forms each word of a name may have in `lang`: the rule's (already in `base`), then the
// alternatives its endings allow, the longest ending's first. Names of up to three words vary every
// word; longer ones the last word only. At most 8 forms for a word alone, 5 a word of two and 3 of
// more, so at most 27 combinations a name ("Kremlu": "Kremla", "Kremlo", "Kreml" are the forms of
// "-lu" and "-u").
std::vector<std::vector<std::string>> WordForms(const BaseForms& forms, std::string_view text,
                                                std::string_view base, std::string_view lang) {
  const std::vector<std::string_view> words = SplitFields(text, ' ');
  const std::size_t kMaxForms = words.size() == 1 ? 8 : words.size() == 2 ? 5 : 3;
  const std::vector<std::string_view> base_words = SplitFields(base, ' ');
  std::vector<std::vector<std::string>> forms_of(words.size());
  for (std::size_t w = 0; w < words.size(); ++w) {
    forms_of[w].emplace_back(base_words[w]);
    if (words.size() > 3 && w + 1 < words.size()) continue;
    for (const icu::UnicodeString& option : forms.Candidates(FromUtf8(words[w]), lang)) {
      if (forms_of[w].size() >= kMaxForms) break;
      std::string form = ToUtf8(option);
      if (std::find(forms_of[w].begin(), forms_of[w].end(), form) == forms_of[w].end()) {
        forms_of[w].push_back(std::move(form));
      }
    }
  }
  return forms_of;
}

// A word's last letter in lower case, or 0 for an empty word.
UChar32 LastLetter(const icu::UnicodeString& word) {
  return word.isEmpty() ? 0 : u_tolower(word.char32At(word.length() - 1));
}

// Whether a word ends as feminine nominatives do (Beata, Lubecka, Bílková, Анна, Мария).
bool FeminineEnding(const icu::UnicodeString& word) {
  const UChar32 last = LastLetter(word);
  return last == u'a' || last == u'á' || last == u'а' || last == u'я';
}

// Whether a surname ends as masculine nominatives do, so that a feminine rewrite of it is another
// nominative, not its base form (Niedzielski, Pardubický, Лавровский, Tanko, not Lubeckiej).
bool MasculineNominativeEnding(const icu::UnicodeString& word) {
  const UChar32 last = LastLetter(word);
  return last == u'i' || last == u'í' || last == u'ý' || last == u'й' || last == u'o' ||
         last == u'о' || last == u'u' || last == u'у' || last == u'ю';
}

// A person's name agrees in case: where the rules bring the surname back from a case ending
// ("Niedzielskiego" -> "Niedzielski", "Lubeckiej" -> "Lubecka", "Jandy" -> "Janda") but leave a
// first name as it is, because its ending is also a nominative one ("Adama", "Vladislava",
// "Beaty"), the first name takes a form its ending allows that agrees: a shorter one before a
// masculine surname ("Adam", "Vladislav"), a feminine one before a feminine surname ("Beata").
std::string AgreeInCase(const BaseForms& forms, const MentionCandidate& c, std::string base) {
  if (c.type != EntityType::kPerson) return base;
  const std::vector<std::string_view> words = SplitFields(c.text, ' ');
  const std::vector<std::string_view> bases = SplitFields(base, ' ');
  if (words.size() < 2 || words.size() > 3 || bases.size() != words.size()) return base;
  // Only a surname the rules shortened, or turned into a feminine nominative, was in an oblique
  // case: another rewrite of the same length may be another nominative ("Niedzielski" ->
  // "Niedzielska").
  const icu::UnicodeString surname = FromUtf8(words.back()), surname_base = FromUtf8(bases.back());
  const bool shorter = surname_base.length() < surname.length();
  const bool to_feminine = FeminineEnding(surname_base) && !FeminineEnding(surname) &&
                           !MasculineNominativeEnding(surname);
  if (!shorter && !to_feminine) return base;
  const bool feminine = FeminineEnding(surname_base);
  const std::string lang(PrimaryLanguage(c.lang));
  std::string out;
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::string word(bases[w]);
    // Not an initial or an abbreviation ("Н.Ф.Гамалеи").
    if (w + 1 < words.size() && words[w] == bases[w] &&
        words[w].find('.') == std::string_view::npos) {
      const icu::UnicodeString surface = FromUtf8(words[w]);
      const std::vector<icu::UnicodeString> options = forms.Candidates(surface, lang);
      if (feminine) {
        auto agrees = std::find_if(options.begin(), options.end(), [&](const auto& option) {
          return FeminineEnding(option) && option.length() <= surface.length();
        });
        if (agrees != options.end()) word = ToUtf8(*agrees);
      } else if (!options.empty() && options.front().length() < surface.length()) {
        word = ToUtf8(options.front());
      }
    }
    if (w > 0) out += ' ';
    out += word;
  }
  return out;
}

// A person's first name that the list of first names knows (core/data/names/given-names.txt)
// decides its own form. The rules' form stays if the list has it as a nominative; else the
// surface form, if it is one; else a form its ending allows that is one ("Wolfganga" ->
// "Wolfgang", "Christiana" -> "Christian"); else the surface form if the list has it in any case
// ("Matylda", not the rules' "Matyld"); else a shorter form the batch opens names with more often
// than this one, at least twice. A surname after a first name brought back from a case then
// follows it (AgreeSurname).
std::string KnownFirstName(const BaseForms& forms, const MentionCandidate& c,
                           const std::unordered_map<std::string, int>& first_names,
                           std::string base) {
  if (c.type != EntityType::kPerson) return base;
  const std::vector<std::string_view> words = SplitFields(c.text, ' ');
  const std::vector<std::string_view> bases = SplitFields(base, ' ');
  if (words.size() < 2 || words.size() > 3 || bases.size() != words.size() ||
      forms.IsFirstName(bases[0])) {
    return base;
  }
  auto with_first = [&](std::string_view first) {
    return std::string(first) + base.substr(bases[0].size());
  };
  if (forms.IsFirstName(words[0])) return with_first(words[0]);
  const icu::UnicodeString surface = FromUtf8(words[0]);
  const std::vector<icu::UnicodeString> options =
      forms.Candidates(surface, PrimaryLanguage(c.lang));
  for (const icu::UnicodeString& option : options) {
    const std::string form = ToUtf8(option);
    if (forms.IsFirstName(form)) return with_first(form);
  }
  if (forms.IsFirstNameForm(words[0])) return with_first(words[0]);
  auto opens = [&](std::string_view word) {
    auto it = first_names.find(CaseFold(word));
    return it != first_names.end() ? it->second : 0;
  };
  int most = std::max(1, opens(words[0]));
  std::string first;
  for (const icu::UnicodeString& option : options) {
    const std::string form = ToUtf8(option);
    if (option.length() < surface.length() && surface.startsWith(option) && opens(form) > most) {
      most = opens(form);
      first = form;
    }
  }
  return first.empty() ? base : with_first(first);
}

// The other way round: where the rules bring the first name back from a case ending but leave the
// surname as it is, because its ending is also a nominative one ("Maksyma Stepanova": "Maksym",
// but "-ova" ends feminine nominatives too), a surname that ends as the first name did takes the
// same rewrite, if its ending allows it ("Stepanov"): the two are in one case.
std::string AgreeSurname(const BaseForms& forms, const MentionCandidate& c,
                         const std::unordered_map<std::string, int>& first_names,
                         std::string base) {
  if (c.type != EntityType::kPerson) return base;
  const std::vector<std::string_view> words = SplitFields(c.text, ' ');
  const std::vector<std::string_view> bases = SplitFields(base, ' ');
  if (words.size() != 2 || bases.size() != words.size() || words[0] == bases[0] ||
      words.back() != bases.back() || words[0].find('.') != std::string_view::npos) {
    return base;
  }
  const icu::UnicodeString first = FromUtf8(words[0]), first_base = FromUtf8(bases[0]);
  int32_t same = 0;
  while (same < first.length() && same < first_base.length() && first[same] == first_base[same]) {
    ++same;
  }
  const icu::UnicodeString stripped(first, same), appended(first_base, same);
  const icu::UnicodeString surname = FromUtf8(words.back());
  // Only a case ending taken off a masculine first name: a feminine one's surname may not decline
  // ("Mateje Saje" is Mateja Saje), and a rewrite that changes the stem ("Итая" -> "Итай") is the
  // first name's own.
  if (stripped.isEmpty() || !appended.isEmpty() || FeminineEnding(first_base) ||
      (first_names.count(CaseFold(std::string(bases[0]))) == 0 && !forms.IsFirstName(bases[0]) &&
       !forms.Unclear(FromUtf8(words.back()), PrimaryLanguage(c.lang))) ||
      surname.length() <= stripped.length() + 2 || !surname.endsWith(stripped)) {
    return base;
  }
  const icu::UnicodeString rewritten =
      icu::UnicodeString(surname, 0, surname.length() - stripped.length()) + appended;
  const std::vector<icu::UnicodeString> options =
      forms.Candidates(surname, PrimaryLanguage(c.lang));
  if (std::find(options.begin(), options.end(), rewritten) == options.end()) return base;
  return std::string(bases[0]) + ' ' + ToUtf8(rewritten);
}

// The words after an organisation's head noun ([org-head] cues) from the first that is no adjective
// agreeing with it are its complement, which every case form of the name writes alike: they keep
// their surface form ("Kancelarii Premiera" -> "Kancelaria Premiera", not "Kancelaria Premier";
// "Фонда прямых инвестиций РФ" -> "Фонд прямых инвестиций РФ"). Measured on the train documents'
// lemmas: 175 of 202 words after a head noun keep their surface form, and the others are mostly
// adjectives.
std::string KeepComplements(const BaseForms& forms, const CueTables& cues,
                            const MentionCandidate& c, std::string base) {
  const std::vector<std::string_view> words = SplitFields(c.text, ' ');
  const std::vector<std::string_view> bases = SplitFields(base, ' ');
  if (words.size() < 2 || bases.size() != words.size()) return base;
  const std::string lang(PrimaryLanguage(c.lang));
  auto lang_cues = cues.by_lang.find(lang);
  if (lang_cues == cues.by_lang.end()) return base;
  std::size_t head = 0;
  while (head + 1 < words.size() && !lang_cues->second.IsOrgHead(MatchKey(words[head]))) ++head;
  if (head + 1 >= words.size()) return base;
  // Adjectives right after the head agree with it ("Uniwersytetu Warszawskiego"); from the first
  // word that is none on, the complement runs to the end, its adjectives agreeing with it
  // ("Ministerstwa Spraw Zagranicznych").
  std::string out;
  bool complement = false;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (w > 0) out += ' ';
    complement = complement || (w > head && !forms.HasAdjectiveEnding(FromUtf8(words[w]), lang));
    out += complement ? words[w] : bases[w];
  }
  return out;
}

// Whether a word is written in capitals ("WUM", "РФ"), two letters or more.
bool Capitals(std::string_view word) {
  const icu::UnicodeString w = FromUtf8(word);
  int letters = 0;
  for (int32_t i = 0; i < w.length();) {
    const UChar32 c = w.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isalpha(c)) continue;
    if (!u_isupper(c)) return false;
    ++letters;
  }
  return letters >= 2;
}

// Adjectives agree with their noun in gender. The noun of a name is its first word without an
// adjective's oblique ending; the adjectives before it and right after it take the form their
// ending allows that has the gender of the noun's base form, where the rules left one open or
// chose another ("Тюменской области": "-нской" is "-нская" or "-нский"; "Polskiego Stronnictwa
// Ludowego" is not "Polski Stronnictwo Ludowy"). Where the rules leave the noun as it is and its
// ending says another gender or none ("службы"), the adjectives before it, all brought back to one
// gender, give the noun a form of theirs that its ending allows ("Федеральной антимонопольной
// службы" -> "Федеральная антимонопольная служба", "Mestne občine" -> "Mestna občina").
std::string AgreeWithNoun(const BaseForms& forms, const CueTables& cues, const MentionCandidate& c,
                          std::string base) {
  const std::vector<std::string_view> words = SplitFields(c.text, ' ');
  std::vector<std::string> bases;
  for (std::string_view word : SplitFields(base, ' ')) bases.emplace_back(word);
  if (words.size() < 2 || bases.size() != words.size()) return base;
  const std::string lang(PrimaryLanguage(c.lang));
  auto adjective = [&](std::size_t w) {
    return forms.HasAdjectiveEnding(FromUtf8(words[w]), lang);
  };
  std::size_t noun = 0;
  while (noun < words.size() && adjective(noun)) ++noun;
  // A name in sentence case has its noun ([org-noun], [place-noun]) in lower case after one or
  // two adjectives, whatever their endings say, where it ends as the first of them does: in the
  // same case ("Mestni občini Celje", "Policijske uprave": "-i" and "-e" end nominatives too; not
  // "Cesti proletarskih brigad", whose noun is the first word).
  if (auto lang_cues = cues.by_lang.find(lang); lang_cues != cues.by_lang.end()) {
    const UChar32 first_last = LastLetter(FromUtf8(words[0]));
    for (std::size_t w = 1; w < words.size() && w <= 2; ++w) {
      const icu::UnicodeString word = FromUtf8(words[w]);
      if (!u_islower(word.char32At(0))) break;
      const std::string key = MatchKey(words[w]);
      if (lang_cues->second.IsOrgNoun(key) || lang_cues->second.IsPlaceNoun(key)) {
        if (LastLetter(word) == first_last) noun = w;
        break;
      }
    }
  }
  if (noun == words.size()) return base;
  // The adjectives after the noun agree with it where they end the name, or run up to an acronym
  // ("Centrum Medycznym WUM"); before another noun they are that noun's ("Skupnosti socialnih
  // zavodov").
  std::size_t after = noun + 1;
  while (after < words.size() && adjective(after)) ++after;
  if (after < words.size() && !Capitals(words[after])) after = noun + 1;
  Gender gender = forms.NounGender(FromUtf8(bases[noun]), lang);
  if (bases[noun] == words[noun] && noun > 0) {
    Gender agreed = Gender::kUnknown;
    for (std::size_t w = 0; w < noun; ++w) {
      const Gender g = forms.AdjectiveGender(FromUtf8(bases[w]), lang);
      if (bases[w] == words[w] || g == Gender::kUnknown || (w > 0 && g != agreed)) {
        agreed = Gender::kUnknown;
        break;
      }
      agreed = g;
    }
    if (agreed != Gender::kUnknown && agreed != gender) {
      for (const icu::UnicodeString& option : forms.Candidates(FromUtf8(words[noun]), lang)) {
        if (forms.NounGender(option, lang) == agreed) {
          bases[noun] = ToUtf8(option);
          gender = agreed;
          break;
        }
      }
    }
  }
  // In a person's name only a feminine first name the rules brought back from a case makes the
  // surname after it an adjective that agrees ("Zuzany Bílkové" -> "Zuzana Bílková"): masculine
  // surnames decline like adjectives only in some cases ("Лавровим", "Hojsom"). A neuter noun
  // names no person: the type is wrong, the agreement is not ("Polskiego Stronnictwa Ludowego").
  if (c.type == EntityType::kPerson && gender != Gender::kNeuter &&
      (noun != 0 || bases[0] == words[0] || gender != Gender::kFeminine)) {
    return base;
  }
  if (gender == Gender::kUnknown) return base;
  auto agree = [&](std::size_t w) {
    const icu::UnicodeString current = FromUtf8(bases[w]);
    const Gender has = forms.AdjectiveGender(current, lang);
    if (has == gender || (has == Gender::kUnknown && !forms.HasAdjectiveEnding(current, lang))) {
      return;
    }
    const icu::UnicodeString surface = FromUtf8(words[w]);
    if (forms.AdjectiveGender(surface, lang) == gender) {
      bases[w] = words[w];
      return;
    }
    for (const icu::UnicodeString& option : forms.Candidates(surface, lang)) {
      if (forms.AdjectiveGender(option, lang) == gender) {
        bases[w] = ToUtf8(option);
        return;
      }
    }
  };
  for (std::size_t w = 0; w < noun; ++w) agree(w);
  for (std::size_t w = noun + 1; w < after; ++w) agree(w);
  std::string out;
  for (std::size_t w = 0; w < bases.size(); ++w) {
    if (w > 0) out += ' ';
    out += bases[w];
  }
  return out;
}

// A person's name whose surname the rules leave as it is, because its ending is also a nominative
// one ("Christiana Drostena", "Дональда Трампа"): where the batch names the person by a shorter
// form of the surname alone more often than by this one ("Drosten", "Трамп"), the surname takes
// that form, and the first name agrees with it (AgreeInCase). Not a form of three letters or fewer,
// nor one the gazetteer knows: that is another name ("Arka Noego" is not "No", "Ани Кирова" not
// Kirov).
std::string SurnameFromBatch(const BaseForms& forms, const Gazetteer& gazetteer,
                             const MentionCandidate& c, std::string base,
                             const std::unordered_map<std::string, int>& used) {
  if (c.type != EntityType::kPerson) return base;
  const std::vector<std::string_view> words = SplitFields(c.text, ' ');
  const std::vector<std::string_view> bases = SplitFields(base, ' ');
  if (words.size() < 2 || words.size() > 3 || bases.size() != words.size() ||
      words.back() != bases.back()) {
    return base;
  }
  auto count = [&](const std::string& name) {
    auto it = used.find(CaseFold(name));
    return it != used.end() ? it->second : 0;
  };
  const icu::UnicodeString surname = FromUtf8(words.back());
  const int as_written = count(std::string(words.back()));
  for (const icu::UnicodeString& option : forms.Candidates(surname, PrimaryLanguage(c.lang))) {
    if (option.length() >= surname.length() || option.length() < 4) continue;
    const std::string shorter = ToUtf8(option);
    if (count(shorter) <= as_written || gazetteer.Lookup(shorter)) continue;
    std::string rewritten;
    for (std::size_t w = 0; w + 1 < bases.size(); ++w) {
      rewritten += bases[w];
      rewritten += ' ';
    }
    return AgreeInCase(forms, c, rewritten + shorter);
  }
  return base;
}

}  // namespace

void SetBaseForms(const BaseForms& forms, const Gazetteer& gazetteer, const CueTables& cues,
                  std::vector<std::vector<MentionCandidate>>& out) {
  auto inflected = [&](const MentionCandidate& c) {
    const std::string lang = PrimaryLanguage(c.lang);
    return (IsCasedScript(c.script) || forms.HasPrefixes(lang)) && !c.is_acronym && forms.Has(lang);
  };
  // The first words of the batch's names of people, as written: where the rules read the surname
  // as a nominative, a first name they bring back from a case must be one of them for the surname
  // to follow it (not "Matylda Damięcka" -> "Matyld Damięck").
  std::unordered_map<std::string, int> first_names;  // case-folded -> how many names it opens
  for (const auto& candidates : out) {
    for (const MentionCandidate& c : candidates) {
      const std::size_t space = c.text.find(' ');
      if (c.type == EntityType::kPerson && space != std::string::npos) {
        ++first_names[CaseFold(c.text.substr(0, space))];
      }
    }
  }
  std::unordered_map<std::string, int> used;  // case-folded base form -> how often the batch has it
  for (auto& candidates : out) {
    for (MentionCandidate& c : candidates) {
      c.base = inflected(c)
                   ? AgreeWithNoun(
                         forms, cues, c,
                         KeepComplements(
                             forms, cues, c,
                             AgreeSurname(
                                 forms, c, first_names,
                                 KnownFirstName(forms, c, first_names,
                                                AgreeInCase(forms, c, forms.Of(c.text, c.lang))))))
                   : c.text;
      ++used[CaseFold(c.base)];
    }
  }
  for (auto& candidates : out) {
    for (MentionCandidate& c : candidates) {
      if (!inflected(c)) continue;
      const std::vector<std::vector<std::string>> forms_of =
          WordForms(forms, c.text, c.base, PrimaryLanguage(c.lang));
      // How often other mentions use a form: this one counted its own.
      const std::string own = CaseFold(c.base);
      int best_count = used[own] - 1;
      // Exact keys only: the accent-folded fallback would take a form with a wrong accent
      // ("Prahá" for "Prahou"), or another language's (Latvian "Libāna" for Polish "Libanie").
      auto same_place = [&](const std::string& name) {
        std::optional<GazetteerEntry> entry = gazetteer.LookupKeys(MatchKey(name), {});
        return entry && entry->canonical == c.gazetteer_name;
      };
      const bool confirmed = c.gazetteer_name.empty() || same_place(c.base);
      std::string place_form;  // the combination the gazetteer confirms, the batch's likeliest
      int place_count = -1;
      std::vector<std::size_t> pick(forms_of.size(), 0);
      while (true) {
        std::string name;
        for (std::size_t w = 0; w < forms_of.size(); ++w) {
          if (w > 0) name += ' ';
          name += forms_of[w][pick[w]];
        }
        const std::string key = CaseFold(name);
        auto it = used.find(key);
        const int count = (it != used.end() ? it->second : 0) - (key == own ? 1 : 0);
        if (!confirmed && count > place_count && same_place(name)) {
          place_count = count;
          place_form = name;
        }
        if (count > best_count) {
          best_count = count;
          c.base = std::move(name);
        }
        std::size_t w = 0;  // the next combination, like an odometer
        while (w < forms_of.size() && ++pick[w] == forms_of[w].size()) pick[w++] = 0;
        if (w == forms_of.size()) break;
      }
      if (place_count >= 0) c.base = std::move(place_form);
      c.base = SurnameFromBatch(forms, gazetteer, c, std::move(c.base), used);
    }
  }
}

}  // namespace crosswire::mentions
