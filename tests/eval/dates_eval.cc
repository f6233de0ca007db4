// Date reading on the Recognizers-Text DateTime specs (devdata/dates/<Language>/), as issue 14
// defines the measure:
// - cases: gold dates (`datetimeV2.date` in DateTimeModel.json, `date` in DateParser.json) whose
//   text names a month (a CLDR month name of the language, or a CJK 月/월), a weekday with a day
//   number, or is a full numeric date; numeric dates whose day and month are both <= 12 (and
//   whose year is not written first) are left out as ambiguous;
// - each entry's Input is analysed alone as one article, its language identified by the analyzer,
//   its ReferenceDateTime given as the assumed publication date;
// - found: a case overlapped by an extracted date whose value is one of the gold resolutions;
// - false: an extracted date overlapping no gold span of its entry (any type); in entries whose
//   gold is unresolvable ("not resolved", year 0001) every extracted date is false.
// Precision = found / (found + false), recall = found / cases. Micro F1 is over Italian, Dutch,
// Swedish, Turkish, English (other locales), Chinese and Japanese; Arabic, Hindi and Korean are
// reported beside them.
//   usage: dates_eval DEVDATA_DIR [--show LANGUAGE]   (--show lists misses and false dates)
#include <unicode/dtfmtsym.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "crosswire/analyzer.h"
#include "eval/json_value.h"

