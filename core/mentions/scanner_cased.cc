// Names in cased scripts: runs of capitalised words, split at titles, nationality adjectives,
// organisation ends and known places, and typed by cue, gazetteer or shape.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "mentions/scanner.h"
#include "text/language_tag.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire::mentions {

int DocumentScanner::TitleAt(std::size_t i, std::size_t limit, const LangCues& cues,
                             const Cue** cue) const {
  std::string key;
  int best = 0;
  for (std::size_t j = i; j < limit && static_cast<int>(j - i) < cues.max_title_words; ++j) {
    if (j > i && W(j).gap == Word::Gap::kPunct) break;
    if (j > i) key += ' ';
    key += W(j).key;
    auto it = cues.titles.find(key);
    if (it != cues.titles.end()) {
      best = static_cast<int>(j - i + 1);
      *cue = &it->second;
    }
  }
  // A title of one word in a case form ("Президента России Владимира Путина").
  if (best == 0 && i < limit) {
    if (const Cue* title = CaseFormTitle(i, cues)) {
      best = 1;
      *cue = title;
    }
  }
  return best;
}

bool DocumentScanner::IsOrgWord(const Word& w, const LangCues& cues) const {
  return cues.org_end.count(w.key) != 0 || cues.org_start.count(w.key) != 0;
}

std::string DocumentScanner::SpanText(std::size_t a, std::size_t b) const {
  return doc_.Slice(W(a).begin, W(b - 1).end);
}

std::optional<GazetteerEntry> DocumentScanner::WordPlace(std::size_t i) const {
  if (auto entry = gazetteer_.LookupKeys(W(i).key, W(i).folded_key)) return entry;
  // An acronym the gazetteer knows only in capitals ("WHO": its key is an ordinary word's).
  if (W(i).all_caps) return gazetteer_.LookupExactCase(SpanText(i, i + 1));
  return std::nullopt;
}

std::optional<GazetteerEntry> DocumentScanner::SpanPlace(std::size_t i, std::size_t j) const {
  if (j == i + 1) return WordPlace(i);
  std::string key = W(i).key, folded = W(i).folded_key;
  for (std::size_t k = i + 1; k < j; ++k) {
    if (W(k).gap != Word::Gap::kSpace || W(k).begin != W(k - 1).end + 1) {
      return gazetteer_.Lookup(SpanText(i, j));
    }
    key += ' ' + W(k).key;
    folded += ' ' + W(k).folded_key;
  }
  return gazetteer_.LookupKeys(key, folded);
}

std::size_t DocumentScanner::GazetteerAt(std::size_t i, std::size_t paragraph_end,
                                         GazetteerEntry* entry) const {
  std::size_t best = i;
  // Russian and its neighbours inflect names: "в Минске", "Беларуси", "Ирана". CLDR has the
  // nominative; the base-form rules of the text's language find it (BasePlaceAt).
  best = BasePlaceAt(i, paragraph_end, entry);
  std::string prefix = W(i).key, folded_prefix = W(i).folded_key;
  for (std::size_t j = i + 1; j <= paragraph_end && j <= i + 5; ++j) {
    if (j > i + 1) {
      if (W(j - 1).gap == Word::Gap::kPunct || W(j - 2).possessive) break;
      // No name starts with these words: no longer span can match either.
      if (W(j - 1).gap == Word::Gap::kSpace) {
        prefix += ' ';
        folded_prefix += ' ';
        if (!gazetteer_.IsKeyPrefix(prefix) && !gazetteer_.IsKeyPrefix(folded_prefix)) break;
        prefix += W(j - 1).key;
        folded_prefix += W(j - 1).folded_key;
      }
    }
    if (auto hit = SpanPlace(i, j)) {
      best = j;
      *entry = *hit;
    }
  }
  return best;
}

bool DocumentScanner::LocalCasesWithoutPreposition(std::size_t i) const {
  const std::string lang = PrimaryLanguage(doc_.LangOf(W(i).paragraph));
  return lang == "fi" || lang == "et" || lang == "hu" || lang == "lt" || lang == "lv" ||
         lang == "tr";
}

