#include "html.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>

namespace crosswire {
namespace {

// Elements whose whole content is dropped.
constexpr std::u16string_view kDropped[] = {u"script", u"style",    u"noscript", u"nav",
                                            u"header", u"footer",   u"aside",    u"form",
                                            u"svg",    u"template", u"iframe",   u"button"};
// Elements that end a line of text.
constexpr std::u16string_view kBlocks[] = {
    u"p",  u"div", u"br",    u"li",      u"h1",      u"h2",         u"h3",         u"h4",
    u"h5", u"h6",  u"tr",    u"section", u"article", u"blockquote", u"figcaption", u"pre",
    u"ul", u"ol",  u"table", u"dd",      u"dt",      u"hr",         u"title"};

// The longest entity read: "&hellip;" and "&#x10FFFF;" fit; a '&' with no ';' this close is text.
// Looking further would make every lone '&' scan the rest of the page (quadratic).
constexpr int32_t kMaxEntityLength = 10;

// ASCII lower case, one code unit for one: offsets found in the copy hold in the original. (Full
// case mapping changes lengths, e.g. U+0130 'İ' lowers to "i" + U+0307.) Tag names are ASCII.
icu::UnicodeString Lower(const icu::UnicodeString& s) {
  icu::UnicodeString out(s);
  char16_t* buffer = out.getBuffer(-1);
  if (buffer == nullptr) return out;
  for (int32_t i = 0; i < s.length(); ++i) {
    if (buffer[i] >= u'A' && buffer[i] <= u'Z') buffer[i] = static_cast<char16_t>(buffer[i] + 32);
  }
  out.releaseBuffer(s.length());
  return out;
}

bool In(const icu::UnicodeString& name, const std::u16string_view* list, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (name == icu::UnicodeString(list[i].data(), static_cast<int32_t>(list[i].size())))
      return true;
  }
  return false;
}

// The tag name at html[lt+1...], lower case, without '/'.
icu::UnicodeString TagName(const icu::UnicodeString& html, int32_t lt, bool* closing) {
  int32_t i = lt + 1;
  *closing = i < html.length() && html.charAt(i) == u'/';
  if (*closing) ++i;
  int32_t start = i;
  while (i < html.length() && (u_isalnum(html.charAt(i)) || html.charAt(i) == u'-')) ++i;
  return Lower(icu::UnicodeString(html, start, i - start));
}

// Index of the matching </name> after `from`, or -1.
int32_t FindClose(const icu::UnicodeString& lower_html, const icu::UnicodeString& name,
                  int32_t from) {
  icu::UnicodeString close = icu::UnicodeString(u"</") + name;
  return lower_html.indexOf(close, from);
}

void AppendEntity(const icu::UnicodeString& entity, icu::UnicodeString& out) {
  static constexpr struct {
    const char16_t* name;
    char16_t value;
  } kNamed[] = {{u"amp", u'&'},    {u"lt", u'<'},    {u"gt", u'>'},    {u"quot", u'"'},
                {u"apos", u'\''},  {u"nbsp", u' '},  {u"ndash", u'–'}, {u"mdash", u'—'},
                {u"hellip", u'…'}, {u"laquo", u'«'}, {u"raquo", u'»'}, {u"rsquo", u'’'},
                {u"lsquo", u'‘'},  {u"rdquo", u'”'}, {u"ldquo", u'“'}, {u"copy", u'©'}};
  if (entity.length() > 1 && entity.charAt(0) == u'#') {
    bool hex = entity.length() > 2 && (entity.charAt(1) == u'x' || entity.charAt(1) == u'X');
    UChar32 value = 0;
    for (int32_t i = hex ? 2 : 1; i < entity.length(); ++i) {
      int digit = u_digit(entity.charAt(i), hex ? 16 : 10);
      if (digit < 0 || value > 0x10FFFF) {
        value = -1;
        break;
      }
      value = value * (hex ? 16 : 10) + digit;
    }
    // As browsers do, a reference to no valid character reads as U+FFFD.
    out.append(value > 0 && value <= 0x10FFFF && !U_IS_SURROGATE(value) ? value : 0xFFFD);
    return;
  }
  for (const auto& e : kNamed) {
    if (entity == icu::UnicodeString(e.name)) {
      out.append(e.value);
      return;
    }
  }
  out.append(u'&').append(entity).append(u';');
}

// Text of html[begin, end) with tags handled as above.
icu::UnicodeString TextOf(const icu::UnicodeString& html, const icu::UnicodeString& lower,
                          int32_t begin, int32_t end) {
  icu::UnicodeString out;
  bool pending_space = false;
  auto newline = [&]() {
    while (out.length() > 0 && out.charAt(out.length() - 1) == u' ') out.truncate(out.length() - 1);
    if (out.length() > 0 && out.charAt(out.length() - 1) != u'\n') out.append(u'\n');
    pending_space = false;
  };
  for (int32_t i = begin; i < end;) {
    UChar c = html.charAt(i);
    // '<' opens a tag only before a letter, '/', '!' or '?'; elsewhere it is text ("a < b").
    UChar next = i + 1 < end ? html.charAt(i + 1) : u' ';
    if (c == u'<' && (u_isalpha(next) || next == u'/' || next == u'!' || next == u'?')) {
      if (lower.compare(i, 4, icu::UnicodeString(u"<!--")) == 0) {
        int32_t close = lower.indexOf(u"-->", i + 4);
        i = close < 0 ? end : close + 3;
        continue;
      }
      bool closing = false;
      icu::UnicodeString name = TagName(html, i, &closing);
      int32_t gt = html.indexOf(u'>', i);
      if (gt < 0) break;
      if (!closing && In(name, kDropped, std::size(kDropped))) {
        int32_t close = FindClose(lower, name, gt);
        int32_t after = close < 0 ? -1 : html.indexOf(u'>', close);
        i = after < 0 ? end : after + 1;
        continue;
      }
      if (In(name, kBlocks, std::size(kBlocks))) newline();
      i = gt + 1;
      continue;
    }
    if (c == u'&') {
      int32_t semi = html.indexOf(u';', i, std::min(kMaxEntityLength + 1, end - i));
      if (semi > i) {
        if (pending_space) out.append(u' ');
        pending_space = false;
        AppendEntity(icu::UnicodeString(html, i + 1, semi - i - 1), out);
        i = semi + 1;
        continue;
      }
    }
    if (u_isUWhiteSpace(c)) {
      pending_space = out.length() > 0 && out.charAt(out.length() - 1) != u'\n';
    } else {
      if (pending_space) out.append(u' ');
      pending_space = false;
      out.append(c);
    }
    ++i;
  }
  newline();
  return out;
}

// Content range of the first <tag ...> ... </tag>, or false.
bool ElementRange(const icu::UnicodeString& lower, std::u16string_view tag, int32_t* begin,
                  int32_t* end) {
  icu::UnicodeString open =
      icu::UnicodeString(u"<") + icu::UnicodeString(tag.data(), static_cast<int32_t>(tag.size()));
  int32_t at = lower.indexOf(open);
  while (at >= 0) {
    UChar next = at + open.length() < lower.length() ? lower.charAt(at + open.length()) : u'>';
    if (next == u'>' || u_isUWhiteSpace(next)) break;
    at = lower.indexOf(open, at + 1);
  }
  if (at < 0) return false;
  int32_t gt = lower.indexOf(u'>', at);
  if (gt < 0) return false;
  int32_t close = lower.lastIndexOf(
      icu::UnicodeString(u"</") + icu::UnicodeString(tag.data(), static_cast<int32_t>(tag.size())));
  *begin = gt + 1;
  *end = close > gt ? close : lower.length();
  return true;
}

}  // namespace

