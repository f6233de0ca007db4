#include "text/language_tag.h"

namespace crosswire {

std::string PrimaryLanguage(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

std::string CldrLanguage(std::string_view primary_language) {
  if (primary_language == "no") return "nb";
  if (primary_language == "tl") return "fil";
  return std::string(primary_language);
}

bool CapitalisesNouns(std::string_view tag) {
  const std::string primary = PrimaryLanguage(tag);
  return primary == "de" || primary == "lb";
}

}  // namespace crosswire