std::size_t DocumentScanner::BasePlaceAt(std::size_t i, std::size_t paragraph_end,
                                         GazetteerEntry* entry) const {
  const std::string lang = PrimaryLanguage(doc_.LangOf(W(i).paragraph));
  if (!W(i).cased_script || !base_forms_.Has(lang)) return i;
  std::size_t best = i;
  icu::UnicodeString base;
  bool changed = false;
  for (std::size_t j = i; j < paragraph_end && j < i + 3; ++j) {
    if (j > i && (W(j).gap != Word::Gap::kSpace || W(j).begin != W(j - 1).end + 1)) break;
    const icu::UnicodeString word(doc_.text, W(j).begin, W(j).end - W(j).begin);
    const icu::UnicodeString word_base = base_forms_.WordOf(word, lang);
    changed = changed || word_base != word;
    if (j > i) base += u' ';
    base += word_base;
    if (!changed) continue;  // the surface form was looked up already
    if (auto hit = gazetteer_.Lookup(ToUtf8(base))) {
      *entry = *hit;
      best = j + 1;
    }
  }
  if (best > i) return best;
  // A single word whose likeliest base form is not a place: the other forms its ending allows,
  // confirmed by the gazetteer ("Ukrainy" -> "Ukraina", where "-y" is also a nominative ending).
  const icu::UnicodeString word(doc_.text, W(i).begin, W(i).end - W(i).begin);
  for (const icu::UnicodeString& candidate : base_forms_.Candidates(word, lang)) {
    if (auto hit = gazetteer_.Lookup(ToUtf8(candidate))) {
      *entry = *hit;
      return i + 1;
    }
  }
  return i;
}

// A word the batch writes in lower case this many times more often than capitalised inside a
// sentence is an ordinary word.
constexpr int kOrdinaryWordRatio = 4;

bool DocumentScanner::CapitalIsEvidence(std::size_t i) const {
  const Word& w = W(i);
  if (w.all_caps) return true;
  if (!w.sentence_initial && !w.headline) return true;
  if (WordPlace(i)) return true;
  if (GazetteerEntry entry; BasePlaceAt(i, i + 1, &entry) > i) return true;
  // The head of an organisation's name that runs on to a place or name ("Служба безопасности
  // Украины" opening a sentence).
  if (const LangCues& cues = Cues(w.paragraph);
      cues.IsOrgHead(w.key) && ExtendOrgHead(i, words_->size(), cues) > i + 1) {
    return true;
  }
  const int inside_count = stats_.CapitalizedInside(w.key);
  const int lower_count = stats_.Lower(w.key);
  // Capitalised inside sentences elsewhere is evidence, unless the batch writes the word in lower
  // case far more often: a preposition or article opening a sentence ("W Donbasie", "V den
  // Putinova") is capitalised inside one too, after a quote or a colon.
  if (inside_count > 0 && inside_count * kOrdinaryWordRatio >= lower_count) return true;
  if (lower_count > 0) return false;
  // Unknown word: in a headline it proves nothing; at a sentence start it is a name only when
  // another capitalised word follows it ("Viktor Khrenin said"), and not an acronym or a known
  // place, which make a name of their own ("Oferta PO", "Жителі України").
  if (w.headline) return false;
  if (i + 1 >= words_->size() || W(i + 1).paragraph != w.paragraph ||
      W(i + 1).gap != Word::Gap::kSpace || !W(i + 1).capitalized) {
    return false;
  }
  GazetteerEntry place;
  if (!W(i + 1).all_caps && !WordPlace(i + 1) && BasePlaceAt(i + 1, i + 2, &place) == i + 1) {
    return true;
  }
  // Unless the two begin a place of several words ("Northern Ireland").
  std::size_t end = i + 1;
  while (end < words_->size() && end < i + 5 && W(end).paragraph == w.paragraph) ++end;
  return GazetteerAt(i, end, &place) > i + 1;
}

