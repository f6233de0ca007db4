// Cleaning: the article's title, and boilerplate lines (share bars, comment counters, source links,
// related-article lists, view counters, agency bylines, site headers) reported as removed spans —
// never silently dropped. Patterns are data: core/data/boilerplate/<lang>.txt (all.txt for every
// language).
#ifndef CROSSWIRE_CORE_CLEAN_H_
#define CROSSWIRE_CORE_CLEAN_H_

#include <unicode/regex.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "crosswire/types.h"
#include "data_pack.h"
#include "document.h"

namespace crosswire {

class Cleaner {
 public:
  static Result<std::unique_ptr<Cleaner>> Create(const DataPack& data);
  ~Cleaner();

  // Sets doc.removed and doc.title (with its span when it is a line of the text). Expects doc.lang.
  void Clean(Document& doc) const;

 private:
  struct Pattern {
    std::string reason;
    std::unique_ptr<icu::RegexPattern> regex;
  };
  Cleaner() = default;
  const std::vector<Pattern>* PatternsFor(const std::string& lang) const;

  std::map<std::string, std::vector<Pattern>> patterns_;  // "all", "en", "fr"...
};

// Lines longer than this (UTF-16 units) are never boilerplate.
inline constexpr int32_t kMaxBoilerplateLine = 300;

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_CLEAN_H_
