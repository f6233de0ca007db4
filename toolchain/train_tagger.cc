// Trains the mention tagger's models (core/data/tagger/<group>.model) from the development data:
// an averaged structured perceptron over the features of core/tagger/features.h, decoding with
// Viterbi as the tagger does. Deterministic: integer weights, a fixed shuffle, the corpora in a
// fixed order — the same bytes on every run. Run through toolchain/train-tagger.sh.
//
//   train_tagger DEVDATA OUT_DIR [--epochs N] [--max-features N] [--only GROUP]
//                [--wikiann LANG,LANG...] [--wikiann-articles N] [--refit-epochs N]
//                [--out-name NAME] [--lang LANG]
//
// --lang trains the alphabetic group's model of one language (tagger/alphabetic-LANG.model, which
// reads that language's sentences in place of the shared model) on that language's data (and the
// whole of a corpus of related languages' news that holds it).
// --out-name writes OUT_DIR/NAME.model instead of OUT_DIR/<group>.model (the alphabetic group's
// small model that types the rules' candidates by default is `typing`).
// Only training data: the `train` items of splits.tsv (Slavic documents, People's Daily sentences,
// stockmark sentences, ThaiNER lines) and the train files of CoNLL-2002/2003 and WikiANN. Each text
// goes through the analyzer's own per-article stages (language, cleaning, segmentation) and the
// rule scanner, in batches of 40 articles like tests/eval/ner_eval.cc, so the model learns from the
// units and rule candidates it will see.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "clean.h"
#include "data_pack.h"
#include "document.h"
#include "eval/ner_corpus.h"
#include "gazetteer.h"
#include "language.h"
#include "mentions.h"
#include "segment.h"
#include "tagger/decode.h"
#include "tagger/features.h"
#include "tagger/model.h"
#include "tagger/units.h"
#include "text/fields.h"

namespace crosswire {
namespace {

using tagger::Features;
using tagger::kLabels;
using tagger::ModelGroup;

int show_errors = 0;  // --show-errors N

struct Example {  // one sequence of one article
  std::size_t article = 0;
  int32_t first = 0, end = 0;
  int language = 0;   // tagger::FeatureLanguage
  Features features;  // of units first..end-1
};

struct Article {
  std::vector<int> gold;
  std::vector<std::string> words;  // the units' text (for --show-errors)
};

struct Corpus {
  std::vector<Article> articles;
  std::vector<Example> examples[tagger::kModelGroups];
};

int LabelOf(const std::string& type, bool begin) {
  const int t = type == "PER" ? 0 : type == "ORG" ? 1 : type == "LOC" ? 2 : 3;
  return begin ? tagger::BeginLabel(t) : tagger::InsideLabel(t);
}

class Pipeline {
 public:
  bool Init() {
    auto fail = [](const Status& s) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return false;
    };
    auto language = LanguageIdentifier::Create(data_);
    if (!language.ok()) return fail(language.status());
    language_ = std::move(language.value());
    auto cleaner = Cleaner::Create(data_);
    if (!cleaner.ok()) return fail(cleaner.status());
    cleaner_ = std::move(cleaner.value());
    auto gazetteer = Gazetteer::Create(data_);
    if (!gazetteer.ok()) return fail(gazetteer.status());
    gazetteer_ = std::move(gazetteer.value());
    auto finder = MentionFinder::Create(data_, *gazetteer_);
    if (!finder.ok()) return fail(finder.status());
    finder_ = std::move(finder.value());
    extractor_ = std::make_unique<tagger::FeatureExtractor>(finder_->AllCues(), *gazetteer_,
                                                            tagger::HanNameLists::Load(data_));
    return true;
  }

