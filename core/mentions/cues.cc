#include "mentions/cues.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <optional>

#include "text/fields.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire::mentions {
namespace {

bool IsCasedText(std::string_view utf8) {
  icu::UnicodeString text = FromUtf8(utf8);
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    if (u_isalpha(c)) return IsCasedScript(ScriptOf(c));
    i += U16_LENGTH(c);
  }
  return false;
}

int WordCount(std::string_view key) {
  return key.empty() ? 0 : 1 + static_cast<int>(std::count(key.begin(), key.end(), ' '));
}

void SortLongestFirst(std::vector<std::pair<icu::UnicodeString, Cue>>& cues) {
  std::stable_sort(cues.begin(), cues.end(), [](const auto& a, const auto& b) {
    return a.first.length() > b.first.length();
  });
}

// The MatchKey of a stem written with its trailing "*" ("Министерств*").
std::string StemKey(std::string_view word) {
  if (!word.empty() && word.back() == '*') word.remove_suffix(1);
  return MatchKey(word);
}

// A word of a section that lists whole words and stems: a stem (written with its trailing "*")
// goes to `stems`, a word to `words`.
void AddWordOrStem(std::string_view word, std::unordered_set<std::string>& words,
                   std::vector<std::string>& stems) {
  if (word.back() == '*') {
    stems.push_back(StemKey(word));
  } else {
    words.insert(MatchKey(word));
  }
}

void ParseCueFile(std::string_view text, LangCues& cues) {
  std::string section;
  for (std::string_view line : DataLines(text)) {
    if (line.front() == '[' && line.back() == ']') {
      section = std::string(line.substr(1, line.size() - 2));
      continue;
    }
    Cue cue;
    std::size_t tab = line.find('\t');
    std::string_view word = line.substr(0, tab);
    if (tab != std::string_view::npos) {
      cue.weak = line.substr(tab + 1).find("weak") != std::string_view::npos;
      cue.loose = line.substr(tab + 1).find("loose") != std::string_view::npos;
    }
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    if (word.empty()) continue;
    cue.text = std::string(word);
    const bool cased = IsCasedText(word);
    if (section == "person" || section == "place" || section == "org") {
      cue.type = section == "person"  ? EntityType::kPerson
                 : section == "place" ? EntityType::kPlace
                                      : EntityType::kOrg;
      if (cased) {
        std::string key = CueKey(word);
        cues.max_title_words = std::max(cues.max_title_words, WordCount(key));
        cues.titles.emplace(key, cue);
      } else {
        cues.prefix_titles.emplace_back(FromUtf8(word), cue);
      }
    } else if (section == "org-start" || section == "org-start-sentence-case") {
      cue.type = EntityType::kOrg;
      if (cased) {
        cues.org_start.insert(MatchKey(word));
        if (section == "org-start-sentence-case")
          cues.org_start_sentence_case.insert(MatchKey(word));
      } else {
        cues.prefix_org_start.emplace_back(FromUtf8(word), cue);
      }
    } else if (section == "org-head") {
      AddWordOrStem(word, cues.org_heads, cues.org_head_stems);
    } else if (section == "government") {
      cues.government_stems.push_back(StemKey(word));
    } else if (section == "region") {
      cues.region_stems.push_back(StemKey(word));
    } else if (section == "place-noun") {
      cues.place_noun_stems.push_back(StemKey(word));
    } else if (section == "org-noun") {
      AddWordOrStem(word, cues.org_nouns, cues.org_noun_stems);
    } else if (section == "org-end") {
      cues.org_end.insert(MatchKey(word));
    } else if (section == "place-end") {
      cues.place_end.insert(MatchKey(word));
    } else if (section == "misc-end") {
      cues.misc_end.insert(MatchKey(word));
    } else if (section == "connector") {
      cues.connectors.insert(MatchKey(word));
    } else if (section == "leading-particle") {
      cues.leading_particles.insert(MatchKey(word));
    } else if (section == "not-name") {
      cues.not_names.insert(MatchKey(word));
    } else if (section == "conjunction") {
      cues.conjunctions.insert(MatchKey(word));
    } else if (section == "name-article") {
      cues.name_articles.insert(MatchKey(word));
    } else if (section == "stop") {
      cues.stops.insert(MatchKey(word));
    } else if (section == "after-name") {
      cues.after_name.insert(MatchKey(word));
    } else if (section == "not-cue") {
      cues.not_cues.push_back(FromUtf8(word));
    }
  }
}