namespace {

using crosswire::eval::JsonReader;
using crosswire::eval::JsonValue;

struct Language {
  std::string folder;
  std::string locale;
  bool in_micro;
};

const Language kLanguages[] = {
    {"Italian", "it", true},  {"Dutch", "nl", true},    {"Swedish", "sv", true},
    {"Turkish", "tr", true},  {"EnglishOthers", "en", true}, {"Chinese", "zh", true},
    {"Japanese", "ja", true}, {"Arabic", "ar", false},  {"Hindi", "hi", false},
    {"Korean", "ko", false},
};

struct Gold {
  int32_t begin = 0, end = 0;  // UTF-16
  std::string text;
  bool is_date = false;
  std::set<std::string> values;  // YYYY-MM-DD
};

struct Entry {
  std::string input;
  std::string reference;  // YYYY-MM-DD
  std::vector<Gold> gold;
  bool unresolvable = false;
};

int32_t Utf16Length(const std::string& s) {
  return icu::UnicodeString::fromUTF8(s).length();
}

void AddValue(const std::string& v, Gold* g, Entry* e) {
  if (v == "not resolved" || v.rfind("0001", 0) == 0) e->unresolvable = true;
  static const std::regex kDay(R"(\d{4}-\d{2}-\d{2}.*)");
  if (std::regex_match(v, kDay)) g->values.insert(v.substr(0, 10));
}

// One Results item of DateTimeModel.json (TypeName, Resolution.values) or DateParser.json (Type,
// Value.FutureResolution/PastResolution).
Gold ReadGold(const JsonValue& r, Entry* e) {
  Gold g;
  g.text = r.StringOr("Text");
  g.begin = static_cast<int32_t>(r.NumberAt("Start").value_or(0));
  g.end = g.begin + Utf16Length(g.text);
  const std::string type = r.StringOr("TypeName", r.StringOr("Type"));
  g.is_date = type == "datetimeV2.date" || type == "date";
  if (const JsonValue* res = r.Get("Resolution"); res && res->Get("values")) {
    for (const JsonValue& v : res->Get("values")->array) {
      AddValue(v.StringOr("value"), &g, e);
    }
  }
  if (const JsonValue* val = r.Get("Value")) {
    for (const char* key : {"FutureResolution", "PastResolution"}) {
      if (const JsonValue* side = val->Get(key)) AddValue(side->StringOr("date"), &g, e);
    }
  }
  return g;
}

std::vector<Entry> ReadSpec(const std::string& path) {
  std::vector<Entry> entries;
  const std::string bytes = crosswire::bench::ReadAll(path);
  if (bytes.empty()) return entries;
  std::optional<JsonValue> doc = JsonReader(bytes).Read();
  if (!doc) {
    std::fprintf(stderr, "dates_eval: %s is not JSON\n", path.c_str());
    return entries;
  }
  for (const JsonValue& item : doc->array) {
    Entry e;
    e.input = item.StringOr("Input");
    if (const JsonValue* ctx = item.Get("Context")) {
      e.reference = ctx->StringOr("ReferenceDateTime").substr(0, 10);
    }
    if (const JsonValue* results = item.Get("Results")) {
      for (const JsonValue& r : results->array) e.gold.push_back(ReadGold(r, &e));
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

// Month and weekday names of a locale (CLDR through ICU), case-folded.
struct CalendarWords {
  std::vector<icu::UnicodeString> months, weekdays;
};

CalendarWords LoadWords(const std::string& locale) {
  CalendarWords w;
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(icu::Locale(locale.c_str()), status);
  using S = icu::DateFormatSymbols;
  for (S::DtContextType context : {S::FORMAT, S::STANDALONE}) {
    for (S::DtWidthType width : {S::WIDE, S::ABBREVIATED}) {
      int32_t n = 0;
      const icu::UnicodeString* months = symbols.getMonths(n, context, width);
      for (int32_t k = 0; k < n; ++k) w.months.push_back(icu::UnicodeString(months[k]).foldCase());
      const icu::UnicodeString* days = symbols.getWeekdays(n, context, width);
      for (int32_t k = 1; k < n; ++k) w.weekdays.push_back(icu::UnicodeString(days[k]).foldCase());
    }
  }
  return w;
}

// Whether `text` holds one of `names` as a whole word (names in scripts without spaces anywhere).
bool HasName(const icu::UnicodeString& text, const std::vector<icu::UnicodeString>& names) {
  for (const icu::UnicodeString& name : names) {
    if (name.length() < 2) continue;
    const bool alphabetic = u_isalpha(name.char32At(0)) && name.char32At(0) < 0x2E80;
    for (int32_t at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const int32_t after = at + name.length();
      if (!alphabetic) return true;
      const bool starts = at == 0 || !u_isalpha(text.char32At(at - 1));
      const bool ends = after >= text.length() || !u_isalpha(text.char32At(after)) ||
                        text[after - 1] == u'.';
      if (starts && ends) return true;
    }
  }
  return false;
}

enum class CaseKind { kNone, kCase, kAmbiguous };

CaseKind Classify(const Gold& g, const CalendarWords& words) {
  if (!g.is_date || g.values.empty()) return CaseKind::kNone;
  static const std::regex kNumeric(R"((\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4}))");
  static const std::regex kDayNumber(R"((^|\D)([1-9]|[12]\d|3[01])(\D|$))");
  std::smatch m;
  if (std::regex_search(g.text, m, kNumeric)) {
    const std::string& v = *g.values.begin();
    const int month = std::stoi(v.substr(5, 2)), day = std::stoi(v.substr(8, 2));
    const bool year_first = m[1].length() == 4;
    return !year_first && month <= 12 && day <= 12 ? CaseKind::kAmbiguous : CaseKind::kCase;
  }
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(g.text).foldCase();
  if (text.indexOf(u'月') >= 0 || text.indexOf(u'월') >= 0) return CaseKind::kCase;
  if (HasName(text, words.months)) return CaseKind::kCase;
  if (HasName(text, words.weekdays) && std::regex_search(g.text, kDayNumber)) {
    return CaseKind::kCase;
  }
  return CaseKind::kNone;
}

struct Tally {
  int entries = 0, cases = 0, found = 0, falses = 0, ambiguous = 0, lang_ok = 0;
  double Precision() const { return found + falses ? 1.0 * found / (found + falses) : 0; }
  double Recall() const { return cases ? 1.0 * found / cases : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Analysers by reference date: the publication date is an option fixed at creation.
class Analysers {
 public:
  crosswire::Analyzer& For(const std::string& reference) {
    std::unique_ptr<crosswire::Analyzer>& a = by_reference_[reference];
    if (!a) {
      crosswire::Options options;
      options.assumed_published = reference;
      a = std::move(crosswire::Analyzer::Create(options)).value();
    }
    a->Clear();
    return *a;
  }

 private:
  std::map<std::string, std::unique_ptr<crosswire::Analyzer>> by_reference_;
};

bool Overlaps(int32_t b1, int32_t e1, int32_t b2, int32_t e2) { return b1 < e2 && b2 < e1; }

void Score(const Entry& e, const CalendarWords& words, const std::string& locale, bool show,
           Analysers& analysers, Tally* t) {
  crosswire::Analyzer& analyzer = analysers.For(e.reference);
  if (!analyzer.AddArticle("entry", e.input).ok()) return;
  const crosswire::Analysis analysis = analyzer.Analyze();
  if (analysis.articles.empty()) return;
  const crosswire::ArticleResult& article = analysis.articles.front();
  ++t->entries;
  if (article.lang.rfind(locale, 0) == 0) ++t->lang_ok;
  for (const Gold& g : e.gold) {
    const CaseKind kind = Classify(g, words);
    if (kind == CaseKind::kAmbiguous) ++t->ambiguous;
    if (kind != CaseKind::kCase) continue;
    ++t->cases;
    bool found = false;
    for (const crosswire::DateMention& d : article.dates) {
      found = found || (Overlaps(d.utf16_begin, d.utf16_end, g.begin, g.end) &&
                        g.values.count(d.value.ToString()));
    }
    if (found) ++t->found;
    if (!found && show) {
      std::printf("  miss  [%s] %s | gold \"%s\" %s | ours:", article.lang.c_str(),
                  e.input.c_str(), g.text.c_str(), g.values.begin()->c_str());
      for (const auto& d : article.dates) {
        std::printf(" \"%s\"=%s", d.text.c_str(), d.value.ToString().c_str());
      }
      std::printf("\n");
    }
  }
  for (const crosswire::DateMention& d : article.dates) {
    bool overlaps = false;
    for (const Gold& g : e.gold) {
      overlaps = overlaps || Overlaps(d.utf16_begin, d.utf16_end, g.begin, g.end);
    }
    if (overlaps && !e.unresolvable) continue;
    ++t->falses;
    if (show) {
      std::printf("  false [%s] %s | ours \"%s\"=%s\n", article.lang.c_str(), e.input.c_str(),
                  d.text.c_str(), d.value.ToString().c_str());
    }
  }
}

void PrintRow(const std::string& name, const Tally& t) {
  std::printf("%-16s %7d %6d %6d %6d %6.3f %6.3f %6.3f %5d %6.1f%%\n", name.c_str(), t.entries,
              t.cases, t.found, t.falses, t.Precision(), t.Recall(), t.F1(), t.ambiguous,
              t.entries ? 100.0 * t.lang_ok / t.entries : 0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 4) {
    std::fprintf(stderr, "usage: dates_eval DEVDATA_DIR [--show LANGUAGE]\n");
    return 2;
  }
  const std::string root = std::string(argv[1]) + "/dates/";
  const std::string show = argc == 4 ? argv[3] : "";
  Analysers analysers;
  Tally micro;
  std::printf("%-16s %7s %6s %6s %6s %6s %6s %6s %5s %7s\n", "language", "entries", "cases",
              "found", "false", "P", "R", "F1", "ambig", "lang ok");
  for (const Language& lang : kLanguages) {
    const CalendarWords words = LoadWords(lang.locale);
    Tally t;
    for (const char* file : {"DateTimeModel.json", "DateParser.json"}) {
      for (const Entry& e : ReadSpec(root + lang.folder + "/" + file)) {
        Score(e, words, lang.locale, show == lang.folder, analysers, &t);
      }
    }
    PrintRow(lang.folder, t);
    if (lang.in_micro) {
      micro.entries += t.entries, micro.cases += t.cases, micro.found += t.found;
      micro.falses += t.falses, micro.ambiguous += t.ambiguous, micro.lang_ok += t.lang_ok;
    }
  }
  PrintRow("micro (7)", micro);
  return 0;
}