  // Adds the articles' sequences to the corpus, 40 articles a batch.
  void Add(const std::vector<ner::NerArticle>& articles, Corpus& corpus) {
    constexpr std::size_t kBatch = 40;
    for (std::size_t from = 0; from < articles.size(); from += kBatch) {
      const std::size_t to = std::min(articles.size(), from + kBatch);
      std::vector<Document> docs;
      std::vector<const ner::NerArticle*> sources;
      for (std::size_t i = from; i < to; ++i) {
        Document doc;
        doc.id = articles[i].id;
        doc.text = articles[i].text;
        language_->IdentifyDocument(doc, "");
        cleaner_->Clean(doc);
        SplitParagraphs(doc);
        language_->IdentifyParagraphs(doc);
        if (!segmenter_.Segment(doc).ok()) continue;
        docs.push_back(std::move(doc));
        sources.push_back(&articles[i]);
      }
      std::vector<const Document*> pointers;
      for (const Document& d : docs) pointers.push_back(&d);
      const std::vector<std::vector<MentionCandidate>> rules = finder_->RuleCandidates(pointers);
      for (std::size_t d = 0; d < docs.size(); ++d) {
        const tagger::Units units = tagger::BuildUnits(docs[d]);
        Article article;
        const tagger::ArticleContext context = extractor_->Context(docs[d], rules[d]);
        article.gold.assign(units.units.size(), 0);
        if (show_errors > 0) {
          for (const tagger::Unit& unit : units.units) {
            article.words.push_back(docs[d].Slice(unit.utf16_begin, unit.utf16_end));
          }
        }
        for (const ner::GoldSpan& g : sources[d]->gold) {
          bool first = true;
          for (std::size_t u = 0; u < units.units.size(); ++u) {
            const tagger::Unit& unit = units.units[u];
            if (unit.utf16_end <= g.begin || unit.utf16_begin >= g.end) continue;
            if (article.gold[u] != 0) continue;  // overlapping gold spans: the first keeps it
            article.gold[u] = LabelOf(g.type, first);
            first = false;
          }
        }
        const std::size_t index = corpus.articles.size();
        for (const tagger::Sequence& s : units.sequences) {
          if (s.group == ModelGroup::kNone) continue;
          corpus.examples[static_cast<int>(s.group)].push_back(
              {index, s.first_unit, s.end_unit, tagger::FeatureLanguage(docs[d], s),
               extractor_->Extract(docs[d], units, s, rules[d], context)});
        }
        corpus.articles.push_back(std::move(article));
      }
    }
  }

 private:
  DataPack data_ = DataPack::Embedded();
  std::unique_ptr<LanguageIdentifier> language_;
  std::unique_ptr<Cleaner> cleaner_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<MentionFinder> finder_;
  std::unique_ptr<tagger::FeatureExtractor> extractor_;
  Segmenter segmenter_;
};

// Integer averaged perceptron: w is the current weight, sum accumulates step * change, so that the
// average over all steps (one a sequence) is w - sum / steps (computed once at the end).
struct Row {
  int32_t w[kLabels] = {};
  int64_t sum[kLabels] = {};
};

// Prints units the model gets wrong on its own training data, with their sentence, to read.
void ShowErrors(const Corpus& corpus, int group, const tagger::Model& model, int count) {
  std::vector<int> labels;
  static const char* kNames[] = {"O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
                                 "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
  for (const Example& ex : corpus.examples[group]) {
    const Article& a = corpus.articles[ex.article];
    labels.assign(a.gold.size(), 0);
    tagger::Viterbi(
        ex.features, ex.first, ex.end,
        [&](const uint32_t* f, std::size_t n, tagger::Scores& scores) {
          model.Score(f, n, scores);
        },
        labels);
    bool wrong = false;
    for (int32_t u = ex.first; u < ex.end; ++u) wrong = wrong || labels[u] != a.gold[u];
    if (!wrong) continue;
    for (int32_t u = ex.first; u < ex.end; ++u) {
      std::fprintf(stderr, "%s/%s%s ", a.words[u].c_str(), kNames[a.gold[u]],
                   labels[u] != a.gold[u] ? (std::string("!") + kNames[labels[u]]).c_str() : "");
    }
    std::fprintf(stderr, "\n");
    if (--count <= 0) return;
  }
}

// Averaged weights of a feature.
struct Kept {
  uint32_t hash;
  double mass;
  double avg[kLabels];
};

// The perceptron's passes over the group's sequences; with `allowed`, only those features take
// weights (the others are not looked up or updated). Returns the averaged weights of every
// feature with any, by decreasing mass (summed over the labels), ties by hash.
std::vector<Kept> Perceptron(const Corpus& corpus, int group, int epochs,
                             const std::unordered_set<uint32_t>* allowed) {
  std::unordered_map<uint32_t, Row> rows;
  rows.reserve(allowed ? allowed->size() * 2 : 1 << 22);
  std::vector<Example> order = corpus.examples[group];
  uint64_t state = 0x2545F4914F6CDD1Dull;  // fixed seed; xorshift, not std::shuffle (unspecified)
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  int64_t step = 1;
  std::vector<int> labels;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[next() % i]);
    int64_t errors = 0, units = 0;
    for (const Example& ex : order) {
      const Article& a = corpus.articles[ex.article];
      labels.assign(a.gold.size(), 0);
      tagger::Viterbi(
          ex.features, ex.first, ex.end,
          [&](const uint32_t* f, std::size_t n, tagger::Scores& scores) {
            for (std::size_t k = 0; k < n; ++k) {
              auto it = rows.find(f[k]);
              if (it == rows.end()) continue;
              for (int l = 0; l < kLabels; ++l) scores[l] += it->second.w[l];
            }
          },
          labels);
      // The structured perceptron's update: toward the gold path, away from the chosen one, where
      // they differ (a unit's features for its label; the transition into it).
      auto update = [&](uint32_t h, int label, int delta) {
        if (allowed && !allowed->count(h)) return;
        Row& row = rows[h];
        row.w[label] += delta;
        row.sum[label] += step * delta;
      };
      for (int32_t u = ex.first; u < ex.end; ++u) {
        const int gold = a.gold[u], chosen = labels[u];
        const int gold_before = u == ex.first ? tagger::kStart : a.gold[u - 1];
        const int chosen_before = u == ex.first ? tagger::kStart : labels[u - 1];
        ++units;
        if (gold != chosen) {
          ++errors;
          const int32_t i = u - ex.first;
          for (uint32_t k = ex.features.offsets[i]; k < ex.features.offsets[i + 1]; ++k) {
            update(ex.features.hashes[k], gold, 1);
            update(ex.features.hashes[k], chosen, -1);
          }
        }
        if (gold != chosen || gold_before != chosen_before) {
          for (uint32_t h :
               tagger::TransitionFeatures(ex.features.shape[u - ex.first], gold_before))
            update(h, gold, 1);
          for (uint32_t h :
               tagger::TransitionFeatures(ex.features.shape[u - ex.first], chosen_before))
            update(h, chosen, -1);
        }
      }
      ++step;
    }
    std::fprintf(stderr, "  %s epoch %d: %lld of %lld units wrong, %zu features\n",
                 std::string(tagger::GroupName(static_cast<ModelGroup>(group))).c_str(), epoch + 1,
                 static_cast<long long>(errors), static_cast<long long>(units), rows.size());
  }

