#include "mentions/acronyms.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "mentions/words.h"
#include "text/normalize.h"

namespace crosswire::mentions {
namespace {

// Initials of the words of `text`, lower case ("Organisation de coopération de Shanghai" ->
// "odcds"), and the same without connectors.
std::string Initials(const icu::UnicodeString& text) {
  std::string out;
  bool at_word_start = true;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (IsApostrophe(static_cast<char16_t>(c))) {
      // "l'Organisation": the word after the elision counts, not the particle.
      if (!at_word_start && !out.empty()) out.pop_back();
      at_word_start = true;
      continue;
    }
    if (!u_isalpha(c)) {
      at_word_start = true;
      continue;
    }
    if (at_word_start) {
      icu::UnicodeString letter(c);
      out += FoldedKey(letter);
    }
    at_word_start = false;
  }
  return out;
}

// The acronym's letters appear, in order, among the expansion's initials, the first matching the
// first ("SNSC" in "Supreme National Security Council of Iran").
bool AcronymFits(std::string_view acronym, std::string_view initials) {
  if (acronym.empty() || initials.empty() || acronym.front() != initials.front()) return false;
  std::size_t k = 0;
  for (char c : initials) {
    if (k < acronym.size() && c == acronym[k]) ++k;
  }
  return k == acronym.size();
}

// The words between an expansion and the parenthesis of its acronym belong to it: in
// "Европейската комисия (ЕК)" or "Česká vakcinologická společnost (ČVS)" the capitalised run the
// scanner found is only the start of the name, and in "China National Biotec Group (CNBG)" the
// expansion starts with a place the scanner found on its own. The candidate grows to the
// parenthesis when only words lie between (letters, marks, spaces, hyphens, apostrophes on one
// line); it is then the organisation's whole name, no longer a place ("Česká" named Czechia, the
// China of CNBG) nor a word typed from its shape alone. Returns whether it reaches the parenthesis.
bool ExtendToParenthesis(const icu::UnicodeString& text, int32_t before,
                         MentionCandidate& expansion) {
  if (expansion.utf16_end >= before) return true;
  bool words = false;
  for (int32_t k = expansion.utf16_end; k < before; ++k) {
    const char16_t ch = text[k];
    if (ch == u'\n' || ch == u'\r') return false;
    if (u_isalpha(ch) || u_getCombiningClass(ch) != 0 || U16_IS_SURROGATE(ch)) {
      words = true;
      continue;
    }
    if (!IsSpaceChar(ch) && ch != u'-' && !IsApostrophe(ch)) return false;
  }
  if (!words) return false;
  expansion.utf16_end = before;
  expansion.text =
      ToUtf8(icu::UnicodeString(text, expansion.utf16_begin, before - expansion.utf16_begin));
  if (!expansion.gazetteer_name.empty() || expansion.type_confidence < 0.5f) {
    expansion.gazetteer_name.clear();
    expansion.type = EntityType::kOrg;
    expansion.type_confidence = 0.6f;
  }
  return true;
}

bool IsOpenParen(char16_t ch) { return ch == u'(' || ch == u'\uFF08'; }
bool IsCloseParen(char16_t ch) { return ch == u')' || ch == u'\uFF09'; }

// What may stand between a name and its parenthesis besides spaces: the number or dash a name
// ends with that the scanner leaves out ("Северный поток — 2 (Nord Stream 2)").
bool IsNameTail(char16_t ch) {
  return IsSpaceChar(ch) || u_isdigit(ch) || ch == u'-' || ch == u'\u2013' || ch == u'\u2014' ||
         ch == u'\u00BB' || ch == u'\u201C' || ch == u'\u201D' || ch == u'"';
}

// The digits of a name's text and of what follows it up to `end` ("2" for "Nord Stream 2").
std::string NumberIn(const icu::UnicodeString& text, int32_t begin, int32_t end) {
  std::string digits;
  for (int32_t k = begin; k < end; ++k) {
    if (u_isdigit(text[k])) digits.push_back(static_cast<char>('0' + u_charDigitValue(text[k])));
  }
  return digits;
}

// A name followed by another in parentheses, "Северный поток — 2 (Nord Stream 2)", "拜登（Joe
// Biden）", "Київ (Kyiv)": the text states that the two are one, when they are written in different
// scripts or carry the same number. (Same script without a number is more often a place and its
// country, "Lviv (Ukraine)".) The name in parentheses is tied to the name before it as an
// acronym is to its expansion.
void LinkStatedEquivalents(const icu::UnicodeString& text,
                           std::vector<MentionCandidate>& candidates) {
  for (std::size_t i = 1; i < candidates.size(); ++i) {
    MentionCandidate& inner = candidates[i];
    const MentionCandidate& before = candidates[i - 1];
    if (inner.is_acronym || inner.expansion_of >= 0 || before.is_acronym) continue;
    int32_t open = inner.utf16_begin - 1;
    while (open > before.utf16_end && IsSpaceChar(text[open])) --open;
    if (open <= before.utf16_end || !IsOpenParen(text[open])) continue;
    bool tail_only = true;
    for (int32_t k = before.utf16_end; k < open && tail_only; ++k) tail_only = IsNameTail(text[k]);
    int32_t close = inner.utf16_end;
    while (close < text.length() && close - inner.utf16_end < 8 && !IsCloseParen(text[close]) &&
           IsNameTail(text[close])) {
      ++close;
    }
    if (!tail_only || close >= text.length() || !IsCloseParen(text[close])) continue;
    const std::string number_before = NumberIn(text, before.utf16_begin, open);
    const bool same_number =
        !number_before.empty() && number_before == NumberIn(text, inner.utf16_begin, close);
    if (inner.script == before.script && !same_number) continue;
    // A place the gazetteer knows beside a name it does not is where the named thing is:
    // "Sinopharm (Китай)", "Phizer (США)". Two known names are linked by the gazetteer anyway.
    if (!inner.gazetteer_name.empty() || !before.gazetteer_name.empty()) continue;
    const bool types_agree = inner.type == before.type || inner.type == EntityType::kMisc ||
                             before.type == EntityType::kMisc || inner.type_confidence < 0.5f ||
                             before.type_confidence < 0.5f;
    if (!types_agree) continue;
    inner.expansion_of = static_cast<int>(i - 1);
    if (inner.type_confidence < before.type_confidence && before.type != EntityType::kMisc) {
      inner.type = before.type;
      inner.type_confidence = before.type_confidence;
    }
  }
}

}  // namespace

