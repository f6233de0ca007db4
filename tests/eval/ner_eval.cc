// Development evaluation of typed mention spans through the whole analyzer, conlleval-style: the
// text is rebuilt from each corpus (tests/eval/ner_corpus.h), analysed in batches of 40 articles
// by the public Analyzer, and every PERSON/ORG/PLACE mention is compared with the gold PER/ORG/LOC
// spans — exact boundaries and type. MISC is left out on both sides: gold MISC spans, predicted
// MISC mentions and predicted mentions that overlap a gold MISC span are not counted. A
// typed-overlap figure (a prediction overlapping a gold span of its type) is printed beside it.
//
//   ner_eval DEVDATA [--only NAME] [--show N] [--tagger] [--model GROUP=FILE]
//
// --tagger measures the analyzer with the trained tagger beside the rules (Options::use_tagger).
// --model alphabetic=/tmp/a.model measures a model other than the compiled-in one (a model that
// train_tagger wrote, before it is committed).
//
// The held-out parts only: CoNLL-2003 en val, CoNLL-2002 es/nl test, WikiANN val, the `val` (and
// Slavic `xtopic`) items of splits.tsv. --show N prints N misses and N false spans a set, to read.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "crosswire/analyzer.h"
#include "eval/ner_corpus.h"

namespace crosswire {
namespace {

struct Set {
  std::string name;
  std::vector<ner::NerArticle> articles;
};

struct Counts {
  int gold = 0, pred = 0, exact = 0, pred_overlap = 0, gold_overlap = 0;
  int misc_pred = 0, misc_on_gold = 0;
};

const char* TypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return "PER";
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kPlace:
      return "LOC";
    default:
      return "MISC";
  }
}

std::string Slice(const icu::UnicodeString& text, int32_t b, int32_t e) {
  std::string out;
  icu::UnicodeString(text, b, e - b).toUTF8String(out);
  return out;
}

