// gen_places OUTDIR: dumps CLDR place names from the system ICU into OUTDIR/places.tsv, in the
// aliases format (docs/ARCHITECTURE.md) (TYPE<TAB>English name<TAB>variant<TAB>...), for the gazetteer.
//
// Sources, all from CLDR through ICU:
//   - region display names (Locale("", "BY").getDisplayCountry(locale); Locale("BY") would be the
//     language "by"), plus the continents and sub-continents news talks about;
//   - time-zone exemplar city names (TimeZoneNames::getExemplarLocationName).
// Supranational regions that are organisations (EU, UN) are written as ORG rows.
//
// The table ships in the browser, so it is kept small: one row per place, variants de-duplicated
// after case and diacritic folding (the gazetteer looks up folded keys too), and only the locales
// in kLocales are dumped.
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/uscript.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

// 60 languages: the most used languages of the news (UN, EU and large national languages of
// every continent), including every script the core segments. Every one gives region names; the
// time-zone cities (about 420, many of them small) are dumped only for the languages marked
// `cities`, since cities in the other scripts cost ~10 KB each and are rarely written there.
struct LocaleChoice {
  const char* id;
  bool cities;
};
constexpr LocaleChoice kLocales[] = {
    // Latin script (cheap: most city names repeat the English one and fold away).
    {"en", true},
    {"fr", true},
    {"de", true},
    {"es", true},
    {"it", true},
    {"pt", true},
    {"nl", true},
    {"sv", true},
    {"da", true},
    {"nb", true},
    {"fi", true},
    {"pl", true},
    {"cs", true},
    {"sk", true},
    {"sl", true},
    {"hr", true},
    {"sr_Latn", true},
    {"bs", true},
    {"ro", true},
    {"hu", true},
    {"tr", true},
    {"et", true},
    {"lv", true},
    {"lt", true},
    {"sq", true},
    {"ca", true},
    {"vi", true},
    {"id", true},
    {"ms", true},
    {"fil", true},
    {"az", true},
    {"uz", true},
    {"sw", true},
    {"af", true},
    {"is", false},
    {"ga", false},
    // Cyrillic, Greek, Armenian, Georgian.
    {"ru", true},
    {"uk", true},
    {"be", false},
    {"bg", true},
    {"sr", false},
    {"mk", false},
    {"kk", false},
    {"mn", false},
    {"el", true},
    {"hy", false},
    {"ka", false},
    // Arabic script, Hebrew.
    {"ar", true},
    {"fa", true},
    {"ur", false},
    {"he", true},
    // Indic and South-East Asian scripts.
    {"hi", true},
    {"bn", false},
    {"ta", false},
    {"th", true},
    {"lo", false},
    {"km", false},
    {"my", false},
    // Han, Kana, Hangul.
    {"zh", true},
    {"zh_Hant", false},
    {"ja", true},
    {"ko", true}};

// Macro-regions (UN M.49 codes CLDR names) that appear in news as places.
constexpr const char* kMacroRegions[] = {"002", "005", "009", "013", "015", "019", "021",
                                         "029", "030", "034", "035", "142", "145", "150",
                                         "151", "154", "155", "039", "053", "202"};
// CLDR regions that are organisations rather than places.
constexpr const char* kOrgRegions[] = {"EU", "UN"};
// Pseudo and unspecified regions: not places one can name.
const std::set<std::string> kSkipRegions = {"ZZ", "XA", "XB", "QO", "AQ"};

struct Row {
  std::string type;
  std::string english;
  std::vector<std::string> variants;
  std::set<std::string> seen;  // folded keys of english + variants
};

class Folder {
 public:
  Folder() {
    UErrorCode status = U_ZERO_ERROR;
    casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    nfd_ = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) casefold_ = nfd_ = nullptr;
  }
  bool ok() const { return casefold_ != nullptr; }
  // Case- and diacritic-folded key, as the gazetteer's fallback lookup computes it (core's
  // FoldedKey): marks go only on Latin, Cyrillic and Greek letters; in other scripts they are
  // letters.
  std::string Key(const icu::UnicodeString& name) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed = nfd_->normalize(casefold_->normalize(name, status), status);
    icu::UnicodeString stripped;
    UScriptCode base_script = USCRIPT_COMMON;
    for (int32_t i = 0; i < decomposed.length();) {
      UChar32 c = decomposed.char32At(i);
      i += U16_LENGTH(c);
      if (u_charType(c) == U_NON_SPACING_MARK) {
        if (base_script == USCRIPT_LATIN || base_script == USCRIPT_CYRILLIC ||
            base_script == USCRIPT_GREEK) {
          continue;
        }
      } else {
        base_script = uscript_getScript(c, &status);
      }
      stripped.append(c);
    }
    std::string out;
    stripped.toUTF8String(out);
    return out;
  }

 private:
  const icu::Normalizer2* casefold_ = nullptr;
  const icu::Normalizer2* nfd_ = nullptr;
};

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Names with a tab, newline or '#' would break the aliases format; none are expected.
bool Writable(const std::string& s) {
  return !s.empty() && s.find_first_of("\t\n\r#") == std::string::npos;
}