void Merge(const LangCues& from, LangCues& into) {
  for (const auto& [k, v] : from.titles) into.titles.emplace(k, v);
  into.max_title_words = std::max(into.max_title_words, from.max_title_words);
  into.org_start.insert(from.org_start.begin(), from.org_start.end());
  into.org_start_sentence_case.insert(from.org_start_sentence_case.begin(),
                                      from.org_start_sentence_case.end());
  into.org_heads.insert(from.org_heads.begin(), from.org_heads.end());
  into.org_head_stems.insert(into.org_head_stems.end(), from.org_head_stems.begin(),
                             from.org_head_stems.end());
  into.org_end.insert(from.org_end.begin(), from.org_end.end());
  into.place_end.insert(from.place_end.begin(), from.place_end.end());
  into.misc_end.insert(from.misc_end.begin(), from.misc_end.end());
  into.connectors.insert(from.connectors.begin(), from.connectors.end());
  into.leading_particles.insert(from.leading_particles.begin(), from.leading_particles.end());
  into.not_names.insert(from.not_names.begin(), from.not_names.end());
  into.name_articles.insert(from.name_articles.begin(), from.name_articles.end());
  into.conjunctions.insert(from.conjunctions.begin(), from.conjunctions.end());
  into.stops.insert(from.stops.begin(), from.stops.end());
  into.after_name.insert(from.after_name.begin(), from.after_name.end());
  into.prefix_titles.insert(into.prefix_titles.end(), from.prefix_titles.begin(),
                            from.prefix_titles.end());
  into.prefix_org_start.insert(into.prefix_org_start.end(), from.prefix_org_start.begin(),
                               from.prefix_org_start.end());
  into.not_cues.insert(into.not_cues.end(), from.not_cues.begin(), from.not_cues.end());
}

}  // namespace

// "Brigadier General" -> "brigadier general"; "Mr." -> "mr"; "Lt. Gen." -> "lt gen".
std::string CueKey(std::string_view utf8) {
  std::string key = MatchKey(utf8);
  std::string out;
  for (char c : key) {
    if (c == '.') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool LangCues::IsOrgHead(std::string_view key) const {
  if (org_heads.count(std::string(key)) != 0) return true;
  return std::any_of(org_head_stems.begin(), org_head_stems.end(),
                     [&](const std::string& stem) { return key.starts_with(stem); });
}

namespace {

// A stem and a case ending of at most `most` letters: "правительству", not the adjective
// "правительственные".
bool StemWithEnding(const std::vector<std::string>& stems, std::string_view key, int32_t most = 3) {
  return std::any_of(stems.begin(), stems.end(), [&](const std::string& stem) {
    if (!key.starts_with(stem)) return false;
    int32_t letters = 0;
    for (std::size_t k = stem.size(); k < key.size(); ++k) letters += (key[k] & 0xC0) != 0x80;
    return letters <= most;
  });
}

}  // namespace

bool LangCues::IsGovernment(std::string_view key) const {
  return StemWithEnding(government_stems, key);
}

bool LangCues::IsRegionAdjective(std::string_view key) const {
  return StemWithEnding(region_stems, key);
}

bool LangCues::IsPlaceNoun(std::string_view key) const {
  // Two letters: "области", "kraji", not the adjectives "областной", "krajské".
  return StemWithEnding(place_noun_stems, key, 2);
}

bool LangCues::IsOrgNoun(std::string_view key) const {
  return org_nouns.count(std::string(key)) != 0 || StemWithEnding(org_noun_stems, key);
}

void LangCues::Index() {
  titles_by_first.clear();
  org_by_first.clear();
  not_cues_by_first.clear();
  for (std::size_t k = 0; k < prefix_titles.size(); ++k) {
    titles_by_first[prefix_titles[k].first[0]].push_back(k);
  }
  for (std::size_t k = 0; k < prefix_org_start.size(); ++k) {
    org_by_first[prefix_org_start[k].first[0]].push_back(k);
  }
  for (std::size_t k = 0; k < not_cues.size(); ++k) not_cues_by_first[not_cues[k][0]].push_back(k);
}

const std::vector<std::size_t>& CuesStartingWith(
    const std::unordered_map<char16_t, std::vector<std::size_t>>& index, char16_t first) {
  static const std::vector<std::size_t> kNone;
  auto it = index.find(first);
  return it == index.end() ? kNone : it->second;
}

CueTables LoadCueTables(const DataPack& data) {
  CueTables tables;
  LangCues common;
  if (std::optional<std::string_view> text = data.Find("cues/common.txt"))
    ParseCueFile(*text, common);
  Merge(common, tables.all);
  for (const DataFile& file : data.List("cues/")) {
    std::string_view path = file.path;
    if (path.size() < 4 || path.substr(path.size() - 4) != ".txt" || path == "cues/common.txt") {
      continue;
    }
    std::string lang(path.substr(5, path.size() - 9));
    LangCues cues;
    ParseCueFile(file.contents, cues);
    Merge(cues, tables.all);
    Merge(common, cues);
    SortLongestFirst(cues.prefix_titles);
    SortLongestFirst(cues.prefix_org_start);
    cues.Index();
    tables.by_lang.emplace(lang, std::move(cues));
  }
  // Leading particles are no words of the languages that list them, but are of others ("van" in
  // Dutch, "von" in German): text in another or an unknown language has none.
  tables.all.leading_particles.clear();
  SortLongestFirst(tables.all.prefix_titles);
  SortLongestFirst(tables.all.prefix_org_start);
  tables.all.Index();
  return tables;
}

}  // namespace crosswire::mentions