void DocumentScanner::ScanCased() {
  const std::vector<Word>& words = *words_;
  std::size_t i = 0;
  while (i < words.size()) {
    const Word& w = words[i];
    if (w.cased_script && !w.capitalized && !w.all_caps) {
      if (const std::size_t end = GovernmentAt(i); end > i) {
        Emit(w.begin, W(end - 1).end, EntityType::kOrg, 0.7f, 2, w.script, w.paragraph, {});
        i = end;
        continue;
      }
      if (const std::size_t end = RegionAt(i); end > i) {
        Emit(w.begin, W(end - 1).end, EntityType::kPlace, 0.7f, 2, w.script, w.paragraph, {});
        i = end;
        continue;
      }
    }
    if (!w.cased_script || !w.capitalized) {
      ++i;
      continue;
    }
    std::size_t paragraph_end = i;
    while (paragraph_end < words.size() && words[paragraph_end].paragraph == w.paragraph) {
      ++paragraph_end;
    }
    const LangCues& cues = Cues(w.paragraph);
    // The run: capitalised words, connectors between them, hyphens inside names.
    std::size_t j = i + 1;
    while (j < paragraph_end) {
      const Word& next = words[j];
      if (words[j - 1].possessive) break;
      if (!next.cased_script) break;
      // An ampersand joins a name that repeats a word ("Johnson & Johnson") or is made of
      // letters ("AT&T", "H&M"); between two other names it lists them ("Pfizer & BioNTech").
      if (next.after_ampersand && next.capitalized && words[j - 1].capitalized &&
          (next.key == words[j - 1].key || next.end - next.begin == 1 ||
           words[j - 1].end - words[j - 1].begin == 1)) {
        ++j;
        continue;
      }
      if (next.gap == Word::Gap::kPunct) break;
      // A name keeps to one script ("Pfizer Еврокомиссия", "Novavax Стенлі Ерік" are two names);
      // a short word in capitals may follow in another ("Спутник V", "Павел II").
      if (next.script != words[j - 1].script && !(next.all_caps && next.end - next.begin <= 3)) {
        break;
      }
      if (next.gap == Word::Gap::kDot && words[j - 1].end - words[j - 1].begin > 1 &&
          cues.titles.count(CueKey(SpanText(j - 1, j))) == 0) {
        break;  // only initials ("G. Khrenin") and titles ("Mr. X") carry a name over a dot
      }
      if (next.gap == Word::Gap::kHyphen && (WordPlace(j - 1) || WordPlace(j))) {
        break;  // "Iran-Belarus": two places
      }
      if (next.capitalized) {
        ++j;
        continue;
      }
      // A lower-case connector joins two capitalised words ("Abu al Abbas", "van der Berg").
      // "of" joins only after a word that ends a place's or event's name ("Gulf of Mexico", "Day
      // of Remembrance"), or an organisation's where no known place follows ("Department of
      // Transportation", "University of Oregon"): after a title it names what the title is of
      // ("President of Belarus"), and "Security Council of Belarus" is the council the text also
      // calls "Security Council", in a country that is a name of its own.
      std::size_t k = j;
      while (k < paragraph_end && cues.connectors.count(words[k].key) != 0 &&
             !words[k].capitalized && words[k].gap != Word::Gap::kPunct && k - j < 3) {
        ++k;
      }
      bool joins = k > j && k < paragraph_end && words[k].capitalized &&
                   words[k].gap != Word::Gap::kPunct && words[k].cased_script &&
                   !words[k - 1].possessive;
      if (joins && words[j].key == "of") {
        const std::string& before = words[j - 1].key;
        GazetteerEntry place;
        joins = cues.place_end.count(before) != 0 || cues.misc_end.count(before) != 0 ||
                (cues.org_end.count(before) != 0 &&
                 !(GazetteerAt(k, paragraph_end, &place) > k && place.type == EntityType::kPlace));
      }
      if (joins && cues.conjunctions.count(words[j].key) != 0) {
        // "and" joins an organisation's name, or a known name across it; not two names.
        bool org = false;
        for (std::size_t m = i; m < j && !org; ++m) {
          org = IsOrgWord(words[m], cues) || cues.IsOrgHead(words[m].key);
        }
        GazetteerEntry known;
        joins = org || GazetteerAt(i, paragraph_end, &known) > k;
      }
      if (joins) {
        j = k + 1;
        continue;
      }
      break;
    }
    ProcessRun(i, j, paragraph_end, cues);
    i = std::max(j, i + 1);
  }
}

