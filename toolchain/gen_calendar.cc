// gen_calendar OUTDIR
//
// Build-time tool: dumps, from the system ICU's CLDR data, what core/dates.cc needs to read dates in
// many languages without hand-written tables: month and weekday names (wide and abbreviated, format
// and stand-alone forms: Russian needs "сентября" as well as "сентябрь") and relative words
// ("yesterday", "hier", "вчера", "เมื่อวาน", "last year"). Writes OUTDIR/calendar.tsv:
//
//   locale <TAB> kind <TAB> value <TAB> name|name|...
//
// kind: "month" / "month-abbr" (value 1..12), "weekday" / "weekday-abbr" (value 1..7, 1 = Sunday as
// in ICU), "day" / "week-rel" / "month-rel" / "year-rel" (value = offset from the publication date,
// e.g. -1), "era" (Japanese eras, value = Gregorian year of the era's first year), "numeral" (Han
// numerals of zh and ja, value 0..9, 10, 100, 1000), "date-order" (value 0, the order of day,
// month and year in the locale's short date pattern: "dmy", "mdy" or "ymd"), "zone" (value 0:
// abbreviations of time zones, "PST", "BST", "CEST": three to five capital letters A-Z, the short
// names of the locale's metazones and zones; core/mentions reads them, written in capitals, as no
// names).
// Names are NFC and simply case-folded code point by code point, so that core/dates.cc can fold the
// article text the same way and keep a one-to-one offset map. Abbreviations are written without a
// trailing period; the reader accepts one.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/smpdtfmt.h>
#include <unicode/numsys.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/rbnf.h>
#include <unicode/reldatefmt.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

namespace {

// Major languages of news (en_GB adds "Sept");  the reader falls back to all of them for articles in other languages.
constexpr const char* kLocales[] = {
    "en", "en_GB", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "is", "et", "lv", "lt", "pl",
    "cs", "sk", "sl", "hr", "bs", "sr", "sr_Latn", "mk", "bg", "ru", "uk", "be", "ro", "hu", "el",
    "tr", "az", "ka", "hy", "kk", "uz", "ky", "mn", "he", "ar", "fa", "ur", "ps", "hi", "bn", "mr",
    "ta", "te", "kn", "ml", "gu", "pa", "ne", "si", "th", "lo", "km", "my", "vi", "id", "ms", "fil",
    "zh", "zh_Hant", "ja", "ko", "sw", "am", "ca", "eu", "gl", "sq", "ga", "cy", "af", "zu",
};

std::string Fold(const icu::UnicodeString& name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString normalized = U_SUCCESS(status) ? nfc->normalize(name, status) : name;
  icu::UnicodeString folded;
  for (int32_t i = 0; i < normalized.length();) {
    UChar32 c = normalized.char32At(i);
    // Spell-out rules mark where words may break with soft hyphens ("vent\u00ADunesimo").
    if (c != 0xAD) folded.append(static_cast<UChar32>(u_foldCase(c, U_FOLD_CASE_DEFAULT)));
    i += U16_LENGTH(c);
  }
  folded.trim();
  // Abbreviations such as "sept." or "janv." appear in text with or without the period.
  while (folded.length() > 1 && folded.endsWith(icu::UnicodeString(u"."))) {
    folded.truncate(folded.length() - 1);
  }
  std::string utf8;
  folded.toUTF8String(utf8);
  return utf8;
}

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}

  // Names already written for a locale, kind family and value are not repeated: many locales'
  // abbreviations are their full names ("mai", "juin"), which would only grow the table.
  void Add(const std::string& locale, const char* kind, int value,
           const std::vector<icu::UnicodeString>& names) {
    std::vector<std::string> unique;
    std::string family = kind;
    family = family.substr(0, family.find("-abbr"));
    std::set<std::string>& seen = written_[locale + "\t" + family + "\t" + std::to_string(value)];
    for (const icu::UnicodeString& name : names) {
      std::string folded = Fold(name);
      // Bare digits ("9" for September in some locales) would make every number a month.
      bool has_letter = false;
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(folded);
      for (int32_t i = 0; i < u.length(); ++i) has_letter |= u_isalpha(u.charAt(i)) != 0;
      const bool numeral = family == "numeral";  // one Han character each
      if (folded.empty() || (!has_letter && !numeral) || folded.find('\t') != std::string::npos) {
        continue;
      }
      // One-letter abbreviations ("h" for hétfő, 月 for 月曜日) would turn ordinary text into dates.
      if (u.countChar32() < 2 && !numeral) continue;
      if (seen.insert(folded).second) unique.push_back(folded);
    }
    if (unique.empty()) return;
    out_ << locale << '\t' << kind << '\t' << value << '\t';
    for (std::size_t i = 0; i < unique.size(); ++i) out_ << (i ? "|" : "") << unique[i];
    out_ << '\n';
  }

 private:
  std::ostream& out_;
  std::map<std::string, std::set<std::string>> written_;
};

