#include "gazetteer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/fields.h"
#include "text/normalize.h"

namespace crosswire {
namespace {

// The words of a name, folded (case and accents), as code points.
std::vector<std::u32string> FoldedWords(std::string_view utf8_name) {
  std::vector<std::u32string> words;
  const icu::UnicodeString folded = FromUtf8(FoldedKey(utf8_name));
  std::u32string word;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isspace(c)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(static_cast<char32_t>(c));
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// The first three letters of each word: two inflected forms of a name share them.
std::string LooseKey(const std::vector<std::u32string>& words) {
  icu::UnicodeString key;
  for (const std::u32string& w : words) {
    for (std::size_t k = 0; k < w.size() && k < 3; ++k) key.append(static_cast<UChar32>(w[k]));
    key.append(u' ');
  }
  return ToUtf8(key);
}

// Two forms of one word of a multi-word name: the same, or a shared beginning of at least three
// letters (four when both are longer) followed by endings of at most three letters each
// ("zdravstvene" / "zdravstvena", "Europejskiej" / "Europejska", "Организации" / "Организация").
// Words of three letters or fewer must be the same.
bool SameWordInflected(const std::u32string& a, const std::u32string& b) {
  if (a == b) return true;
  const std::size_t shorter = std::min(a.size(), b.size());
  if (shorter <= 3) return false;
  std::size_t common = 0;
  while (common < shorter && a[common] == b[common]) ++common;
  const std::size_t needed = shorter >= 5 ? 4 : 3;
  return common >= needed && a.size() - common <= 3 && b.size() - common <= 3;
}

// An acronym of two or three capital letters ("UN", "ОН", "UNO", "EU", "USA"): in any case but its
// own it is often a short common word of some language — Spanish "Un" and Italian "Uno" opening a
// sentence, Russian "Он" (he), Portuguese "Eu" (I), Italian "Usa" (uses) — which matched
// case-insensitively became the United Nations, the European Union or the United States.
bool IsShortAcronym(std::string_view name) {
  const icu::UnicodeString s = FromUtf8(name);
  const int32_t letters = s.countChar32();
  if (letters < 2 || letters > 3) return false;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    if (!u_isupper(s.char32At(i))) return false;
  }
  return true;
}

}  // namespace

struct Gazetteer::Impl {
  std::vector<GazetteerEntry> entries;
  // Entry index by (type, canonical): rows of different files naming the same place merge.
  std::unordered_map<std::string, int32_t> by_canonical;
  std::unordered_map<std::string, int32_t> by_key;     // MatchKey of a name
  std::unordered_map<std::string, int32_t> by_folded;  // FoldedKey of a name
  std::unordered_map<std::string, int32_t> demonyms;   // MatchKey of an adjective -> entry
  // Names written only in capitals and marked "=" in the data ("=WHO"), and every acronym of two
  // or three capitals (IsShortAcronym): matched with their case, as the same letters in lower case
  // are a common word.
  std::unordered_map<std::string, int32_t> exact_case;
  // Names of two or more words, by the first letters of each word (see LooseKey), for
  // LookupInflected.
  struct MultiWordName {
    std::vector<std::u32string> words;
    int32_t entry;
  };
  std::unordered_map<std::string, std::vector<MultiWordName>> multi_word;
  std::unordered_map<std::string, std::vector<Gazetteer::Sense>> senses;  // by canonical name
  int32_t max_name_utf16 = 0;
  // Every key, sorted: LongestMatch stops extending a span as soon as no name starts with it, so
  // it can try every character position of text written without spaces.
  std::vector<std::string> sorted_keys;

  bool AnyKeyStartsWith(const std::string& prefix) const {
    auto it = std::lower_bound(sorted_keys.begin(), sorted_keys.end(), prefix);
    return it != sorted_keys.end() && it->compare(0, prefix.size(), prefix) == 0;
  }

  int32_t EntryFor(EntityType type, std::string_view canonical) {
    std::string id = std::string(EntityTypeName(type)) + '\t' + std::string(canonical);
    auto [it, inserted] = by_canonical.emplace(id, static_cast<int32_t>(entries.size()));
    if (inserted) {
      entries.push_back(GazetteerEntry{type, std::string(canonical), it->second});
    }
    return it->second;
  }

