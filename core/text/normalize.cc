#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/script.h"

namespace crosswire {
namespace {

const icu::Normalizer2* Instance(NormalForm form) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = nullptr;
  switch (form) {
    case NormalForm::kNfc:
      n = icu::Normalizer2::getNFCInstance(status);
      break;
    case NormalForm::kNfd:
      n = icu::Normalizer2::getNFDInstance(status);
      break;
    case NormalForm::kNfkc:
      n = icu::Normalizer2::getNFKCInstance(status);
      break;
    case NormalForm::kNfkd:
      n = icu::Normalizer2::getNFKDInstance(status);
      break;
    case NormalForm::kNfkcCasefold:
      n = icu::Normalizer2::getNFKCCasefoldInstance(status);
      break;
  }
  return U_SUCCESS(status) ? n : nullptr;
}

// A combining mark is an accent to drop when it sits on a letter of a script where accents are
// optional in practice (Latin, Cyrillic, Greek).
bool IsFoldableMark(UChar32 mark, UChar32 base) {
  if (u_charType(mark) != U_NON_SPACING_MARK) return false;
  const Script script = ScriptOf(base);
  return script == Script::kLatin || script == Script::kCyrillic || script == Script::kGreek;
}

}  // namespace

icu::UnicodeString Normalize(const icu::UnicodeString& text, NormalForm form) {
  const icu::Normalizer2* n = Instance(form);
  if (n == nullptr) return text;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = n->normalize(text, status);
  return U_SUCCESS(status) ? out : text;
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

icu::UnicodeString FromUtf8(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

std::string MatchKey(const icu::UnicodeString& text) {
  // NFKC_Casefold of ASCII is its lower case: the common case, without a normalizer pass.
  std::string ascii;
  ascii.reserve(text.length());
  for (int32_t i = 0; i < text.length(); ++i) {
    char16_t c = text.charAt(i);
    if (c >= 0x80) return ToUtf8(Normalize(text, NormalForm::kNfkcCasefold));
    ascii.push_back(static_cast<char>(c >= u'A' && c <= u'Z' ? c + 32 : c));
  }
  return ascii;
}
std::string MatchKey(std::string_view utf8) { return MatchKey(FromUtf8(utf8)); }

std::string FoldedKey(const icu::UnicodeString& text) {
  // Plain ASCII has no accents to fold: the match key is the answer (the common case by far).
  bool ascii = true;
  for (int32_t i = 0; i < text.length() && ascii; ++i) ascii = text.charAt(i) < 0x80;
  if (ascii) return MatchKey(text);
  icu::UnicodeString decomposed =
      Normalize(Normalize(text, NormalForm::kNfkcCasefold), NormalForm::kNfd);
  icu::UnicodeString kept;
  UChar32 base = 0;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (IsFoldableMark(c, base)) continue;
    if (u_charType(c) != U_NON_SPACING_MARK) base = c;
    kept.append(c);
  }
  return ToUtf8(Normalize(kept, NormalForm::kNfc));
}
std::string FoldedKey(std::string_view utf8) { return FoldedKey(FromUtf8(utf8)); }

std::string CaseFold(std::string_view utf8) {
  icu::UnicodeString u = FromUtf8(utf8);
  u.foldCase();
  return ToUtf8(u);
}

}  // namespace crosswire