class Table {
 public:
  explicit Table(const Folder& folder) : folder_(folder) {}

  // Returns the row for an English name, creating it; rows with the same English name merge
  // (the city-state Singapore and the region Singapore are one place).
  Row& RowFor(const std::string& type, const icu::UnicodeString& english) {
    std::string name = Utf8(english);
    auto it = rows_.find(name);
    if (it == rows_.end()) {
      it = rows_.emplace(name, Row{type, name, {}, {}}).first;
      it->second.seen.insert(folder_.Key(english));
      order_.push_back(name);
    }
    return it->second;
  }
  void AddVariant(Row& row, const icu::UnicodeString& variant) {
    std::string text = Utf8(variant);
    if (!Writable(text)) return;
    // Short alphabetic variants ("FN" for the UN in Danish, "Man", "Rom", "Nga") collide with
    // acronyms and words of other languages. Short names in Thai, Han, Arabic... ("จีน", "伊朗")
    // are whole words there and stay.
    if (variant.countChar32() < 4) {
      UErrorCode status = U_ZERO_ERROR;
      UScriptCode script = uscript_getScript(variant.char32At(0), &status);
      if (script == USCRIPT_LATIN || script == USCRIPT_CYRILLIC || script == USCRIPT_GREEK) return;
    }
    if (row.seen.insert(folder_.Key(variant)).second) row.variants.push_back(text);
  }
  // A variant that names two places ("Cuba" is Juba in Azerbaijani) would mislead the gazetteer:
  // it is kept only in the row whose English name it is, and dropped when no row owns it.
  void DropAmbiguous() {
    std::map<std::string, int> rows_with_key;
    for (const auto& [name, row] : rows_) {
      for (const std::string& key : row.seen) ++rows_with_key[key];
    }
    for (auto& [name, row] : rows_) {
      std::string own_key = folder_.Key(icu::UnicodeString::fromUTF8(row.english));
      std::vector<std::string> kept;
      for (const std::string& variant : row.variants) {
        std::string key = folder_.Key(icu::UnicodeString::fromUTF8(variant));
        bool ambiguous = rows_with_key[key] > 1 && key != own_key;
        if (!ambiguous) kept.push_back(variant);
      }
      row.variants = std::move(kept);
    }
  }

  bool Write(const std::string& path) const {
    std::ofstream out(path, std::ios::binary);
    out << "# Generated by toolchain/gen_places.cc from CLDR (ICU " << U_ICU_VERSION
        << "): region and time-zone city names.\n";
    for (const std::string& name : order_) {
      const Row& row = rows_.at(name);
      if (!Writable(row.english)) continue;
      out << row.type << '\t' << row.english;
      for (const std::string& v : row.variants) out << '\t' << v;
      out << '\n';
    }
    return static_cast<bool>(out);
  }

 private:
  const Folder& folder_;
  std::map<std::string, Row> rows_;
  std::vector<std::string> order_;  // first-seen order, so the output is stable and readable
};

// The name before a parenthesis: "Myanmar (Burma)" -> "Myanmar", "Congo (DRC)" -> "Congo (DRC)"
// stays whole only when nothing precedes it. Names in running text have no parentheses.
icu::UnicodeString BeforeParenthesis(const icu::UnicodeString& name) {
  int32_t open = name.indexOf(u'(');
  if (open <= 0) return name;
  icu::UnicodeString head(name, 0, open);
  return head.trim();
}