bool IsHtmlName(std::string_view name) {
  auto ends_with = [&](std::string_view suffix) {
    if (name.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(name[name.size() - suffix.size() + i])) !=
          suffix[i])
        return false;
    }
    return true;
  };
  return ends_with(".html") || ends_with(".htm");
}

ExtractedHtml ExtractHtml(const icu::UnicodeString& html) {
  icu::UnicodeString lower = Lower(html);
  ExtractedHtml result;
  int32_t begin = 0, end = 0;
  if (ElementRange(lower, u"h1", &begin, &end)) {
    int32_t close = lower.indexOf(u"</h1", begin);
    result.title = TextOf(html, lower, begin, close < 0 ? end : close);
  }
  if (result.title.trim().isEmpty() && ElementRange(lower, u"title", &begin, &end)) {
    int32_t close = lower.indexOf(u"</title", begin);
    result.title = TextOf(html, lower, begin, close < 0 ? end : close);
  }
  result.title.trim();
  if (!ElementRange(lower, u"article", &begin, &end) &&
      !ElementRange(lower, u"body", &begin, &end)) {
    begin = 0;
    end = html.length();
  }
  icu::UnicodeString body = TextOf(html, lower, begin, end);
  // The body usually repeats the <h1>; keep the title once, on the first line.
  if (!result.title.isEmpty() && body.startsWith(result.title)) {
    result.text = body;
  } else if (!result.title.isEmpty()) {
    result.text = result.title + icu::UnicodeString(u"\n\n") + body;
  } else {
    result.text = body;
  }
  return result;
}

}  // namespace crosswire
