// DateReader: the token helpers, the parts every date pattern shares (calendar names in the
// article's language, a day, a year, connectors), and the scan that tries the patterns at each
// token. See docs/ARCHITECTURE.md (dates).
#include "dates/date_reader.h"

#include <unicode/utf16.h>

#include <algorithm>

#include "text/language_tag.h"
#include "text/script.h"

namespace crosswire::dates {

DateReader::DateReader(const Tables& tables, const Document& doc)
    : tables_(tables),
      doc_(doc),
      folded_(Fold(doc.text)),
      uncertain_language_(doc.lang == "und" || doc.text.length() < kShortText) {
  Tokens tokens = Tokenize(folded_, doc.text, tables.calendar.unspaced);
  toks_ = std::move(tokens.toks);
  line_starts_ = std::move(tokens.line_starts);
  numeric_order_ = ArticleNumericOrder();
}

std::string DateReader::LanguageAt(int32_t fold_offset) const {
  const int32_t offset = fold_offset < static_cast<int32_t>(folded_.begin.size())
                             ? folded_.begin[fold_offset]
                             : doc_.text.length();
  // Paragraphs are in text order: the last one starting at or before the offset.
  auto after = std::upper_bound(doc_.paragraphs.begin(), doc_.paragraphs.end(), offset,
                                [](int32_t o, const Paragraph& p) { return o < p.utf16_begin; });
  if (after != doc_.paragraphs.begin()) {
    const Paragraph& p = *(after - 1);
    if (offset < p.utf16_end && p.lang != "und") return CldrLanguage(PrimaryLanguage(p.lang));
  }
  return CldrLanguage(PrimaryLanguage(doc_.lang));
}

NameHit DateReader::LookUp(int32_t b, int32_t e, const std::string& lang) const {
  const CalendarNames& calendar = tables_.calendar;
  NameHit hit;
  auto it = calendar.names.find(View(folded_, b, e));
  if (it == calendar.names.end()) return hit;
  const NameEntry* best = nullptr;
  int best_rank = 1 << 30;
  for (const NameEntry& entry : it->second) {
    // The article's own language first, then English (datelines of wire copy), then any other
    // locale in table order, which keeps the choice deterministic.
    int rank;
    if (calendar.locales[entry.locale] == lang) {
      rank = 0;
    } else if (entry.locale == calendar.english) {
      rank = 1;
    } else {
      rank = 2 + entry.locale;
    }
    if (rank < best_rank) {
      best_rank = rank;
      best = &entry;
    }
  }
  hit.entry = *best;
  hit.active_language = best_rank == 0;
  if (hit.active_language) {
    hit.found = true;
    return hit;
  }
  const bool day_word =
      hit.entry.kind == NameKind::kDayOrdinal || hit.entry.kind == NameKind::kDayCardinal;
  // When the language itself is in doubt (a sentence or two), a name of any locale is read as
  // long as every locale that has it reads it the same way: "oct", "jan", "set" are months
  // wherever they are names; "mar" (March, or Tuesday) is not.
  if (uncertain_language_) {
    const bool unambiguous = std::all_of(
        it->second.begin(), it->second.end(),
        [&](const NameEntry& e) { return e.kind == hit.entry.kind && e.value == hit.entry.value; });
    if (unambiguous &&
        (hit.entry.kind == NameKind::kMonth || hit.entry.kind == NameKind::kWeekday || day_word)) {
      hit.found = true;
      return hit;
    }
    // A month name that is also a spelled number somewhere ("set": September in Italian and
    // Portuguese, seven in Catalan) is still a month: day words are read only in the article's
    // own language, so they do not compete with it.
    const NameEntry* month = nullptr;
    bool months_agree = true;
    for (const NameEntry& e : it->second) {
      if (e.kind == NameKind::kDayCardinal || e.kind == NameKind::kDayOrdinal) continue;
      if (e.kind != NameKind::kMonth || (month && month->value != e.value)) months_agree = false;
      if (!month) month = &e;
    }
    if (month && months_agree) {
      hit.entry = *month;
      hit.found = true;
      return hit;
    }
  }
  // Outside the article's language only full month names are trusted: "mar", "so", "ma" are
  // abbreviations somewhere and words elsewhere; weekdays, relative words and numbers likewise.
  const bool known_language =
      std::find(calendar.locales.begin(), calendar.locales.end(), lang) != calendar.locales.end();
  if (day_word) return hit;
  if (hit.entry.abbreviated || hit.entry.kind != NameKind::kMonth) {
    // In an unknown language, full weekday names of any locale are still fair.
    if (known_language || hit.entry.abbreviated || hit.entry.kind != NameKind::kWeekday) {
      return hit;
    }
  }
  hit.found = true;
  return hit;
}

NameHit DateReader::LongestName(std::size_t i, std::size_t* end_tok) const {
  if (i >= toks_.size()) return NameHit();
  if (names_at_.empty()) names_at_.resize(toks_.size());
  KnownName& known = names_at_[i];
  if (known.state == KnownName::State::kUnknown) {
    std::size_t end = 0;
    known.hit = FindLongestName(i, &end);
    known.state = known.hit.found ? KnownName::State::kFound : KnownName::State::kNone;
    known.end_tok = end;
  }
  if (known.state == KnownName::State::kFound) *end_tok = known.end_tok;
  return known.hit;
}

NameHit DateReader::FindLongestName(std::size_t i, std::size_t* end_tok) const {
  const CalendarNames& calendar = tables_.calendar;
  NameHit best;
  if (i >= toks_.size() || toks_[i].kind != Tok::kWord) return best;
  if (!calendar.first_words.count(View(folded_, toks_[i].begin, toks_[i].end)) &&
      folded_.text[toks_[i].begin] != u'ב') {
    // Split Thai runs are whole names; other words must start one.
    if (!calendar.names.count(View(folded_, toks_[i].begin, toks_[i].end))) return best;
  }
  const std::string lang = LanguageAt(toks_[i].begin);
  // Up to max_name_words words, with punctuation and numbers between them ("aujourd'hui",
  // "tháng 9").
  std::size_t j = i;
  int words = 0;
  for (; j < toks_.size() && j < i + 3 * static_cast<std::size_t>(calendar.max_name_words); ++j) {
    if (j > i && toks_[j].space_before) ++words;
    if (words >= calendar.max_name_words) break;
    if (toks_[j].kind == Tok::kPunct && folded_.text[toks_[j].begin] == u'\n') break;
    NameHit hit = LookUp(toks_[i].begin, toks_[j].end, lang);
    if (hit.found) {
      best = hit;
      *end_tok = j + 1;
    }
  }
  // Hebrew writes "in September" as one word, בספטמבר: try the name without that prefix.
  if (!best.found && toks_[i].end - toks_[i].begin > 2 && folded_.text[toks_[i].begin] == u'ב') {
    NameHit hit = LookUp(toks_[i].begin + 1, toks_[i].end, lang);
    if (hit.found && hit.entry.kind == NameKind::kMonth) {
      best = hit;
      *end_tok = i + 1;
    }
  }
  // An abbreviation may carry its period ("sept.", "janv.").
  if (best.found && best.entry.abbreviated && IsPunct(*end_tok, u'.') &&
      !toks_[*end_tok].space_before) {
    ++*end_tok;
  }
  return best;
}

std::size_t DateReader::ReadDay(std::size_t i, int* day, SpelledDays spelled, bool* ordinal) const {
  if (ordinal) *ordinal = false;
  if (i < toks_.size() && toks_[i].kind == Tok::kWord && spelled != SpelledDays::kNone) {
    return ReadSpelledDay(i, day, spelled, ordinal);
  }
  if (i >= toks_.size() || toks_[i].kind != Tok::kNumber || toks_[i].digits > 2) return 0;
  if (toks_[i].value < 1 || toks_[i].value > 31) return 0;
  *day = toks_[i].value;
  std::size_t next = i + 1;
  if (next < toks_.size() && !toks_[next].space_before) {
    if (toks_[next].kind == Tok::kWord) {
      const std::u16string_view w = View(folded_, toks_[next].begin, toks_[next].end);
      if (tables_.words.ordinal_suffixes.contains(w)) {
        ++next;
        if (ordinal) *ordinal = true;
      } else {
        // Thai and CJK write the month straight after the number; elsewhere "13abc" is no day.
        UChar32 c;
        U16_GET(folded_.text.data(), 0, toks_[next].begin,
                static_cast<int32_t>(folded_.text.size()), c);
        const Script script = ScriptOf(c);
        if (!IsDictionaryScript(script) && script != Script::kHangul) return 0;
      }
    } else if (IsPunct(next, u'.')) {
      ++next;  // German, Nordic, Slavic "13."
      if (ordinal) *ordinal = true;
    } else if (IsPunct(next, u'-') && next + 1 < toks_.size() && IsWord(next + 1, u"го")) {
      next += 2;  // Russian "13-го"
    }
  }
  return next;
}

// A day number in words: ordinals anywhere ("the twenty-first", "primo"), cardinals where the
// caller allows them ("ventidue maggio"); "one" or "un" never, which are too often not a day.
std::size_t DateReader::ReadSpelledDay(std::size_t i, int* day, SpelledDays spelled,
                                       bool* ordinal) const {
  std::size_t after = 0;
  const NameHit hit = LongestName(i, &after);
  if (!hit.found) return 0;
  if (hit.entry.kind == NameKind::kDayOrdinal) {
    if (ordinal) *ordinal = true;
  } else if (hit.entry.kind != NameKind::kDayCardinal || spelled != SpelledDays::kAll ||
             hit.entry.value < 2 || !hit.active_language) {
    // Cardinals only in the article's own language: "on" is ten in Turkish, and "May" a Turkish
    // month too, so "on May 21" would be read as "10 May".
    return 0;
  }
  *day = hit.entry.value;
  return after;
}

int DateReader::SpelledLocale(std::size_t i) const {
  if (i >= toks_.size() || toks_[i].kind != Tok::kWord) return -1;
  std::size_t after = 0;
  const NameHit hit = LongestName(i, &after);
  return hit.found ? hit.entry.locale : -1;
}

bool DateReader::NameInLocale(std::size_t i, std::size_t end_tok, int locale) const {
  if (locale < 0) return true;
  if (end_tok > i + 1 && IsPunct(end_tok - 1, u'.')) --end_tok;  // "ago.": the name is "ago"
  auto it = tables_.calendar.names.find(View(folded_, toks_[i].begin, toks_[end_tok - 1].end));
  if (it == tables_.calendar.names.end()) return false;
  for (const NameEntry& e : it->second) {
    if (e.locale == locale) return true;
  }
  return false;
}

std::size_t DateReader::ReadYear(std::size_t i, int* year) const {
  bool buddhist = false;
  // Thai era markers: พ.ศ. (Buddhist era) and ค.ศ. (Common era) before the number.
  auto skip_era = [&](std::u16string_view first) {
    if (IsWord(i, first) && IsPunct(i + 1, u'.') && IsWord(i + 2, u"ศ")) {
      i += 3;
      if (IsPunct(i, u'.')) ++i;
      return true;
    }
    return false;
  };
  if (skip_era(u"พ")) {
    buddhist = true;
  } else {
    skip_era(u"ค");
  }
  if (i >= toks_.size() || toks_[i].kind != Tok::kNumber || toks_[i].digits != 4) return 0;
  int y = toks_[i].value;
  // A Thai year without its marker: 2567 is far beyond any Gregorian year in the news.
  if (y >= 2400 && y <= 2700 && (buddhist || LanguageAt(toks_[i].begin) == "th")) {
    buddhist = true;
  }
  if (buddhist) y -= 543;
  if (y < 1000 || y > 2200) return 0;
  // "2024-25" or "2024.5" continue as another number: not a year.
  if (i + 2 < toks_.size() && toks_[i + 2].kind == Tok::kNumber && !toks_[i + 1].space_before &&
      !toks_[i + 2].space_before && (IsPunct(i + 1, u'.') || IsPunct(i + 1, u','))) {
    return 0;
  }
  *year = y;
  return i + 1;
}

std::size_t DateReader::SkipConnectors(std::size_t i) const {
  // Words between the parts of a date (data/dates/<lang>.txt, [connector]), with the commas and
  // periods between them.
  for (int guard = 0; guard < 3 && i < toks_.size(); ++guard) {
    if (IsPunct(i, u',') || IsPunct(i, u'.')) {
      ++i;
    } else if (toks_[i].kind == Tok::kWord &&
               tables_.words.connectors.contains(View(folded_, toks_[i].begin, toks_[i].end))) {
      ++i;
      if (IsPunct(i, u'\'')) ++i;
    } else {
      break;
    }
  }
  return i;
}

// A bare year: a four-digit number between 1900 and 2100 standing alone.
bool DateReader::TryBareYear(std::size_t i, RawDate* out) const {
  int year = 0;
  if (toks_[i].kind != Tok::kNumber || ReadYear(i, &year) != i + 1 || year < 1900 || year > 2100) {
    return false;
  }
  const bool glued_before = i > 0 && !toks_[i].space_before && toks_[i - 1].kind != Tok::kPunct;
  const bool in_number = i > 1 && !toks_[i].space_before && toks_[i - 1].kind == Tok::kPunct &&
                         !toks_[i - 1].space_before && toks_[i - 2].kind == Tok::kNumber;
  if (glued_before || in_number) return false;
  out->form = RawDate::Form::kBareYear;
  out->year = year;
  out->precision = DatePrecision::kYear;
  out->fold_begin = toks_[i].begin;
  out->fold_end = toks_[i].end;
  return true;
}

void DateReader::PlaceOnLine(RawDate& raw) const {
  auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), raw.fold_begin);
  raw.line_index = static_cast<int>(line - line_starts_.begin()) - 1;
  const int32_t line_begin = *(line - 1);
  const int32_t line_end =
      line == line_starts_.end() ? static_cast<int32_t>(folded_.text.size()) : *line;
  // Count the letters and digits of the line outside the date.
  int other = 0;
  // Counting stops past the threshold: a long line costs no more than a short one per date.
  for (int32_t k = line_begin; k < line_end && other <= 20; ++k) {
    if ((k < raw.fold_begin || k >= raw.fold_end) &&
        (folded_.cls[k] == UnitClass::kLetter || folded_.cls[k] == UnitClass::kDigit)) {
      ++other;
    }
  }
  // "Published: September 25, 2023", "July 21, 2013, 2: 21 pm BST" but not a title such as
  // "Earthquake hits Sumatra on Sept. 30, 2009".
  raw.line_mostly_date = other <= 20;
}