void LinkAcronyms(const Document& doc, std::vector<MentionCandidate>& candidates) {
  const icu::UnicodeString& text = doc.text;
  std::map<std::string, int> expansion_of;  // acronym key -> index of its expansion
  std::unordered_set<std::string> common_nouns;
  std::vector<bool> inside_expansion(candidates.size(), false);  // taken into an expansion
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    MentionCandidate& c = candidates[i];
    if (!c.is_acronym) continue;
    int32_t open = c.utf16_begin - 1;
    if (open < 1 || text[open] != u'(' || c.utf16_end >= text.length() ||
        text[c.utf16_end] != u')') {
      continue;
    }
    int32_t before = open;
    while (before > 0 && IsSpaceChar(text[before - 1])) --before;
    std::string acronym = FoldedKey(c.text);
    int found = -1;
    for (int k = static_cast<int>(i) - 1; k >= 0 && k >= static_cast<int>(i) - 4; --k) {
      const MentionCandidate& e = candidates[k];
      if (before - e.utf16_end > 40) break;
      if (e.script != c.script) {
        // Another script cannot be checked letter by letter: only an organisation right before
        // the parenthesis ("องค์กรความร่วมมือเซี่ยงไฮ้ (SCO)").
        // An acronym is no expansion: "МОЗ (FDA)" names two bodies, or mistranslates one.
        if (e.utf16_end == before && e.type == EntityType::kOrg && !e.is_acronym) found = k;
        break;
      }
      if (AcronymFits(acronym,
                      Initials(icu::UnicodeString(text, e.utf16_begin, before - e.utf16_begin)))) {
        found = k;
        break;
      }
    }
    if (found >= 0) {
      // A place between them stays itself: "Supreme National Security Council of Iran (SNSC)"
      // abbreviates the council, which the text also names without "of Iran".
      bool place_between = false;
      for (std::size_t k = found + 1; k < i; ++k) {
        place_between = place_between || !candidates[k].gazetteer_name.empty();
      }
      if (expansion_of.emplace(acronym, found).second && !place_between &&
          ExtendToParenthesis(text, before, candidates[found])) {
        for (std::size_t k = found + 1; k < i; ++k) inside_expansion[k] = true;
      }
      continue;
    }
    // Lower-case words before the parenthesis whose initials spell the acronym.
    int32_t from = before;
    for (int words = 0; from > 0 && words < static_cast<int>(acronym.size()) + 3;) {
      --from;
      if (IsSpaceChar(text[from])) ++words;
      if (text[from] == u'\n') break;
    }
    icu::UnicodeString window(text, from, before - from);
    std::string initials = Initials(window);
    if (initials.size() >= acronym.size() && window == window.toLower() &&
        initials.find(acronym) != std::string::npos) {
      common_nouns.insert(acronym);
    }
  }
  const bool any_inside =
      std::find(inside_expansion.begin(), inside_expansion.end(), true) != inside_expansion.end();
  if (!common_nouns.empty() || any_inside) {
    std::vector<MentionCandidate> kept;
    std::vector<int> new_index(candidates.size(), -1);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (inside_expansion[i]) continue;
      if (candidates[i].is_acronym && common_nouns.count(FoldedKey(candidates[i].text)) != 0)
        continue;
      new_index[i] = static_cast<int>(kept.size());
      kept.push_back(std::move(candidates[i]));
    }
    for (auto& [acronym, index] : expansion_of) index = new_index[index];
    candidates = std::move(kept);
  }
  for (MentionCandidate& c : candidates) {
    if (!c.is_acronym) continue;
    auto it = expansion_of.find(FoldedKey(c.text));
    if (it == expansion_of.end() || it->second < 0) continue;
    c.expansion_of = it->second;
    const MentionCandidate& expansion = candidates[it->second];
    if (expansion.type != EntityType::kMisc && c.gazetteer_name.empty()) {
      c.type = expansion.type;
      c.type_confidence = std::max(c.type_confidence, 0.8f);
    }
  }
  LinkStatedEquivalents(text, candidates);
}

}  // namespace crosswire::mentions
