// The "crosswire/1" analysis document (docs/ARCHITECTURE.md has its fields). Keys are written in a
// fixed order and numbers with a fixed format, so the same analysis gives byte-identical JSON in
// every build.
#include <string>

#include "crosswire/analyzer.h"
#include "json.h"

namespace crosswire {
namespace {

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
      w.Key("base");
      w.StringValue(v.base);
      w.Key("latin");
      w.StringValue(v.latin);
      w.Key("link");
      if (!v.link) {
        w.Null();
      } else {
        w.BeginObject();
        w.Key("rule");
        w.StringValue(v.link->rule);
        w.Key("with");
        w.StringValue(v.link->with);
        w.Key("score");
        w.NumberValue(v.link->score);
        w.EndObject();
      }
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
