// The reader of the JSON that record lines and casing lines are written in (core/record.cc): a
// small tree of values, enough for what the writers produce, with the reason and byte of the first
// thing wrong.
#ifndef CROSSWIRE_CORE_RECORD_JSON_READER_H_
#define CROSSWIRE_CORE_RECORD_JSON_READER_H_

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "crosswire/status.h"

namespace crosswire::record_json {

// The JSON the record writer produces, read back: objects, arrays, strings, integers, other
// numbers, booleans, null. Nesting is bounded (records are four levels deep), so hostile input
// cannot exhaust the stack.
struct Value {
  enum class Kind { kNull, kBool, kInt, kNumber, kString, kArray, kObject } kind = Kind::kNull;
  bool boolean = false;
  int64_t integer = 0;
  double number = 0;  // of kNumber (and of kInt)
  std::string string;
  std::vector<Value> items;
  // An object's members: names and values at the same index (a vector of pairs would need Value
  // complete here).
  std::vector<std::string> names;
  std::vector<Value> values;

  const Value* Get(std::string_view key) const {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == key) return &values[i];
    }
    return nullptr;
  }
};

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  Result<Value> Document() {
    Value v;
    if (!ParseValue(v, 0)) return Error();
    SkipSpace();
    if (at_ != text_.size()) {
      error_ = "text after the record";
      return Error();
    }
    return v;
  }

 private:
  static constexpr int kMaxDepth = 8;

  Status Error() const {
    return Status(StatusCode::kInvalidArgument,
                  "not a record: " + error_ + " at byte " + std::to_string(at_ + 1));
  }
  void SkipSpace() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r'))
      ++at_;
  }
  bool Fail(const char* why) {
    if (error_.empty()) error_ = why;
    return false;
  }
  bool Literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return Fail("an unknown word");
    at_ += word.size();
    return true;
  }

  bool ParseValue(Value& v, int depth) {
    if (depth > kMaxDepth) return Fail("nesting too deep");
    SkipSpace();
    if (at_ >= text_.size()) return Fail("the line ends early");
    const char c = text_[at_];
    if (c == '{') return ParseObject(v, depth);
    if (c == '[') return ParseArray(v, depth);
    if (c == '"') {
      v.kind = Value::Kind::kString;
      return ParseString(v.string);
    }
    if (c == '-' || (c >= '0' && c <= '9')) return ParseInt(v);
    if (c == 't' || c == 'f') {
      v.kind = Value::Kind::kBool;
      v.boolean = c == 't';
      return Literal(c == 't' ? "true" : "false");
    }
    if (c == 'n') return Literal("null");
    return Fail("an unexpected character");
  }

  bool ParseInt(Value& v) {
    v.kind = Value::Kind::kInt;
    const std::size_t start = at_;
    bool negative = text_[at_] == '-';
    if (negative) ++at_;
    std::size_t digits = 0;
    int64_t n = 0;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
      if (++digits > 15) return Fail("a number out of range");
      n = n * 10 + (text_[at_++] - '0');
    }
    if (digits == 0) return Fail("a malformed number");
    v.integer = negative ? -n : n;
    v.number = static_cast<double>(v.integer);
    if (at_ < text_.size() && (text_[at_] == '.' || text_[at_] == 'e' || text_[at_] == 'E'))
      return ParseFraction(v, start);
    return true;
  }

  // The rest of a number with a fraction or an exponent (the floats of round 2's results), whose
  // whole part starts at `start`.
  bool ParseFraction(Value& v, std::size_t start) {
    v.kind = Value::Kind::kNumber;
    auto digits = [&] {
      std::size_t from = at_;
      while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
      return at_ - from;
    };
    if (text_[at_] == '.') {
      ++at_;
      if (digits() == 0) return Fail("a malformed number");
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
      ++at_;
      if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
      if (digits() == 0) return Fail("a malformed number");
    }
    if (at_ - start > 32) return Fail("a number out of range");
    // strtod reads the JSON grammar's numbers alike in the "C" locale the core runs in.
    const std::string number(text_.substr(start, at_ - start));
    v.number = std::strtod(number.c_str(), nullptr);
    return true;
  }

  bool Hex4(uint32_t& out) {
    if (at_ + 4 > text_.size()) return Fail("a short \\u escape");
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = text_[at_++];
      out <<= 4;
      if (h >= '0' && h <= '9')
        out |= h - '0';
      else if (h >= 'a' && h <= 'f')
        out |= h - 'a' + 10;
      else if (h >= 'A' && h <= 'F')
        out |= h - 'A' + 10;
      else
        return Fail("a malformed \\u escape");
    }
    return true;
  }

  static void AppendUtf8(std::string& out, uint32_t c) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }

  bool ParseString(std::string& out) {
    ++at_;  // the opening quote
    while (true) {
      // Copy the run up to the next quote, backslash or control character at once.
      std::size_t run = at_;
      while (run < text_.size() && text_[run] != '"' && text_[run] != '\\' &&
             static_cast<unsigned char>(text_[run]) >= 0x20)
        ++run;
      out.append(text_.substr(at_, run - at_));
      at_ = run;
      if (at_ >= text_.size()) return Fail("an unterminated string");
      const char c = text_[at_++];
      if (c == '"') return true;
      if (c != '\\') return Fail("a control character inside a string");
      if (at_ >= text_.size()) return Fail("an unterminated string");
      const char e = text_[at_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          uint32_t c1 = 0;
          if (!Hex4(c1)) return false;
          if (c1 >= 0xD800 && c1 <= 0xDBFF) {
            uint32_t c2 = 0;
            if (text_.substr(at_, 2) != "\\u" || (at_ += 2, !Hex4(c2)) || c2 < 0xDC00 ||
                c2 > 0xDFFF)
              return Fail("a lone surrogate escape");
            c1 = 0x10000 + ((c1 - 0xD800) << 10) + (c2 - 0xDC00);
          } else if (c1 >= 0xDC00 && c1 <= 0xDFFF) {
            return Fail("a lone surrogate escape");
          }
          AppendUtf8(out, c1);
          break;
        }
        default:
          return Fail("an unknown escape");
      }
    }
  }

  bool ParseArray(Value& v, int depth) {
    v.kind = Value::Kind::kArray;
    ++at_;
    SkipSpace();
    if (at_ < text_.size() && text_[at_] == ']') return ++at_, true;
    while (true) {
      v.items.emplace_back();
      if (!ParseValue(v.items.back(), depth + 1)) return false;
      SkipSpace();
      if (at_ >= text_.size()) return Fail("an unterminated array");
      const char c = text_[at_++];
      if (c == ']') return true;
      if (c != ',') return Fail("a missing comma in an array");
    }
  }

  bool ParseObject(Value& v, int depth) {
    v.kind = Value::Kind::kObject;
    ++at_;
    SkipSpace();
    if (at_ < text_.size() && text_[at_] == '}') return ++at_, true;
    while (true) {
      SkipSpace();
      if (at_ >= text_.size() || text_[at_] != '"') return Fail("a missing member name");
      std::string key;
      if (!ParseString(key)) return false;
      SkipSpace();
      if (at_ >= text_.size() || text_[at_++] != ':') return Fail("a missing colon");
      v.names.push_back(std::move(key));
      v.values.emplace_back();
      if (!ParseValue(v.values.back(), depth + 1)) return false;
      SkipSpace();
      if (at_ >= text_.size()) return Fail("an unterminated object");
      const char c = text_[at_++];
      if (c == '}') return true;
      if (c != ',') return Fail("a missing comma in an object");
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::string error_;
};

}  // namespace crosswire::record_json

#endif  // CROSSWIRE_CORE_RECORD_JSON_READER_H_
