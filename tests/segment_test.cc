// Segmentation: paragraphs, sentences and tokens with scripts, shapes, match keys and UTF-16
// offsets.
#include "segment.h"

#include <catch2/catch.hpp>

#include "text/normalize.h"

namespace crosswire {
namespace {

Document Segmented(std::string_view utf8, const std::string& lang) {
  Document doc;
  doc.text = FromUtf8(utf8);
  doc.lang = lang;
  Segmenter segmenter;
  REQUIRE(segmenter.Segment(doc).ok());
  return doc;
}

std::vector<std::string> Words(const Document& doc) {
  std::vector<std::string> out;
  for (const Token& t : doc.tokens) {
    if (t.kind != TokenKind::kPunct) out.push_back(doc.Slice(t.utf16_begin, t.utf16_end));
  }
  return out;
}

TEST_CASE("offsets are UTF-16 code units, astral characters count two", "[segment]") {
  Document doc = Segmented("😀 Téhéran, 𝐀 Minsk.", "fr");
  std::vector<std::string> words = Words(doc);
  REQUIRE(std::find(words.begin(), words.end(), "Minsk") != words.end());
  for (const Token& t : doc.tokens) {
    if (doc.Slice(t.utf16_begin, t.utf16_end) == "Minsk") {
      CHECK(t.utf16_begin == 15);  // 😀(2) space(1) Téhéran(7) ,(1) space(1) 𝐀(2) space(1)
      CHECK(t.utf16_end == 20);
      CHECK(t.script == Script::kLatin);
      CHECK(t.capitalized);
      CHECK_FALSE(t.all_caps);
    }
    if (doc.Slice(t.utf16_begin, t.utf16_end) == "Téhéran") {
      CHECK(t.key == "téhéran");
      CHECK(t.folded_key == "teheran");
    }
  }
}

TEST_CASE("paragraphs are lines, sentences come from ICU", "[segment]") {
  Document doc =
      Segmented("First sentence here. Second one follows!\n\n  Another paragraph.  \n", "en");
  REQUIRE(doc.paragraphs.size() == 2);
  CHECK(doc.Slice(doc.paragraphs[1].utf16_begin, doc.paragraphs[1].utf16_end) ==
        "Another paragraph.");
  REQUIRE(doc.sentences.size() == 3);
  CHECK(doc.Slice(doc.sentences[0].utf16_begin, doc.sentences[0].utf16_end) ==
        "First sentence here.");
  CHECK(doc.Slice(doc.sentences[1].utf16_begin, doc.sentences[1].utf16_end) ==
        "Second one follows!");
  CHECK(doc.sentences[2].paragraph == 1);
  // Each sentence owns the tokens that start inside it.
  CHECK(doc.sentences[0].end_token - doc.sentences[0].first_token == 4);  // First sentence here .
}

TEST_CASE("Thai is split into words by ICU's dictionary, with no space between them", "[segment]") {
  Document doc = Segmented("ทั้งสองฝ่ายเรียกร้องให้ขยายความร่วมมือ", "th");
  std::vector<std::string> words = Words(doc);
  CHECK(words.size() >= 6);
  CHECK(words == std::vector<std::string>{"ทั้ง", "สอง", "ฝ่าย", "เรียก", "ร้อง", "ให้", "ขยาย", "ความ",
                                          "ร่วม", "มือ"});
  CHECK(doc.tokens.front().space_before);
  CHECK_FALSE(doc.tokens[1].space_before);
  for (const Token& t : doc.tokens) CHECK(t.script == Script::kThai);
}

TEST_CASE("numbers, acronyms and removed spans", "[segment]") {
  Document doc;
  doc.text = FromUtf8("IRNA said 2,500 people came.\nShare this article\n");
  doc.lang = "en";
  doc.removed.push_back({29, 47, "share"});
  Segmenter segmenter;
  REQUIRE(segmenter.Segment(doc).ok());
  REQUIRE(doc.paragraphs.size() == 2);
  CHECK(doc.paragraphs[1].removed);
  for (const Token& t : doc.tokens) CHECK(t.utf16_end <= 29);  // nothing from the removed line
  CHECK(doc.tokens[0].all_caps);
  CHECK(doc.tokens[2].kind == TokenKind::kNumber);
  CHECK(doc.Slice(doc.tokens[2].utf16_begin, doc.tokens[2].utf16_end) == "2,500");
}

TEST_CASE("match keys: NFKC case folding, diacritic folding only for accented scripts",
          "[segment]") {
  CHECK(MatchKey(std::string_view("ＳＣＯ")) == "sco");
  CHECK(MatchKey(std::string_view("Straße")) == "strasse");
  CHECK(FoldedKey(std::string_view("Biélorussie")) == "bielorussie");
  CHECK(FoldedKey(std::string_view("Лукашенко")) == "лукашенко");
  // Thai vowel signs are letters, not accents: folding keeps them.
  CHECK(FoldedKey(std::string_view("มินสค์")) == MatchKey(std::string_view("มินสค์")));
}

}  // namespace
}  // namespace crosswire