void DocumentScanner::ProcessRun(std::size_t begin, std::size_t end, std::size_t paragraph_end,
                                 const LangCues& cues) {
  // RestOfRunIsOrg is asked about the rest of this run for every word: the last organisation word
  // of the run answers it in constant time, so a run of any length costs linear time.
  run_last_org_end_ = kNoWord;
  for (std::size_t k = begin; k < end; ++k) {
    if (cues.org_end.count(W(k).key) != 0) run_last_org_end_ = k;
  }
  std::size_t i = begin;
  std::string cue_text;
  EntityType cue_type = EntityType::kMisc;
  while (i < end) {
    const Word& w = W(i);
    // A capitalised adjective, lower case up to an organisation's head noun, and the place that
    // ends the name: the Slavic languages write organisations in sentence case ("Федеральной
    // антимонопольной службы РФ", "Národní imunizační komise ČR"); the adjective alone would be
    // read as a place, and the place as the organisation.
    if (i + 1 == end && cue_text.empty()) {
      if (const std::size_t org_end = SentenceCaseOrgAt(i, paragraph_end, cues); org_end > i) {
        Emit(w.begin, W(org_end - 1).end, EntityType::kOrg, 0.8f, 2, w.script, w.paragraph, {});
        i = end;
        continue;
      }
    }
    // A capitalised adjective and a lower-case region noun name one place ("Zlínském kraji",
    // "Курской области"): the adjective alone is no name.
    if (i + 1 == end && end < paragraph_end && cue_text.empty() && !w.all_caps &&
        W(end).gap == Word::Gap::kSpace && W(end).cased_script && !W(end).capitalized &&
        cues.IsPlaceNoun(W(end).key) && cues.not_names.count(w.key) == 0 &&
        cues.titles.count(CueKey(SpanText(i, end))) == 0 && CapitalIsEvidence(i)) {
      Emit(w.begin, W(end).end, EntityType::kPlace, 0.8f, 2, w.script, w.paragraph, {});
      i = end;
      continue;
    }
    // Adjectives listed before the region noun they share name a place each ("v Libereckém,
    // Karlovarském a Zlínském kraji"): they end alike, one case, and the last is followed by the
    // noun.
    if (i + 1 == end && cue_text.empty() && !w.all_caps && cues.not_names.count(w.key) == 0 &&
        ListedBeforePlaceNoun(i, paragraph_end, cues)) {
      Emit(w.begin, w.end, EntityType::kPlace, 0.8f, 2, w.script, w.paragraph, {});
      ++i;
      continue;
    }
    // Known places first: "Eastern Europe" before "Eastern" is judged as a word.
    GazetteerEntry entry;
    std::size_t place_end = GazetteerAt(i, paragraph_end, &entry);
    // After a person's title a known place name alone is that person's name ("Mr. Jordan");
    // followed by more of the name, it qualifies the title ("Президент Беларуси Александр
    // Лукашенко", "President of Belarus"), and so do a place of several words ("premierka
    // Velike Britanije"), one in a case form ("Prezydent Rosji": of Russia) and an abbreviation
    // ("Prezydent USA"): no one is named so.
    const bool person_title = !cue_text.empty() && cue_type == EntityType::kPerson;
    const bool place_not_name =
        place_end > i && (place_end - i >= 2 || w.all_caps || !SpanPlace(i, place_end));
    if (place_end > i && (!person_title || place_end < end || place_not_name) &&
        (place_end >= end || !RestOfRunIsOrg(place_end)) && CapitalIsEvidence(i)) {
      const bool acronym = place_end == i + 1 && w.all_caps && entry.type != EntityType::kPlace;
      Emit(w.begin, EndWithInitialsDot(i, place_end - 1), entry.type,
           cue_text.empty() ? 0.9f : 0.95f, 2, w.script,
           w.paragraph, person_title ? std::string() : cue_text, entry.canonical, acronym);
      if (!person_title) cue_text.clear();
      i = place_end;
      continue;
    }
    const Cue* cue = nullptr;
    int title_words = TitleAt(i, end, cues, &cue);
    if (title_words > 0 && !(i + title_words < end && RestOfRunIsOrg(i + title_words))) {
      cue_text = SpanText(i, i + title_words);
      const int32_t after_title = W(i + title_words - 1).end;
      if (after_title < doc_.text.length() && doc_.text[after_title] == u'.') cue_text += '.';
      cue_type = cue->type;
      i += title_words;
      continue;
    }
    // Right after a title, a capital is a name whatever the sentence breaker said about the
    // title's dot ("Mr. Ahmadian").
    // An article capitalised inside a sentence opens the name after it ("meldt De Morgen",
    // "según El País", "selon Le Monde", "minister De Gucht").
    const bool name_article = w.capitalized && cues.name_articles.count(w.key) != 0 && !w.all_caps &&
                              !w.sentence_initial && !w.headline && i + 1 < end &&
                              W(i + 1).gap == Word::Gap::kSpace && !W(i + 1).all_caps &&
                              cues.not_names.count(W(i + 1).key) == 0;
    if ((cues.not_names.count(w.key) != 0 && !name_article) ||
        calendar_words_.count(w.key) != 0 || IsDemonym(i) ||
        (cue_text.empty() && !name_article && !CapitalIsEvidence(i))) {
      cue_text.clear();
      ++i;
      continue;
    }
    // The name: up to the end of the run, a title inside it, a demonym, or the end of an
    // organisation's name followed by another name ("... Security Council Ali Akbar Ahmadian").
    std::size_t j = i + 1;
    bool org = IsOrgWord(w, cues);
    bool org_head = cues.IsOrgHead(w.key);  // an organisation's head noun so far
    bool person_follows = false;            // the run split before a first name
    while (j < end) {
      const Word& next = W(j);
      if (IsDemonym(j) && !next.all_caps) break;
      const Cue* inner = nullptr;
      if (TitleAt(j, end, cues, &inner) > 0 && !RestOfRunIsOrg(j) && !org) break;
      // "secrétaire d'État du Conseil ...": a sentence-case organisation starts a new name.
      if (cues.org_start_sentence_case.count(next.key) != 0) break;
      if (cues.org_end.count(W(j - 1).key) != 0 && cues.org_end.count(next.key) == 0 &&
          cues.connectors.count(next.key) == 0) {
        break;
      }
      // A known place at the start, then a person's name ("Belarus Alexander Volfovich").
      if (j == i + 1 && !org && WordPlace(i) && !SpanPlace(i, end) && !RestOfRunIsOrg(j)) {
        break;
      }
      // A name, then a place in a local case, which these languages write without a preposition
      // (Finnish "Viktor Orbánin Moskovassa", Orbán's ... in Moscow): the place is a name of its
      // own. Where a preposition is needed, as in the Slavic languages, such a place belongs to
      // the name ("Vlada Republike Slovenije", "jugovzhodne Slovenije").
      if (GazetteerEntry place; !org && LocalCasesWithoutPreposition(i) && !WordPlace(j) &&
                                BasePlaceAt(j, j + 1, &place) > j) {
        break;
      }
      // A person's first name and a surname after words that are no name of theirs: the run
      // joined two names a sentence writes side by side ("Svolavatel Ivan Sochor", "University of
      // East Anglia Paul Hunter", "Parlamenta Otmar Karas"). Not inside an organisation's name
      // ("Fundacja Billa Gatesa"), nor after another first name ("Jean Paul Sartre") or an
      // initial.
      if (!org && !org_head && next.capitalized && !next.all_caps && j + 1 < end &&
          W(j + 1).capitalized && next.gap == Word::Gap::kSpace &&
          W(j + 1).gap != Word::Gap::kPunct && W(j - 1).end - W(j - 1).begin > 1 &&
          FirstNameAt(j) && !FirstNameAt(j - 1) && !TitleBefore(j, cues)) {
        person_follows = true;
        break;
      }
      org_head = org_head || cues.IsOrgHead(next.key);
      org = org || IsOrgWord(next, cues);
      ++j;
    }
    std::size_t name_end = j;
    // Romance languages write organisations in sentence case: "Organisation de coopération de
    // Shanghai", "Conseil suprême de sécurité nationale".
    if (cues.org_start_sentence_case.count(w.key) != 0 && name_end == i + 1) {
      name_end = ExtendSentenceCaseOrg(i, paragraph_end, cues);
    } else if (name_end == i + 1 && cues.IsOrgHead(w.key)) {
      name_end = ExtendOrgHead(i, paragraph_end, cues);
    }
    // A person's title before such a split is the person's, and the words between say whose:
    // the organisation the person speaks for ("mluvčí Kremlu Dmitrij Peskov", "direktor NIJZ
    // Milan Krek"), unless the gazetteer knows them.
    GazetteerEntry known;
    if (person_follows && !cue_text.empty() && cue_type == EntityType::kPerson) {
      if (GazetteerAt(i, name_end, &known) == name_end) {
        EmitName(i, name_end, cues, {}, EntityType::kMisc);
      } else {
        Emit(w.begin, W(name_end - 1).end, EntityType::kOrg, 0.6f, 2, w.script, w.paragraph, {});
      }
    } else {
      EmitName(i, name_end, cues, cue_text, cue_type);
      cue_text.clear();
    }
    i = j > name_end ? j : name_end;
    if (i > end) break;
  }
}

