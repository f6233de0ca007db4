// Agreement of the shipped language identifier with CLD2 (the reference) on the seeds and on
// devdata text: ECB+ articles (English), ThaiNER news (Thai), and paragraphs of those articles.
//   usage: language_eval SOURCE_DIR DEVDATA_DIR
#include <cstdio>
#include <map>
#include <string>

// CLD2's header uses FILE without including <cstdio>: it must come after it.
#include <cld2/public/compact_lang_det.h>

#include "bench/corpus.h"
#include "data_pack.h"
#include "language.h"
#include "text/normalize.h"

namespace {

std::string Cld2(const std::string& text) {
  bool reliable = false;
  CLD2::Language lang =
      CLD2::DetectLanguage(text.data(), static_cast<int>(text.size()), true, &reliable);
  std::string code = CLD2::LanguageCode(lang);
  if (code == "iw") code = "he";
  if (code == "un") code = "und";
  return code;
}

struct Tally {
  int agree = 0, total = 0;
  std::map<std::string, int> disagreements;  // "ours/cld2"
};

void Add(Tally& t, const std::string& ours, const std::string& cld2) {
  ++t.total;
  if (ours == cld2)
    ++t.agree;
  else
    ++t.disagreements[ours + "/" + cld2];
}

void Print(const std::string& name, const Tally& t) {
  std::printf("%-28s %6d / %6d agree (%.1f%%)", name.c_str(), t.agree, t.total,
              t.total ? 100.0 * t.agree / t.total : 0);
  int shown = 0;
  for (const auto& [pair, n] : t.disagreements) {
    if (shown++ < 6) std::printf("  %s:%d", pair.c_str(), n);
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: language_eval SOURCE_DIR DEVDATA_DIR\n");
    return 2;
  }
  auto id =
      std::move(crosswire::LanguageIdentifier::Create(crosswire::DataPack::Embedded())).value();
  using namespace crosswire::bench;
  for (const Corpus& corpus : {Seeds(argv[1]), EcbPlus(argv[2]), ThaiNer(argv[2])}) {
    Tally articles, paragraphs;
    for (const Article& a : corpus.articles) {
      icu::UnicodeString text = crosswire::FromUtf8(a.bytes);
      Add(articles, id->Identify(text, 0, text.length()).lang, Cld2(a.bytes));
      // Paragraphs of 60+ characters, as the analyzer identifies them.
      int32_t start = 0;
      while (start < text.length()) {
        int32_t end = text.indexOf(u'\n', start);
        if (end < 0) end = text.length();
        if (end - start >= 60) {
          std::string para = crosswire::ToUtf8(icu::UnicodeString(text, start, end - start));
          Add(paragraphs, id->Identify(text, start, end).lang, Cld2(para));
        }
        start = end + 1;
      }
    }
    Print(corpus.name + " articles", articles);
    Print(corpus.name + " paragraphs", paragraphs);
  }
  return 0;
}