  std::vector<Kept> kept;
  kept.reserve(rows.size());
  for (const auto& [hash, row] : rows) {
    Kept k{hash, 0, {}};
    for (int l = 0; l < kLabels; ++l) {
      k.avg[l] = row.w[l] - static_cast<double>(row.sum[l]) / static_cast<double>(step);
      k.mass += std::fabs(k.avg[l]);
    }
    if (k.mass > 0) kept.push_back(k);
  }
  std::sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) {
    return a.mass != b.mass ? a.mass > b.mass : a.hash < b.hash;
  });
  return kept;
}

std::string Train(const Corpus& corpus, int group, int epochs, std::size_t max_features,
                  int refit_epochs) {
  // The language each feature was seen with (features are conjoined with it, so there is one).
  std::unordered_map<uint32_t, int> language_of;
  int languages_seen = 0;
  {
    bool seen[tagger::kFeatureLanguages] = {};
    for (const Example& ex : corpus.examples[group]) {
      seen[ex.language] = true;
      for (uint32_t h : ex.features.hashes) language_of.emplace(h, ex.language);
    }
    for (bool s : seen) languages_seen += s;
  }
  std::vector<Kept> kept = Perceptron(corpus, group, epochs, nullptr);
  // Each language of the model an equal share of the features (by weight within it): by weight
  // alone, Japanese (more training text) crowded out Chinese (People's Daily zh val 0.72 with
  // 100,000 features, 0.67 with the heaviest 35,000 of both, 0.72 with an equal share of 36,000).
  // The transition features are not conjoined (language 0): few, and all within their share.
  {
    const std::size_t share = max_features / std::max(1, languages_seen);
    std::size_t taken[tagger::kFeatureLanguages] = {};
    std::vector<Kept> chosen;
    for (const Kept& k : kept) {
      auto it = language_of.find(k.hash);
      const int language = it == language_of.end() ? 0 : it->second;
      if (taken[language] >= share) continue;
      ++taken[language];
      chosen.push_back(k);
    }
    kept = std::move(chosen);
  }
  // Refitting: the weights of the kept features were learnt beside the million dropped ones,
  // which carried part of each decision; trained again with only the kept ones, they take it over.
  if (refit_epochs > 0) {
    std::unordered_set<uint32_t> allowed;
    allowed.reserve(kept.size() * 2);
    for (const Kept& k : kept) allowed.insert(k.hash);
    kept = Perceptron(corpus, group, refit_epochs, &allowed);
  }
  // Each row: int8 weights relative to its largest, times an int16 scale shared by the model's
  // units (the largest weight maps to 32767 * 127).
  double largest = 0;
  for (const Kept& k : kept) {
    for (double v : k.avg) largest = std::max(largest, std::fabs(v));
  }
  const double unit = largest > 0 ? largest / (32767.0 * 127.0) : 1;
  std::sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) { return a.hash < b.hash; });
  std::vector<uint32_t> hashes;
  std::vector<int16_t> scales;
  std::vector<int8_t> weights;
  for (const Kept& k : kept) {
    double row_max = 0;
    for (double v : k.avg) row_max = std::max(row_max, std::fabs(v));
    const long scale = std::lround(row_max / 127.0 / unit);
    if (scale <= 0) continue;
    int8_t q[kLabels];
    bool any = false;
    for (int l = 0; l < kLabels; ++l) {
      const long v = std::lround(std::clamp(k.avg[l] / (scale * unit), -127.0, 127.0));
      q[l] = static_cast<int8_t>(v);
      any = any || v != 0;
    }
    if (!any) continue;
    hashes.push_back(k.hash);
    scales.push_back(static_cast<int16_t>(std::min(scale, 32767L)));
    weights.insert(weights.end(), q, q + kLabels);
  }
  std::fprintf(stderr, "  kept %zu features\n", hashes.size());
  if (show_errors > 0)
    ShowErrors(corpus, group,
               tagger::Model::Parse(tagger::Model::Write(hashes, scales, weights)).value(),
               show_errors);
  std::string bytes = tagger::Model::Write(hashes, scales, weights);
  return bytes;
}

