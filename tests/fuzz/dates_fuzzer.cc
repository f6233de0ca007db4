// libFuzzer target: date expressions of one document (a language byte, then UTF-8 text, prepared by
// the text core's stages), over tables built once. Checks spans and that every value is a calendar
// date of its precision.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "fuzz_tables.h"

namespace {

bool IsCalendarDate(const crosswire::Date& d) {
  using crosswire::DatePrecision;
  if (d.precision == DatePrecision::kYear) return d.month == 0 && d.day == 0;
  if (d.month < 1 || d.month > 12) return false;
  if (d.precision == DatePrecision::kMonth) return d.day == 0;
  return d.day >= 1 && d.day <= 31;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace crosswire;
  fuzz::Tables& tables = fuzz::Tables::Get();
  Document doc;
  if (!tables.Prepare(std::string_view(reinterpret_cast<const char*>(data), size), doc)) return 0;
  static const std::optional<Date> kAssumed = ParseIsoDate("2024-09-14");
  for (std::optional<Date> assumed : {std::optional<Date>(), kAssumed}) {
    ArticleDates dates = tables.dates->Find(doc, assumed, std::nullopt);
    int32_t previous_begin = 0;
    for (const DateMention& m : dates.mentions) {
      CROSSWIRE_FUZZ_CHECK(fuzz::InText(m.utf16_begin, m.utf16_end, doc.text.length()));
      CROSSWIRE_FUZZ_CHECK(m.utf16_begin < m.utf16_end);
      CROSSWIRE_FUZZ_CHECK(m.utf16_begin >= previous_begin);
      CROSSWIRE_FUZZ_CHECK(IsCalendarDate(m.value));
      previous_begin = m.utf16_begin;
    }
    if (dates.published) CROSSWIRE_FUZZ_CHECK(IsCalendarDate(*dates.published));
    if (dates.event_date) CROSSWIRE_FUZZ_CHECK(IsCalendarDate(*dates.event_date));
  }
  return 0;
}
