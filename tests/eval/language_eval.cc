// Agreement of the shipped language identifier with CLD2 (the reference) on the seeds and on
// devdata text: ECB+ articles (English), ThaiNER news (Thai), and paragraphs of those articles.
//   usage: language_eval SOURCE_DIR DEVDATA_DIR [--show]
// --show prints the lines of 8 words or more where the two disagree.
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
  std::printf("%-32s %6d / %6d agree (%.1f%%)", name.c_str(), t.agree, t.total,
              t.total ? 100.0 * t.agree / t.total : 0);
  int shown = 0;
  for (const auto& [pair, n] : t.disagreements) {
    if (shown++ < 6) std::printf("  %s:%d", pair.c_str(), n);
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  const bool show = argc == 4 && std::string(argv[3]) == "--show";
  if (argc != 3 && !show) {
    std::fprintf(stderr, "usage: language_eval SOURCE_DIR DEVDATA_DIR [--show]\n");
    return 2;
  }
  auto id =
      std::move(crosswire::LanguageIdentifier::Create(crosswire::DataPack::Embedded())).value();
  using namespace crosswire::bench;
  // The Slavic news articles (bg, cs, pl, ru, sl, uk): longer texts in six other languages.
  Corpus slavic{"slavic", {}};
  for (const auto& f : SortedFiles(std::string(argv[2]) + "/slavic/docs")) {
    slavic.articles.push_back({f.filename().string(), ReadAll(f)});
  }
  for (const Corpus& corpus : {Seeds(argv[1]), EcbPlus(argv[2]), ThaiNer(argv[2]), slavic}) {
    Tally articles, paragraphs, lines, long_lines;
    for (const Article& a : corpus.articles) {
      icu::UnicodeString text = crosswire::FromUtf8(a.bytes);
      const std::string article_lang = id->Identify(text, 0, text.length()).lang;
      Add(articles, article_lang, Cld2(a.bytes));
      if (show && article_lang != Cld2(a.bytes)) {
        std::printf("  article %s: %s/%s\n", a.id.c_str(), article_lang.c_str(), Cld2(a.bytes).c_str());
      }
      // Paragraphs of 60+ characters, as the analyzer identifies them.
      int32_t start = 0;
      while (start < text.length()) {
        int32_t end = text.indexOf(u'\n', start);
        if (end < 0) end = text.length();
        std::string para = crosswire::ToUtf8(icu::UnicodeString(text, start, end - start));
        const std::string ours = id->Identify(text, start, end).lang;
        const std::string cld2 = Cld2(para);
        if (end - start >= 60) Add(paragraphs, ours, cld2);
        // Every non-blank line, and the lines of 8 words or more (words: runs between spaces).
        int words = 0;
        bool in_word = false;
        for (char c : para) {
          const bool space = c == ' ' || c == '\t' || c == '\r';
          words += !space && !in_word;
          in_word = !space;
        }
        if (words > 0) Add(lines, ours, cld2);
        if (words >= 8) Add(long_lines, ours, cld2);
        if (show && words >= 8 && ours != cld2) {
          std::printf("  %s/%s  %s\n", ours.c_str(), cld2.c_str(), para.c_str());
        }
        start = end + 1;
      }
    }
    Print(corpus.name + " articles", articles);
    Print(corpus.name + " paragraphs", paragraphs);
    Print(corpus.name + " lines (8+ words)", long_lines);
    Print(corpus.name + " lines (all)", lines);
  }
  return 0;
}