  // First writer wins: curated aliases are loaded before the generated table, so they decide
  // what an ambiguous name means.
  void AddName(std::string_view name, int32_t entry) {
    if (name.size() > 1 && name.front() == '=') {
      exact_case.emplace(std::string(name.substr(1)), entry);
      return;
    }
    if (IsShortAcronym(name)) {
      exact_case.emplace(std::string(name), entry);
      return;
    }
    std::vector<std::u32string> words = FoldedWords(name);
    if (words.size() >= 2) multi_word[LooseKey(words)].push_back({std::move(words), entry});
    std::string key = MatchKey(name);
    if (key.empty()) return;
    by_key.emplace(key, entry);
    by_folded.emplace(FoldedKey(name), entry);
    max_name_utf16 = std::max(max_name_utf16, FromUtf8(name).length());
  }

  Status LoadNames(std::string_view path, std::string_view text) {
    int line_number = 0;
    for (std::string_view line : DataLines(text)) {
      ++line_number;
      std::vector<std::string_view> fields = NonEmptyFields(line);
      if (fields.size() < 2) {
        return Status(StatusCode::kDataError, std::string(path) + ": line " +
                                                  std::to_string(line_number) +
                                                  ": expected TYPE<TAB>name<TAB>variant...");
      }
      std::optional<EntityType> type = ParseEntityType(fields[0]);
      if (!type) {
        return Status(StatusCode::kDataError, std::string(path) + ": line " +
                                                  std::to_string(line_number) + ": unknown type " +
                                                  std::string(fields[0]));
      }
      int32_t entry = EntryFor(*type, fields[1]);
      for (std::size_t i = 1; i < fields.size(); ++i) AddName(fields[i], entry);
    }
    return Status::Ok();
  }

  // demonyms.tsv: English place name<TAB>adjective<TAB>adjective... The place must exist.
  void LoadDemonyms(std::string_view text) {
    for (std::string_view line : DataLines(text)) {
      std::vector<std::string_view> fields = NonEmptyFields(line);
      if (fields.size() < 2) continue;
      auto it = by_key.find(MatchKey(fields[0]));
      int32_t entry = it != by_key.end() ? it->second : EntryFor(EntityType::kPlace, fields[0]);
      for (std::size_t i = 1; i < fields.size(); ++i) demonyms.emplace(MatchKey(fields[i]), entry);
    }
  }

