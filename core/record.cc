#include "record.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <utility>
#include <vector>

#include "dates.h"
#include "decode.h"
#include "json.h"
#include "mentions/words.h"
#include "record/json_reader.h"
#include "text/normalize.h"

namespace crosswire {
namespace {

using record_json::Reader;
using record_json::Value;

Status Bad(const std::string& id, const std::string& why) {
  return Status(StatusCode::kInvalidArgument, "record '" + Utf8Label(id) + "': " + why);
}

// A date as [year, month, day, precision] (0 day, 1 month, 2 year): every field, as the date
// stages hold it, so that the reduce step reads back exactly what the map step found.
void WriteDate(JsonWriter& w, const std::optional<Date>& date) {
  if (!date) {
    w.NullValue();
    return;
  }
  w.BeginArray();
  w.IntValue(date->year);
  w.IntValue(date->month);
  w.IntValue(date->day);
  w.IntValue(static_cast<int>(date->precision));
  w.EndArray();
}

bool ReadDate(const Value& v, std::optional<Date>& out) {
  if (v.kind == Value::Kind::kNull) {
    out.reset();
    return true;
  }
  if (v.kind != Value::Kind::kArray || v.items.size() != 4) return false;
  for (const Value& f : v.items) {
    if (f.kind != Value::Kind::kInt) return false;
  }
  const int64_t year = v.items[0].integer, month = v.items[1].integer, day = v.items[2].integer,
                precision = v.items[3].integer;
  if (year < 0 || year > 9999 || month < 0 || month > 12 || day < 0 || day > 31 || precision < 0 ||
      precision > static_cast<int>(DatePrecision::kYear))
    return false;
  out = Date{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day),
             static_cast<DatePrecision>(precision)};
  return true;
}

void WriteDates(JsonWriter& w, const RecordDates& r) {
  const ArticleDates& d = r.dates;
  w.BeginObject();
  w.Key("assumed");
  WriteDate(w, r.assumed);
  // [start, end, text, date]: offsets in UTF-16 units of the text.
  w.Key("found");
  w.BeginArray();
  for (const DateMention& m : d.mentions) {
    w.BeginArray();
    w.IntValue(m.utf16_begin);
    w.IntValue(m.utf16_end);
    w.StringValue(m.text);
    WriteDate(w, m.value);
    w.EndArray();
  }
  w.EndArray();
  w.Key("published");
  WriteDate(w, d.published);
  w.Key("event");
  WriteDate(w, d.event_date);
  w.Key("reason");
  w.StringValue(d.reason);
  w.Key("known_days");
  w.BeginArray();
  for (const Date& day : d.known_days) WriteDate(w, day);
  w.EndArray();
  w.Key("stated_year");
  if (d.stated_year) {
    w.IntValue(*d.stated_year);
  } else {
    w.NullValue();
  }
  w.Key("needs_batch");
  w.BoolValue(d.needs_batch);
  w.EndObject();
}

// The "dates" member of a record; false when it is malformed.
bool ReadDates(const Value& v, int32_t length, RecordDates& out) {
  if (v.kind != Value::Kind::kObject) return false;
  const Value* assumed = v.Get("assumed");
  const Value* found = v.Get("found");
  const Value* published = v.Get("published");
  const Value* event = v.Get("event");
  const Value* reason = v.Get("reason");
  const Value* known = v.Get("known_days");
  const Value* year = v.Get("stated_year");
  const Value* needs = v.Get("needs_batch");
  if (!assumed || !found || !published || !event || !reason || !known || !year || !needs ||
      found->kind != Value::Kind::kArray || reason->kind != Value::Kind::kString ||
      known->kind != Value::Kind::kArray || needs->kind != Value::Kind::kBool ||
      (year->kind != Value::Kind::kInt && year->kind != Value::Kind::kNull))
    return false;
  ArticleDates& d = out.dates;
  if (!ReadDate(*assumed, out.assumed) || !ReadDate(*published, d.published) ||
      !ReadDate(*event, d.event_date))
    return false;
  for (const Value& item : found->items) {
    std::optional<Date> value;
    if (item.kind != Value::Kind::kArray || item.items.size() != 4 ||
        item.items[0].kind != Value::Kind::kInt || item.items[1].kind != Value::Kind::kInt ||
        item.items[2].kind != Value::Kind::kString || !ReadDate(item.items[3], value) || !value)
      return false;
    DateMention m;
    m.utf16_begin = static_cast<int32_t>(item.items[0].integer);
    m.utf16_end = static_cast<int32_t>(item.items[1].integer);
    if (!(0 <= m.utf16_begin && m.utf16_begin <= m.utf16_end && m.utf16_end <= length))
      return false;
    m.text = item.items[2].string;
    m.value = *value;
    d.mentions.push_back(std::move(m));
  }
  for (const Value& item : known->items) {
    std::optional<Date> day;
    if (!ReadDate(item, day) || !day) return false;
    d.known_days.push_back(*day);
  }
  if (year->kind == Value::Kind::kInt) d.stated_year = static_cast<int>(year->integer);
  d.reason = reason->string;
  d.needs_batch = needs->boolean;
  return true;
}

// A float as the shortest decimal that reads back as the same float (nine significant digits
// always do).
void WriteFloat(JsonWriter& w, float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(v));
  w.RawValue(buf);
}

