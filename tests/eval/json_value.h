// A small JSON reader for evaluation data (the Recognizers-Text spec files): enough of RFC 8259
// to read them into a tree of values. Not part of the core, which only writes JSON (core/json.h).
#ifndef CROSSWIRE_TESTS_EVAL_JSON_VALUE_H_
#define CROSSWIRE_TESTS_EVAL_JSON_VALUE_H_

#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crosswire::eval {

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject } kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<JsonValue> array;
  std::map<std::string, JsonValue> object;

  // The member `key` of an object, or null when there is none.
  const JsonValue* Get(const std::string& key) const {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &it->second;
  }
  std::string StringOr(const std::string& key, const std::string& fallback = "") const {
    const JsonValue* v = Get(key);
    return v && v->kind == Kind::kString ? v->string : fallback;
  }
  std::optional<double> NumberAt(const std::string& key) const {
    const JsonValue* v = Get(key);
    if (!v || v->kind != Kind::kNumber) return std::nullopt;
    return v->number;
  }
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a BOM
  }

  // The document's value, or nothing when the text is not JSON.
  std::optional<JsonValue> Read() {
    JsonValue v;
    if (!Value(&v)) return std::nullopt;
    Space();
    if (pos_ != text_.size()) return std::nullopt;
    return v;
  }

 private:
  void Space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\r' || text_[pos_] == '\t')) {
      ++pos_;
    }
  }
  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool Value(JsonValue* v) {
    Space();
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_];
    if (c == '{') return Object(v);
    if (c == '[') return Array(v);
    if (c == '"') {
      v->kind = JsonValue::Kind::kString;
      return String(&v->string);
    }
    if (Literal("true")) {
      v->kind = JsonValue::Kind::kBool;
      v->boolean = true;
      return true;
    }
    if (Literal("false")) {
      v->kind = JsonValue::Kind::kBool;
      return true;
    }
    if (Literal("null")) return true;
    const std::string rest(text_.substr(pos_, 32));
    char* end = nullptr;
    v->number = std::strtod(rest.c_str(), &end);
    if (end == rest.c_str()) return false;
    v->kind = JsonValue::Kind::kNumber;
    pos_ += static_cast<std::size_t>(end - rest.c_str());
    return true;
  }
  bool Object(JsonValue* v) {
    v->kind = JsonValue::Kind::kObject;
    ++pos_;
    Space();
    if (pos_ < text_.size() && text_[pos_] == '}') return ++pos_, true;
    while (true) {
      Space();
      std::string key;
      if (pos_ >= text_.size() || text_[pos_] != '"' || !String(&key)) return false;
      Space();
      if (pos_ >= text_.size() || text_[pos_++] != ':') return false;
      if (!Value(&v->object[key])) return false;
      Space();
      if (pos_ >= text_.size()) return false;
      if (text_[pos_] == '}') return ++pos_, true;
      if (text_[pos_++] != ',') return false;
    }
  }
  bool Array(JsonValue* v) {
    v->kind = JsonValue::Kind::kArray;
    ++pos_;
    Space();
    if (pos_ < text_.size() && text_[pos_] == ']') return ++pos_, true;
    while (true) {
      v->array.emplace_back();
      if (!Value(&v->array.back())) return false;
      Space();
      if (pos_ >= text_.size()) return false;
      if (text_[pos_] == ']') return ++pos_, true;
      if (text_[pos_++] != ',') return false;
    }
  }
  bool Hex4(uint32_t* out) {
    if (pos_ + 4 > text_.size()) return false;
    *out = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = text_[pos_++];
      *out <<= 4;
      if (h >= '0' && h <= '9') *out |= h - '0';
      else if (h >= 'a' && h <= 'f') *out |= h - 'a' + 10;
      else if (h >= 'A' && h <= 'F') *out |= h - 'A' + 10;
      else return false;
    }
    return true;
  }
  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      *out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      *out += static_cast<char>(0xC0 | (cp >> 6));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *out += static_cast<char>(0xE0 | (cp >> 12));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *out += static_cast<char>(0xF0 | (cp >> 18));
      *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  bool String(std::string* out) {
    ++pos_;  // the opening quote
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        *out += c;
        continue;
      }
      if (pos_ >= text_.size()) return false;
      const char e = text_[pos_++];
      switch (e) {
        case 'n': *out += '\n'; break;
        case 't': *out += '\t'; break;
        case 'r': *out += '\r'; break;
        case 'b': *out += '\b'; break;
        case 'f': *out += '\f'; break;
        case 'u': {
          uint32_t cp = 0;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && Literal("\\u")) {
            uint32_t low = 0;
            if (!Hex4(&low)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(cp, out);
          break;
        }
        default: *out += e;  // \" \\ \/
      }
    }
    return false;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace crosswire::eval

#endif  // CROSSWIRE_TESTS_EVAL_JSON_VALUE_H_