// Months or weekdays of one width, both the format form ("13 сентября") and the stand-alone form.
void AddNames(Writer& writer, const std::string& locale, const icu::DateFormatSymbols& symbols,
              bool months, icu::DateFormatSymbols::DtWidthType width, const char* kind) {
  using Symbols = icu::DateFormatSymbols;
  std::vector<std::vector<icu::UnicodeString>> by_value(months ? 12 : 7);
  for (Symbols::DtContextType context : {Symbols::FORMAT, Symbols::STANDALONE}) {
    int32_t count = 0;
    const icu::UnicodeString* names = months ? symbols.getMonths(count, context, width)
                                             : symbols.getWeekdays(count, context, width);
    // Weekday arrays are 1-based (index 0 is empty).
    int first = months ? 0 : 1;
    for (int32_t i = first; i < count && i - first < static_cast<int32_t>(by_value.size()); ++i) {
      by_value[i - first].push_back(names[i]);
    }
  }
  for (std::size_t v = 0; v < by_value.size(); ++v) {
    writer.Add(locale, kind, static_cast<int>(v) + 1, by_value[v]);
  }
}

void AddRelative(Writer& writer, const std::string& locale, const icu::Locale& icu_locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu::RelativeDateTimeFormatter formatter(icu_locale, status);
  if (U_FAILURE(status)) return;
  struct Word {
    UDateDirection direction;
    UDateAbsoluteUnit unit;
    const char* kind;
    int value;
  };
  static constexpr Word kWords[] = {
      {UDAT_DIRECTION_LAST_2, UDAT_ABSOLUTE_DAY, "day", -2},
      {UDAT_DIRECTION_LAST, UDAT_ABSOLUTE_DAY, "day", -1},
      {UDAT_DIRECTION_THIS, UDAT_ABSOLUTE_DAY, "day", 0},
      {UDAT_DIRECTION_NEXT, UDAT_ABSOLUTE_DAY, "day", 1},
      {UDAT_DIRECTION_NEXT_2, UDAT_ABSOLUTE_DAY, "day", 2},
      {UDAT_DIRECTION_LAST, UDAT_ABSOLUTE_MONTH, "month-rel", -1},
      {UDAT_DIRECTION_THIS, UDAT_ABSOLUTE_MONTH, "month-rel", 0},
      {UDAT_DIRECTION_NEXT, UDAT_ABSOLUTE_MONTH, "month-rel", 1},
      {UDAT_DIRECTION_LAST, UDAT_ABSOLUTE_WEEK, "week-rel", -1},
      {UDAT_DIRECTION_THIS, UDAT_ABSOLUTE_WEEK, "week-rel", 0},
      {UDAT_DIRECTION_NEXT, UDAT_ABSOLUTE_WEEK, "week-rel", 1},
      {UDAT_DIRECTION_LAST, UDAT_ABSOLUTE_YEAR, "year-rel", -1},
      {UDAT_DIRECTION_THIS, UDAT_ABSOLUTE_YEAR, "year-rel", 0},
      {UDAT_DIRECTION_NEXT, UDAT_ABSOLUTE_YEAR, "year-rel", 1},
  };
  for (const Word& word : kWords) {
    icu::UnicodeString text;
    UErrorCode word_status = U_ZERO_ERROR;
    formatter.format(word.direction, word.unit, text, word_status);
    // Locales without a word for "the day before yesterday" give an empty string.
    if (U_FAILURE(word_status) || text.isEmpty()) continue;
    writer.Add(locale, word.kind, word.value, {text});
  }
}

