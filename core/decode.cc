#include "decode.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <climits>
#include <functional>
#include <memory>
#include <string>

namespace crosswire {
namespace {

constexpr UChar32 kReplacement = 0xFFFD;

struct Utf8Scan {
  int64_t invalid = 0;  // ill-formed sequences
  int64_t invalid_bytes = 0;
  int64_t first_invalid = -1;
  int64_t multibyte = 0;  // well-formed non-ASCII characters
  int64_t multibyte_bytes = 0;
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
      scan.invalid_bytes += i - start;
    } else if (c >= 0x80) {
      ++scan.multibyte;
      scan.multibyte_bytes += i - start;
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

// BOM-less UTF-16: text in an alphabetic script puts the same few values in every other byte (0x00
// for Latin, 0x04 for Cyrillic, 0x06 for Arabic, 0x0E for Thai...), values that are control
// characters in any 8-bit reading, while the other bytes vary. Returns "UTF-16LE", "UTF-16BE" or
// null. Text in UTF-8 or a legacy encoding never has most of one parity below 0x20.
const char* GuessUtf16(std::string_view bytes) {
  if (bytes.size() < 8 || bytes.size() % 2 != 0) return nullptr;
  // Text in an 8-bit encoding or UTF-8 has no control bytes but tab, line and page breaks (and
  // ESC in ISO-2022): then it is not UTF-16, whatever its pattern.
  bool controls = std::any_of(bytes.begin(), bytes.end(), [](char ch) {
    auto b = static_cast<uint8_t>(ch);
    return b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B;
  });
  if (!controls) return nullptr;
  std::array<std::array<int64_t, 256>, 2> counts{};
  for (std::size_t i = 0; i < bytes.size(); ++i) ++counts[i % 2][static_cast<uint8_t>(bytes[i])];
  const int64_t pairs = static_cast<int64_t>(bytes.size() / 2);
  auto shape = [&](int parity, int64_t* top3, int* distinct, int* dominant) {
    std::array<int64_t, 256> sorted = counts[parity];
    *dominant = static_cast<int>(std::max_element(sorted.begin(), sorted.end()) - sorted.begin());
    *distinct = static_cast<int>(
        std::count_if(sorted.begin(), sorted.end(), [](int64_t n) { return n > 0; }));
    std::partial_sort(sorted.begin(), sorted.begin() + 3, sorted.end(), std::greater<>());
    *top3 = sorted[0] + sorted[1] + sorted[2];
  };
  int64_t top3[2];
  int distinct[2], dominant[2];
  shape(0, &top3[0], &distinct[0], &dominant[0]);
  shape(1, &top3[1], &distinct[1], &dominant[1]);
  for (int high = 0; high < 2; ++high) {
    int low = 1 - high;
    if (top3[high] * 10 >= pairs * 9 && dominant[high] < 0x20 && distinct[low] > distinct[high])
      return high == 1 ? "UTF-16LE" : "UTF-16BE";
  }
  return nullptr;
}

// True when decoded text reads as text: at most 1% of its characters are C0 controls (other than
// tab, line and page breaks), unassigned code points, lone surrogates or U+FFFD. Guards the UTF-16
// guess against binary data.
bool LooksLikeText(const icu::UnicodeString& text) {
  int32_t odd = 0, count = 0;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    ++count;
    bool control = c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r' && c != u'\f';
    if (control || c == 0xFFFD || U_IS_SURROGATE(c) || u_charType(c) == U_UNASSIGNED) ++odd;
  }
  return count > 0 && odd * 100 <= count;
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

std::string Utf8Label(std::string_view bytes, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(bytes.size(), max_bytes) + 8);
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  // A label past its bound is cut anyway: reading more than a few times the bound is wasted.
  int32_t length = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX));
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) c = kReplacement;
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, n);
  }
  if (out.size() <= max_bytes) return out;
  constexpr std::string_view kEllipsis = "\u2026";
  std::size_t keep = max_bytes > kEllipsis.size() ? max_bytes - kEllipsis.size() : 0;
  std::size_t head = keep - keep / 3, tail_from = out.size() - keep / 3;
  auto is_trail = [&](std::size_t i) { return U8_IS_TRAIL(static_cast<uint8_t>(out[i])); };
  while (head > 0 && is_trail(head)) --head;
  while (tail_from < out.size() && is_trail(tail_from)) ++tail_from;
  return out.substr(0, head) + std::string(kEllipsis) + out.substr(tail_from);
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

  if (const char* charset = GuessUtf16(bytes)) {
    Result<icu::UnicodeString> text = Convert(bytes, charset);
    if (text.ok() && LooksLikeText(text.value())) {
      Decoded decoded;
      decoded.text = std::move(text).value();
      decoded.encoding = charset;
      decoded.warnings.push_back(std::string("no byte-order mark: read as ") + charset +
                                 " from its byte pattern");
      return decoded;
    }
  }

  int64_t nuls = 0;
  for (char c : bytes) nuls += c == '\0';
  if (nuls > 0) return BinaryError(nuls);

  Utf8Scan scan = ScanUtf8(bytes);
  // Well-formed UTF-8, or UTF-8 whose broken bytes are fewer than the bytes of its well-formed
  // multi-byte characters: a damaged UTF-8 file, repaired with a warning. Legacy 8-bit text
  // forms valid multi-byte sequences only by rare chance (windows-1251 "Её" is C5 B8), so its
  // invalid bytes outnumber them; text without any goes to legacy detection.
  if (scan.invalid == 0 || (scan.multibyte > 0 && scan.invalid_bytes < scan.multibyte_bytes))
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