bool DocumentScanner::RestOfRunIsOrg(std::size_t from) const {
  return run_last_org_end_ != kNoWord && run_last_org_end_ >= from;
}

std::size_t DocumentScanner::ExtendSentenceCaseOrg(std::size_t i, std::size_t paragraph_end,
                                                   const LangCues& cues) const {
  std::size_t last_capital = i + 1;
  std::size_t last_word = i + 1;
  bool ended_by_punct = false;
  for (std::size_t k = i + 1; k < paragraph_end && k < i + 9; ++k) {
    const Word& w = W(k);
    if (w.gap == Word::Gap::kPunct || !w.cased_script) {
      ended_by_punct = w.gap == Word::Gap::kPunct;
      break;
    }
    if (w.capitalized) {
      last_capital = k + 1;
      if (W(k).possessive) break;
      continue;
    }
    if (cues.connectors.count(w.key) == 0 && cues.not_names.count(w.key) != 0) break;
    last_word = k + 1;
    if (k + 1 == paragraph_end) ended_by_punct = true;
  }
  if (last_capital > i + 1) return last_capital;
  if (!ended_by_punct || last_word - i > 6) return i + 1;
  // Lower-case words up to the punctuation, without a trailing adjective of nationality or
  // connector ("Conseil suprême de sécurité nationale iranien,").
  std::size_t end = last_word;
  while (end > i + 1 && (cues.connectors.count(W(end - 1).key) != 0 || IsDemonym(end - 1))) {
    --end;
  }
  return end;
}

