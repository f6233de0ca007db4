#include "mentions/glued_names.h"

#include <unicode/uchar.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "text/fields.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire::mentions {
namespace {

// Byte offsets of the word starts of a candidate's text (words separated by one space, as the
// scanner writes runs).
std::vector<std::size_t> WordStarts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' && i + 1 < text.size()) starts.push_back(i + 1);
  }
  return starts;
}

bool AllCaps(std::string_view word) {
  const icu::UnicodeString w = FromUtf8(word);
  bool letters = false;
  for (int32_t i = 0; i < w.length();) {
    const UChar32 c = w.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalpha(c)) {
      if (!u_isupper(c)) return false;
      letters = true;
    }
  }
  return letters && w.length() >= 2;
}

struct Known {
  EntityType type = EntityType::kMisc;
  float confidence = 0;
};

}  // namespace

void SplitGluedNames(const Gazetteer& gazetteer, const BaseForms& base_forms,
                     std::vector<std::vector<MentionCandidate>>& out) {
  // Every candidate's text, and the people of two words or more among them.
  std::unordered_set<std::string> whole;
  std::unordered_map<std::string, Known> people;
  for (const auto& candidates : out) {
    for (const MentionCandidate& c : candidates) {
      whole.insert(c.text);
      if (c.type == EntityType::kPerson && c.text.find(' ') != std::string::npos) {
        Known& k = people[c.text];
        if (c.type_confidence > k.confidence) k = {c.type, c.type_confidence};
      }
    }
  }
  if (people.empty()) return;
  auto is_other_name = [&](std::string_view prefix, const MentionCandidate& c) {
    const std::vector<std::string_view> words = SplitFields(prefix, ' ');
    if (AllCaps(words.back())) return true;
    if (whole.count(std::string(prefix)) != 0) return true;
    for (std::string_view word : words) {
      if (gazetteer.Lookup(word) || gazetteer.Lookup(base_forms.Of(word, c.lang))) return true;
    }
    return false;
  };
  for (auto& candidates : out) {
    std::vector<MentionCandidate> result;
    result.reserve(candidates.size());
    for (MentionCandidate& c : candidates) {
      const std::vector<std::size_t> starts = WordStarts(c.text);
      bool split = false;
      // The longest known person that ends the run, leaving at least one word before it.
      for (std::size_t w = 1; w + 2 <= starts.size() && !split && !c.is_acronym; ++w) {
        const std::string tail = c.text.substr(starts[w]);
        auto person = people.find(tail);
        if (person == people.end()) continue;
        const std::string prefix = c.text.substr(0, starts[w] - 1);
        if (!is_other_name(prefix, c)) continue;
        MentionCandidate before = c, after = c;
        const int32_t tail_units = FromUtf8(tail).length();
        after.utf16_begin = c.utf16_end - tail_units;
        after.text = tail;
        after.type = person->second.type;
        after.type_confidence = person->second.confidence;
        after.gazetteer_name.clear();
        after.expansion_of = -1;
        before.utf16_end = c.utf16_begin + FromUtf8(prefix).length();
        before.text = prefix;
        before.cue.clear();
        before.gazetteer_name.clear();
        before.type = EntityType::kMisc;
        before.type_confidence = 0.3f;
        before.expansion_of = -1;
        if (auto entry = gazetteer.Lookup(base_forms.Of(prefix, c.lang))) {
          before.type = entry->type;
          before.type_confidence = 0.9f;
          before.gazetteer_name = entry->canonical;
        }
        result.push_back(std::move(before));
        result.push_back(std::move(after));
        split = true;
      }
      if (!split) result.push_back(std::move(c));
    }
    candidates = std::move(result);
  }
}

}  // namespace crosswire::mentions
