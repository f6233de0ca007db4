// Embind bindings of the core. Everything crosses the boundary as a copy: strings and bytes in,
// one JSON string out. wasm/crosswire.js wraps these into the public JS API and turns error
// replies into AnalyzerError.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <unicode/udata.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosswire/analyzer.h"
#include "data_pack.h"
#include "decode.h"
#include "document.h"
#include "json.h"
#include "mentions/words.h"
#include "record.h"
#include "segment.h"

namespace crosswire {
namespace {

// Pack bytes must outlive every ICU object and analyzer that uses them: they are allocated once and
// never freed.
uintptr_t AllocData(std::size_t bytes) {
  void* p = std::aligned_alloc(16, (bytes + 15) / 16 * 16);
  return reinterpret_cast<uintptr_t>(p);
}

// The named data entries of the packs added so far, for the analyzers created from now on. They
// belong to this wasm instance as ICU's data does (one instance is one process).
std::vector<std::pair<std::string_view, std::string_view>>& PackEntries() {
  static auto* entries = new std::vector<std::pair<std::string_view, std::string_view>>();
  return *entries;
}

// Adds a data pack (core/data_pack.h) that crosswire.js copied into memory from AllocData. Its ICU
// data becomes one more ICU common data item: ICU 72 keeps up to 10 of them (udata.cpp,
// gCommonICUDataArray) and looks an item up in each in turn, so the base pack and the script packs
// stay separate archives and no merged copy is made. (udata_setAppData would not do: it registers
// a package under its own name, and ICU's break iterators look their dictionaries up in ICU's own
// package only.) ICU remembers look-ups that failed (a missing brkitr/ja.res is cached as a
// fallback to root), so a pack must be added before any text of its script reaches ICU;
// crosswire.js scans each text and loads its packs first. Replies {"entries": [paths]}.
std::string AddPack(uintptr_t data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Result<std::vector<DataFile>> entries = ReadPack(bytes);
  if (!entries.ok()) return ErrorJson(entries.status());
  JsonWriter w;
  w.BeginObject();
  w.Key("entries");
  w.BeginArray();
  for (const DataFile& entry : entries.value()) {
    if (entry.path == kPackIcuEntry) {
      UErrorCode status = U_ZERO_ERROR;
      udata_setCommonData(entry.contents.data(), &status);
      if (U_FAILURE(status)) {
        return ErrorJson(
            Status(StatusCode::kDataError,
                   std::string("ICU rejected the data of a pack: ") + u_errorName(status)));
      }
    } else {
      PackEntries().emplace_back(entry.path, entry.contents);
    }
    w.StringValue(entry.path);
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

// The text of file bytes, decoded as AddFile would, without analysing it: crosswire.js scans it for
// the packs it needs before the file is added. Replies {"text": ...}.
std::string DecodeText(const std::string& bytes) {
  Result<Decoded> decoded = DecodeBytes(bytes);
  if (!decoded.ok()) return ErrorJson(decoded.status());
  std::string text;
  decoded.value().text.toUTF8String(text);
  JsonWriter w;
  w.BeginObject();
  w.Key("text");
  w.StringValue(text);
  w.EndObject();
  return w.Take();
}

class WasmAnalyzer {
 public:
  std::string Init(const std::string& options_language, const std::string& assumed_published,
                   double max_article_bytes, double max_batch_bytes, bool use_tagger) {
    Options options;
    // The tagger's models of the cased scripts and Thai come in the `tagger` pack, which
    // crosswire.js loads before it creates an analyzer with `tagger: true`.
    options.use_tagger = use_tagger;
    options.extra_data = PackEntries();
    options.language = options_language;
    options.assumed_published = assumed_published;
    // crosswire.js checks the limits first; a limit of 0 means "the default". Anything else that
    // is not a whole number of bytes from 1 to 2^31 - 1 is refused here too, not cast blindly.
    for (double limit : {max_article_bytes, max_batch_bytes}) {
      if (limit != 0 && !(limit >= 1 && limit <= 2147483647.0 &&
                          limit == static_cast<double>(static_cast<int64_t>(limit)))) {
        return ErrorJson(Status(StatusCode::kInvalidArgument,
                                "a size limit must be a whole number of bytes from 1 to 2^31 - 1"));
      }
    }
    if (max_article_bytes > 0)
      options.max_article_bytes = static_cast<std::size_t>(max_article_bytes);
    if (max_batch_bytes > 0) options.max_batch_bytes = static_cast<std::size_t>(max_batch_bytes);
    auto created = Analyzer::Create(options);
    if (!created.ok()) return ErrorJson(created.status());
    analyzer_ = std::move(created).value();
    return "{}";
  }

  std::string AddArticle(const std::string& id, const std::string& text,
                         const std::string& published) {
    SetTallyAside();
    if (Status s = analyzer_->AddArticle(id, text, ArticleOptions{published}); !s.ok()) {
      return ErrorJson(s);
    }
    return "{}";
  }

  std::string AddFile(const std::string& bytes, const std::string& name) {
    SetTallyAside();
    if (Status s = analyzer_->AddFile(name, bytes); !s.ok()) return ErrorJson(s);
    std::optional<ArticleInfo> info = analyzer_->Article(name);
    if (!info)
      return ErrorJson(
          Status(StatusCode::kInternal, "the file was accepted but is not in the batch"));
    JsonWriter w;
    w.BeginObject();
    w.Key("id");
    w.StringValue(info->id);
    w.Key("text");
    w.StringValue(info->text);
    w.Key("encoding");
    w.StringValue(info->encoding);
    w.Key("warnings");
    w.StringArray(info->warnings);
    w.EndObject();
    return w.Take();
  }

  // The map step of one article (round 1, docs/ARCHITECTURE.md "Map and reduce"), for the page's
  // worker pool: its "crosswire-record/2" line, or the rejection record when the core refused the
  // article (too large, undecodable, blank...), or an error reply when it was refused before it
  // reached the batch (an empty id). With `count_casing`, how its words are cased is added to the
  // tally TakeCasing() hands over. The analyzer holds nothing afterwards.
  std::string MapArticle(const std::string& id, const std::string& text,
                         const std::string& published, bool count_casing) {
    // The tally of this run of MapArticle calls stays in the analyzer (no line written and read
    // back per article: that was a tenth of round 1 in the page's workers).
    if (!tallying_) {
      analyzer_->Clear();
      tallying_ = true;
    }
    Status s = analyzer_->AddArticle(id, text, ArticleOptions{published});
    std::string line;
    if (s.ok()) {
      line = analyzer_->MapRecords();
      if (!line.empty() && line.back() == '\n') line.pop_back();
      if (count_casing) analyzer_->Prepare();
    } else if (!analyzer_->Rejected().empty()) {
      line = RejectionRecord(analyzer_->Rejected().back());
    } else {
      line = ErrorJson(s);
    }
    analyzer_->DropArticlesKeepingCounts();
    if (line.empty()) {
      return ErrorJson(
          Status(StatusCode::kInternal, "the article was accepted but made no record"));
    }
    return line;
  }

  // The casing counts of the articles mapped with `count_casing` since the last call, as one
  // "crosswire-casing/1" line; the tally starts again.
  std::string TakeCasing() {
    SetTallyAside();
    std::string line = CasingJson(casing_tally_);
    casing_tally_ = {};
    return line;
  }

  // The batch's casing counts (lines of TakeCasing or `crosswire map --casing-out`, summed), for
  // MapRecord and for the reduce step; Clear() drops them.
  std::string AddCasingCounts(const std::string& line) {
    SetTallyAside();
    if (Status s = analyzer_->AddCasingCounts(line); !s.ok()) return ErrorJson(s);
    return "{}";
  }

  // Round 2 of the map step for one record of round 1, given the batch's casing counts
  // (AddCasingCounts): its "crosswire-record/3" line, or the rejection line as it came. The
  // analyzer keeps the counts, and no article.
  std::string MapRecord(const std::string& line) {
    SetTallyAside();
    analyzer_->DropArticles();
    Status s = analyzer_->AddRecord(line);
    std::string out;
    if (s.ok()) {
      out = analyzer_->Rejected().empty() ? analyzer_->MapRecords(Analyzer::MapRound::kSecond)
                                          : RejectionRecord(analyzer_->Rejected().back());
      if (!out.empty() && out.back() == '\n') out.pop_back();
    } else {
      out = ErrorJson(s);
    }
    analyzer_->DropArticles();
    return out;
  }

  // For the page's batch worker, which adds the articles of its own shares (AddArticle) instead of
  // reading records of them: round 1 of the articles added so far (their casing counts tallied in
  // the analyzer), or round 2 with the counts given (AddCasingCounts), kept for Analyze().
  void Prepare(bool round_two) {
    SetTallyAside();
    if (round_two) {
      analyzer_->PrepareRoundTwo();
    } else {
      analyzer_->Prepare();
    }
  }

  // The casing counts of the articles held (round 1 run where it has not run), or those given.
  std::string CasingCounts() {
    SetTallyAside();
    return analyzer_->CasingCounts();
  }

  // The reduce side: one line written by MapArticle (or `crosswire map`).
  std::string AddRecord(const std::string& line) {
    SetTallyAside();
    if (Status s = analyzer_->AddRecord(line); !s.ok()) return ErrorJson(s);
    return "{}";
  }

  std::string AddAliases(const std::string& text) {
    if (Status s = analyzer_->AddAliases(text); !s.ok()) return ErrorJson(s);
    return "{}";
  }

  std::string Analyze() {
    SetTallyAside();
    return AnalysisToJson(analyzer_->Analyze());
  }

  // The batch step in two calls (Analyzer::BeginAnalysis): the page's pool scores pieces of the
  // name pairs in other workers' modules while this one scores its own.
  void BeginAnalysis() {
    SetTallyAside();
    analyzer_->BeginAnalysis();
  }
  // Piece `part` of `parts` of the pairs, a "crosswire-pairs/1" task: a view of this analyzer's
  // buffer, valid until its next call (crosswire.js copies it at once).
  emscripten::val PairTask(double part, double parts) {
    SetTallyAside();
    task_ = analyzer_->PairTask(Count(part), Count(parts));
    return emscripten::val(emscripten::typed_memory_view(
        task_.size(), reinterpret_cast<const uint8_t*>(task_.data())));
  }
  // The scores of a piece (ScorePairs' numbers), as their bytes.
  std::string GivePairScores(double part, double parts, const std::string& score_bytes) {
    if (score_bytes.size() % sizeof(double) != 0) {
      return ErrorJson(Status(StatusCode::kInvalidArgument, "scores must be whole 8-byte numbers"));
    }
    std::vector<double> scores(score_bytes.size() / sizeof(double));
    std::memcpy(scores.data(), score_bytes.data(), score_bytes.size());
    if (Status s = analyzer_->GivePairScores(Count(part), Count(parts), scores); !s.ok()) {
      return ErrorJson(s);
    }
    return "{}";
  }
  void ScorePairPiece(double part, double parts) {
    SetTallyAside();
    analyzer_->ScorePairPiece(Count(part), Count(parts));
  }
  std::string FinishAnalysis() {
    SetTallyAside();
    return AnalysisToJson(analyzer_->FinishAnalysis());
  }
  // The scores of a task (given as its bytes): a view of this analyzer's buffer (two numbers a
  // pair), valid until its next call, or an error's JSON.
  emscripten::val ScorePairs(const std::string& task) {
    Result<std::vector<double>> scores = analyzer_->ScorePairs(task);
    if (!scores.ok()) return emscripten::val(ErrorJson(scores.status()));
    scores_ = std::move(scores).value();
    return emscripten::val(emscripten::typed_memory_view(scores_.size(), scores_.data()));
  }

  std::string Match(const std::string& a, const std::string& b) {
    MatchResult r = analyzer_->Match(a, b);
    JsonWriter w;
    w.BeginObject();
    w.Key("score");
    w.NumberValue(r.score);
    w.Key("same");
    w.BoolValue(r.same);
    w.EndObject();
    return w.Take();
  }

  // Word segmentation alone, for comparisons with other segmenters: [[start, end], ...] in UTF-16
  // units of `text`, words and numbers only.
  std::string Tokenize(const std::string& text, const std::string& lang) {
    Document doc;
    doc.text = icu::UnicodeString::fromUTF8(text);
    doc.lang = lang.empty() ? "und" : lang;
    if (Status s = segmenter_.Segment(doc); !s.ok()) return ErrorJson(s);
    JsonWriter w;
    w.BeginArray();
    for (const Token& t : doc.tokens) {
      if (t.kind == TokenKind::kPunct) continue;
      w.BeginArray();
      w.IntValue(t.utf16_begin);
      w.IntValue(t.utf16_end);
      w.EndArray();
    }
    w.EndArray();
    return w.Take();
  }

  void Clear() {
    SetTallyAside();
    analyzer_->Clear();
  }
  void ClearAliases() { analyzer_->ClearAliases(); }

 private:
  // Between MapArticle calls the analyzer holds the tally of casing counts (tallying_); any other
  // call first sets it aside in casing_tally_, which TakeCasing() adds to, so the analyzer holds
  // nothing of it.
  // A count or index from JavaScript (a whole number; anything else counts as 0).
  static std::size_t Count(double n) {
    return n >= 0 && n < 4294967296.0 ? static_cast<std::size_t>(n) : 0;
  }

  void SetTallyAside() {
    if (!tallying_) return;
    tallying_ = false;
    Status added = AddCasingJson(analyzer_->CasingCounts(), casing_tally_);
    (void)added;  // a line CasingJson wrote reads back
    analyzer_->Clear();
  }

  std::unique_ptr<Analyzer> analyzer_;
  std::string task_;             // the last PairTask
  std::vector<double> scores_;   // the last ScorePairs
  Segmenter segmenter_;
  mentions::CaseStats casing_tally_;
  bool tallying_ = false;
};

}  // namespace
}  // namespace crosswire

EMSCRIPTEN_BINDINGS(crosswire) {
  using namespace emscripten;
  function("allocData", &crosswire::AllocData);
  function("addPack", &crosswire::AddPack);
  function("decodeText", &crosswire::DecodeText);
  class_<crosswire::WasmAnalyzer>("WasmAnalyzer")
      .constructor<>()
      .function("init", &crosswire::WasmAnalyzer::Init)
      .function("addArticle", &crosswire::WasmAnalyzer::AddArticle)
      .function("addFile", &crosswire::WasmAnalyzer::AddFile)
      .function("mapArticle", &crosswire::WasmAnalyzer::MapArticle)
      .function("takeCasing", &crosswire::WasmAnalyzer::TakeCasing)
      .function("addCasingCounts", &crosswire::WasmAnalyzer::AddCasingCounts)
      .function("mapRecord", &crosswire::WasmAnalyzer::MapRecord)
      .function("prepare", &crosswire::WasmAnalyzer::Prepare)
      .function("casingCounts", &crosswire::WasmAnalyzer::CasingCounts)
      .function("addRecord", &crosswire::WasmAnalyzer::AddRecord)
      .function("addAliases", &crosswire::WasmAnalyzer::AddAliases)
      .function("analyze", &crosswire::WasmAnalyzer::Analyze)
      .function("beginAnalysis", &crosswire::WasmAnalyzer::BeginAnalysis)
      .function("pairTask", &crosswire::WasmAnalyzer::PairTask)
      .function("givePairScores", &crosswire::WasmAnalyzer::GivePairScores)
      .function("scorePairPiece", &crosswire::WasmAnalyzer::ScorePairPiece)
      .function("finishAnalysis", &crosswire::WasmAnalyzer::FinishAnalysis)
      .function("scorePairs", &crosswire::WasmAnalyzer::ScorePairs)
      .function("match", &crosswire::WasmAnalyzer::Match)
      .function("tokenize", &crosswire::WasmAnalyzer::Tokenize)
      .function("clear", &crosswire::WasmAnalyzer::Clear)
      .function("clearAliases", &crosswire::WasmAnalyzer::ClearAliases);
}
