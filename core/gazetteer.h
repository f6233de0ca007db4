// The gazetteer: places from CLDR (region names and time-zone exemplar cities in every locale ICU
// has, dumped at build time by toolchain/gen_places.cc) plus curated aliases
// (core/data/aliases/*.tsv), looked up by normalized key.
#ifndef CROSSWIRE_CORE_GAZETTEER_H_
#define CROSSWIRE_CORE_GAZETTEER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosswire/types.h"
#include "data_pack.h"

namespace crosswire {

struct GazetteerEntry {
  EntityType type = EntityType::kPlace;
  std::string canonical;  // English name, e.g. "Belarus"
  int32_t id = 0;         // stable index
};

class Gazetteer {
 public:
  static Result<std::unique_ptr<Gazetteer>> Create(const DataPack& data);
  ~Gazetteer();

  // Exact lookup of a name (any script) by its normalized key (NFKC_Casefold; diacritic-folded as a
  // fallback). Returns the entry or nothing.
  std::optional<GazetteerEntry> Lookup(std::string_view utf8_name) const;
  // A name of two or more words in an inflected form of a listed one, word by word: each word
  // the same or sharing its beginning with an ending of at most three letters on each side
  // ("Svetovne zdravstvene organizacije" -> World Health Organization, "Российской Федерации" ->
  // Russia). One-word names are not matched so: their endings are base-form work (base_forms.h).
  std::optional<GazetteerEntry> LookupInflected(std::string_view utf8_name) const;
  // A name the data lists only in capitals ("=WHO" in core/data/aliases), matched with its case.
  std::optional<GazetteerEntry> LookupExactCase(std::string_view utf8_name) const;
  // Longest entry starting at `utf16_begin` in `text` that ends on a token boundary, for uncased
  // scripts; returns the end offset and entry.
  // (The mentions stage uses this to scan Thai/Arabic/Han text.)
  struct Hit {
    int32_t utf16_end = 0;
    GazetteerEntry entry;
  };
  std::optional<Hit> LongestMatch(std::u16string_view text, int32_t utf16_begin,
                                  const std::vector<int32_t>& token_ends) const;
  // Adjective/demonym forms that point to a place ("Iranian" -> Iran, "biélorusse" -> Belarus),
  // if the data has them.
  std::optional<GazetteerEntry> LookupDemonym(std::string_view utf8_word) const;

  // The same lookups by keys the caller already has (Token::key, Token::folded_key; words joined
  // by one space), for scanning text word by word without normalizing it again.
  std::optional<GazetteerEntry> LookupKeys(std::string_view match_key,
                                           std::string_view folded_key) const;
  std::optional<GazetteerEntry> LookupDemonymKey(std::string_view match_key) const;
  // True when some name's key starts with `match_key`: longer spans cannot match otherwise.
  bool IsKeyPrefix(std::string_view match_key) const;

  // A place name's other meaning, which the names of the same article select
  // (core/data/places/senses.tsv): "Georgia" beside Atlanta is the U.S. state.
  struct Sense {
    std::string canonical;                  // "Georgia (U.S. state)"
    std::vector<std::string> context_keys;  // MatchKeys of the names that select it
  };
  // The other senses of the entry named `canonical`, or nullptr.
  const std::vector<Sense>* OtherSenses(std::string_view canonical) const;

  std::size_t size() const;

 private:
  struct Impl;
  explicit Gazetteer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_GAZETTEER_H_