bool ReadFloat(const Value& v, float& out) {
  if (v.kind != Value::Kind::kInt && v.kind != Value::Kind::kNumber) return false;
  if (!(v.number >= -3.0e38 && v.number <= 3.0e38)) return false;
  out = static_cast<float>(v.number);
  return true;
}

// A candidate as [start, end, text, base, type, type confidence, lang, script, cue, gazetteer
// name, acronym, expansion index, doubtful]: every field the batch step reads.
void WriteCandidates(JsonWriter& w, const ArticleCandidates& found) {
  w.BeginObject();
  w.Key("uncased");
  w.BoolValue(found.uncased_words);
  w.Key("candidates");
  w.BeginArray();
  for (const MentionCandidate& c : found.candidates) {
    w.BeginArray();
    w.IntValue(c.utf16_begin);
    w.IntValue(c.utf16_end);
    w.StringValue(c.text);
    w.StringValue(c.base);
    w.StringValue(EntityTypeName(c.type));
    WriteFloat(w, c.type_confidence);
    w.StringValue(c.lang);
    w.IntValue(static_cast<int>(c.script));
    w.StringValue(c.cue);
    w.StringValue(c.gazetteer_name);
    w.BoolValue(c.is_acronym);
    w.IntValue(c.expansion_of);
    w.BoolValue(c.doubtful);
    w.EndArray();
  }
  w.EndArray();
  w.EndObject();
}

// The candidates of an article or of its removed-line view; false when they are malformed.
bool ReadCandidates(const Value& v, int32_t length, ArticleCandidates& out) {
  const Value* uncased = v.Get("uncased");
  const Value* candidates = v.Get("candidates");
  if (v.kind != Value::Kind::kObject || !uncased || uncased->kind != Value::Kind::kBool ||
      !candidates || candidates->kind != Value::Kind::kArray)
    return false;
  out.uncased_words = uncased->boolean;
  using K = Value::Kind;
  constexpr K kFields[] = {K::kInt,    K::kInt, K::kString, K::kString, K::kString, K::kNumber,
                           K::kString, K::kInt, K::kString, K::kString, K::kBool,   K::kInt,
                           K::kBool};
  const int64_t count = static_cast<int64_t>(candidates->items.size());
  for (const Value& item : candidates->items) {
    if (item.kind != K::kArray || item.items.size() != std::size(kFields)) return false;
    for (std::size_t f = 0; f < std::size(kFields); ++f) {
      const K kind = item.items[f].kind;
      if (kind != kFields[f] && !(kFields[f] == K::kNumber && kind == K::kInt)) return false;
    }
    const std::vector<Value>& f = item.items;
    MentionCandidate c;
    const std::optional<EntityType> type = ParseEntityType(f[4].string);
    if (!(0 <= f[0].integer && f[0].integer <= f[1].integer && f[1].integer <= length) || !type ||
        !ReadFloat(f[5], c.type_confidence) || f[7].integer < 0 ||
        f[7].integer > static_cast<int>(Script::kOther) || f[11].integer < -1 ||
        f[11].integer >= count)
      return false;
    c.utf16_begin = static_cast<int32_t>(f[0].integer);
    c.utf16_end = static_cast<int32_t>(f[1].integer);
    c.text = f[2].string;
    c.base = f[3].string;
    c.type = *type;
    c.lang = f[6].string;
    c.script = static_cast<Script>(f[7].integer);
    c.cue = f[8].string;
    c.gazetteer_name = f[9].string;
    c.is_acronym = f[10].boolean;
    c.expansion_of = static_cast<int>(f[11].integer);
    c.doubtful = f[12].boolean;
    out.candidates.push_back(std::move(c));
  }
  return true;
}

