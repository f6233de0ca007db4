#include "mentions/quoted_names.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <utility>

#include "mentions/overlaps.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire::mentions {
namespace {

constexpr int32_t kMaxQuotedUtf16 = 40;
constexpr int kMaxQuotedWords = 4;
// Priority over every candidate found inside the quotes (see overlaps.h).
constexpr int kQuotedPriority = 5;

// The closing mark of an opening one, or 0.
char16_t ClosingOf(char16_t open) {
  switch (open) {
    case u'\u00AB':  // « »
      return u'\u00BB';
    case u'\u201E':  // „ “ (German, Czech, Polish, Bulgarian...)
      return u'\u201C';
    case u'\u201C':  // “ ”
      return u'\u201D';
    case u'"':
      return u'"';
    default:
      return 0;
  }
}

bool InsideName(char16_t ch) {
  return u_isalnum(ch) || ch == u' ' || ch == u'-' || ch == u'\u2013' || ch == u'\u2014' ||
         ch == u'\'' || ch == u'\u2019' || ch == u'.' || ch == u'&';
}

}  // namespace

std::vector<MentionCandidate> WithQuotedNames(const Document& doc,
                                              std::vector<MentionCandidate> candidates) {
  const icu::UnicodeString& text = doc.text;
  std::vector<Found> quoted;
  std::size_t paragraph = 0;  // the paragraph of position i (offsets only grow)
  for (int32_t i = 1; i + 1 < text.length(); ++i) {
    const char16_t close_mark = ClosingOf(text[i]);
    if (close_mark == 0) continue;
    // After a lower-case word and one space: "газопровод «...»", not "заявил: «...»".
    if (text[i - 1] != u' ' || i < 2 || !u_islower(text[i - 2])) continue;
    const int32_t begin = i + 1;
    if (!u_isupper(text.char32At(begin)) || !IsCasedScript(ScriptOf(text.char32At(begin))))
      continue;
    int32_t end = begin;
    int words = 1;
    while (end < text.length() && end - begin <= kMaxQuotedUtf16 && text[end] != close_mark &&
           InsideName(text[end])) {
      words += text[end] == u' ';
      ++end;
    }
    if (end >= text.length() || text[end] != close_mark || end - begin > kMaxQuotedUtf16 ||
        words > kMaxQuotedWords) {
      continue;
    }
    int32_t trimmed = end;
    while (trimmed > begin && (text[trimmed - 1] == u' ' || text[trimmed - 1] == u'.')) --trimmed;
    if (trimmed <= begin || doc.IsRemoved(begin, trimmed)) continue;
    while (paragraph + 1 < doc.paragraphs.size() && doc.paragraphs[paragraph].utf16_end <= begin) {
      ++paragraph;
    }
    if (doc.paragraphs.empty() || doc.paragraphs[paragraph].utf16_begin > begin ||
        doc.paragraphs[paragraph].utf16_end < trimmed) {
      continue;  // not inside one paragraph
    }
    Found found;
    MentionCandidate& c = found.candidate;
    c.utf16_begin = begin;
    c.utf16_end = trimmed;
    c.text = doc.Slice(begin, trimmed);
    c.type = EntityType::kMisc;
    c.type_confidence = 0.3f;
    c.script = ScriptOf(text.char32At(begin));
    c.lang = doc.LangOf(static_cast<int32_t>(paragraph));
    found.priority = kQuotedPriority;
    quoted.push_back(std::move(found));
    i = end;
  }
  if (quoted.empty()) return candidates;
  for (MentionCandidate& c : candidates) quoted.push_back(Found{std::move(c), 4});
  return ResolveOverlaps(std::move(quoted));
}

}  // namespace crosswire::mentions
