// The "crosswire/1" analysis document. Keys are written in a fixed order and numbers with a fixed
// format, so the same analysis gives byte-identical JSON in every build.
#include <cstdio>
#include <string>

#include "json.h"

#include "crosswire/analyzer.h"

namespace crosswire {

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

namespace {

class JsonWriter {
 public:
  std::string Take() { return std::move(out_); }

  void String(std::string_view s) { AppendJsonString(out_, s); }
  void Int(int64_t v) { out_ += std::to_string(v); }
  // Three decimals are enough for scores and never differ between builds.
  void Number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    out_ += s;
  }
  void Null() { out_ += "null"; }
  void Raw(std::string_view s) { out_ += s; }
  void Key(std::string_view k) {
    Comma();
    String(k);
    out_ += ':';
    fresh_ = true;
  }
  void BeginObject() {
    Value();
    out_ += '{';
    fresh_ = true;
  }
  void EndObject() {
    out_ += '}';
    fresh_ = false;
  }
  void BeginArray() {
    Value();
    out_ += '[';
    fresh_ = true;
  }
  void EndArray() {
    out_ += ']';
    fresh_ = false;
  }
  // Before a value: a comma unless it is the first in its container or follows a key.
  void Value() {
    if (!fresh_) out_ += ',';
    fresh_ = false;
  }
  void Comma() {
    if (!fresh_) out_ += ',';
  }
  void StringValue(std::string_view s) {
    Value();
    String(s);
  }
  void IntValue(int64_t v) {
    Value();
    Int(v);
  }
  void NumberValue(double v) {
    Value();
    Number(v);
  }
  void DateValue(const std::optional<Date>& d) {
    Value();
    if (d)
      String(d->ToString());
    else
      Null();
  }
  void StringArray(const std::vector<std::string>& items) {
    BeginArray();
    for (const std::string& s : items) StringValue(s);
    EndArray();
  }

 private:
  std::string out_;
  bool fresh_ = true;
};

std::string_view PrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "day";
}

void WriteArticle(JsonWriter& w, const ArticleResult& a) {
  w.BeginObject();
  w.Key("id");
  w.StringValue(a.id);
  w.Key("title");
  w.StringValue(a.title);
  w.Key("lang");
  w.StringValue(a.lang);
  w.Key("text_length");
  w.IntValue(a.text_length);
  w.Key("published");
  w.DateValue(a.published);
  w.Key("event_date");
  w.DateValue(a.event_date);
  w.Key("removed");
  w.BeginArray();
  for (const RemovedSpan& r : a.removed) {
    w.BeginObject();
    w.Key("start");
    w.IntValue(r.utf16_begin);
    w.Key("end");
    w.IntValue(r.utf16_end);
    w.Key("reason");
    w.StringValue(r.reason);
    w.EndObject();
  }
  w.EndArray();
  w.Key("warnings");
  w.StringArray(a.warnings);
  w.Key("mentions");
  w.BeginArray();
  for (const Mention& m : a.mentions) {
    w.BeginObject();
    w.Key("start");
    w.IntValue(m.utf16_begin);
    w.Key("end");
    w.IntValue(m.utf16_end);
    w.Key("text");
    w.StringValue(m.text);
    w.Key("type");
    w.StringValue(EntityTypeName(m.type));
    w.Key("entity");
    w.StringValue(m.entity);
    w.EndObject();
  }
  w.EndArray();
  w.Key("dates");
  w.BeginArray();
  for (const DateMention& d : a.dates) {
    w.BeginObject();
    w.Key("start");
    w.IntValue(d.utf16_begin);
    w.Key("end");
    w.IntValue(d.utf16_end);
    w.Key("text");
    w.StringValue(d.text);
    w.Key("value");
    w.StringValue(d.value.ToString());
    w.Key("precision");
    w.StringValue(PrecisionName(d.value.precision));
    w.EndObject();
  }
  w.EndArray();
  // Extensions of the documented schema.
  w.Key("encoding");
  w.StringValue(a.encoding);
  w.Key("date_reason");
  w.StringValue(a.date_reason);
  w.EndObject();
}

}  // namespace

std::string AnalysisToJson(const Analysis& analysis) {
  JsonWriter w;
  w.BeginObject();
  w.Key("schema");
  w.StringValue("crosswire/1");
  w.Key("articles");
  w.BeginArray();
  for (const ArticleResult& a : analysis.articles) WriteArticle(w, a);
  w.EndArray();
  w.Key("entities");
  w.BeginArray();
  for (const EntityResult& e : analysis.entities) {
    w.BeginObject();
    w.Key("id");
    w.StringValue(e.id);
    w.Key("type");
    w.StringValue(EntityTypeName(e.type));
    w.Key("name");
    w.StringValue(e.name);
    w.Key("variants");
    w.BeginArray();
    for (const Variant& v : e.variants) {
      w.BeginObject();
      w.Key("text");
      w.StringValue(v.text);
      w.Key("lang");
      w.StringValue(v.lang);
      w.Key("count");
      w.IntValue(v.count);
      w.EndObject();
    }
    w.EndArray();
    w.Key("articles");
    w.StringArray(e.articles);
    w.Key("mentions");
    w.IntValue(e.mentions);
    w.EndObject();
  }
  w.EndArray();
  w.Key("stories");
  w.BeginArray();
  for (const StoryResult& s : analysis.stories) {
    w.BeginObject();
    w.Key("id");
    w.StringValue(s.id);
    w.Key("label");
    w.StringValue(s.label);
    w.Key("articles");
    w.StringArray(s.articles);
    w.Key("entities");
    w.StringArray(s.entities);
    w.Key("date");
    w.DateValue(s.date);
    w.Key("links");
    w.BeginArray();
    for (const StoryLink& l : s.links) {
      w.BeginObject();
      w.Key("a");
      w.StringValue(l.a);
      w.Key("b");
      w.StringValue(l.b);
      w.Key("score");
      w.NumberValue(l.score);
      w.Key("shared");
      w.StringArray(l.shared);
      w.EndObject();
    }
    w.EndArray();
    w.Key("languages");
    w.StringArray(s.languages);
    w.EndObject();
  }
  w.EndArray();
  w.Key("rejected");
  w.BeginArray();
  for (const Rejection& r : analysis.rejected) {
    w.BeginObject();
    w.Key("id");
    w.StringValue(r.id);
    w.Key("code");
    w.StringValue(StatusCodeName(r.status.code()));
    w.Key("message");
    w.StringValue(r.status.message());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::string out = w.Take();
  out += '\n';
  return out;
}

}  // namespace crosswire