// Story words as {"keys": [key...], "counts": [count...], "latest_year": year}.
void WriteWords(JsonWriter& w, const StoryWords& words) {
  w.BeginObject();
  w.Key("keys");
  w.BeginArray();
  for (std::size_t at = 0; at < words.keys.size();) {
    const std::size_t end = words.keys.find('\n', at);
    w.StringValue(std::string_view(words.keys).substr(at, end - at));
    at = end + 1;
  }
  w.EndArray();
  w.Key("counts");
  w.BeginArray();
  for (float count : words.counts) WriteFloat(w, count);
  w.EndArray();
  w.Key("latest_year");
  w.IntValue(words.latest_year);
  w.EndObject();
}

bool ReadWords(const Value& v, StoryWords& out) {
  const Value* keys = v.Get("keys");
  const Value* counts = v.Get("counts");
  const Value* year = v.Get("latest_year");
  if (v.kind != Value::Kind::kObject || !keys || keys->kind != Value::Kind::kArray || !counts ||
      counts->kind != Value::Kind::kArray || keys->items.size() != counts->items.size() || !year ||
      year->kind != Value::Kind::kInt)
    return false;
  for (const Value& key : keys->items) {
    if (key.kind != Value::Kind::kString || key.string.empty() ||
        key.string.find('\n') != std::string::npos)
      return false;
    out.keys += key.string;
    out.keys += '\n';
  }
  for (const Value& count : counts->items) {
    float f = 0;
    if (!ReadFloat(count, f)) return false;
    out.counts.push_back(f);
  }
  out.latest_year = static_cast<int>(year->integer);
  return true;
}

void WriteRoundTwo(JsonWriter& w, const RoundTwo& r) {
  w.BeginObject();
  w.Key("casing");
  w.StringValue(r.casing);
  w.Key("tagger");
  w.BoolValue(r.tagger);
  w.Key("article");
  WriteCandidates(w, r.article);
  w.Key("removed");
  if (r.removed) {
    WriteCandidates(w, *r.removed);
  } else {
    w.NullValue();
  }
  w.Key("words");
  WriteWords(w, r.words);
  w.EndObject();
}

// The "round2" member of a record; the reason when it is malformed, else empty.
std::string ReadRoundTwo(const Value& v, int32_t length, bool has_removed, RoundTwo& out) {
  if (v.kind != Value::Kind::kObject) return "round2 must be an object";
  const Value* casing = v.Get("casing");
  const Value* tagger = v.Get("tagger");
  if (!casing || casing->kind != Value::Kind::kString || !tagger ||
      tagger->kind != Value::Kind::kBool)
    return "round2 needs its casing digest and tagger flag";
  out.casing = casing->string;
  out.tagger = tagger->boolean;
  const Value* article = v.Get("article");
  if (!article || !ReadCandidates(*article, length, out.article))
    return "round2's article candidates are not {uncased, candidates} within the text";
  const Value* removed = v.Get("removed");
  if (!removed || (removed->kind == Value::Kind::kNull) == has_removed)
    return "round2's removed candidates must be there exactly when the article has removed lines";
  if (has_removed && !ReadCandidates(*removed, length, out.removed.emplace()))
    return "round2's removed candidates are not {uncased, candidates} within the text";
  const Value* words = v.Get("words");
  if (!words || !ReadWords(*words, out.words))
    return "round2's words must be {keys, counts, latest_year} with a count for each key";
  return "";
}

}  // namespace

