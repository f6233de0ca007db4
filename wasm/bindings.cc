// Embind bindings of the core. Everything crosses the boundary as a copy: strings and bytes in,
// one JSON string out. wasm/crosswire.js wraps these into the public JS API and turns error
// replies into AnalyzerError.
#include <emscripten/bind.h>
#include <unicode/udata.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "crosswire/analyzer.h"
#include "document.h"
#include "json.h"
#include "segment.h"

namespace crosswire {
namespace {

// ICU's data must outlive every ICU object: it is allocated once and never freed.
uintptr_t AllocIcuData(std::size_t bytes) {
  void* p = std::aligned_alloc(16, (bytes + 15) / 16 * 16);
  return reinterpret_cast<uintptr_t>(p);
}

std::string InitIcuData(uintptr_t data) {
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(reinterpret_cast<const void*>(data), &status);
  if (U_FAILURE(status)) {
    return ErrorJson(Status(StatusCode::kDataError,
                            std::string("ICU rejected its data: ") + u_errorName(status)));
  }
  return "{}";
}

class WasmAnalyzer {
 public:
  std::string Init(const std::string& options_language, const std::string& assumed_published,
                   double max_article_bytes, double max_batch_bytes) {
    Options options;
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
    if (Status s = analyzer_->AddArticle(id, text, ArticleOptions{published}); !s.ok()) {
      return ErrorJson(s);
    }
    return "{}";
  }

  std::string AddFile(const std::string& bytes, const std::string& name) {
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

  std::string AddAliases(const std::string& text) {
    if (Status s = analyzer_->AddAliases(text); !s.ok()) return ErrorJson(s);
    return "{}";
  }

  std::string Analyze() { return AnalysisToJson(analyzer_->Analyze()); }

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

  void Clear() { analyzer_->Clear(); }
  void ClearAliases() { analyzer_->ClearAliases(); }

 private:
  std::unique_ptr<Analyzer> analyzer_;
  Segmenter segmenter_;
};

}  // namespace
}  // namespace crosswire

EMSCRIPTEN_BINDINGS(crosswire) {
  using namespace emscripten;
  function("allocIcuData", &crosswire::AllocIcuData);
  function("initIcuData", &crosswire::InitIcuData);
  class_<crosswire::WasmAnalyzer>("WasmAnalyzer")
      .constructor<>()
      .function("init", &crosswire::WasmAnalyzer::Init)
      .function("addArticle", &crosswire::WasmAnalyzer::AddArticle)
      .function("addFile", &crosswire::WasmAnalyzer::AddFile)
      .function("addAliases", &crosswire::WasmAnalyzer::AddAliases)
      .function("analyze", &crosswire::WasmAnalyzer::Analyze)
      .function("match", &crosswire::WasmAnalyzer::Match)
      .function("tokenize", &crosswire::WasmAnalyzer::Tokenize)
      .function("clear", &crosswire::WasmAnalyzer::Clear)
      .function("clearAliases", &crosswire::WasmAnalyzer::ClearAliases);
}