// CLDR's alternative region names ("Countries%short": Hong Kong, "Countries%variant": Ivory Coast,
// Czech Republic, Türkiye) from the region bundle of `locale`.
std::vector<icu::UnicodeString> AlternativeNames(const char* locale, const char* code,
                                                 bool short_only = false) {
  std::vector<icu::UnicodeString> names;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-region", locale, &status);
  for (const char* table : {"Countries%short", "Countries%variant"}) {
    if (short_only && std::string_view(table) != "Countries%short") continue;
    UErrorCode table_status = status;
    UResourceBundle* names_table = ures_getByKey(bundle, table, nullptr, &table_status);
    int32_t length = 0;
    const UChar* name = ures_getStringByKey(names_table, code, &length, &table_status);
    if (U_SUCCESS(table_status)) names.emplace_back(name, length);
    ures_close(names_table);
  }
  ures_close(bundle);
  return names;
}

void AddRegion(Table& table, const std::string& type, const char* code) {
  icu::Locale region("", code);
  icu::UnicodeString long_name;
  region.getDisplayCountry(icu::Locale::getEnglish(), long_name);
  // ICU falls back to the code itself when it has no name.
  if (long_name.isEmpty() || long_name == icu::UnicodeString(code)) return;
  // The English short form is the better display name ("Hong Kong" for "Hong Kong SAR China"),
  // unless it is an abbreviation ("UK").
  icu::UnicodeString english = BeforeParenthesis(long_name);
  std::vector<icu::UnicodeString> english_alternatives =
      AlternativeNames("en", code, /*short_only=*/true);
  if (!english_alternatives.empty() && english_alternatives.front().length() >= 4 &&
      english_alternatives.front().indexOf(u'(') < 0) {
    english = english_alternatives.front();
  }
  Row& row = table.RowFor(type, english);
  table.AddVariant(row, BeforeParenthesis(long_name));
  for (const LocaleChoice& locale : kLocales) {
    icu::UnicodeString name;
    region.getDisplayCountry(icu::Locale(locale.id), name);
    if (!name.isEmpty() && name != icu::UnicodeString(code)) {
      table.AddVariant(row, BeforeParenthesis(name));
    }
    for (const icu::UnicodeString& alternative : AlternativeNames(locale.id, code)) {
      table.AddVariant(row, BeforeParenthesis(alternative));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: gen_places OUTDIR\n";
    return 2;
  }
  Folder folder;
  if (!folder.ok()) {
    std::cerr << "gen_places: ICU normalizer data unavailable\n";
    return 1;
  }
  Table table(folder);

  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    if (kSkipRegions.count(*code) != 0) continue;
    AddRegion(table, "PLACE", *code);
  }
  for (const char* code : kMacroRegions) AddRegion(table, "PLACE", code);
  for (const char* code : kOrgRegions) AddRegion(table, "ORG", code);

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createTimeZoneIDEnumeration(
      UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
  std::vector<std::unique_ptr<icu::TimeZoneNames>> names;
  std::unique_ptr<icu::TimeZoneNames> english_names(
      icu::TimeZoneNames::createInstance(icu::Locale::getEnglish(), status));
  for (const LocaleChoice& locale : kLocales) {
    if (!locale.cities) continue;
    names.emplace_back(icu::TimeZoneNames::createInstance(icu::Locale(locale.id), status));
  }
  if (U_FAILURE(status)) {
    std::cerr << "gen_places: ICU time-zone data unavailable: " << u_errorName(status) << "\n";
    return 1;
  }
  std::vector<icu::UnicodeString> zone_ids;
  while (const icu::UnicodeString* id = zones->snext(status)) {
    if (U_FAILURE(status)) break;
    zone_ids.push_back(*id);
  }
  for (const icu::UnicodeString& id : zone_ids) {
    // Etc/ zones are not places; Antarctic and Arctic zones are research stations named after
    // people (Casey, Davis, Palmer); the US county-level zones are small towns whose names are
    // common words or surnames (Center, Knox, Vincennes).
    if (id.startsWith(u"Etc/") || id.startsWith(u"Antarctica/") || id.startsWith(u"Arctic/") ||
        id.startsWith(u"America/Indiana/") || id.startsWith(u"America/North_Dakota/") ||
        id.startsWith(u"America/Kentucky/")) {
      continue;
    }
    icu::UnicodeString english;
    english_names->getExemplarLocationName(id, english);
    if (english.isEmpty()) continue;
    Row& row = table.RowFor("PLACE", english);
    for (const auto& locale_names : names) {
      icu::UnicodeString city;
      locale_names->getExemplarLocationName(id, city);
      if (!city.isEmpty()) table.AddVariant(row, city);
    }
  }

  table.DropAmbiguous();
  std::string path = std::string(argv[1]) + "/places.tsv";
  if (!table.Write(path)) {
    std::cerr << "gen_places: cannot write " << path << "\n";
    return 1;
  }
  return 0;
}
