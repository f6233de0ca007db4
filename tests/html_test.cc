// The native HTML extractor: the article without the page's chrome, entities decoded, blocks as
// lines.
#include "html.h"

#include <catch2/catch.hpp>

#include "text/normalize.h"

namespace crosswire {
namespace {

std::string Text(std::string_view html) { return ToUtf8(ExtractHtml(FromUtf8(html)).text); }

TEST_CASE("the article element wins over the page around it", "[html]") {
  std::string text = Text(
      "<html><head><title>Site | Talks</title><style>p{}</style></head><body>"
      "<header><a href=/>Home</a></header><nav><ul><li>World</li></ul></nav>"
      "<article><h1>Talks in Minsk</h1><p>Lukashenko met&nbsp;Ahmadian.</p>"
      "<script>alert('x')</script><p>Both sides &amp; their &#8220;partners&#x201D; "
      "agreed.</p></article>"
      "<aside>Related</aside><footer>© 2024</footer></body></html>");
  CHECK(text ==
        "Talks in Minsk\nLukashenko met Ahmadian.\nBoth sides & their “partners” agreed.\n");
}

TEST_CASE("without an article element the body is used and the title comes first", "[html]") {
  ExtractedHtml page = ExtractHtml(
      FromUtf8("<title>Iran, Belarus sign "
               "MOU</title><body><div>One.</div><div>Two.<br>Three.</div><!-- note --></body>"));
  CHECK(ToUtf8(page.title) == "Iran, Belarus sign MOU");
  CHECK(ToUtf8(page.text) == "Iran, Belarus sign MOU\n\nOne.\nTwo.\nThree.\n");
}

TEST_CASE("broken markup never throws away the text", "[html]") {
  CHECK(Text("<p>Unclosed <b>bold") == "Unclosed bold\n");
  CHECK(Text("a < b and c > d") == "a < b and c > d\n");  // '<' before a space is text
  CHECK(Text("<script>never closed").empty());
  CHECK(Text("&bogus; &#99999999; &#x41;") == "&bogus; \xEF\xBF\xBD A\n");
}

TEST_CASE("characters whose lower case is longer do not shift the extraction", "[html]") {
  // U+0130 lowers to two code units ("i" + U+0307): offsets found in a fully lower-cased copy
  // would land past the article's real start and end.
  std::string title = "İİİİİİİİİİİİ İSTANBUL İZMİR";
  ExtractedHtml page = ExtractHtml(
      FromUtf8("<html><head><title>" + title +
               "</title></head><body><nav>Menu Home News</nav>"
               "<article><p>Officials met in İstanbul on Monday.</p><p>Talks went on.</p>"
               "</article><footer>Copyright notice and links</footer></body></html>"));
  CHECK(ToUtf8(page.title) == title);
  CHECK(ToUtf8(page.text) == title + "\n\nOfficials met in İstanbul on Monday.\nTalks went on.\n");
}

TEST_CASE("an ampersand without a near semicolon is text", "[html]") {
  CHECK(Text("R&D and AT&T; Q&A") == "R&D and AT&T; Q&A\n");
  CHECK(Text("&lt;b&gt; &#65") == "<b> &#65\n");
  // The entity name is read at most ten units ahead: a ';' further on ends no entity.
  CHECK(Text("&abcdefghijklmnop; x") == "&abcdefghijklmnop; x\n");
  std::string many(100000, '&');
  CHECK(Text(many) == many + "\n");
}

TEST_CASE("html names are recognised by extension", "[html]") {
  CHECK(IsHtmlName("page.HTML"));
  CHECK(IsHtmlName("a.htm"));
  CHECK_FALSE(IsHtmlName("notes.txt"));
  CHECK_FALSE(IsHtmlName("html"));
}

}  // namespace
}  // namespace crosswire