std::string ArticleRecordJson(const Document& doc, std::size_t input_bytes,
                              const RecordDates& dates, const RoundTwo* round2) {
  JsonWriter w;
  w.BeginObject();
  w.Key("record");
  w.StringValue(round2 ? kRecordTagV3 : kRecordTag);
  w.Key("id");
  w.StringValue(doc.id);
  w.Key("input_bytes");
  w.IntValue(static_cast<int64_t>(input_bytes));
  w.Key("encoding");
  w.StringValue(doc.encoding);
  w.Key("warnings");
  w.StringArray(doc.warnings);
  w.Key("lang");
  w.StringValue(doc.lang);
  w.Key("title");
  w.StringValue(doc.title);
  if (doc.published) {  // given with the article (ArticleOptions::published); absent otherwise
    w.Key("published");
    w.StringValue(doc.published->ToString());
  }
  w.Key("title_span");
  w.BeginArray();
  w.IntValue(doc.title_begin);
  w.IntValue(doc.title_end);
  w.EndArray();
  // [start, end, reason] and [start, end, lang, removed]: offsets in UTF-16 units of the text.
  w.Key("removed");
  w.BeginArray();
  for (const RemovedSpan& r : doc.removed) {
    w.BeginArray();
    w.IntValue(r.utf16_begin);
    w.IntValue(r.utf16_end);
    w.StringValue(r.reason);
    w.EndArray();
  }
  w.EndArray();
  w.Key("paragraphs");
  w.BeginArray();
  for (const Paragraph& p : doc.paragraphs) {
    w.BeginArray();
    w.IntValue(p.utf16_begin);
    w.IntValue(p.utf16_end);
    w.StringValue(p.lang);
    w.BoolValue(p.removed);
    w.EndArray();
  }
  w.EndArray();
  w.Key("dates");
  WriteDates(w, dates);
  if (round2) {
    w.Key("round2");
    WriteRoundTwo(w, *round2);
  }
  w.Key("text");
  w.StringValue(ToUtf8(doc.text));
  w.EndObject();
  return w.Take();
}

std::string RejectionRecordJson(const Rejection& rejection) {
  JsonWriter w;
  w.BeginObject();
  w.Key("record");
  w.StringValue(kRecordTag);
  w.Key("id");
  w.StringValue(rejection.id);
  w.Key("rejected");
  w.BeginObject();
  w.Key("code");
  w.StringValue(StatusCodeName(rejection.status.code()));
  w.Key("message");
  w.StringValue(rejection.status.message());
  w.EndObject();
  w.EndObject();
  return w.Take();
}

