// JSON text, written one token at a time: the one writer for the analysis document
// (analysis_json.cc), the CLI and the wasm bindings. Keys come out in the order they are written
// and numbers in a fixed format, so every build writes byte-identical JSON.
#ifndef CROSSWIRE_CORE_JSON_H_
#define CROSSWIRE_CORE_JSON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosswire/types.h"

namespace crosswire {

// Appends `s` (UTF-8) as a JSON string literal: quotes, backslashes and control characters escaped,
// everything else as is.
void AppendJsonString(std::string& out, std::string_view s);
// The same, as a new string.
std::string JsonString(std::string_view s);

// Commas are placed by the writer: call Key() before each member of an object and the *Value()
// functions (or Begin*) for each value.
//   JsonWriter w; w.BeginObject(); w.Key("n"); w.IntValue(1); w.EndObject(); w.Take() ==
//   "{\"n\":1}"
class JsonWriter {
 public:
  std::string Take() { return std::move(out_); }

  void String(std::string_view s) { AppendJsonString(out_, s); }
  void Int(int64_t v) { out_ += std::to_string(v); }
  // Three decimals are enough for scores and never differ between builds: "0.5", "1", "0.123".
  void Number(double v);
  void Null() { out_ += "null"; }
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
  void BoolValue(bool v) {
    Value();
    out_ += v ? "true" : "false";
  }
  void NullValue() {
    Value();
    out_ += "null";
  }
  void NumberValue(double v) {
    Value();
    Number(v);
  }
  // A value already written as JSON (a number in a format of the caller's).
  void RawValue(std::string_view json) {
    Value();
    out_ += json;
  }
  // The date as "YYYY-MM-DD" (or as its precision allows), or null.
  void DateValue(const std::optional<Date>& d);
  void StringArray(const std::vector<std::string>& items) {
    BeginArray();
    for (const std::string& s : items) StringValue(s);
    EndArray();
  }

 private:
  std::string out_;
  bool fresh_ = true;
};

// {"error":{"code":"too_large","message":"..."}}: how the wasm module reports a failed call.
std::string ErrorJson(const Status& status);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_JSON_H_