// Prepositions meaning "in" in the languages with [org-head] cues.
constexpr std::array<std::string_view, 10> kLocativePrepositions = {"v", "ve", "vo", "w",   "we",
                                                                    "u", "в",  "во", "във", "у"};

std::size_t DocumentScanner::ExtendOrgHead(std::size_t i, std::size_t paragraph_end,
                                           const LangCues& cues) const {
  // At most four lower-case words, then the capitalised word (or the gazetteer's place of several
  // words) that ends the name: "Служба безопасности Украины", "Ministerstwo Spraw Zagranicznych"
  // is a run already. Without such a word the head stays alone (and is dropped as a common noun).
  for (std::size_t k = i + 1; k < paragraph_end && k < i + 6; ++k) {
    const Word& w = W(k);
    if (w.gap == Word::Gap::kPunct || w.gap == Word::Gap::kDot || !w.cased_script ||
        w.paragraph != W(i).paragraph) {
      break;
    }
    if (w.capitalized) {
      GazetteerEntry entry;
      const std::size_t place_end = GazetteerAt(k, paragraph_end, &entry);
      if (place_end > k) return place_end;
      // A capitalised word that starts a run of its own is another name ("Министерство
      // здравоохранения Михаил Мурашко"): the head stays alone.
      const bool run_goes_on =
          k + 1 < paragraph_end && W(k + 1).capitalized && W(k + 1).gap == Word::Gap::kSpace;
      return run_goes_on ? i + 1 : k + 1;
    }
    // Lower-case words inside the name may be prepositions that the cues list as sentence openers
    // ("Ministrstvo za zdravje ZDA", "Министерство по чрезвычайным ситуациям"); a possessive ends
    // it.
    if (W(k - 1).possessive) break;
    // "in" before a place says where, not whose: "úřady v Británii" are offices in Britain.
    if (std::find(kLocativePrepositions.begin(), kLocativePrepositions.end(), w.key) !=
        kLocativePrepositions.end()) {
      break;
    }
  }
  return i + 1;
}

std::size_t DocumentScanner::RegionAt(std::size_t i) const {
  // "severní Itálie", "восточной Украины": a region of the country, another place than the whole
  // (only where the cues list such adjectives; English "northern Italy" stays Italy).
  const Word& w = W(i);
  if (!Cues(w.paragraph).IsRegionAdjective(w.key) || i + 1 >= words_->size()) return i;
  const Word& next = W(i + 1);
  if (next.paragraph != w.paragraph || next.gap != Word::Gap::kSpace || !next.capitalized) return i;
  GazetteerEntry entry;
  const std::size_t end = GazetteerAt(i + 1, words_->size(), &entry);
  return end > i + 1 && entry.type == EntityType::kPlace ? end : i;
}