std::vector<RawDate> DateReader::ReadAll() const {
  std::vector<RawDate> found = ReadCjk();
  std::size_t cjk = 0;  // the next CJK date at or after the token
  const std::size_t cjk_count = found.size();
  auto add = [&](RawDate& raw) {
    if (raw.form == RawDate::Form::kImpossible) return;
    found.push_back(raw);
  };
  for (std::size_t i = 0; i < toks_.size();) {
    // Tokens inside a CJK date are part of it.
    while (cjk < cjk_count && found[cjk].fold_end <= toks_[i].begin) ++cjk;
    if (cjk < cjk_count && found[cjk].fold_begin <= toks_[i].begin) {
      ++i;
      continue;
    }
    RawDate raw;
    std::size_t next = 0;
    if (TryNumeric(i, &raw, &next) || TryMixed(i, &raw, &next) || TryYearFirst(i, &raw, &next) ||
        TryNamed(i, &raw, &next)) {
      add(raw);
      i = std::max(next, i + 1);
      continue;
    }
    if (TryBareYear(i, &raw)) add(raw);
    ++i;
  }
  found.erase(std::remove_if(found.begin(), found.end(),
                             [](const RawDate& r) { return r.form == RawDate::Form::kImpossible; }),
              found.end());
  std::stable_sort(found.begin(), found.end(),
                   [](const RawDate& a, const RawDate& b) { return a.fold_begin < b.fold_begin; });
  for (RawDate& raw : found) PlaceOnLine(raw);
  return found;
}

}  // namespace crosswire::dates
