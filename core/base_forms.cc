#include "base_forms.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "text/fields.h"
#include "text/language_tag.h"
#include "text/normalize.h"

namespace crosswire {
namespace {

constexpr int32_t kMinStem = 2;  // letters a rewrite must leave in front of it

// Simple (one-to-one) lower-casing, unit by unit: the result has the word's length, so that an
// ending found in it is an ending of the word ("İstanbul'daki" keeps its İ).
std::u16string Lower(const icu::UnicodeString& text) {
  std::u16string lower(text.getBuffer(), text.length());
  for (char16_t& c : lower) {
    if (!U16_IS_SURROGATE(c)) c = static_cast<char16_t>(u_tolower(c));
  }
  return lower;
}

bool AllUpper(const icu::UnicodeString& word) {
  int letters = 0;
  for (int32_t i = 0; i < word.length(); ++i) {
    if (!u_isalpha(word[i])) continue;
    if (!u_isupper(word[i])) return false;
    ++letters;
  }
  return letters > 1;
}

}  // namespace

Result<BaseForms> BaseForms::Load(const DataPack& data) {
  BaseForms forms;
  for (const DataFile& file : data.List("base_forms/")) {
    if (!file.path.ends_with(".txt")) continue;
    const std::string lang(file.path.substr(11, file.path.size() - 15));
    Rules& rules = forms.by_lang_[lang];
    for (std::string_view line : DataLines(file.contents)) {
      const std::vector<std::string_view> fields = SplitFields(line);
      if (fields.size() < 3) {
        return Status(
            StatusCode::kDataError,
            std::string(file.path) + ": expected ending, strip and append: " + std::string(line));
      }
      const icu::UnicodeString ending = FromUtf8(fields[0]);
      Ending& entry = rules.by_ending[Lower(ending)];
      rules.longest = std::max(rules.longest, ending.length());
      if (fields[1] == "?") {  // no clear winner: the lines after it are alternatives only
        entry.unclear = true;
        continue;
      }
      Rewrite rewrite;
      rewrite.strip = fields[1] == "-" ? 0 : FromUtf8(fields[1]).length();
      rewrite.append = fields[2] == "-" ? icu::UnicodeString() : FromUtf8(fields[2]);
      if (rewrite.strip > ending.length()) {
        return Status(StatusCode::kDataError,
                      std::string(file.path) +
                          ": the stripped part is longer than the ending: " + std::string(line));
      }
      entry.rewrites.push_back(std::move(rewrite));
    }
  }
  return forms;
}

bool BaseForms::Has(std::string_view primary_lang) const {
  return by_lang_.count(std::string(primary_lang)) != 0;
}

icu::UnicodeString BaseForms::Apply(const icu::UnicodeString& word, const Rewrite& rewrite) {
  if (word.length() - rewrite.strip < kMinStem) return word;
  icu::UnicodeString base(word, 0, word.length() - rewrite.strip);
  icu::UnicodeString append = rewrite.append;
  if (AllUpper(word)) append.toUpper(icu::Locale::getRoot());
  return base + append;
}

std::vector<const BaseForms::Ending*> BaseForms::EndingsOf(const icu::UnicodeString& word,
                                                           std::string_view primary_lang) const {
  std::vector<const Ending*> endings;
  auto it = by_lang_.find(std::string(primary_lang));
  if (it == by_lang_.end()) return endings;
  const Rules& rules = it->second;
  const std::u16string lower = Lower(word);
  for (int32_t length = std::min<int32_t>(rules.longest, word.length() - 1); length >= 1;
       --length) {
    auto ending = rules.by_ending.find(lower.substr(lower.size() - length));
    if (ending != rules.by_ending.end()) endings.push_back(&ending->second);
  }
  return endings;
}

icu::UnicodeString BaseForms::WordOf(const icu::UnicodeString& word,
                                     std::string_view primary_lang) const {
  const std::vector<const Ending*> endings = EndingsOf(word, primary_lang);
  // The longest ending decides; when it has no clear rewrite, the word stays as it is.
  if (endings.empty() || !endings.front()->clear()) return word;
  return Apply(word, endings.front()->rewrites.front());
}

std::vector<icu::UnicodeString> BaseForms::Candidates(const icu::UnicodeString& word,
                                                      std::string_view primary_lang) const {
  std::vector<icu::UnicodeString> out;
  for (const Ending* ending : EndingsOf(word, primary_lang)) {
    for (const Rewrite& rewrite : ending->rewrites) {
      icu::UnicodeString base = Apply(word, rewrite);
      if (base != word && std::find(out.begin(), out.end(), base) == out.end()) {
        out.push_back(std::move(base));
      }
    }
  }
  return out;
}

std::string BaseForms::Of(std::string_view name, std::string_view lang) const {
  const std::string primary = PrimaryLanguage(lang);
  if (!Has(primary)) return std::string(name);
  const icu::UnicodeString text = FromUtf8(name);
  icu::UnicodeString out;
  int32_t start = 0;
  for (int32_t i = 0; i <= text.length(); ++i) {
    if (i < text.length() && text[i] != u' ') continue;
    out += WordOf(icu::UnicodeString(text, start, i - start), primary);
    if (i < text.length()) out += u' ';
    start = i + 1;
  }
  return ToUtf8(out);
}

}  // namespace crosswire