Result<ParsedRecord> ParseRecord(std::string_view line) {
  // Every string of a record is UTF-8 (its writer had it from the decoder).
  for (int32_t at = 0; at < static_cast<int32_t>(line.size());) {
    UChar32 c;
    U8_NEXT(line.data(), at, static_cast<int32_t>(line.size()), c);
    if (c < 0) {
      return Status(StatusCode::kInvalidArgument,
                    "not a record: the line is not valid UTF-8 (byte " + std::to_string(at) + ")");
    }
  }
  CROSSWIRE_ASSIGN_OR_RETURN(Value v, Reader(line).Document());
  if (v.kind != Value::Kind::kObject) return Bad("", "a record is a JSON object");
  const Value* tag = v.Get("record");
  if (tag == nullptr || tag->kind != Value::Kind::kString)
    return Bad("", "no \"record\" tag (expected \"" + std::string(kRecordTag) + "\")");
  const bool first_version = tag->string == kRecordTagV1;
  const bool third_version = tag->string == kRecordTagV3;
  if (tag->string != kRecordTag && !first_version && !third_version) {
    return Bad("", "version \"" + Utf8Label(tag->string) + "\" is not \"" +
                       std::string(kRecordTagV3) + "\" (nor the older \"" +
                       std::string(kRecordTag) + "\" or \"" + std::string(kRecordTagV1) + "\")");
  }
  const Value* id = v.Get("id");
  if (id == nullptr || id->kind != Value::Kind::kString || id->string.empty())
    return Bad("", "no id");
  ParsedRecord out;
  auto str = [&](const char* key, std::string& into) {
    const Value* f = v.Get(key);
    if (f == nullptr || f->kind != Value::Kind::kString) return false;
    into = f->string;
    return true;
  };

  if (const Value* rejected = v.Get("rejected")) {
    const Value* code = rejected->Get("code");
    const Value* message = rejected->Get("message");
    if (code == nullptr || code->kind != Value::Kind::kString || message == nullptr ||
        message->kind != Value::Kind::kString)
      return Bad(id->string, "a rejection needs a code and a message");
    StatusCode parsed = StatusCode::kInternal;
    for (int c = static_cast<int>(StatusCode::kInvalidArgument);
         c <= static_cast<int>(StatusCode::kInternal); ++c) {
      if (StatusCodeName(static_cast<StatusCode>(c)) == code->string)
        parsed = static_cast<StatusCode>(c);
    }
    out.rejected = true;
    out.rejection = {id->string, Status(parsed, message->string)};
    return out;
  }

  Document& doc = out.doc;
  doc.id = id->string;
  const Value* bytes = v.Get("input_bytes");
  std::string text;
  if (bytes != nullptr && bytes->kind == Value::Kind::kNumber)
    return Bad(doc.id, "input_bytes is not a whole number");
  if (bytes == nullptr || bytes->kind != Value::Kind::kInt || bytes->integer < 0 ||
      !str("encoding", doc.encoding) || !str("lang", doc.lang) || !str("title", doc.title) ||
      !str("text", text))
    return Bad(doc.id, "input_bytes, encoding, lang, title and text are required");
  out.input_bytes = static_cast<std::size_t>(bytes->integer);
  if (const Value* published = v.Get("published")) {
    std::optional<Date> date;
    if (published->kind == Value::Kind::kString) date = ParseIsoDate(published->string);
    if (!date || date->precision != DatePrecision::kDay)
      return Bad(doc.id, "published must be a YYYY-MM-DD date");
    doc.published = date;
  }
  doc.text = FromUtf8(text);
  const int32_t length = doc.text.length();
  auto span = [&](const Value& item, std::size_t fields, int32_t& begin, int32_t& end) {
    if (item.kind != Value::Kind::kArray || item.items.size() != fields ||
        item.items[0].kind != Value::Kind::kInt || item.items[1].kind != Value::Kind::kInt)
      return false;
    begin = static_cast<int32_t>(item.items[0].integer);
    end = static_cast<int32_t>(item.items[1].integer);
    return 0 <= begin && begin <= end && end <= length;
  };

  const Value* warnings = v.Get("warnings");
  if (warnings == nullptr || warnings->kind != Value::Kind::kArray)
    return Bad(doc.id, "warnings must be a list");
  for (const Value& w : warnings->items) {
    if (w.kind != Value::Kind::kString) return Bad(doc.id, "a warning is not a string");
    doc.warnings.push_back(w.string);
  }
  const Value* title = v.Get("title_span");
  if (title == nullptr || title->kind != Value::Kind::kArray || title->items.size() != 2 ||
      title->items[0].kind != Value::Kind::kInt || title->items[1].kind != Value::Kind::kInt)
    return Bad(doc.id, "title_span must be [start, end]");
  doc.title_begin = static_cast<int32_t>(title->items[0].integer);
  doc.title_end = static_cast<int32_t>(title->items[1].integer);
  if (!(doc.title_begin == -1 && doc.title_end == -1) &&
      !(0 <= doc.title_begin && doc.title_begin <= doc.title_end && doc.title_end <= length))
    return Bad(doc.id, "title_span is outside the text");

  const Value* removed = v.Get("removed");
  if (removed == nullptr || removed->kind != Value::Kind::kArray)
    return Bad(doc.id, "removed must be a list");
  for (const Value& item : removed->items) {
    RemovedSpan r;
    if (!span(item, 3, r.utf16_begin, r.utf16_end) || item.items[2].kind != Value::Kind::kString)
      return Bad(doc.id, "a removed span is not [start, end, reason] within the text");
    // The stages after the record read spans in text order (the cleaner writes them so).
    if (!doc.removed.empty() && r.utf16_begin < doc.removed.back().utf16_end)
      return Bad(doc.id, "removed spans overlap or are not in text order");
    r.reason = item.items[2].string;
    doc.removed.push_back(std::move(r));
  }
  const Value* paragraphs = v.Get("paragraphs");
  if (paragraphs == nullptr || paragraphs->kind != Value::Kind::kArray)
    return Bad(doc.id, "paragraphs must be a list");
  for (const Value& item : paragraphs->items) {
    Paragraph p;
    if (!span(item, 4, p.utf16_begin, p.utf16_end) || item.items[2].kind != Value::Kind::kString ||
        item.items[3].kind != Value::Kind::kBool)
      return Bad(doc.id, "a paragraph is not [start, end, lang, removed] within the text");
    if (!doc.paragraphs.empty() && p.utf16_begin < doc.paragraphs.back().utf16_end)
      return Bad(doc.id, "paragraphs overlap or are not in text order");
    p.lang = item.items[2].string;
    p.removed = item.items[3].boolean;
    doc.paragraphs.push_back(std::move(p));
  }
  if (!first_version) {
    const Value* dates = v.Get("dates");
    RecordDates read;
    if (dates == nullptr || !ReadDates(*dates, length, read))
      return Bad(doc.id, "dates must be the map step's dates of the article");
    out.dates = std::move(read);
  }
  if (third_version) {
    const Value* round2 = v.Get("round2");
    if (round2 == nullptr) return Bad(doc.id, "a record of version 3 needs round2");
    if (std::string why = ReadRoundTwo(*round2, length, !doc.removed.empty(), out.round2.emplace());
        !why.empty())
      return Bad(doc.id, why);
  }
  return out;
}

