// Named-entity corpora of the development data as Crosswire articles: the text rebuilt from the
// data (tokens joined by single spaces, characters with no space for Chinese, one sentence a line,
// 22 sentences an article unless `-DOCSTART-` marks real articles) and the gold spans in UTF-16
// offsets of that text. Shared by the tagger's trainer (toolchain/train_tagger.cc) and the
// evaluation (tests/eval/ner_eval.cc), so both see the same text the analyzer is given.
//
// Types are PER, ORG, LOC, MISC; annotations of other kinds (Slavic EVT/PRO, stockmark products
// and events) become MISC, which the evaluation leaves out on both sides.
#ifndef CROSSWIRE_TESTS_EVAL_NER_CORPUS_H_
#define CROSSWIRE_TESTS_EVAL_NER_CORPUS_H_

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "eval/json_value.h"
#include "text/fields.h"

namespace crosswire::ner {

struct GoldSpan {
  int32_t begin = 0;  // UTF-16 offsets in NerArticle::text
  int32_t end = 0;
  std::string type;  // PER ORG LOC MISC
};

struct NerArticle {
  std::string id;
  std::string lang;  // the language the data is in (for reports; the analyzer identifies its own)
  icu::UnicodeString text;
  std::vector<GoldSpan> gold;
};

// `dataset` items of `split` in ../shared/devdata/splits.tsv ("curid 3572156", "sentence 12").
inline std::set<std::string> SplitItems(const std::string& devdata, const std::string& dataset,
                                        const std::string& split) {
  std::set<std::string> items;
  std::ifstream in(devdata + "/splits.tsv");
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string_view> f = SplitFields(line);
    if (f.size() == 3 && f[0] == dataset && f[2] == split) items.emplace(f[1]);
  }
  return items;
}

// Builds articles from sentences of (token, BIO tag) pairs.
class ArticleBuilder {
 public:
  ArticleBuilder(std::string prefix, std::string lang, bool spaces, int per_article)
      : prefix_(std::move(prefix)), lang_(std::move(lang)), spaces_(spaces), per_(per_article) {}

  void AddSentence(const std::vector<std::pair<std::string, std::string>>& tokens) {
    if (tokens.empty()) return;
    if (!current_.text.isEmpty()) current_.text += u'\n';
    int32_t open_begin = -1;
    std::string open_type;
    int32_t last_end = current_.text.length();
    auto close = [&] {
      if (open_begin >= 0) current_.gold.push_back({open_begin, last_end, open_type});
      open_begin = -1;
    };
    bool first = true;
    for (const auto& [word, tag] : tokens) {
      if (spaces_ && !first) current_.text += u' ';
      first = false;
      const int32_t begin = current_.text.length();
      current_.text += icu::UnicodeString::fromUTF8(word);
      const std::string type = tag.size() > 2 ? tag.substr(2) : "";
      if (tag.empty() || tag[0] == 'O' || (tag[0] == 'I' && open_type != type)) {
        close();
        if (!tag.empty() && tag[0] == 'I') {  // I- without B-: starts a span (IOB1)
          open_begin = begin;
          open_type = type;
        }
      } else if (tag[0] == 'B') {
        close();
        open_begin = begin;
        open_type = type;
      }
      last_end = current_.text.length();
    }
    close();
    if (++sentences_ >= per_) Flush();
  }

  void Flush() {
    if (!current_.text.isEmpty()) {
      current_.id = prefix_ + std::to_string(out_.size() + 1);
      current_.lang = lang_;
      out_.push_back(std::move(current_));
    }
    current_ = NerArticle{};
    sentences_ = 0;
  }

  std::vector<NerArticle> Take() {
    Flush();
    return std::move(out_);
  }

 private:
  std::string prefix_, lang_;
  bool spaces_;
  int per_;
  int sentences_ = 0;
  NerArticle current_;
  std::vector<NerArticle> out_;
};

// Text that was Latin-1 but was decoded as windows-1251 ("Erzдhlung" for "Erzählung", "lдяt" for
// "läßt": the German CoNLL-2003 file): each character windows-1251 encodes as one byte above
// ASCII is turned back into that byte and read as Latin-1. Characters it cannot encode (a few
// stray symbols) stay as they are.
class Windows1251AsLatin1 {
 public:
  Windows1251AsLatin1() {
    UErrorCode status = U_ZERO_ERROR;
    converter_ = ucnv_open("windows-1251", &status);
    if (U_FAILURE(status)) converter_ = nullptr;
    if (converter_) {
      ucnv_setFromUCallBack(converter_, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                            &status);
    }
  }
  ~Windows1251AsLatin1() {
    if (converter_) ucnv_close(converter_);
  }
  Windows1251AsLatin1(const Windows1251AsLatin1&) = delete;
  Windows1251AsLatin1& operator=(const Windows1251AsLatin1&) = delete;

