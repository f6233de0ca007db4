// A small HTML article extractor for the native build (the page uses @mozilla/readability instead):
// the <article> element when there is one, else <body>, without scripts, styles, navigation,
// headers, footers, asides and forms; block elements become line breaks; entities are decoded.
#ifndef CROSSWIRE_CORE_HTML_H_
#define CROSSWIRE_CORE_HTML_H_

#include <unicode/unistr.h>

namespace crosswire {

struct ExtractedHtml {
  icu::UnicodeString title;
  icu::UnicodeString text;  // title line, blank line, then the body's paragraphs, one a line
};

ExtractedHtml ExtractHtml(const icu::UnicodeString& html);

// True when the name ends in .html / .htm (any case).
bool IsHtmlName(std::string_view name);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_HTML_H_