// Day numbers 1..31 in words, from every public spell-out rule set that spells cardinals or
// ordinals (not years, not the verbose variants), so that "the twenty-first of May" and
// "ventidue maggio" read as days. Locales written without spaces are left out: their numerals
// would be cut out of every run of text.
void AddDayWords(Writer& writer, const std::string& locale, const icu::Locale& icu_locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat spellout(icu::URBNF_SPELLOUT, icu_locale, status);
  if (U_FAILURE(status)) return;
  std::vector<icu::UnicodeString> ordinals[32], cardinals[32];
  for (int32_t k = 0; k < spellout.getNumberOfRuleSetNames(); ++k) {
    std::string rule_set;
    spellout.getRuleSetName(k).toUTF8String(rule_set);
    const bool ordinal = rule_set.find("spellout-ordinal") != std::string::npos;
    const bool cardinal = rule_set.find("spellout-cardinal") != std::string::npos ||
                          rule_set == "%spellout-numbering";
    if ((!ordinal && !cardinal) || rule_set.find("verbose") != std::string::npos) continue;
    UErrorCode set_status = U_ZERO_ERROR;
    spellout.setDefaultRuleSet(spellout.getRuleSetName(k), set_status);
    if (U_FAILURE(set_status)) continue;
    for (int day = 1; day <= 31; ++day) {
      icu::UnicodeString text;
      spellout.format(static_cast<int32_t>(day), text);
      UChar32 first = text.char32At(0);
      if (text.isEmpty() || u_isdigit(first)) continue;
      UErrorCode script_status = U_ZERO_ERROR;
      const UScriptCode script = uscript_getScript(first, &script_status);
      if (script == USCRIPT_HAN || script == USCRIPT_THAI || script == USCRIPT_LAO ||
          script == USCRIPT_KHMER || script == USCRIPT_MYANMAR || script == USCRIPT_HIRAGANA ||
          script == USCRIPT_KATAKANA) {
        continue;
      }
      (ordinal ? ordinals : cardinals)[day].push_back(text);
    }
  }
  for (int day = 1; day <= 31; ++day) {
    writer.Add(locale, "day-ordinal", day, ordinals[day]);
    writer.Add(locale, "day-cardinal", day, cardinals[day]);
  }
}

// The eras of the Japanese calendar (平成, 昭和, ... back to 大化), value = the Gregorian year of
// each era's first year, so that 平成22年 reads as 2010.
void AddEras(Writer& writer, const std::string& locale) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale icu_locale((locale + "@calendar=japanese").c_str());
  std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(icu_locale, status));
  icu::DateFormatSymbols symbols(icu_locale, "japanese", status);
  if (U_FAILURE(status)) return;
  int32_t count = 0;
  const icu::UnicodeString* names = symbols.getEraNames(count);
  for (int32_t era = 0; era < count; ++era) {
    if (names[era].length() < 2) continue;
    calendar->clear();
    calendar->set(UCAL_ERA, era);
    calendar->set(UCAL_YEAR, 1);
    UErrorCode year_status = U_ZERO_ERROR;
    const int32_t year = calendar->get(UCAL_EXTENDED_YEAR, year_status);
    if (U_FAILURE(year_status)) continue;
    writer.Add(locale, "era", year, {names[era]});
  }
}

// Numerals written with Han characters (一, 十, 〇): the digits of the "hanidec" numbering
// system and what the locale's spell-out rules write for 0..9 and the multipliers 10, 100, 1000,
// so that 二〇〇九年十月十二日 and 二十二 read as numbers.
void AddHanNumerals(Writer& writer, const std::string& locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::NumberingSystem> hanidec(
      icu::NumberingSystem::createInstanceByName("hanidec", status));
  if (U_SUCCESS(status)) {
    const icu::UnicodeString digits = hanidec->getDescription();
    for (int32_t d = 0; d < digits.length() && d < 10; ++d) {
      writer.Add(locale, "numeral", d, {icu::UnicodeString(digits.char32At(d))});
    }
  }
  icu::RuleBasedNumberFormat spellout(icu::URBNF_SPELLOUT, icu::Locale(locale.c_str()), status);
  if (U_FAILURE(status)) return;
  // Every cardinal rule set: 零 and 〇, 二 and 两 (二千, 两千) are both written.
  for (int32_t k = 0; k < spellout.getNumberOfRuleSetNames(); ++k) {
    std::string rule_set;
    spellout.getRuleSetName(k).toUTF8String(rule_set);
    if (rule_set.find("spellout-cardinal") == std::string::npos &&
        rule_set != "%spellout-numbering") {
      continue;
    }
    if (rule_set.find("financial") != std::string::npos) continue;  // 壹, 贰: cheques, not dates
    UErrorCode set_status = U_ZERO_ERROR;
    spellout.setDefaultRuleSet(spellout.getRuleSetName(k), set_status);
    if (U_FAILURE(set_status)) continue;
    for (int value : {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 1000}) {
      // 100 is written 一百 and 2000 两千: the digit or multiplier is the last character, or the
      // first of a multiple of a thousand.
      icu::UnicodeString text, thousands;
      spellout.format(static_cast<int32_t>(value), text);
      if (!text.isEmpty()) {
        writer.Add(locale, "numeral", value, {icu::UnicodeString(text.char32At(text.length() - 1))});
      }
      if (value >= 2 && value <= 9) {  // 1000 is 千 alone
        spellout.format(static_cast<int32_t>(value * 1000), thousands);
        if (!thousands.isEmpty()) {
          writer.Add(locale, "numeral", value, {icu::UnicodeString(thousands.char32At(0))});
        }
      }
    }
  }
}