  std::string Repair(const std::string& word) const {
    if (!converter_) return word;
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(word);
    icu::UnicodeString out;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
      const UChar32 c = text.char32At(i);
      if (c < 0x80) {
        out.append(c);
        continue;
      }
      const icu::UnicodeString one(c);
      char byte[4];
      UErrorCode status = U_ZERO_ERROR;
      ucnv_resetFromUnicode(converter_);
      const int32_t n = ucnv_fromUChars(converter_, byte, sizeof byte, one.getBuffer(),
                                        one.length(), &status);
      if (U_SUCCESS(status) && n == 1 && static_cast<unsigned char>(byte[0]) >= 0x80)
        out.append(static_cast<UChar32>(static_cast<unsigned char>(byte[0])));
      else
        out.append(c);
    }
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
  }

 private:
  UConverter* converter_ = nullptr;
};

// CoNLL-style files: a token and its tag a line, a blank line between sentences.
// `-DOCSTART-` starts a new article (CoNLL-2003); otherwise 22 sentences make one.
// `latin1_as_windows1251`: the file's words need Windows1251AsLatin1 (the German CoNLL-2003).
inline std::vector<NerArticle> ReadConll(const std::string& path, const std::string& prefix,
                                         const std::string& lang, bool spaces = true,
                                         std::size_t max_articles = SIZE_MAX,
                                         bool latin1_as_windows1251 = false) {
  std::ifstream in(path);
  const Windows1251AsLatin1 repair;
  ArticleBuilder builder(prefix, lang, spaces, 22);
  std::vector<std::pair<std::string, std::string>> sentence;
  bool docstart = false;
  std::vector<NerArticle> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("-DOCSTART-", 0) == 0) {
      builder.AddSentence(sentence);
      sentence.clear();
      if (!docstart) builder = ArticleBuilder(prefix, lang, spaces, 1 << 30);
      docstart = true;
      builder.Flush();
      continue;
    }
    if (line.empty()) {
      builder.AddSentence(sentence);
      sentence.clear();
      continue;
    }
    std::size_t cut = line.find_last_of("\t ");
    if (cut == std::string::npos) continue;
    std::string word = line.substr(0, cut);
    if (latin1_as_windows1251) word = repair.Repair(word);
    sentence.emplace_back(std::move(word), line.substr(cut + 1));
  }
  builder.AddSentence(sentence);
  out = builder.Take();
  if (out.size() > max_articles) out.resize(max_articles);
  return out;
}

// People's Daily: a character and its tag a line; sentences counted from 1 for splits.tsv.
inline std::vector<NerArticle> ReadPeoplesDaily(const std::string& devdata,
                                                const std::string& split) {
  const std::set<std::string> items = SplitItems(devdata, "peoples-daily", split);
  std::ifstream in(devdata + "/ner/peoples-daily/zh/dev.txt");
  ArticleBuilder builder("zh-" + split + "-", "zh", false, 22);
  std::vector<std::pair<std::string, std::string>> sentence;
  int number = 0;
  auto end_sentence = [&] {
    if (sentence.empty()) return;
    ++number;
    if (items.count("sentence " + std::to_string(number))) builder.AddSentence(sentence);
    sentence.clear();
  };
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) {
      end_sentence();
      continue;
    }
    std::size_t cut = line.find_last_of("\t ");
    if (cut == std::string::npos) continue;
    sentence.emplace_back(line.substr(0, cut), line.substr(cut + 1));
  }
  end_sentence();
  return builder.Take();
}

