// Crosswire: a multilingual news-article analyzer.
//
// The one public header of the core. An Analyzer holds a batch of articles; Analyze() runs the
// pipeline (decode -> clean -> segment -> entities -> dates -> stories) and returns plain structs,
// which AnalysisToJson() turns into the "crosswire/1" document of DESIGN.md.
//
// Offsets in results are half-open and count UTF-16 code units of the decoded article text, as
// JavaScript's String.prototype.slice does.
#ifndef CROSSWIRE_ANALYZER_H_
#define CROSSWIRE_ANALYZER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crosswire {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // malformed call: empty id, duplicate id, bad option value
  kTooLarge,         // an article or the batch is over its size limit
  kBinaryInput,      // bytes that are not text (NUL-laden, undecodable)
  kBadAliases,       // an aliases file line that cannot be read
  kDataError,        // the data pack or ICU data could not be loaded
  kUnreadable,       // an input that cannot be read: missing, no permission, not a file, link loop
  kInternal,
};

// The name of a code as the JS API and the CLI report it, e.g. "too_large".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }

 private:
  Status status_;
  std::optional<T> value_;
};

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

struct Variant {
  std::string text;
  std::string lang;
  int count = 0;
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

class Analyzer {
 public:
  // Builds an analyzer with its tables (data pack, ICU objects). Native builds use the system ICU
  // data; the wasm module hands ICU its data (udata_setCommonData) before the first Create.
  static Result<std::unique_ptr<Analyzer>> Create(Options options = {});
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Adds an article given as UTF-8 text. Ids must be unique within the batch.
  Status AddArticle(std::string_view id, std::string_view utf8_text);
  // Adds a file's raw bytes; the encoding is detected and the text decoded. An .html/.htm name
  // makes the core extract the article from the markup.
  Status AddFile(std::string_view name, std::string_view bytes);
  // Reads user corrections in the aliases format (TYPE<TAB>canonical<TAB>variant...).
  Status AddAliases(std::string_view aliases_text);
  // The decoded text of an accepted article, or nothing for an unknown id.
  std::optional<ArticleInfo> Article(std::string_view id) const;
  // Drops all articles (aliases stay).
  void Clear();
  // Drops the user corrections added with AddAliases.
  void ClearAliases();

  // Runs the whole pipeline over the batch. Deterministic: the same batch in any order gives the
  // same result, apart from the order of `articles`, which follows insertion.
  Analysis Analyze();

  // Compares two names with the entity matcher.
  MatchResult Match(std::string_view name_a, std::string_view name_b);

  const Options& options() const;

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The "crosswire/1" JSON document, with a stable key order.
std::string AnalysisToJson(const Analysis& analysis);

}  // namespace crosswire

#endif  // CROSSWIRE_ANALYZER_H_