// The order of day, month and year in the locale's short date pattern ("M/d/yy" -> "mdy",
// "y/MM/dd" -> "ymd"): how the locale writes numeric dates.
void AddDateOrder(Writer& writer, const std::string& locale, const icu::Locale& icu_locale) {
  std::unique_ptr<icu::DateFormat> format(
      icu::DateFormat::createDateInstance(icu::DateFormat::kShort, icu_locale));
  auto* simple = dynamic_cast<icu::SimpleDateFormat*>(format.get());
  if (simple == nullptr) return;
  icu::UnicodeString pattern;
  simple->toPattern(pattern);
  std::string order;
  bool quoted = false;
  for (int32_t i = 0; i < pattern.length(); ++i) {
    const char16_t c = pattern.charAt(i);
    if (c == u'\'') quoted = !quoted;
    if (quoted) continue;
    const char part = c == u'y' ? 'y' : c == u'M' || c == u'L' ? 'm' : c == u'd' ? 'd' : 0;
    if (part && order.find(part) == std::string::npos) order += part;
  }
  if (order.size() == 3) writer.Add(locale, "date-order", 0, {icu::UnicodeString(order.c_str())});
}

}  // namespace

// Abbreviations of time zones in the locale: the short standard, daylight and generic names of
// every metazone and zone that are three to five capital letters ("PST", "BST", "CEST"; not
// "GMT+3").
void AddZones(Writer& writer, const std::string& locale, const icu::Locale& icu_locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> names(icu::TimeZoneNames::createInstance(icu_locale, status));
  if (U_FAILURE(status)) return;
  std::vector<icu::UnicodeString> found;
  auto keep = [&](const icu::UnicodeString& name) {
    if (name.length() < 3 || name.length() > 5) return;
    for (int32_t i = 0; i < name.length(); ++i) {
      if (name.charAt(i) < u'A' || name.charAt(i) > u'Z') return;
    }
    found.push_back(name);
  };
  constexpr UTimeZoneNameType kShort[] = {UTZNM_SHORT_STANDARD, UTZNM_SHORT_DAYLIGHT,
                                          UTZNM_SHORT_GENERIC};
  std::unique_ptr<icu::StringEnumeration> metazones(names->getAvailableMetaZoneIDs(status));
  for (const icu::UnicodeString* id = metazones && U_SUCCESS(status) ? metazones->snext(status)
                                                                      : nullptr;
       id != nullptr && U_SUCCESS(status); id = metazones->snext(status)) {
    for (UTimeZoneNameType type : kShort) {
      icu::UnicodeString name;
      keep(names->getMetaZoneDisplayName(*id, type, name));
    }
  }
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createEnumeration(status));
  for (const icu::UnicodeString* id = zones && U_SUCCESS(status) ? zones->snext(status) : nullptr;
       id != nullptr && U_SUCCESS(status); id = zones->snext(status)) {
    for (UTimeZoneNameType type : kShort) {
      icu::UnicodeString name;
      keep(names->getTimeZoneDisplayName(*id, type, name));
    }
  }
  writer.Add(locale, "zone", 0, found);
}

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: gen_calendar OUTDIR\n";
    return 2;
  }
  std::string path = std::string(argv[1]) + "/calendar.tsv";
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    std::cerr << "gen_calendar: cannot write " << path << "\n";
    return 1;
  }
  out << "# Generated by toolchain/gen_calendar.cc from ICU " << U_ICU_VERSION
      << " CLDR data. locale\tkind\tvalue\tnames\n";
  Writer writer(out);
  using Symbols = icu::DateFormatSymbols;
  for (const char* name : kLocales) {
    std::string locale = name;
    // The Gregorian calendar explicitly: fa defaults to the Persian one, th to the Buddhist one.
    icu::Locale icu_locale((locale + "@calendar=gregorian").c_str());
    UErrorCode status = U_ZERO_ERROR;
    Symbols symbols(icu_locale, status);
    if (U_FAILURE(status)) {
      std::cerr << "gen_calendar: no calendar data for " << locale << ": " << u_errorName(status)
                << "\n";
      return 1;
    }
    AddNames(writer, locale, symbols, true, Symbols::WIDE, "month");
    AddNames(writer, locale, symbols, true, Symbols::ABBREVIATED, "month-abbr");
    AddNames(writer, locale, symbols, false, Symbols::WIDE, "weekday");
    AddNames(writer, locale, symbols, false, Symbols::ABBREVIATED, "weekday-abbr");
    AddRelative(writer, locale, icu_locale);
    AddDayWords(writer, locale, icu::Locale(name));
    AddDateOrder(writer, locale, icu_locale);
    AddZones(writer, locale, icu::Locale(name));
    if (locale == "ja") AddEras(writer, locale);
    if (locale == "zh" || locale == "zh_Hant" || locale == "ja") AddHanNumerals(writer, locale);
  }
  out.close();
  if (!out) {
    std::cerr << "gen_calendar: failed writing " << path << "\n";
    return 1;
  }
  return 0;
}