int Main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(
        stderr,
        "usage: train_tagger DEVDATA OUT_DIR [--epochs N] [--max-features N] [--only GROUP]\n"
        "       [--wikiann LANG,LANG...] [--wikiann-articles N] [--refit-epochs N]\n"
        "       [--out-name NAME] [--lang LANG]\n");
    return 2;
  }
  const std::string dev = argv[1], out_dir = argv[2];
  int epochs = 6;
  std::size_t max_features = 25000;
  std::string only;
  std::string out_name;              // the model file's name, when not the group's
  std::string lang;                  // --lang: one language's data alone
  std::vector<std::string> wikiann;  // languages whose WikiANN train file is read
  std::size_t wikiann_articles = 0;  // 0: all of each
  int refit_epochs = 0;              // passes over the data again with only the kept features
  for (int i = 3; i + 1 < argc; ++i) {
    if (!std::strcmp(argv[i], "--epochs"))
      epochs = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--max-features"))
      max_features = std::strtoul(argv[++i], nullptr, 10);
    else if (!std::strcmp(argv[i], "--only"))
      only = argv[++i];
    else if (!std::strcmp(argv[i], "--wikiann")) {
      for (std::string_view lang : NonEmptyFields(argv[++i], ',')) wikiann.emplace_back(lang);
    } else if (!std::strcmp(argv[i], "--wikiann-articles"))
      wikiann_articles = std::strtoul(argv[++i], nullptr, 10);
    else if (!std::strcmp(argv[i], "--refit-epochs"))
      refit_epochs = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--out-name"))
      out_name = argv[++i];
    else if (!std::strcmp(argv[i], "--lang"))
      lang = argv[++i];
    else if (!std::strcmp(argv[i], "--show-errors"))
      show_errors = std::atoi(argv[++i]);
  }
  Pipeline pipeline;
  if (!pipeline.Init()) return 1;
  Corpus corpus;
  const char* corpus_only = std::getenv("CROSSWIRE_TRAIN_ONLY");  // one corpus, for reading errors
  auto add = [&](const char* what, std::vector<ner::NerArticle> articles) {
    if (corpus_only && std::string(corpus_only) != what) return;
    if (!lang.empty()) {
      // A language's model reads its own language's data; a corpus of several related
      // languages' news (the Slavic one) it reads whole where its language is in it: its own
      // share is small (82 Polish, 66 Russian articles), and the others share its conventions
      // and many of its names (Slavic `xtopic` exact F1 0.782 with the language's own articles
      // alone, 0.802 with all; BENCHMARKS.md, "Models of single languages").
      const bool has_lang = std::any_of(articles.begin(), articles.end(),
                                        [&](const ner::NerArticle& a) { return a.lang == lang; });
      const bool related = std::string_view(what) == "slavic";
      if (!has_lang) return;
      if (!related) {
        std::erase_if(articles, [&](const ner::NerArticle& a) { return a.lang != lang; });
      }
    }
    if (articles.empty()) {
      std::fprintf(stderr, "no data: %s\n", what);
      std::exit(1);
    }
    std::fprintf(stderr, "reading %s: %zu articles\n", what, articles.size());
    pipeline.Add(articles, corpus);
  };
  const bool alphabetic = only.empty() || only == "alphabetic";
  const bool cjk = lang.empty() && (only.empty() || only == "cjk");
  const bool thai = lang.empty() && (only.empty() || only == "thai");
  if (!lang.empty() && out_name.empty()) out_name = "alphabetic-" + lang;
  if (alphabetic) {
    add("conll2003 en", ner::ReadConll(dev + "/ner/conll2003/en/train.tsv", "en-", "en"));
    // German news (Frankfurter Rundschau): the file's umlauts were decoded as windows-1251 and
    // are read back (ner::Windows1251AsLatin1).
    add("conll2003 de", ner::ReadConll(dev + "/ner/conll2003/de/train.tsv", "de-", "de", true,
                                       SIZE_MAX, true));
    add("conll2002 es", ner::ReadConll(dev + "/ner/conll2002/es/train.tsv", "es-", "es"));
    add("conll2002 nl", ner::ReadConll(dev + "/ner/conll2002/nl/train.tsv", "nl-", "nl"));
    // WikiANN's train files, for the languages named by --wikiann, each cut to its first
    // --wikiann-articles articles of 22 sentences when given. Its silver labels of Wikipedia
    // fragments follow their own conventions ("Sioux Falls, South Dakota" one place), so a
    // little of it teaches German (nothing else here is German), Polish and Russian names and
    // words out of context without pulling the news sets to its conventions: with the refitted
    // model, all of it (20,000 sentences a language) gave WikiANN val 0.718 but CoNLL-2003 en val
    // 0.851; two thirds (600 articles) 0.712 and 0.868; a third 0.688 and 0.873
    // (BENCHMARKS.md, "Typed mention spans").
    for (const std::string& lang : wikiann) {
      std::vector<ner::NerArticle> articles =
          ner::ReadConll(dev + "/ner/wikiann/" + lang + "/train.tsv", "w" + lang + "-", lang);
      if (wikiann_articles > 0 && articles.size() > wikiann_articles) {
        articles.resize(wikiann_articles);
      }
      add(("wikiann " + lang).c_str(), std::move(articles));
    }
    add("slavic", ner::ReadSlavic(dev, "train"));
  }
  if (cjk) {
    add("peoples-daily", ner::ReadPeoplesDaily(dev, "train"));
    add("stockmark", ner::ReadStockmark(dev, "train"));
  }
  if (thai) add("thainer", ner::ReadThaiNer(dev, "train"));
  for (int g = 0; g < tagger::kModelGroups; ++g) {
    const std::string name(tagger::GroupName(static_cast<ModelGroup>(g)));
    if (!only.empty() && only != name) continue;
    if (corpus.examples[g].empty()) continue;
    std::fprintf(stderr, "training %s on %zu sequences\n", name.c_str(), corpus.examples[g].size());
    const std::string model = Train(corpus, g, epochs, max_features, refit_epochs);
    const std::string path = out_dir + "/" + (out_name.empty() ? name : out_name) + ".model";
    std::ofstream(path, std::ios::binary) << model;
    std::fprintf(stderr, "wrote %s (%zu bytes)\n", path.c_str(), model.size());
  }
  return 0;
}

}  // namespace
}  // namespace crosswire

int main(int argc, char** argv) { return crosswire::Main(argc, argv); }
