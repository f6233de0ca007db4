#include "decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <memory>

namespace crosswire {
namespace {

constexpr UChar32 kReplacement = 0xFFFD;

struct Utf8Scan {
  int64_t invalid = 0;  // ill-formed sequences
  int64_t first_invalid = -1;
  int64_t multibyte = 0;  // well-formed non-ASCII characters
};

Utf8Scan ScanUtf8(std::string_view bytes) {
  Utf8Scan scan;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      if (scan.first_invalid < 0) scan.first_invalid = start;
      ++scan.invalid;
    } else if (c >= 0x80) {
      ++scan.multibyte;
    }
  }
  return scan;
}

icu::UnicodeString RepairUtf8(std::string_view bytes) {
  icu::UnicodeString out;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out.append(c < 0 ? kReplacement : c);
  }
  return out;
}

Result<icu::UnicodeString> Convert(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status), &ucnv_close);
  if (U_FAILURE(status)) {
    return Status(StatusCode::kDataError,
                  std::string("no converter for ") + charset + " (" + u_errorName(status) + ")");
  }
  icu::UnicodeString out;
  int32_t capacity = static_cast<int32_t>(bytes.size()) * 2 + 16;
  UChar* buffer = out.getBuffer(capacity);
  int32_t written = ucnv_toUChars(conv.get(), buffer, capacity, bytes.data(),
                                  static_cast<int32_t>(bytes.size()), &status);
  out.releaseBuffer(U_SUCCESS(status) ? written : 0);
  if (U_FAILURE(status)) {
    return Status(StatusCode::kInternal, std::string("decoding as ") + charset + " failed");
  }
  return out;
}

// ICU's detector has no recognizer for Thai; TIS-620 text has a rigid shape: combining vowels and
// tone marks follow consonants, and leading vowels precede them. Returns true when the high bytes
// read as well-formed Thai.
bool LooksLikeTis620(std::string_view bytes) {
  auto is_consonant = [](uint8_t b) { return b >= 0xA1 && b <= 0xCE; };
  auto is_combining = [](uint8_t b) {
    return b == 0xD1 || (b >= 0xD4 && b <= 0xDA) || (b >= 0xE7 && b <= 0xEE);
  };
  int64_t high = 0, good = 0;
  uint8_t prev = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto b = static_cast<uint8_t>(bytes[i]);
    if (b >= 0x80) {
      ++high;
      bool ok;
      if (is_combining(b)) {
        ok = is_consonant(prev) || is_combining(prev);
      } else if (b >= 0xE0 && b <= 0xE4) {  // leading vowels
        ok = i + 1 < bytes.size() && is_consonant(static_cast<uint8_t>(bytes[i + 1]));
      } else {
        ok = (b >= 0xA1 && b <= 0xFB) && !(b >= 0xDB && b <= 0xDE) && b != 0xFC;
      }
      if (ok) ++good;
    }
    prev = b;
  }
  return high >= 8 && good * 100 >= high * 97;
}

void AddUtf8RepairWarning(const Utf8Scan& scan, Decoded& decoded) {
  if (scan.invalid == 0) return;
  decoded.warnings.push_back("invalid UTF-8 at byte offset " + std::to_string(scan.first_invalid) +
                             ": " + std::to_string(scan.invalid) +
                             (scan.invalid == 1 ? " sequence" : " sequences") +
                             " replaced with U+FFFD");
}

Status BinaryError(int64_t nul_count) {
  return Status(StatusCode::kBinaryInput, "not text: the input contains " +
                                              std::to_string(nul_count) +
                                              " NUL bytes and no byte-order mark (a binary file?)");
}

}  // namespace

Result<Decoded> DecodeUtf8(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  int64_t nuls = 0;
  for (char c : bytes) nuls += c == '\0';
  if (nuls > 0) return BinaryError(nuls);
  Decoded decoded;
  decoded.encoding = "UTF-8";
  Utf8Scan scan = ScanUtf8(bytes);
  if (scan.invalid == 0) {
    decoded.text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(bytes.data(), static_cast<int32_t>(bytes.size())));
  } else {
    decoded.text = RepairUtf8(bytes);
    AddUtf8RepairWarning(scan, decoded);
  }
  return decoded;
}

Result<Decoded> DecodeBytes(std::string_view bytes) {
  // Byte-order marks decide outright.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return DecodeUtf8(bytes);
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    const char* charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    if (bytes.size() % 2 != 0) {
      return Status(StatusCode::kBinaryInput,
                    std::string("truncated ") + charset + " text: odd number of bytes");
    }
    Result<icu::UnicodeString> text = Convert(bytes.substr(2), charset);
    if (!text.ok()) return text.status();
    Decoded decoded;
    decoded.text = std::move(text).value();
    decoded.encoding = charset;
    return decoded;
  }

  int64_t nuls = 0;
  for (char c : bytes) nuls += c == '\0';
  if (nuls > 0) return BinaryError(nuls);

  Utf8Scan scan = ScanUtf8(bytes);
  // Well-formed UTF-8, or UTF-8 with broken sequences among at least as many good ones (legacy
  // 8-bit text almost never forms valid multi-byte sequences by chance).
  if (scan.invalid == 0 || (scan.multibyte > 0 && scan.multibyte >= scan.invalid))
    return DecodeUtf8(bytes);

  Decoded decoded;
  if (LooksLikeTis620(bytes)) {
    Result<icu::UnicodeString> text = Convert(bytes, "windows-874");
    if (!text.ok()) return text.status();
    decoded.text = std::move(text).value();
    decoded.encoding = "TIS-620";
    return decoded;
  }

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      &ucsdet_close);
  ucsdet_enableInputFilter(detector.get(), true);  // ignore markup when guessing
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) {
    decoded.text = RepairUtf8(bytes);
    decoded.encoding = "UTF-8";
    AddUtf8RepairWarning(scan, decoded);
    decoded.warnings.push_back("encoding could not be detected; decoded as UTF-8");
    return decoded;
  }
  const char* name = ucsdet_getName(match, &status);
  int32_t confidence = ucsdet_getConfidence(match, &status);
  Result<icu::UnicodeString> text = Convert(bytes, name);
  if (!text.ok()) return text.status();
  decoded.text = std::move(text).value();
  decoded.encoding = name;
  if (confidence < 30) {
    decoded.warnings.push_back(std::string("encoding guessed as ") + name +
                               " with low confidence (" + std::to_string(confidence) + "%)");
  }
  return decoded;
}

}  // namespace crosswire
