// The batch pass over uncased text: names already found elsewhere in the batch, written the
// same way or the same after transliteration.
#include <unicode/uchar.h>

#include <algorithm>

#include "mentions/scanner.h"
#include "text/language_tag.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire::mentions {

// Names the first pass is sure of, in uncased scripts (found with a cue), and names of at least
// two words in cased scripts (whose last word, a surname, is looked for too).
KnownNames GatherKnownNames(const std::vector<std::vector<MentionCandidate>>& out,
                            const ThaiDictionary& dictionary, Segmenter& segmenter) {
  KnownNames known;
  std::unordered_set<std::string> seen;
  auto add = [&](std::vector<KnownName>& list, const icu::UnicodeString& text,
                 const MentionCandidate& c, std::size_t d) {
    if (text.length() < 3) return;
    // A name made of ordinary Thai words (ประนอม "compromise", เสีย|ชีวิต "die") would be found
    // in every sentence that uses them; a transliterated name has syllables that are not words.
    if (&list == &known.same_script) {
      if (text.length() < 4) return;
      std::vector<int32_t> bounds = segmenter.WordBoundaries(text, "th");
      bool all_words = true;
      for (std::size_t b = 0; b + 1 < bounds.size() && all_words; ++b) {
        all_words =
            dictionary.Contains(icu::UnicodeString(text, bounds[b], bounds[b + 1] - bounds[b]));
      }
      if (all_words) return;
    }
    std::string utf8 = ToUtf8(text);
    if (!seen.insert(utf8 + '\t' + std::string(EntityTypeName(c.type))).second) return;
    KnownName name;
    name.text = text;
    name.type = c.type;
    name.gazetteer_name = c.gazetteer_name;
    name.doc = d;
    list.push_back(std::move(name));
  };
  for (std::size_t d = 0; d < out.size(); ++d) {
    for (const MentionCandidate& c : out[d]) {
      if (c.type == EntityType::kMisc || c.type_confidence < 0.5f || c.doubtful) continue;
      icu::UnicodeString text = FromUtf8(c.text);
      if (!IsCasedScript(c.script)) {
        // Only names a cue vouches for: gazetteer names are found everywhere already.
        if (c.type_confidence < 0.85f || !c.gazetteer_name.empty()) continue;
        add(known.same_script, text, c, d);
        // Thai news often names a person again by the first part of the name alone.
        int32_t space = text.indexOf(u' ');
        if (c.type == EntityType::kPerson && space > 0) {
          add(known.same_script, icu::UnicodeString(text, 0, space), c, d);
          add(known.same_script, icu::UnicodeString(text, text.lastIndexOf(u' ') + 1), c, d);
        }
      } else if (!c.is_acronym && c.gazetteer_name.empty()) {
        int32_t space = text.lastIndexOf(u' ');
        if (space < 0) continue;
        add(known.other_script, text, c, d);
        if (c.type == EntityType::kPerson)
          add(known.other_script, icu::UnicodeString(text, space + 1), c, d);
      }
    }
  }
  std::stable_sort(known.same_script.begin(), known.same_script.end(),
                   [](const KnownName& a, const KnownName& b) { return a.text[0] < b.text[0]; });
  return known;
}