std::string CasingJson(const mentions::CaseStats& stats) {
  JsonWriter w;
  auto write = [&](const std::unordered_map<std::string, int>& counts) {
    std::vector<const std::pair<const std::string, int>*> sorted;
    for (const auto& entry : counts) {
      if (entry.second != 0) sorted.push_back(&entry);
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const auto* a, const auto* b) { return a->first < b->first; });
    w.BeginObject();
    for (const auto* entry : sorted) {
      w.Key(entry->first);
      w.IntValue(entry->second);
    }
    w.EndObject();
  };
  w.BeginObject();
  w.Key("casing");
  w.StringValue(kCasingTag);
  w.Key("lower");
  write(stats.lower);
  w.Key("capitalized_inside");
  write(stats.capitalized_inside);
  w.EndObject();
  return w.Take();
}

Status AddCasingJson(std::string_view line, mentions::CaseStats& into) {
  auto bad = [](const std::string& why) {
    return Status(StatusCode::kInvalidArgument, "casing counts: " + why);
  };
  for (int32_t at = 0; at < static_cast<int32_t>(line.size());) {
    UChar32 c;
    U8_NEXT(line.data(), at, static_cast<int32_t>(line.size()), c);
    if (c < 0) return bad("the line is not valid UTF-8 (byte " + std::to_string(at) + ")");
  }
  Result<Value> parsed = Reader(line).Document();
  if (!parsed.ok()) return bad(parsed.status().message());
  const Value& v = parsed.value();
  const Value* tag = v.Get("casing");
  if (v.kind != Value::Kind::kObject || !tag || tag->kind != Value::Kind::kString)
    return bad("no \"casing\" tag (expected \"" + std::string(kCasingTag) + "\")");
  if (tag->string != kCasingTag)
    return bad("version \"" + Utf8Label(tag->string) + "\" is not \"" + std::string(kCasingTag) +
               "\"");
  const Value* lower = v.Get("lower");
  const Value* inside = v.Get("capitalized_inside");
  for (const Value* counts : {lower, inside}) {
    if (!counts || counts->kind != Value::Kind::kObject)
      return bad("lower and capitalized_inside must be objects of counts");
    for (const Value& n : counts->values) {
      if (n.kind != Value::Kind::kInt || n.integer < 0 || n.integer > 1'000'000'000)
        return bad("a count is not a whole number from 0 to 10^9");
    }
  }
  mentions::CaseStats read;
  for (std::size_t i = 0; i < lower->names.size(); ++i)
    read.lower[lower->names[i]] += static_cast<int>(lower->values[i].integer);
  for (std::size_t i = 0; i < inside->names.size(); ++i)
    read.capitalized_inside[inside->names[i]] += static_cast<int>(inside->values[i].integer);
  into.Add(read);
  return Status::Ok();
}

std::string CasingFingerprint(const mentions::CaseStats& stats) {
  // FNV-1a over the canonical line: equal counts, equal digest, on every build.
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : CasingJson(stats)) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
  return buf;
}

}  // namespace crosswire