Counts Score(Analyzer& analyzer, const Set& set, int show) {
  Counts c;
  int shown_miss = 0, shown_false = 0;
  constexpr std::size_t kBatch = 40;
  for (std::size_t from = 0; from < set.articles.size(); from += kBatch) {
    analyzer.Clear();
    const std::size_t to = std::min(set.articles.size(), from + kBatch);
    std::map<std::string, const ner::NerArticle*> by_id;
    for (std::size_t i = from; i < to; ++i) {
      const ner::NerArticle& a = set.articles[i];
      std::string utf8;
      a.text.toUTF8String(utf8);
      if (analyzer.AddArticle(a.id, utf8).ok()) by_id[a.id] = &a;
    }
    Analysis analysis = analyzer.Analyze();
    for (const ArticleResult& result : analysis.articles) {
      auto it = by_id.find(result.id);
      if (it == by_id.end()) continue;
      const ner::NerArticle& a = *it->second;
      std::vector<ner::GoldSpan> gold, misc, pred;
      for (const ner::GoldSpan& g : a.gold) (g.type == "MISC" ? misc : gold).push_back(g);
      for (const Mention& m : result.mentions) {
        const std::string type = TypeName(m.type);
        if (type == "MISC") {
          ++c.misc_pred;
          bool on_gold = false;
          for (const ner::GoldSpan& g : a.gold) {
            on_gold = on_gold || (m.utf16_begin < g.end && g.begin < m.utf16_end);
          }
          c.misc_on_gold += on_gold;
          continue;
        }
        bool on_misc = false;
        for (const ner::GoldSpan& g : misc) {
          on_misc = on_misc || (m.utf16_begin < g.end && g.begin < m.utf16_end);
        }
        if (!on_misc) pred.push_back({m.utf16_begin, m.utf16_end, type});
      }
      c.gold += static_cast<int>(gold.size());
      c.pred += static_cast<int>(pred.size());
      auto overlaps = [](const ner::GoldSpan& x, const ner::GoldSpan& y) {
        return x.type == y.type && x.begin < y.end && y.begin < x.end;
      };
      for (const ner::GoldSpan& p : pred) {
        bool exact = false, overlap = false;
        for (const ner::GoldSpan& g : gold) {
          exact = exact || (g.begin == p.begin && g.end == p.end && g.type == p.type);
          overlap = overlap || overlaps(g, p);
        }
        c.exact += exact;
        c.pred_overlap += overlap;
        if (!exact && shown_false < show) {
          ++shown_false;
          std::printf("  false %-4s %s\n", p.type.c_str(), Slice(a.text, p.begin, p.end).c_str());
        }
      }
      for (const ner::GoldSpan& g : gold) {
        bool exact = false, overlap = false;
        for (const ner::GoldSpan& p : pred) {
          exact = exact || (g.begin == p.begin && g.end == p.end && g.type == p.type);
          overlap = overlap || overlaps(g, p);
        }
        c.gold_overlap += overlap;
        if (!exact && overlap && std::getenv("NER_BOUNDS")) {
          for (const ner::GoldSpan& p : pred)
            if (overlaps(g, p))
              std::printf("B\t%s\t%s\t%s\n", g.type.c_str(), Slice(a.text, g.begin, g.end).c_str(),
                          Slice(a.text, p.begin, p.end).c_str());
        }
        if (!exact && shown_miss < show) {
          ++shown_miss;
          std::printf("  miss  %-4s %s\n", g.type.c_str(), Slice(a.text, g.begin, g.end).c_str());
        }
      }
    }
  }
  return c;
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

int Main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: ner_eval DEVDATA [--only NAME] [--show N] [--tagger] [--model "
                 "GROUP=FILE]\n");
    return 2;
  }
  const std::string dev = argv[1];
  std::string only;
  int show = 0;
  Options options;
  std::vector<std::pair<std::string, std::string>> models;  // data path, bytes
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--tagger")) {
      options.use_tagger = true;
      continue;
    }
    if (i + 1 >= argc) break;
    if (!std::strcmp(argv[i], "--only"))
      only = argv[++i];
    else if (!std::strcmp(argv[i], "--show"))
      show = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--model")) {
      const std::string arg = argv[++i];
      const std::size_t eq = arg.find('=');
      std::ifstream in(arg.substr(eq == std::string::npos ? 0 : eq + 1), std::ios::binary);
      if (eq == std::string::npos || !in) {
        std::fprintf(stderr, "ner_eval: --model wants GROUP=FILE, a readable file: %s\n",
                     arg.c_str());
        return 2;
      }
      models.emplace_back("tagger/" + arg.substr(0, eq) + ".model",
                          std::string(std::istreambuf_iterator<char>(in), {}));
    }
  }
  for (const auto& [path, bytes] : models) options.extra_data.emplace_back(path, bytes);
  std::vector<std::pair<std::string, std::function<std::vector<ner::NerArticle>()>>> sources = {
      {"conll2003-en-val",
       [&] { return ner::ReadConll(dev + "/ner/conll2003/en/val.tsv", "en-", "en"); }},
      {"conll2003-de-val",
       [&] {
         return ner::ReadConll(dev + "/ner/conll2003/de/val.tsv", "de-", "de", true, SIZE_MAX,
                               true);
       }},
      {"conll2002-es-test",
       [&] { return ner::ReadConll(dev + "/ner/conll2002/es/test.tsv", "es-", "es"); }},
      {"conll2002-nl-test",
       [&] { return ner::ReadConll(dev + "/ner/conll2002/nl/test.tsv", "nl-", "nl"); }},
  };
  for (const char* lang : {"de", "en", "es", "nl", "pl", "ru"}) {
    std::string l = lang;
    sources.push_back({"wikiann-" + l + "-val", [dev, l] {
                         return ner::ReadConll(dev + "/ner/wikiann/" + l + "/val.tsv",
                                               "w" + l + "-", l);
                       }});
  }
  sources.push_back({"slavic-val", [&] { return ner::ReadSlavic(dev, "val"); }});
  sources.push_back({"slavic-xtopic", [&] { return ner::ReadSlavic(dev, "xtopic"); }});
  sources.push_back({"peoples-daily-zh-val", [&] { return ner::ReadPeoplesDaily(dev, "val"); }});
  sources.push_back({"stockmark-ja-val", [&] { return ner::ReadStockmark(dev, "val"); }});
  sources.push_back({"thainer-val", [&] { return ner::ReadThaiNer(dev, "val"); }});

  Result<std::unique_ptr<Analyzer>> analyzer = Analyzer::Create(options);
  if (!analyzer.ok()) {
    std::fprintf(stderr, "%s\n", analyzer.status().message().c_str());
    return 1;
  }
  std::printf("%-22s %7s %7s %6s %6s %6s %8s %7s %6s\n", "set", "gold", "pred", "P", "R", "F1",
              "ovl-F1", "misc", "misc-P");
  double wikiann_sum = 0;
  int wikiann_n = 0;
  for (auto& [name, read] : sources) {
    if (!only.empty() && name.find(only) == std::string::npos) continue;
    Set set{name, read()};
    if (set.articles.empty()) {
      std::printf("%-22s (no data)\n", name.c_str());
      continue;
    }
    Counts c = Score(*analyzer.value(), set, show);
    const double p = c.pred ? double(c.exact) / c.pred : 0,
                 r = c.gold ? double(c.exact) / c.gold : 0;
    const double po = c.pred ? double(c.pred_overlap) / c.pred : 0;
    const double ro = c.gold ? double(c.gold_overlap) / c.gold : 0;
    std::printf("%-22s %7d %7d %6.3f %6.3f %6.3f %8.3f %7d %6.3f\n", name.c_str(), c.gold, c.pred,
                p, r, F1(p, r), F1(po, ro), c.misc_pred,
                c.misc_pred ? double(c.misc_on_gold) / c.misc_pred : 0.0);
    std::fflush(stdout);
    if (name.rfind("wikiann-", 0) == 0) {
      wikiann_sum += F1(p, r);
      ++wikiann_n;
    }
  }
  if (wikiann_n > 0)
    std::printf("wikiann mean F1 %.3f over %d languages\n", wikiann_sum / wikiann_n, wikiann_n);
  return 0;
}

}  // namespace
}  // namespace crosswire

int main(int argc, char** argv) { return crosswire::Main(argc, argv); }