std::vector<Found> DocumentScanner::FindKnown(const std::vector<KnownName>& same_script,
                                              const std::vector<KnownName>& other_script,
                                              NameMatcher& matcher,
                                              const std::vector<MentionCandidate>& taken) {
  found_.clear();
  auto is_taken = [&](int32_t begin, int32_t end) {
    auto it =
        std::lower_bound(taken.begin(), taken.end(), end,
                         [](const MentionCandidate& c, int32_t at) { return c.utf16_begin < at; });
    while (it != taken.begin()) {
      --it;
      if (it->utf16_end <= begin) return false;
      if (it->utf16_begin < end) return true;
    }
    return false;
  };
  for (std::size_t p = 0; p < doc_.paragraphs.size(); ++p) {
    const Paragraph& paragraph = doc_.paragraphs[p];
    if (paragraph.removed) continue;
    const LangCues& cues = Cues(static_cast<int32_t>(p));
    std::vector<int32_t> starts, ends;
    ParagraphTokens(paragraph, starts, ends);
    std::sort(ends.begin(), ends.end());
    int32_t covered_until = paragraph.utf16_begin;
    for (int32_t at : starts) {
      if (at < covered_until) continue;
      const Script script = ScriptOf(doc_.text.char32At(at));
      // Exact spellings first: the longest that ends where a word can end.
      const KnownName* best = nullptr;
      auto [first_known, last_known] = std::equal_range(
          same_script.begin(), same_script.end(), doc_.text[at], [](const auto& a, const auto& b) {
            auto unit = [](const auto& x) -> char16_t {
              if constexpr (std::is_same_v<std::decay_t<decltype(x)>, KnownName>) {
                return x.text[0];
              } else {
                return x;
              }
            };
            return unit(a) < unit(b);
          });
      for (auto known_it = first_known; known_it != last_known; ++known_it) {
        const KnownName& known = *known_it;
        if ((best == nullptr || known.text.length() > best->text.length()) &&
            StartsWith(at, known.text, paragraph.utf16_end) &&
            GoodEnd(at + known.text.length(), paragraph.utf16_end, script, ends) &&
            !is_taken(at, at + known.text.length())) {
          best = &known;
        }
      }
      if (best != nullptr) {
        const int32_t end = at + best->text.length();
        Emit(at, end, best->type, 0.6f, 0, script, static_cast<int32_t>(p), {},
             best->gazetteer_name);
        covered_until = end;
        continue;
      }
      if (!other_script.empty() && script == Script::kThai) {
        covered_until = std::max(covered_until,
                                 MatchTransliterated(at, paragraph, static_cast<int32_t>(p), cues,
                                                     other_script, matcher, ends, is_taken));
      }
    }
  }
  return std::move(found_);
}

template <typename IsTaken>
int32_t DocumentScanner::MatchTransliterated(int32_t at, const Paragraph& paragraph, int32_t p,
                                             const LangCues& cues,
                                             const std::vector<KnownName>& other_script,
                                             NameMatcher& matcher, const std::vector<int32_t>& ends,
                                             const IsTaken& is_taken) {
  // At most 40 units are compared below; the chunk is looked at no further than kMaxChunkUtf16.
  const int32_t chunk_end =
      ChunkEnd(at, std::min(paragraph.utf16_end, at + kMaxChunkUtf16), Script::kThai);
  if (chunk_end - at < 3) return at;
  // ICU's own word ends: away from cues they are as good as any, and cost nothing more.
  std::vector<int32_t> bounds = {at};
  for (auto it = std::upper_bound(ends.begin(), ends.end(), at);
       it != ends.end() && *it <= std::min(chunk_end, at + 40); ++it) {
    bounds.push_back(*it);
  }
  if (bounds.size() < 2 || StopAt(cues, bounds[0], bounds[1]) != Stop::kNone) return at;
  double best_score = 0;
  int32_t best_end = at;
  const KnownName* best = nullptr;
  bool syllables = false;
  for (std::size_t e = 1; e < bounds.size() && e <= 6; ++e) {
    if (e > 1 && StopAt(cues, bounds[e - 1], bounds[e]) != Stop::kNone) break;
    syllables = syllables || !IsThaiWord(bounds[e - 1], bounds[e]);
    const int32_t end = bounds[e];
    if (end - at < 3 || end - at > 24 || !syllables || is_taken(at, end)) continue;
    const NameKey& key = matcher.Key(doc_.Slice(at, end));
    for (const KnownName& known : other_script) {
      const std::size_t a = key.latin.size(), b = known.key->latin.size();
      if (a * 10 < b * 6 || b * 10 < a * 6) continue;
      const double score = matcher.Similarity(key, *known.key);
      if (score >= NameMatcher::kSameThreshold && score >= best_score) {
        best_score = score;
        best_end = end;
        best = &known;
      }
    }
  }
  if (best == nullptr) return at;
  Emit(at, best_end, best->type, 0.6f, 0, Script::kThai, p, {}, best->gazetteer_name);
  return best_end;
}

}  // namespace crosswire::mentions
