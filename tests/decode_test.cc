// Decoding of dropped files: fixtures are generated here by encoding known text with ICU's
// converters, so the same bytes are tested natively and in wasm.
#include "decode.h"

#include <unicode/ucnv.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "text/normalize.h"

namespace crosswire {
namespace {

const char kRussian[] =
    "Президент Белоруссии Александр Лукашенко встретился в Минске с секретарём Высшего совета "
    "национальной безопасности Ирана Али Акбаром Ахмадияном. Стороны обсудили сотрудничество.";
const char kThai[] =
    "เมื่อวันที่ 13 กันยายน นายอาลี อัคบาร์ อัคมาเดียน เลขาธิการสภาความมั่นคงแห่งชาติสูงสุดของอิหร่าน "
    "และนายอเล็กซานเดอร์ โวลโฟวิช พบกันที่กรุงมินสค์ เมืองหลวงของประเทศในยุโรปตะวันออก";
const char kJapanese[] =
    "イランとベラルーシの安全保障担当の高官が９月１３日にミンスクで会談し、二国間の協力を拡大するこ"
    "とで合意した。"
    "両国は上海協力機構とＢＲＩＣＳの枠組みでの協力も確認した。";
const char kChinese[] =
    "伊朗最高国家安全委员会秘书艾哈迈迪扬九月十三日在明斯克会见白俄罗斯安全会议国务秘书沃尔福维奇，"
    "双方呼吁扩大在工业、矿业和贸易领域的合作。";
const char kFrench[] =
    "Deux hauts responsables iranien et biélorusse de la sécurité ont souligné vendredi 13 "
    "septembre la "
    "nécessité de renforcer les relations politiques, sécuritaires et économiques bilatérales à "
    "Téhéran.";

std::string Encode(const char* utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status), &ucnv_close);
  REQUIRE(U_SUCCESS(status));
  icu::UnicodeString text = FromUtf8(utf8);
  std::string out(text.length() * 4 + 16, '\0');
  int32_t n = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()),
                              text.getBuffer(), text.length(), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(n);
  return out;
}

void CheckRoundTrip(const char* utf8, const char* charset, const std::string& expected_encoding) {
  std::string bytes = Encode(utf8, charset);
  REQUIRE(bytes != std::string(utf8));
  Result<Decoded> decoded = DecodeBytes(bytes);
  INFO(charset);
  REQUIRE(decoded.ok());
  CHECK(ToUtf8(decoded.value().text) == utf8);
  CHECK(decoded.value().encoding == expected_encoding);
}

TEST_CASE("UTF-8 with and without BOM decodes unchanged", "[decode]") {
  Result<Decoded> plain = DecodeBytes(kThai);
  REQUIRE(plain.ok());
  CHECK(ToUtf8(plain.value().text) == kThai);
  CHECK(plain.value().encoding == "UTF-8");
  CHECK(plain.value().warnings.empty());
  Result<Decoded> bom = DecodeBytes(std::string("\xEF\xBB\xBF") + kRussian);
  REQUIRE(bom.ok());
  CHECK(ToUtf8(bom.value().text) == kRussian);
}

TEST_CASE("legacy encodings are detected and converted", "[decode]") {
  CheckRoundTrip(kRussian, "windows-1251", "windows-1251");
  CheckRoundTrip(kRussian, "KOI8-R", "KOI8-R");
  CheckRoundTrip(kThai, "windows-874", "TIS-620");
  CheckRoundTrip(kJapanese, "Shift_JIS", "Shift_JIS");
  CheckRoundTrip(kChinese, "GB18030", "GB18030");
  std::string latin1 = Encode(kFrench, "ISO-8859-1");
  Result<Decoded> fr = DecodeBytes(latin1);
  REQUIRE(fr.ok());
  CHECK(ToUtf8(fr.value().text) == kFrench);
  // ICU names 8859-1 text by what it could be: either answer decodes these bytes identically.
  CHECK((fr.value().encoding == "ISO-8859-1" || fr.value().encoding == "windows-1252"));
}

TEST_CASE("invalid UTF-8 is repaired with U+FFFD and a warning naming the offset", "[decode]") {
  std::string bytes = std::string(kFrench).substr(0, 40) + "\xC3\x28" + "suite é";
  Result<Decoded> decoded = DecodeBytes(bytes);
  REQUIRE(decoded.ok());
  std::string text = ToUtf8(decoded.value().text);
  CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);
  CHECK(text.find("suite é") != std::string::npos);
  REQUIRE(decoded.value().warnings.size() == 1);
  CHECK(decoded.value().warnings[0].find(
            "byte offset " + std::to_string(std::string(kFrench).substr(0, 40).size())) !=
        std::string::npos);
}

TEST_CASE("binary input is rejected with a clear error", "[decode]") {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 24);
  Result<Decoded> decoded = DecodeBytes(png);
  REQUIRE_FALSE(decoded.ok());
  CHECK(decoded.status().code() == StatusCode::kBinaryInput);
  CHECK(decoded.status().message().find("NUL") != std::string::npos);
  Result<Decoded> text = DecodeUtf8(std::string("abc\0def", 7));
  CHECK(text.status().code() == StatusCode::kBinaryInput);
}

