// The plain structs the core takes and returns: options, and the analysis of a batch (articles,
// mentions, entities, stories). Part of the public API (analyzer.h includes it); the stages build
// these structs directly. The JSON form of an Analysis is described in docs/ARCHITECTURE.md.
//
// Offsets are half-open and count UTF-16 code units of the decoded article text, as JavaScript's
// String.prototype.slice does.
#ifndef CROSSWIRE_TYPES_H_
#define CROSSWIRE_TYPES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosswire/status.h"

namespace crosswire {

struct Options {
  // An article whose decoded text is larger than this is rejected with kTooLarge.
  std::size_t max_article_bytes = 2 * 1024 * 1024;
  // The whole batch (sum of the input sizes) may not exceed this; articles beyond it are rejected.
  // Sized so that a full batch fits the wasm heap (2 GiB): analysis peaks at up to ~94 bytes of
  // wasm heap (~100 of native memory) per byte of text with one-letter words, ~37 (~44) with
  // ordinary words (BENCHMARKS.md, "Memory per byte of text"). The same in both builds, for parity.
  std::size_t max_batch_bytes = 16 * 1024 * 1024;
  // When not empty, the language of every article (BCP 47, e.g. "en"); otherwise it is identified.
  std::string language;
  // "YYYY-MM-DD": publication date assumed for articles that state none; relative and year-less
  // dates resolve against it. Empty: unknown.
  std::string assumed_published;
  // Mention detection with the trained tagger (core/tagger/) in Latin, Cyrillic, Greek... and Thai
  // text, beside the rules: it decides where the rules had only a name's shape to go by, and adds
  // the names they miss. Off by default: it finds and types more names, but entity linking is not
  // yet tuned to its mentions (BENCHMARKS.md, "Mention tagger"). Without it, a small model
  // (tagger/typing.model) only types the rules' names in cased scripts. Chinese and Japanese text
  // is always tagged. In the wasm build the models of the other scripts come in the `tagger` data
  // pack, which crosswire.js loads for an analyzer created with `tagger: true`.
  bool use_tagger = false;

  // Data files added to the compiled-in data pack (path, contents), e.g. the named entries of a
  // data pack loaded at run time (core/data_pack.h); one replaces a compiled-in file of the same
  // path. The bytes must outlive the Analyzer.
  std::vector<std::pair<std::string_view, std::string_view>> extra_data;

  // Threads for the per-article steps (docs/ARCHITECTURE.md, "Map and reduce"); 0: one per core.
  // The result is the same for every value. The wasm build always uses one.
  int jobs = 0;
};

// What is known about one article besides its text (Analyzer::AddArticle).
struct ArticleOptions {
  // "YYYY-MM-DD": the article's publication date, when known. It is the article's `published`
  // date, whatever the text says, and its relative and year-less dates resolve against it.
  // Empty: read from the text (a dateline), else Options::assumed_published.
  std::string published;
};

// A calendar date with the precision it was stated with; month/day are 0 when unknown.
enum class DatePrecision { kDay, kMonth, kYear };

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  DatePrecision precision = DatePrecision::kDay;
  // "2024-09-13", "2024-09" or "2024" as the precision allows.
  std::string ToString() const;
  friend bool operator==(const Date&, const Date&) = default;
};

enum class EntityType { kPerson, kOrg, kPlace, kMisc };
std::string_view EntityTypeName(EntityType type);  // "PERSON", "ORG", "PLACE", "MISC"
// The type a name of EntityTypeName stands for, as data files and aliases write it.
std::optional<EntityType> ParseEntityType(std::string_view name);

struct RemovedSpan {
  int32_t utf16_begin = 0;
  int32_t utf16_end = 0;
  std::string reason;  // "boilerplate", "related-links", "byline", ...
};

struct Mention {
  int32_t utf16_begin = 0;
  int32_t utf16_end = 0;
  std::string text;
  EntityType type = EntityType::kMisc;
  std::string entity;  // "E1"
};

struct DateMention {
  int32_t utf16_begin = 0;
  int32_t utf16_end = 0;
  std::string text;
  Date value;
};

struct ArticleResult {
  std::string id;
  std::string title;
  std::string lang = "und";
  std::string encoding;     // detected encoding of the input bytes, e.g. "UTF-8", "windows-1251"
  std::string text;         // the decoded text (UTF-8); offsets refer to its UTF-16 form
  int32_t text_length = 0;  // in UTF-16 code units
  std::optional<Date> published;
  std::optional<Date> event_date;
  std::string date_reason;  // why event_date/published were chosen, readable
  std::vector<RemovedSpan> removed;
  std::vector<std::string> warnings;
  std::vector<Mention> mentions;
  std::vector<DateMention> dates;
};

// Why a spelling belongs to its entity: the link that first joined it to the entity's other
// spellings (entity linking, docs/ARCHITECTURE.md).
struct VariantLink {
  // "known-name": both are names of one place or organisation the gazetteer or the aliases list
  // (`with` is that name); "abbreviation": an acronym and the name its article spells out;
  // "stated": given in parentheses beside the other ("Марк Рютте (Mark Rutte)"); "same-spelling":
  // written alike once case and script are set aside; "similar": the name matcher calls them the
  // same name; "part-of": a shorter name standing for the full one.
  std::string rule;
  std::string with;  // the spelling it was joined to, or the known name
  double score = 1;  // 0..1: the name matcher's, for "similar" and "part-of"; 1 for the others
};

struct Variant {
  std::string text;
  std::string lang;
  int count = 0;
  // The spelling in its base form ("Donalda Trumpa" -> "Donald Trump"); the text itself in
  // languages without inflection rules.
  std::string base;
  std::string latin;  // the standard form the name matcher compares: Latin, lower case, ASCII
  // How it joined the entity; none for the entity's first spelling.
  std::optional<VariantLink> link;
};

struct EntityResult {
  std::string id;
  EntityType type = EntityType::kMisc;
  std::string name;
  std::vector<Variant> variants;
  std::vector<std::string> articles;
  int mentions = 0;
};

struct StoryLink {
  std::string a;
  std::string b;
  double score = 0;
  std::vector<std::string> shared;  // entity ids both articles mention
};

struct StoryResult {
  std::string id;
  std::string label;
  std::vector<std::string> articles;
  std::vector<std::string> entities;
  std::vector<std::string> languages;
  std::optional<Date> date;
  std::vector<StoryLink> links;
};

// An input that was rejected; the other articles are analysed as usual.
struct Rejection {
  std::string id;
  Status status;
};

struct Analysis {
  std::vector<ArticleResult> articles;
  std::vector<EntityResult> entities;
  std::vector<StoryResult> stories;
  std::vector<Rejection> rejected;
};

struct MatchResult {
  double score = 0;  // 0..1
  bool same = false;
  std::string key_a;  // the standard forms compared, for explanations
  std::string key_b;
};

// An accepted article as the core decoded it: the text that analysis offsets refer to.
struct ArticleInfo {
  std::string id;
  std::string text;  // UTF-8
  std::string encoding;
  std::vector<std::string> warnings;
};

}  // namespace crosswire

#endif  // CROSSWIRE_TYPES_H_
