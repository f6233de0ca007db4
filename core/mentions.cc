// Mention detection over a batch, in the order of docs/ARCHITECTURE.md:
//
// Cased scripts: runs of capitalised words (with connectors such as "de", "al") are split at
// titles, adjectives of nationality, the ends of organisation names and known places, and typed by
// cue, gazetteer or shape. A capital at the start of a sentence or in a title-case line counts only
// when the batch writes the word capitalised elsewhere.
//
// Uncased scripts: title and organisation cues are matched as prefixes of the text (Thai glues them
// to the name); the name's extent comes from segmenting the text after the cue afresh and stopping
// at function words, verbs that follow names, spaces and other cues, since ICU's dictionary splits
// transliterated names into syllables. Then a batch pass finds names already found elsewhere: the
// same spelling, or the same name after transliteration (NameMatcher).
#include "mentions.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "gazetteer.h"
#include "mentions/acronyms.h"
#include "mentions/glued_names.h"
#include "mentions/overlaps.h"
#include "mentions/quoted_names.h"
#include "mentions/scanner.h"
#include "mentions/tables.h"
#include "mentions/words.h"
#include "parallel.h"
#include "tagger/tagger.h"
#include "text/fields.h"
#include "text/language_tag.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire {
namespace {

using mentions::CaseStats;
using mentions::DocumentScanner;
using mentions::Found;
using mentions::KnownName;
using mentions::MentionTables;
using mentions::Word;

std::unordered_set<std::string> LoadCalendarWords(const DataPack& data) {
  std::unordered_set<std::string> words;
  if (std::optional<std::string_view> calendar = data.Find("gen/calendar.tsv")) {
    for (std::string_view line : DataLines(*calendar)) {
      std::vector<std::string_view> fields = SplitFields(line);
      if (fields.size() < 4 || (fields[1] != "month" && fields[1] != "weekday")) continue;
      for (std::string_view name : SplitFields(fields[3], '|')) {
        if (!name.empty()) words.insert(MatchKey(name));
      }
    }
  }
  return words;
}

// One-word names that are the last part of a person's name elsewhere in the batch are that
// person's surname.
void TypeSurnames(std::vector<std::vector<MentionCandidate>>& out) {
  std::unordered_set<std::string> surnames;
  for (const auto& candidates : out) {
    for (const MentionCandidate& c : candidates) {
      if (c.type != EntityType::kPerson) continue;
      std::size_t space = c.text.rfind(' ');
      if (space != std::string::npos) surnames.insert(MatchKey(c.text.substr(space + 1)));
    }
  }
  for (auto& candidates : out) {
    for (MentionCandidate& c : candidates) {
      if (c.type == EntityType::kMisc && surnames.count(MatchKey(c.text)) != 0) {
        c.type = EntityType::kPerson;
        c.type_confidence = 0.6f;
      }
    }
  }
}

// The forms each word of a name may have in `lang`: the rule's (already in `base`), then the
// alternatives its ending allows. Names of up to three words vary every word; longer ones the last
// word only. At most kMaxForms a word, so at most 27 combinations a name.
std::vector<std::vector<std::string>> WordForms(const BaseForms& forms, std::string_view text,
                                                std::string_view base, std::string_view lang) {
  constexpr std::size_t kMaxForms = 3;
  const std::vector<std::string_view> words = SplitFields(text, ' ');
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

// The other way round: where the rules bring the first name back from a case ending but leave the
// surname as it is, because its ending is also a nominative one ("Maksyma Stepanova": "Maksym",
// but "-ova" ends feminine nominatives too), a surname that ends as the first name did takes the
// same rewrite, if its ending allows it ("Stepanov"): the two are in one case.
std::string AgreeSurname(const BaseForms& forms, const MentionCandidate& c,
                         const std::unordered_set<std::string>& first_names, std::string base) {
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
      (first_names.count(CaseFold(std::string(bases[0]))) == 0 &&
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
std::string KeepComplements(const BaseForms& forms, const mentions::CueTables& cues,
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
// ending says no gender ("службы"), the adjectives before it, all brought back to one gender, give
// the noun theirs ("Федеральной антимонопольной службы" -> "Федеральная антимонопольная служба").
std::string AgreeWithNoun(const BaseForms& forms, const mentions::CueTables& cues,
                          const MentionCandidate& c, std::string base) {
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

// Each candidate's base form: the rules' own where they are clear; where a word's ending leaves
// several forms open ("Putina": Putin or Putina?), the combination the batch itself uses most
// often as a name, if other mentions use it more often than the rules' form. A place whose rules'
// form the gazetteer does not spell takes a combination that it does, for the same place ("Ukrainy"
// -> "Ukraina", "بألمانيا" -> "ألمانيا"; the batch's likeliest of several).
void SetBaseForms(const BaseForms& forms, const Gazetteer& gazetteer,
                  const mentions::CueTables& cues,
                  std::vector<std::vector<MentionCandidate>>& out) {
  auto inflected = [&](const MentionCandidate& c) {
    const std::string lang = PrimaryLanguage(c.lang);
    return (IsCasedScript(c.script) || forms.HasPrefixes(lang)) && !c.is_acronym && forms.Has(lang);
  };
  // The first words of the batch's names of people, as written: where the rules read the surname
  // as a nominative, a first name they bring back from a case must be one of them for the surname
  // to follow it (not "Matylda Damięcka" -> "Matyld Damięck").
  std::unordered_set<std::string> first_names;
  for (const auto& candidates : out) {
    for (const MentionCandidate& c : candidates) {
      const std::size_t space = c.text.find(' ');
      if (c.type == EntityType::kPerson && space != std::string::npos) {
        first_names.insert(CaseFold(c.text.substr(0, space)));
      }
    }
  }
  std::unordered_map<std::string, int> used;  // case-folded base form -> how often the batch has it
  for (auto& candidates : out) {
    for (MentionCandidate& c : candidates) {
      c.base =
          inflected(c)
              ? AgreeWithNoun(
                    forms, cues, c,
                    KeepComplements(forms, cues, c,
                                    AgreeSurname(forms, c, first_names,
                                                 AgreeInCase(forms, c, forms.Of(c.text, c.lang)))))
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

bool HasUncasedWords(const Document& doc) {
  for (const Token& token : doc.tokens) {
    if (token.kind == TokenKind::kWord && !IsCasedScript(token.script) &&
        token.script != Script::kCommon) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<std::unique_ptr<MentionFinder>> MentionFinder::Create(const DataPack& data,
                                                             const Gazetteer& gazetteer,
                                                             bool use_tagger) {
  auto tables = std::make_unique<MentionTables>();
  tables->gazetteer = &gazetteer;
  tables->cues = mentions::LoadCueTables(data);
  tables->calendar_words = LoadCalendarWords(data);
  tables->elisions = mentions::LoadElisions(data);
  CROSSWIRE_ASSIGN_OR_RETURN(tables->base_forms, BaseForms::Load(data));
  std::unique_ptr<MentionFinder> finder(new MentionFinder(std::move(tables)));
  // Han and Kana text is always tagged where the model is present: the rules find almost nothing
  // there (typed span F1 0.16 on the Japanese held-out sentences, 0.54 with the model). Cased
  // scripts and Thai only on request (Options::use_tagger): see BENCHMARKS.md, "Mention tagger".
  std::vector<tagger::ModelGroup> groups = {tagger::ModelGroup::kCjk};
  if (use_tagger) {
    groups.push_back(tagger::ModelGroup::kAlphabetic);
    groups.push_back(tagger::ModelGroup::kThai);
  }
  CROSSWIRE_ASSIGN_OR_RETURN(
      finder->tagger_, tagger::Tagger::Create(data, gazetteer, finder->tables_->cues.all, groups));
  return finder;
}

const mentions::LangCues& MentionFinder::AllCues() const { return tables_->cues.all; }

MentionFinder::MentionFinder(std::unique_ptr<MentionTables> tables) : tables_(std::move(tables)) {}

// The confidence of a type the tagger chose: above the rules' guesses from a word's shape alone,
// below a title's or the gazetteer's, and below what entity linking treats as sure
// (entities/mention_nodes.cc: TypesCompatible), so that two spellings the model typed differently
// in two articles can still be one entity, whose type the votes of all its mentions then decide.
constexpr float kTaggerConfidence = 0.45f;
// The rules' types from a name's shape alone (two capitalised words: a person, 0.5; one word:
// misc; an all-caps word: an organisation), the ones the tagger may change.
constexpr float kShapeConfidence = 0.5f;

namespace {

// Whether a word of [utf16_begin, utf16_end) outside the candidate is capitalised.
bool AddsCapitalizedWord(const Document& doc, int32_t utf16_begin, int32_t utf16_end,
                         const MentionCandidate& c) {
  auto t = std::partition_point(doc.tokens.begin(), doc.tokens.end(),
                                [&](const Token& k) { return k.utf16_end <= utf16_begin; });
  for (; t != doc.tokens.end() && t->utf16_begin < utf16_end; ++t) {
    const bool outside = t->utf16_end <= c.utf16_begin || t->utf16_begin >= c.utf16_end;
    if (outside && t->kind == TokenKind::kWord && t->capitalized) return true;
  }
  return false;
}

}  // namespace

std::vector<MentionCandidate> MentionFinder::Tagged(const Document& doc,
                                                    std::vector<MentionCandidate> rules) const {
  if (!tagger_) return rules;
  tagger::TagResult tagged = tagger_->Tag(doc, rules);
  if (tagged.tagged.empty()) return rules;
  auto lang_at = [&](int32_t at) -> const std::string& {
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& paragraph = doc.paragraphs[p];
      if (at >= paragraph.utf16_begin && at < paragraph.utf16_end) {
        return doc.LangOf(static_cast<int32_t>(p));
      }
    }
    return doc.lang;
  };
  // Where a rule had evidence — a title, a gazetteer name, an organisation or place word, a known
  // name — its candidate stays as it is: those rules are more reliable than the model (they are
  // also among its features). The rules' guesses from a name's shape alone (confidence 0.5 or
  // less) give way inside the labelled sentences: retyped where the model marks the same span,
  // dropped where it marks another or none. Then the model's spans that no remaining candidate
  // overlaps are added. On the held-out sets this beat both keeping every rule candidate and
  // replacing them all (BENCHMARKS.md, "Mention tagger").
  std::vector<MentionCandidate> out;
  std::size_t s = 0, range = 0;
  for (MentionCandidate& c : rules) {
    // The spans are sorted and do not overlap: the first that ends after c begins is the only one
    // that can begin where c does.
    while (s < tagged.spans.size() && tagged.spans[s].utf16_end <= c.utf16_begin) ++s;
    const bool shape_only =
        c.cue.empty() && c.gazetteer_name.empty() && c.type_confidence <= kShapeConfidence;
    const bool same = s < tagged.spans.size() && tagged.spans[s].utf16_begin == c.utf16_begin &&
                      tagged.spans[s].utf16_end == c.utf16_end;
    while (range < tagged.tagged.size() && tagged.tagged[range].second <= c.utf16_begin) ++range;
    const bool inside = range < tagged.tagged.size() &&
                        tagged.tagged[range].first <= c.utf16_begin &&
                        c.utf16_end <= tagged.tagged[range].second;
    // A candidate with evidence gives way too where the model marks an overlapping span of other
    // extent that reads more of the name, measured per script on the held-out sets (same model):
    // - in Han and Kana text, any such span: the evidence there is mostly a gazetteer name inside a
    //   longer name (中国 in 中国共产党, 北京 in 北京大学), which the model, reading characters,
    //   extends (People's Daily zh val 0.52 -> 0.56, stockmark ja val 0.54 -> 0.60);
    // - elsewhere, a span that contains the candidate and adds no capitalised word ("U.S" ->
    //   "U.S.", "Lord" -> "Lord 's"; CoNLL-2003 en val 0.818 -> 0.838, ThaiNER val 0.324 -> 0.541),
    //   of the candidate's type in cased scripts: a model span that runs a place into the next
    //   name ("Ukrainy Wołodymyrem Zełenskim") or retypes it lowered the Slavic figures.
    if (inside && !same && s < tagged.spans.size() && tagged.spans[s].utf16_begin < c.utf16_end) {
      const tagger::TaggedSpan& span = tagged.spans[s];
      if (c.script == Script::kHan || c.script == Script::kKana) continue;
      if (span.type != EntityType::kMisc && span.utf16_begin <= c.utf16_begin &&
          c.utf16_end <= span.utf16_end &&
          !AddsCapitalizedWord(doc, span.utf16_begin, span.utf16_end, c) &&
          (span.type == c.type || !IsCasedScript(c.script))) {
        continue;
      }
    }
    if (shape_only) {
      if (same && tagged.spans[s].type != c.type) {
        c.type = tagged.spans[s].type;
        c.type_confidence = kTaggerConfidence;
      }
      if (inside && !same) continue;
    }
    out.push_back(std::move(c));
  }
  std::vector<MentionCandidate> added;
  std::size_t r = 0;
  for (const tagger::TaggedSpan& span : tagged.spans) {
    while (r < out.size() && out[r].utf16_end <= span.utf16_begin) ++r;
    bool overlapped = false;
    for (std::size_t k = r; k < out.size() && out[k].utf16_begin < span.utf16_end && !overlapped;
         ++k) {
      overlapped = out[k].utf16_end > span.utf16_begin;
    }
    if (overlapped || span.type == EntityType::kMisc) continue;
    if (span.utf16_end - span.utf16_begin > kMaxMentionUtf16) continue;
    MentionCandidate c;
    c.utf16_begin = span.utf16_begin;
    c.utf16_end = span.utf16_end;
    c.text = doc.Slice(span.utf16_begin, span.utf16_end);
    if (std::count(c.text.begin(), c.text.end(), ' ') >= kMaxMentionWords) continue;
    c.type = span.type;
    c.type_confidence = kTaggerConfidence;
    c.lang = lang_at(span.utf16_begin);
    const WordShape shape = ShapeOf(doc.text, span.utf16_begin, span.utf16_end);
    c.script = shape.script;
    c.is_acronym = shape.all_caps && c.text.find(' ') == std::string::npos &&
                   span.utf16_end - span.utf16_begin <= 8;
    if (c.type == EntityType::kPlace) {
      std::optional<GazetteerEntry> entry = tables_->gazetteer->Lookup(c.text);
      if (!entry && IsCasedScript(c.script)) {
        entry = tables_->gazetteer->Lookup(tables_->base_forms.Of(c.text, c.lang));
      }
      if (entry) c.gazetteer_name = entry->canonical;
    }
    added.push_back(std::move(c));
  }
  for (MentionCandidate& c : added) out.push_back(std::move(c));
  std::stable_sort(out.begin(), out.end(),
                   [](const MentionCandidate& a, const MentionCandidate& b) {
                     return a.utf16_begin < b.utf16_begin;
                   });
  return out;
}
MentionFinder::~MentionFinder() = default;

namespace {

// The batch's casing counts: each thread counts into its own, and they are added up (they are
// sums, so the order does not matter).
CaseStats CountAll(const std::vector<const Document*>& docs, int threads,
                   const MentionFinder& finder) {
  std::vector<CaseStats> counted(threads);
  ParallelFor(threads, docs.size(),
              [&](std::size_t d, int worker) { finder.CountCases(*docs[d], counted[worker]); });
  CaseStats stats = std::move(counted[0]);
  for (int w = 1; w < threads; ++w) stats.Add(counted[w]);
  return stats;
}

}  // namespace

void MentionFinder::CountCases(const Document& doc, CaseStats& stats) const {
  mentions::CountCases(mentions::CollectWords(doc, tables_->elisions), stats);
}

std::vector<MentionCandidate> MentionFinder::ScanRules(const Document& doc, const CaseStats& stats,
                                                       Segmenter& segmenter,
                                                       MentionWork& work) const {
  // The word view is made again rather than kept from the count: it is larger than the text
  // several times over.
  DocumentScanner scanner(doc, *tables_, stats, segmenter, work);
  return mentions::WithQuotedNames(
      doc, mentions::ResolveOverlaps(scanner.Scan(mentions::CollectWords(doc, tables_->elisions))));
}

ArticleCandidates MentionFinder::FindInArticle(const Document& doc, const CaseStats& stats,
                                               Segmenter& segmenter, MentionWork& work) const {
  ArticleCandidates out;
  // The tagger reads only its article and the rules' candidates there.
  out.candidates = Tagged(doc, ScanRules(doc, stats, segmenter, work));
  out.uncased_words = HasUncasedWords(doc);
  return out;
}

void MentionFinder::AddWork(const MentionWork& work) const {
  work_.units_chunked += work.units_chunked;
  work_.units_resegmented += work.units_resegmented;
}

std::vector<std::vector<MentionCandidate>> MentionFinder::RuleCandidates(
    const std::vector<const Document*>& docs, int jobs) const {
  // How every document writes its words first: how a word is written elsewhere in the batch
  // judges it at the start of a sentence. Then each document alone, given the batch's statistics
  // (read-only): the per-article mention scan. Each thread has its own segmenter and work counters.
  const int threads = std::max(1, std::min<int>(jobs, static_cast<int>(docs.size())));
  const CaseStats stats = CountAll(docs, threads, *this);
  std::vector<Segmenter> segmenters(threads);
  std::vector<MentionWork> work(threads);
  std::vector<std::vector<MentionCandidate>> out(docs.size());
  ParallelFor(threads, docs.size(), [&](std::size_t d, int worker) {
    out[d] = ScanRules(*docs[d], stats, segmenters[worker], work[worker]);
  });
  for (const MentionWork& w : work) AddWork(w);
  return out;
}

std::vector<std::vector<MentionCandidate>> MentionFinder::FindAll(
    const std::vector<const Document*>& docs, NameMatcher& matcher, int jobs) const {
  const int threads = std::max(1, std::min<int>(jobs, static_cast<int>(docs.size())));
  const CaseStats stats = CountAll(docs, threads, *this);
  std::vector<Segmenter> segmenters(threads);
  std::vector<MentionWork> work(threads);
  std::vector<ArticleCandidates> found(docs.size());
  ParallelFor(threads, docs.size(), [&](std::size_t d, int worker) {
    found[d] = FindInArticle(*docs[d], stats, segmenters[worker], work[worker]);
  });
  for (const MentionWork& w : work) AddWork(w);
  return FindInBatch(docs, std::move(found), stats, matcher);
}

std::vector<std::vector<MentionCandidate>> MentionFinder::FindInBatch(
    const std::vector<const Document*>& docs, std::vector<ArticleCandidates> found,
    const CaseStats& stats, NameMatcher& matcher) const {
  std::vector<std::vector<MentionCandidate>> out(found.size());
  std::vector<bool> uncased(found.size());
  for (std::size_t d = 0; d < found.size(); ++d) {
    out[d] = std::move(found[d].candidates);
    uncased[d] = found[d].uncased_words;
  }
  found = {};
  SecondPass(docs, uncased, matcher, out);
  mentions::SplitGluedNames(*tables_->gazetteer, tables_->base_forms, tables_->cues, stats, out);
  TypeSurnames(out);
  for (std::size_t d = 0; d < docs.size(); ++d) mentions::LinkAcronyms(*docs[d], out[d]);
  SetBaseForms(tables_->base_forms, *tables_->gazetteer, tables_->cues, out);
  // The batch holds every article's candidates through entity linking: no spare capacity.
  for (std::vector<MentionCandidate>& candidates : out) candidates.shrink_to_fit();
  return out;
}

void MentionFinder::SecondPass(const std::vector<const Document*>& docs,
                               const std::vector<bool>& uncased_words, NameMatcher& matcher,
                               std::vector<std::vector<MentionCandidate>>& out) const {
  // Only text in uncased scripts is searched: without any, the known names (and their
  // transliterated keys, the costly part) would go unused.
  std::vector<std::size_t> uncased;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    if (uncased_words[d]) uncased.push_back(d);
  }
  if (uncased.empty()) return;
  Segmenter segmenter;
  mentions::KnownNames known = mentions::GatherKnownNames(out, tables_->thai_dictionary, segmenter);
  if (known.same_script.empty() && known.other_script.empty()) return;
  for (KnownName& name : known.other_script) name.key = &matcher.Key(ToUtf8(name.text));

  CaseStats no_stats;
  for (std::size_t d : uncased) {
    // An article whose tokens were dropped after round 2 is segmented again, and its tokens are
    // dropped again with the copy (which shares the text's buffer).
    std::optional<Document> segmented;
    if (docs[d]->tokens.empty()) {
      segmented = *docs[d];
      if (!segmenter.Segment(*segmented).ok()) continue;
    }
    const Document& doc = segmented ? *segmented : *docs[d];
    DocumentScanner scanner(doc, *tables_, no_stats, segmenter, work_);
    std::vector<Found> found =
        scanner.FindKnown(known.same_script, known.other_script, matcher, out[d]);
    if (found.empty()) continue;
    for (MentionCandidate& c : out[d]) found.push_back(Found{std::move(c), 4});
    out[d] = mentions::ResolveOverlaps(std::move(found));
  }
}

}  // namespace crosswire
