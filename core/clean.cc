#include "clean.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "text/normalize.h"
#include "text/script.h"

namespace crosswire {
namespace {

struct Line {
  int32_t begin = 0;  // first non-space character
  int32_t end = 0;    // one past the last non-space character
};

std::vector<Line> Lines(const icu::UnicodeString& text) {
  std::vector<Line> lines;
  const int32_t length = text.length();
  for (int32_t start = 0; start < length;) {
    int32_t stop = text.indexOf(u'\n', start);
    if (stop < 0) stop = length;
    Line line{start, stop};
    while (line.begin < line.end && u_isUWhiteSpace(text.charAt(line.begin))) ++line.begin;
    while (line.end > line.begin && u_isUWhiteSpace(text.charAt(line.end - 1))) --line.end;
    if (line.begin < line.end) lines.push_back(line);
    start = stop + 1;
  }
  return lines;
}

int CountWords(const icu::UnicodeString& s) {
  int words = 0;
  bool in_word = false;
  for (int32_t i = 0; i < s.length(); ++i) {
    bool space = u_isUWhiteSpace(s.charAt(i));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool EndsSentence(const icu::UnicodeString& s) {
  if (s.isEmpty()) return false;
  UChar last = s.charAt(s.length() - 1);
  if (last == u'"' || last == u'”' || last == u'»' || last == u')') {
    if (s.length() < 2) return false;
    last = s.charAt(s.length() - 2);
  }
  return last == u'.' || last == u'!' || last == u'?' || last == u'。' || last == u'…';
}

// Share of letters in scripts written without sentence punctuation or spaces between words
// (Thai, Lao, Khmer, Burmese), where neither a full stop nor a word count marks running text.
double UnpunctuatedScriptShare(const icu::UnicodeString& s) {
  int letters = 0, unpunctuated = 0;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    if (!u_isalpha(c)) continue;
    ++letters;
    Script script = ScriptOf(c);
    unpunctuated += script == Script::kThai || script == Script::kLao || script == Script::kKhmer ||
                    script == Script::kMyanmar;
  }
  return letters == 0 ? 0 : static_cast<double>(unpunctuated) / letters;
}

// A line of running text: the title and header lines come before the first one.
bool IsBodyLine(const icu::UnicodeString& s) {
  int words = CountWords(s);
  if (s.length() >= 100 && UnpunctuatedScriptShare(s) > 0.5) return true;
  return (EndsSentence(s) && (words >= 12 || s.length() >= 80)) || words >= 40 || s.length() >= 250;
}

// Short lines that state a date ("September 25, 2023", "13.09.2024") are datelines, not titles.
bool LooksLikeDateline(const icu::UnicodeString& s) {
  int digits = 0;
  for (int32_t i = 0; i < s.length(); ++i) digits += u_isdigit(s.charAt(i)) ? 1 : 0;
  return digits >= 4 && CountWords(s) <= 6;
}

// The first sentence of the text, shortened, for articles without a headline line.
std::string FirstSentenceTitle(const icu::UnicodeString& line) {
  int32_t end = line.length();
  for (int32_t i = 0; i < line.length(); ++i) {
    UChar c = line.charAt(i);
    if ((c == u'.' || c == u'!' || c == u'?') &&
        (i + 1 == line.length() || u_isUWhiteSpace(line.charAt(i + 1))) && i >= 20) {
      end = i;
      break;
    }
  }
  constexpr int32_t kMaxTitle = 120;
  icu::UnicodeString title(line, 0, end);
  if (title.length() > kMaxTitle) {
    int32_t cut = title.lastIndexOf(u' ', 0, kMaxTitle);
    title.truncate(cut > 40 ? cut : kMaxTitle);
    title.append(u'…');
  }
  return ToUtf8(title);
}

}  // namespace

Cleaner::~Cleaner() = default;

Result<std::unique_ptr<Cleaner>> Cleaner::Create(const DataPack& data) {
  std::unique_ptr<Cleaner> cleaner(new Cleaner());
  for (const DataFile& file : data.List("boilerplate/")) {
    std::string_view name = file.path.substr(std::string_view("boilerplate/").size());
    if (name.size() < 5 || name.substr(name.size() - 4) != ".txt") continue;
    std::string lang(name.substr(0, name.size() - 4));
    std::vector<Pattern>& patterns = cleaner->patterns_[lang];
    int line_number = 0;
    for (std::string_view line : DataLines(file.contents)) {
      ++line_number;
      std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) {
        return Status(StatusCode::kDataError,
                      std::string(file.path) + ": a pattern line has no tab: " + std::string(line));
      }
      Pattern p;
      p.reason = std::string(line.substr(0, tab));
      UErrorCode status = U_ZERO_ERROR;
      UParseError parse_error;
      icu::UnicodeString regex = FromUtf8(line.substr(tab + 1));
      p.regex.reset(
          icu::RegexPattern::compile(regex, UREGEX_CASE_INSENSITIVE, parse_error, status));
      if (U_FAILURE(status)) {
        return Status(StatusCode::kDataError, std::string(file.path) + ": bad pattern '" +
                                                  std::string(line.substr(tab + 1)) +
                                                  "': " + u_errorName(status));
      }
      patterns.push_back(std::move(p));
    }
  }
  return cleaner;
}

const std::vector<Cleaner::Pattern>* Cleaner::PatternsFor(const std::string& lang) const {
  auto it = patterns_.find(lang);
  return it == patterns_.end() ? nullptr : &it->second;
}

void Cleaner::Clean(Document& doc) const {
  doc.removed.clear();
  const std::vector<Line> lines = Lines(doc.text);
  std::vector<const std::vector<Pattern>*> sets = {PatternsFor("all")};
  if (doc.lang != "all") sets.push_back(PatternsFor(doc.lang));

  // One matcher per pattern for the whole article, reset on each line: creating matchers is the
  // costly part.
  struct Active {
    const Pattern* pattern;
    std::unique_ptr<icu::RegexMatcher> matcher;
  };
  std::vector<Active> active;
  for (const auto* patterns : sets) {
    if (patterns == nullptr) continue;
    for (const Pattern& p : *patterns) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> m(p.regex->matcher(status));
      if (U_SUCCESS(status)) active.push_back({&p, std::move(m)});
    }
  }
  std::vector<bool> removed(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.end - line.begin > kMaxBoilerplateLine) continue;
    icu::UnicodeString s(doc.text, line.begin, line.end - line.begin);
    for (Active& a : active) {
      UErrorCode status = U_ZERO_ERROR;
      a.matcher->reset(s);
      if (a.matcher->matches(status) && U_SUCCESS(status)) {
        doc.removed.push_back({line.begin, line.end, a.pattern->reason});
        removed[i] = true;
        break;
      }
    }
  }

  // Title: the last short, headline-shaped line before the first line of running text. Short lines
  // above it (site name, section, tagline) are site chrome; datelines stay, they carry the date.
  std::size_t first_body = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (removed[i]) continue;
    if (IsBodyLine(icu::UnicodeString(doc.text, lines[i].begin, lines[i].end - lines[i].begin))) {
      first_body = i;
      break;
    }
  }
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < first_body && i < 8; ++i) {
    if (removed[i]) continue;
    icu::UnicodeString s(doc.text, lines[i].begin, lines[i].end - lines[i].begin);
    if (LooksLikeDateline(s) || CountWords(s) > 30) continue;
    candidates.push_back(i);
  }
  if (!candidates.empty() && first_body < lines.size()) {
    std::size_t title = candidates.back();
    doc.title_begin = lines[title].begin;
    doc.title_end = lines[title].end;
    doc.title = doc.Slice(doc.title_begin, doc.title_end);
    if (candidates.size() <= 4) {
      for (std::size_t k = 0; k + 1 < candidates.size(); ++k) {
        const Line& line = lines[candidates[k]];
        doc.removed.push_back({line.begin, line.end, "site-header"});
      }
    }
  } else if (!candidates.empty()) {
    // No running text at all (a short note): the first line is the best title there is.
    doc.title_begin = lines[candidates.front()].begin;
    doc.title_end = lines[candidates.front()].end;
    doc.title = doc.Slice(doc.title_begin, doc.title_end);
  } else if (first_body < lines.size()) {
    doc.title = FirstSentenceTitle(icu::UnicodeString(
        doc.text, lines[first_body].begin, lines[first_body].end - lines[first_body].begin));
  }
  std::sort(doc.removed.begin(), doc.removed.end(), [](const RemovedSpan& a, const RemovedSpan& b) {
    return a.utf16_begin < b.utf16_begin;
  });
}

}  // namespace crosswire