std::size_t DocumentScanner::SentenceCaseOrgAt(std::size_t i, std::size_t paragraph_end,
                                               const LangCues& cues) const {
  const Word& first = W(i);
  if (first.all_caps || cues.not_names.count(first.key) != 0 || cues.IsOrgHead(first.key)) {
    return i;
  }
  // A name the gazetteer or the aliases know is read as such ("Evropská komise"), and so is a
  // place's own name before a verb ("Беларуси запрещает министерству..."); a capital that is
  // no evidence opens a sentence ("Была ambasador USA"). A known word alone ("Slovensko" is
  // Slovakia in Slovak) may still open a name with an [org-noun] ("Slovensko vojsko").
  GazetteerEntry entry;
  const std::size_t known_end = GazetteerAt(i, paragraph_end, &entry);
  if (known_end > i + 1 || !CapitalIsEvidence(i)) return i;
  // One or two lower-case words, the last of them the head noun, then the place.
  for (std::size_t k = i + 1; k < paragraph_end && k <= i + 2; ++k) {
    const Word& w = W(k);
    if (w.gap != Word::Gap::kSpace || !w.cased_script || w.capitalized || w.all_caps) return i;
    // A noun that names organisations only after such an adjective ("Splošni bolnišnici",
    // "Slovensko vojsko"): the name ends there, or at one capitalised word right after it that
    // is no start of another run ("Mestni občini Celje", not "... Celje Teodor Gozdnikar").
    if (cues.IsOrgNoun(w.key)) {
      // The adjectives and the noun agree: in these languages a feminine or neuter noun ends as
      // its adjectives do ("Mestni občini", "Policijske uprave", "Štajersko gospodarsko
      // zbornico"), a masculine one follows an adjective's oblique ending ("Zdravstvenem domu").
      // Not a name and an ordinary word ("Idrijo iz bolnišnice").
      auto last_letter = [&](const Word& word) {
        return u_tolower(doc_.text.char32At(word.end - 1));
      };
      const UChar32 ending = last_letter(first);
      const icu::UnicodeString adjective(doc_.text, first.begin, first.end - first.begin);
      bool agree =
          last_letter(w) == ending ||
          base_forms_.HasAdjectiveEnding(adjective, PrimaryLanguage(doc_.LangOf(first.paragraph)));
      for (std::size_t m = i + 1; m < k; ++m) agree = agree && last_letter(W(m)) == ending;
      if (!agree) return i;
      const std::size_t next = k + 1;
      if (next < paragraph_end && W(next).gap == Word::Gap::kSpace && W(next).cased_script &&
          W(next).capitalized && W(next).script == first.script) {
        const bool run_goes_on = next + 1 < paragraph_end && W(next + 1).capitalized &&
                                 W(next + 1).gap == Word::Gap::kSpace;
        return run_goes_on ? k + 1 : next + 1;
      }
      return k + 1;
    }
    if (known_end > i) return i;
    if (cues.IsOrgHead(w.key)) {
      const std::size_t end = ExtendOrgHead(k, paragraph_end, cues);
      GazetteerEntry place;
      return end > k + 1 && GazetteerAt(end - 1, end, &place) == end &&
                     place.type == EntityType::kPlace
                 ? end
                 : i;
    }
  }
  return i;
}

std::size_t DocumentScanner::GovernmentAt(std::size_t i) const {
  // A government or ministry written in lower case and the country it belongs to is that body, not
  // the country ("правительство РФ", "уряд США", "ministerstvo financí USA"): the place right
  // after the head noun, or after one word that says which ministry ("министерства финансов
  // США", "ministrstvo za zdravje") or the genitive preposition of Bulgarian and Macedonian
  // ("правителството на Германия"). Other lower-case heads (agency, union, fund) stand beside a
  // name more often than they belong to it ("agentury Reuters"), and stay common nouns.
  const Word& w = W(i);
  const LangCues& cues = Cues(w.paragraph);
  if (!cues.IsGovernment(w.key)) return i;
  for (std::size_t k = i + 1; k < words_->size() && k <= i + 2; ++k) {
    const Word& next = W(k);
    if (next.paragraph != w.paragraph || next.gap == Word::Gap::kPunct ||
        next.gap == Word::Gap::kDot || !next.cased_script) {
      return i;
    }
    if (next.capitalized || next.all_caps) {
      GazetteerEntry entry;
      const std::size_t end = GazetteerAt(k, words_->size(), &entry);
      return end > k && entry.type == EntityType::kPlace ? end : i;
    }
    if (std::find(kLocativePrepositions.begin(), kLocativePrepositions.end(), next.key) !=
        kLocativePrepositions.end()) {
      return i;
    }
  }
  return i;
}

