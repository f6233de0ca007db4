// Tables shared by the per-stage fuzz targets, built once per process (the first input pays), and
// the text core's per-article stages as AddFile runs them, so each target spends its time in the
// stage it fuzzes.
#ifndef CROSSWIRE_TESTS_FUZZ_FUZZ_TABLES_H_
#define CROSSWIRE_TESTS_FUZZ_FUZZ_TABLES_H_

#include <memory>
#include <string_view>

#include "clean.h"
#include "data_pack.h"
#include "dates.h"
#include "decode.h"
#include "document.h"
#include "gazetteer.h"
#include "language.h"
#include "mentions.h"
#include "names.h"
#include "segment.h"

namespace crosswire::fuzz {

// Stops the fuzzer with a crash report: a broken invariant is a bug like any sanitizer finding.
#define CROSSWIRE_FUZZ_CHECK(condition) \
  do {                                  \
    if (!(condition)) __builtin_trap(); \
  } while (0)

template <typename T>
std::unique_ptr<T> OrTrap(Result<std::unique_ptr<T>> created) {
  if (!created.ok()) __builtin_trap();
  return std::move(created).value();
}

struct Tables {
  DataPack data = DataPack::Embedded();
  std::unique_ptr<LanguageIdentifier> language = OrTrap(LanguageIdentifier::Create(data));
  std::unique_ptr<Cleaner> cleaner = OrTrap(Cleaner::Create(data));
  std::unique_ptr<Gazetteer> gazetteer = OrTrap(Gazetteer::Create(data));
  std::unique_ptr<NameMatcher> matcher = OrTrap(NameMatcher::Create(data));
  std::unique_ptr<MentionFinder> mentions = OrTrap(MentionFinder::Create(data, *gazetteer));
  std::unique_ptr<DateFinder> dates = OrTrap(DateFinder::Create(data));
  Segmenter segmenter;

  static Tables& Get() {
    static Tables* tables = new Tables();  // never destroyed: the process ends with the fuzzer
    return *tables;
  }

  // One article through language, cleaning and segmentation; false when the bytes are not text
  // (NULs) or segmentation fails. The first byte picks the language: identified (as AddFile does)
  // or one of seven set outright, which spends the time on the stage under test rather than on
  // language identification, and reaches every language's rules.
  bool Prepare(std::string_view input, Document& doc) {
    static constexpr const char* kLanguages[] = {"", "en", "fr", "de", "ru", "th", "ar", "es"};
    if (input.empty()) return false;
    const std::string forced = kLanguages[static_cast<uint8_t>(input[0]) % 8];
    Result<Decoded> decoded = DecodeUtf8(input.substr(1));
    if (!decoded.ok()) return false;
    doc.id = "fuzz.txt";
    doc.text = std::move(decoded.value().text);
    language->IdentifyDocument(doc, forced);
    cleaner->Clean(doc);
    SplitParagraphs(doc);
    if (forced.empty()) language->IdentifyParagraphs(doc);
    return segmenter.Segment(doc).ok();
  }
};

// True when [begin, end) is a span of a text of `length` UTF-16 units.
inline bool InText(int32_t begin, int32_t end, int32_t length) {
  return 0 <= begin && begin <= end && end <= length;
}

}  // namespace crosswire::fuzz

#endif  // CROSSWIRE_TESTS_FUZZ_FUZZ_TABLES_H_