// stockmark: JSON sentences with code-point spans; 人名 PER; companies and organisations ORG;
// places and facilities LOC; products and events MISC.
inline std::vector<NerArticle> ReadStockmark(const std::string& devdata, const std::string& split) {
  const std::set<std::string> items = SplitItems(devdata, "stockmark", split);
  std::ifstream in(devdata + "/ner/stockmark/ja/ner.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::optional<eval::JsonValue> parsed = eval::JsonReader(buffer.str()).Read();
  if (!parsed) return {};
  const eval::JsonValue& root = *parsed;
  const std::map<std::string, std::string> types = {
      {"人名", "PER"},           {"法人名", "ORG"}, {"政治的組織名", "ORG"},
      {"その他の組織名", "ORG"}, {"地名", "LOC"},   {"施設名", "LOC"}};
  std::vector<NerArticle> out;
  NerArticle current;
  int sentences = 0;
  auto flush = [&] {
    if (current.text.isEmpty()) return;
    current.id = "ja-" + split + "-" + std::to_string(out.size() + 1);
    current.lang = "ja";
    out.push_back(std::move(current));
    current = NerArticle{};
    sentences = 0;
  };
  for (const eval::JsonValue& s : root.array) {
    const std::string curid = s.StringOr("curid");
    if (!items.count("curid " + curid)) continue;
    if (!current.text.isEmpty()) current.text += u'\n';
    const int32_t base = current.text.length();
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(s.StringOr("text"));
    current.text += text;
    if (const eval::JsonValue* entities = s.Get("entities")) {
      for (const eval::JsonValue& e : entities->array) {
        const eval::JsonValue* span = e.Get("span");
        const std::string type = e.StringOr("type");
        if (!span || span->array.size() != 2) continue;
        const int32_t cp_begin = static_cast<int32_t>(span->array[0].number);
        const int32_t cp_end = static_cast<int32_t>(span->array[1].number);
        if (cp_begin < 0 || cp_end <= cp_begin || cp_end > text.countChar32()) continue;
        auto it = types.find(type);
        current.gold.push_back({base + text.moveIndex32(0, cp_begin),
                                base + text.moveIndex32(0, cp_end),
                                it == types.end() ? "MISC" : it->second});
      }
    }
    if (++sentences >= 22) flush();
  }
  flush();
  return out;
}

// The Slavic news articles of one split, with their gold mentions (EVT and PRO become MISC).
inline std::vector<NerArticle> ReadSlavic(const std::string& devdata, const std::string& split) {
  const std::string dir = devdata + "/slavic";
  const std::set<std::string> docs = SplitItems(devdata, "slavic", split);
  std::map<std::string, NerArticle> articles;
  for (const std::string& id : docs) {
    std::ifstream in(dir + "/docs/" + id + ".txt", std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    NerArticle a;
    a.id = id;
    a.text = icu::UnicodeString::fromUTF8(buffer.str());
    articles[id] = std::move(a);
  }
  std::ifstream gold(dir + "/gold.tsv");
  std::string line;
  std::getline(gold, line);  // header
  while (std::getline(gold, line)) {
    std::vector<std::string_view> f = SplitFields(line);
    if (f.size() < 8) continue;
    auto it = articles.find(std::string(f[0]));
    if (it == articles.end()) continue;
    NerArticle& a = it->second;
    a.lang = std::string(f[1]);
    const int32_t cp_begin = std::stoi(std::string(f[2]));
    const int32_t cp_end = std::stoi(std::string(f[3]));
    if (cp_begin < 0 || cp_end <= cp_begin || cp_end > a.text.countChar32()) continue;
    const std::string type(f[6] == "PER" || f[6] == "ORG" || f[6] == "LOC" ? f[6] : "MISC");
    a.gold.push_back({a.text.moveIndex32(0, cp_begin), a.text.moveIndex32(0, cp_end), type});
  }
  std::vector<NerArticle> out;
  for (auto& [id, a] : articles) {
    std::sort(a.gold.begin(), a.gold.end(),
              [](const GoldSpan& x, const GoldSpan& y) { return x.begin < y.begin; });
    out.push_back(std::move(a));
  }
  return out;
}

// ThaiNER lines of one split ([PERSON]...[/PERSON]; other tags stripped), 22 lines an article.
inline std::vector<NerArticle> ReadThaiNer(const std::string& devdata, const std::string& split) {
  const std::set<std::string> items = SplitItems(devdata, "thainer", split);
  std::ifstream in(devdata + "/thainer/train.txt");
  std::vector<NerArticle> out;
  NerArticle current;
  int lines = 0, number = 0;
  auto flush = [&] {
    if (current.text.isEmpty()) return;
    current.id = "th-" + split + "-" + std::to_string(out.size() + 1);
    current.lang = "th";
    out.push_back(std::move(current));
    current = NerArticle{};
    lines = 0;
  };
  const std::map<std::string, std::string> types = {
      {"PERSON", "PER"}, {"ORGANIZATION", "ORG"}, {"LOCATION", "LOC"}};
  for (std::string utf8; std::getline(in, utf8);) {
    ++number;
    if (!items.count("line " + std::to_string(number))) continue;
    icu::UnicodeString raw = icu::UnicodeString::fromUTF8(utf8);
    icu::UnicodeString text;
    std::vector<GoldSpan> gold;
    std::map<std::string, int32_t> open;
    for (int32_t i = 0; i < raw.length();) {
      if (raw[i] == u'[') {
        int32_t close = raw.indexOf(u']', i);
        int32_t name_begin = i + 1;
        bool closing = close > i + 1 && raw[name_begin] == u'/';
        if (closing) ++name_begin;
        bool is_tag = close > name_begin;
        for (int32_t k = name_begin; is_tag && k < close; ++k) {
          if (!((raw[k] >= u'A' && raw[k] <= u'Z') || raw[k] == u'_')) is_tag = false;
        }
        if (is_tag) {
          std::string name;
          icu::UnicodeString(raw, name_begin, close - name_begin).toUTF8String(name);
          if (!closing) {
            open[name] = text.length();
          } else if (auto it = open.find(name); it != open.end()) {
            auto t = types.find(name);
            if (text.length() > it->second) {
              gold.push_back({it->second, text.length(), t == types.end() ? "MISC" : t->second});
            }
            open.erase(it);
          }
          i = close + 1;
          continue;
        }
      }
      text += raw[i++];
    }
    if (icu::UnicodeString(text).trim().isEmpty()) continue;
    if (!current.text.isEmpty()) current.text += u'\n';
    const int32_t base = current.text.length();
    current.text += text;
    for (GoldSpan& g : gold) current.gold.push_back({base + g.begin, base + g.end, g.type});
    if (++lines >= 22) flush();
  }
  flush();
  return out;
}

}  // namespace crosswire::ner

#endif  // CROSSWIRE_TESTS_EVAL_NER_CORPUS_H_