TEST_CASE("UTF-16 with BOM is recognised from the mark", "[decode]") {
  std::string bytes = "\xFF\xFE" + Encode(kThai, "UTF-16LE");
  Result<Decoded> decoded = DecodeBytes(bytes);
  REQUIRE(decoded.ok());
  CHECK(decoded.value().encoding == "UTF-16LE");
  CHECK(ToUtf8(decoded.value().text) == kThai);
  std::string be = "\xFE\xFF" + Encode(kRussian, "UTF-16BE");
  Result<Decoded> decoded_be = DecodeBytes(be);
  REQUIRE(decoded_be.ok());
  CHECK(decoded_be.value().encoding == "UTF-16BE");
  CHECK(ToUtf8(decoded_be.value().text) == kRussian);
}

TEST_CASE("UTF-16 without BOM is recognised from its alternating bytes", "[decode]") {
  struct Case {
    const char* text;
    const char* charset;
  } cases[] = {{kRussian, "UTF-16LE"}, {kThai, "UTF-16LE"}, {kFrench, "UTF-16BE"},
               {kRussian, "UTF-16BE"}, {kThai, "UTF-16BE"}, {kFrench, "UTF-16LE"}};
  for (const Case& c : cases) {
    INFO(c.charset << " " << std::string(c.text).substr(0, 20));
    Result<Decoded> decoded = DecodeBytes(Encode(c.text, c.charset));
    REQUIRE(decoded.ok());
    CHECK(decoded.value().encoding == c.charset);
    CHECK(ToUtf8(decoded.value().text) == c.text);
    REQUIRE(decoded.value().warnings.size() == 1);
    CHECK(decoded.value().warnings[0].find("no byte-order mark") != std::string::npos);
  }
}

TEST_CASE("binary data with UTF-16's shape is still rejected", "[decode]") {
  // Little-endian 16-bit samples: every other byte is small, as in UTF-16, but they are controls.
  std::string samples;
  for (int i = 0; i < 64; ++i) samples += {static_cast<char>(i % 7), static_cast<char>(i % 3)};
  Result<Decoded> decoded = DecodeBytes(samples);
  REQUIRE_FALSE(decoded.ok());
  CHECK(decoded.status().code() == StatusCode::kBinaryInput);
}

TEST_CASE("short ASCII text is never taken for UTF-16", "[decode]") {
  for (const char* text : {"a\nb\nc\nd\ne\nf\n", "1\t2\t3\t4\t5\t", "Hi there"}) {
    Result<Decoded> decoded = DecodeBytes(text);
    REQUIRE(decoded.ok());
    CHECK(decoded.value().encoding == "UTF-8");
    CHECK(ToUtf8(decoded.value().text) == text);
  }
}

TEST_CASE("UTF-8 with more broken bytes than good characters is still repaired as UTF-8",
          "[decode]") {
  // Three curly quotes (nine bytes of well-formed UTF-8) and four stray bytes: damaged UTF-8, not
  // windows-1252 (which would turn the quotes into "â€™").
  std::string bytes =
      "The minister\xE2\x80\x99s aide said \xE2\x80\x9Cno comment\xE2\x80\x9D on Monday. "
      "Caf\xE9 \xFF\xFE\xFD closed.";
  Result<Decoded> decoded = DecodeBytes(bytes);
  REQUIRE(decoded.ok());
  CHECK(decoded.value().encoding == "UTF-8");
  std::string text = ToUtf8(decoded.value().text);
  CHECK(text.find("minister\xE2\x80\x99s") != std::string::npos);
  CHECK(text.find("Caf\xEF\xBF\xBD") != std::string::npos);
  REQUIRE(decoded.value().warnings.size() == 1);
  CHECK(decoded.value().warnings[0].find("byte offset " + std::to_string(bytes.find('\xE9'))) !=
        std::string::npos);
}

TEST_CASE("8-bit text without one valid multi-byte sequence goes to legacy detection", "[decode]") {
  // windows-1251 forms a valid UTF-8 pair by chance ("Её" is C5 B8): the rest outweighs it.
  std::string russian = Encode(kRussian, "windows-1251") + " " + Encode("Её", "windows-1251");
  Result<Decoded> decoded = DecodeBytes(russian);
  REQUIRE(decoded.ok());
  CHECK(decoded.value().encoding == "windows-1251");
  std::string french = Encode(kFrench, "windows-1252");
  Result<Decoded> fr = DecodeBytes(french);
  REQUIRE(fr.ok());
  CHECK(ToUtf8(fr.value().text) == kFrench);
}

TEST_CASE("labels are valid UTF-8 and bounded, keeping the extension", "[decode]") {
  CHECK(Utf8Label("caf\xE9.txt") == "caf\xEF\xBF\xBD.txt");
  CHECK(Utf8Label("a\nb.txt") ==
        "a\xEF\xBF\xBD"
        "b.txt");
  CHECK(Utf8Label("Минск.html") == "Минск.html");
  std::string long_name = std::string(20 * 1024 * 1024, 'x') + ".html";
  std::string label = Utf8Label(long_name);
  CHECK(label.size() <= kMaxLabelBytes);
  CHECK(label.substr(label.size() - 5) == ".html");
  CHECK(label.find("\u2026") != std::string::npos);
  // A cut never splits a character.
  std::string cyrillic;
  for (int i = 0; i < 300; ++i) cyrillic += "Ж";
  std::string cut = Utf8Label(cyrillic, 100);
  CHECK(cut.size() <= 100);
  CHECK(ToUtf8(FromUtf8(cut)) == cut);
  CHECK(cut.find("\xEF\xBF\xBD") == std::string::npos);
}

}  // namespace
}  // namespace crosswire