  std::optional<GazetteerEntry> Find(std::string_view utf8_name) const {
    if (auto exact = exact_case.find(std::string(utf8_name)); exact != exact_case.end()) {
      return entries[exact->second];
    }
    auto it = by_key.find(MatchKey(utf8_name));
    if (it != by_key.end()) return entries[it->second];
    auto folded = by_folded.find(FoldedKey(utf8_name));
    if (folded != by_folded.end()) return entries[folded->second];
    return std::nullopt;
  }
};

Result<std::unique_ptr<Gazetteer>> Gazetteer::Create(const DataPack& data) {
  auto impl = std::make_unique<Impl>();
  // Curated files first (see AddName), in path order so that the result is deterministic.
  for (const DataFile& file : data.List("aliases/")) {
    if (file.path.size() < 4 || file.path.substr(file.path.size() - 4) != ".tsv") continue;
    Status status = impl->LoadNames(file.path, file.contents);
    if (!status.ok()) return status;
  }
  if (std::optional<std::string_view> places = data.Find("gen/places.tsv")) {
    Status status = impl->LoadNames("gen/places.tsv", *places);
    if (!status.ok()) return status;
  }
  if (std::optional<std::string_view> senses = data.Find("places/senses.tsv")) {
    int line_number = 0;
    for (std::string_view line : DataLines(*senses)) {
      ++line_number;
      std::vector<std::string_view> fields = NonEmptyFields(line);
      if (fields.size() < 3) {
        return Status(StatusCode::kDataError, "places/senses.tsv: line " +
                                                  std::to_string(line_number) +
                                                  ": expected name<TAB>other sense<TAB>context...");
      }
      Sense sense{std::string(fields[1]), {}};
      for (std::size_t i = 2; i < fields.size(); ++i)
        sense.context_keys.push_back(MatchKey(fields[i]));
      impl->senses[std::string(fields[0])].push_back(std::move(sense));
    }
  }
  if (std::optional<std::string_view> demonyms = data.Find("cues/demonyms.tsv")) {
    impl->LoadDemonyms(*demonyms);
  }
  impl->sorted_keys.reserve(impl->by_key.size());
  for (const auto& [key, entry] : impl->by_key) impl->sorted_keys.push_back(key);
  std::sort(impl->sorted_keys.begin(), impl->sorted_keys.end());
  return std::unique_ptr<Gazetteer>(new Gazetteer(std::move(impl)));
}

Gazetteer::Gazetteer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::~Gazetteer() = default;

std::optional<GazetteerEntry> Gazetteer::Lookup(std::string_view utf8_name) const {
  return impl_->Find(utf8_name);
}

std::optional<Gazetteer::Hit> Gazetteer::LongestMatch(
    std::u16string_view text, int32_t utf16_begin, const std::vector<int32_t>& token_ends) const {
  std::optional<Hit> best;
  auto first = std::upper_bound(token_ends.begin(), token_ends.end(), utf16_begin);
  for (auto it = first; it != token_ends.end(); ++it) {
    int32_t end = *it;
    if (end - utf16_begin > impl_->max_name_utf16) break;
    if (end > static_cast<int32_t>(text.size())) break;
    icu::UnicodeString candidate(false, text.data() + utf16_begin, end - utf16_begin);
    std::string key = MatchKey(candidate);
    if (!impl_->AnyKeyStartsWith(key)) break;
    auto found = impl_->by_key.find(key);
    if (found == impl_->by_key.end()) continue;
    best = Hit{end, impl_->entries[found->second]};
  }
  return best;
}

std::optional<GazetteerEntry> Gazetteer::LookupDemonym(std::string_view utf8_word) const {
  auto it = impl_->demonyms.find(MatchKey(utf8_word));
  if (it == impl_->demonyms.end()) return std::nullopt;
  return impl_->entries[it->second];
}

std::optional<GazetteerEntry> Gazetteer::LookupKeys(std::string_view match_key,
                                                    std::string_view folded_key) const {
  auto it = impl_->by_key.find(std::string(match_key));
  if (it != impl_->by_key.end()) return impl_->entries[it->second];
  auto folded = impl_->by_folded.find(std::string(folded_key));
  if (folded != impl_->by_folded.end()) return impl_->entries[folded->second];
  return std::nullopt;
}

std::optional<GazetteerEntry> Gazetteer::LookupDemonymKey(std::string_view match_key) const {
  auto it = impl_->demonyms.find(std::string(match_key));
  if (it == impl_->demonyms.end()) return std::nullopt;
  return impl_->entries[it->second];
}

bool Gazetteer::IsKeyPrefix(std::string_view match_key) const {
  return impl_->AnyKeyStartsWith(std::string(match_key));
}

const std::vector<Gazetteer::Sense>* Gazetteer::OtherSenses(std::string_view canonical) const {
  auto it = impl_->senses.find(std::string(canonical));
  return it == impl_->senses.end() ? nullptr : &it->second;
}

std::size_t Gazetteer::size() const { return impl_->entries.size(); }

std::optional<GazetteerEntry> Gazetteer::LookupExactCase(std::string_view utf8_name) const {
  auto it = impl_->exact_case.find(std::string(utf8_name));
  if (it == impl_->exact_case.end()) return std::nullopt;
  return impl_->entries[it->second];
}

std::optional<GazetteerEntry> Gazetteer::LookupInflected(std::string_view utf8_name) const {
  const std::vector<std::u32string> words = FoldedWords(utf8_name);
  if (words.size() < 2) return std::nullopt;
  auto it = impl_->multi_word.find(LooseKey(words));
  if (it == impl_->multi_word.end()) return std::nullopt;
  for (const Impl::MultiWordName& name : it->second) {
    bool all = true;
    for (std::size_t k = 0; k < words.size() && all; ++k) {
      all = SameWordInflected(words[k], name.words[k]);
    }
    if (all) return impl_->entries[name.entry];
  }
  return std::nullopt;
}

}  // namespace crosswire