int32_t DocumentScanner::EndWithInitialsDot(std::size_t first, std::size_t last) const {
  const Word& w = W(last);
  if (w.end >= doc_.text.length() || doc_.text[w.end] != u'.') return w.end;
  // Letters and dots alternating within the word ("U.S", "А.В": ICU keeps a dot between letters
  // inside a word), or a single letter after another and a dot ("A. B").
  bool dotted = w.end - w.begin >= 3;
  for (int32_t k = w.begin; k < w.end && dotted; ++k) {
    const bool letter_place = (k - w.begin) % 2 == 0;
    dotted = letter_place ? u_isalpha(doc_.text[k]) != 0 : doc_.text[k] == u'.';
  }
  dotted = dotted && (w.end - w.begin) % 2 == 1;
  const bool initials = last > first && w.end - w.begin == 1 && w.gap == Word::Gap::kDot &&
                        W(last - 1).end - W(last - 1).begin == 1;
  return dotted || initials ? w.end + 1 : w.end;
}

void DocumentScanner::EmitName(std::size_t i, std::size_t j, const LangCues& cues,
                               const std::string& cue_text, EntityType cue_type) {
  // Connectors never end a name.
  while (j > i + 1 && cues.connectors.count(W(j - 1).key) != 0 && !W(j - 1).capitalized) --j;
  const Word& first = W(i);
  int32_t begin = first.begin;
  // The dot of an abbreviation that ends the name: a second initial ("Гаврилова А.В.") or a
  // company's legal form ("Pfizer Inc.").
  int32_t end = EndWithInitialsDot(i, j - 1);
  if (end < doc_.text.length() && doc_.text[end] == u'.' && j - i >= 2) {
    const Word& last = W(j - 1);
    const bool legal_form =
        cues.org_end.count(last.key) != 0 && last.end - last.begin <= 4 && !last.all_caps;
    if (legal_form) ++end;
  }
  const std::size_t count = j - i;
  bool org = false;
  for (std::size_t k = i; k < j; ++k) org = org || cues.org_end.count(W(k).key) != 0;
  org = org || cues.org_start.count(first.key) != 0 || (count > 1 && cues.IsOrgHead(first.key));
  GazetteerEntry entry;
  const bool in_gazetteer = GazetteerAt(i, j, &entry) == j;
  // A surname's particles before it ("фон дер Лайен"): up to two lower-case words of the same
  // paragraph, separated by spaces alone.
  if (!org && !in_gazetteer) {
    for (std::size_t k = i; k > 0 && i - k < 2; --k) {
      const Word& particle = W(k - 1);
      if (W(k).gap != Word::Gap::kSpace || particle.paragraph != first.paragraph ||
          particle.capitalized || !particle.cased_script ||
          cues.leading_particles.count(particle.key) == 0) {
        break;
      }
      begin = particle.begin;
    }
  }
  if (!cue_text.empty() && cue_type == EntityType::kPerson && !org) {
    Emit(begin, end, EntityType::kPerson, 0.9f, 3, first.script, first.paragraph, cue_text);
  } else if (in_gazetteer) {
    Emit(begin, end, entry.type, 0.9f, 2, first.script, first.paragraph, cue_text, entry.canonical,
         count == 1 && first.all_caps && entry.type != EntityType::kPlace);
  } else if (!cue_text.empty() && !org) {
    Emit(begin, end, cue_type, 0.8f, 3, first.script, first.paragraph, cue_text);
  } else if (org) {
    if (count == 1 && !first.all_caps) return;  // "Council" alone is a common noun
    Emit(begin, end, EntityType::kOrg, 0.8f, 2, first.script, first.paragraph, cue_text);
  } else if (count == 1 && first.all_caps && end - begin <= 10) {
    Emit(begin, end, EntityType::kOrg, 0.4f, 1, first.script, first.paragraph, {}, {}, true);
  } else if (count >= 2 && cues.place_end.count(W(j - 1).key) != 0) {
    Emit(begin, end, EntityType::kPlace, 0.7f, 2, first.script, first.paragraph);
  } else if (count >= 2 && cues.misc_end.count(W(j - 1).key) != 0) {
    Emit(begin, end, EntityType::kMisc, 0.6f, 2, first.script, first.paragraph);
  } else if (count >= 2) {
    Emit(begin, end, EntityType::kPerson, 0.5f, 1, first.script, first.paragraph);
  } else {
    // One capitalised word with no other evidence. A word also written in lower case in the
    // batch is an ordinary word capitalised for emphasis or style.
    if (stats_.Lower(first.key) > 0) return;
    Emit(begin, end, EntityType::kMisc, 0.3f, 1, first.script, first.paragraph);
  }
}

}  // namespace crosswire::mentions
