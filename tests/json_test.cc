// Tests of the JSON writer shared by the analysis document, the CLI and the wasm bindings.
#include "json.h"

#include <catch2/catch.hpp>
#include <string>

namespace crosswire {
namespace {

TEST_CASE("strings are escaped as JSON requires and UTF-8 passes through", "[json]") {
  CHECK(JsonString("plain") == "\"plain\"");
  CHECK(JsonString("a \"quote\" and \\ backslash") == "\"a \\\"quote\\\" and \\\\ backslash\"");
  CHECK(JsonString("line\nbreak\ttab\rcr\bbs\fff") == "\"line\\nbreak\\ttab\\rcr\\bbs\\fff\"");
  CHECK(JsonString(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
  CHECK(JsonString("\x01\x1f") == "\"\\u0001\\u001f\"");
  CHECK(JsonString("Лукашенко ลูกาเชนโก 🙂") ==
        "\"Лукашенко ลูกาเชนโก 🙂\"");
  CHECK(JsonString("\x7f") == "\"\x7f\"");  // DEL is not a control character in JSON
}

TEST_CASE("the writer places commas and keys", "[json]") {
  JsonWriter w;
  w.BeginObject();
  w.Key("a");
  w.IntValue(1);
  w.Key("list");
  w.BeginArray();
  w.StringValue("x");
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.BoolValue(false);
  w.EndArray();
  w.Key("empty");
  w.StringArray({});
  w.Key("names");
  w.StringArray({"p", "q"});
  w.EndObject();
  CHECK(w.Take() == R"({"a":1,"list":["x",{},[],false],"empty":[],"names":["p","q"]})");
}

TEST_CASE("numbers have at most three decimals, without trailing zeros", "[json]") {
  auto number = [](double v) {
    JsonWriter w;
    w.NumberValue(v);
    return w.Take();
  };
  CHECK(number(0.5) == "0.5");
  CHECK(number(1.0) == "1");
  CHECK(number(0) == "0");
  CHECK(number(0.12345) == "0.123");
  CHECK(number(0.9996) == "1");
  CHECK(number(-0.0001) == "0");  // never "-0"
  CHECK(number(-2.25) == "-2.25");
}

TEST_CASE("dates are written at their precision, or null", "[json]") {
  JsonWriter w;
  w.BeginArray();
  w.DateValue(Date{2024, 9, 13, DatePrecision::kDay});
  w.DateValue(Date{2024, 9, 0, DatePrecision::kMonth});
  w.DateValue(Date{2024, 0, 0, DatePrecision::kYear});
  w.DateValue(std::nullopt);
  w.EndArray();
  CHECK(w.Take() == R"(["2024-09-13","2024-09","2024",null])");
}

TEST_CASE("errors are an object with the code's name and the message", "[json]") {
  CHECK(ErrorJson(Status(StatusCode::kTooLarge, "a.txt is 3 MiB")) ==
        R"({"error":{"code":"too_large","message":"a.txt is 3 MiB"}})");
  CHECK(ErrorJson(Status(StatusCode::kBadAliases, "line \"2\"")) ==
        R"({"error":{"code":"bad_aliases","message":"line \"2\""}})");
}

}  // namespace
}  // namespace crosswire
