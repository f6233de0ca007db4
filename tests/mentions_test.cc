// Tests of mention detection: names in cased scripts (capitals, titles, connectors, acronyms) and
// in Thai (titles glued to the name, gazetteer, names found in other articles of the batch).
#include "mentions.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "data_pack.h"
#include "gazetteer.h"
#include "mentions/doubtful.h"
#include "names.h"
#include "segment.h"
#include "test_util.h"
#include "text/normalize.h"

namespace crosswire {
namespace {

struct Article {
  std::string lang;
  std::string text;
};

// The real pipeline stages mention detection reads from: the embedded data pack, the gazetteer,
// the segmenter and the name matcher.
class Finder {
 public:
  Finder() {
    auto gazetteer = Gazetteer::Create(data_);
    REQUIRE(gazetteer.ok());
    gazetteer_ = std::move(gazetteer).value();
    auto finder = MentionFinder::Create(data_, *gazetteer_);
    REQUIRE(finder.ok());
    finder_ = std::move(finder).value();
    auto matcher = NameMatcher::Create(data_);
    REQUIRE(matcher.ok());
    matcher_ = std::move(matcher).value();
  }

  std::vector<std::vector<MentionCandidate>> Find(const std::vector<Article>& articles) {
    docs_.clear();
    Segmenter segmenter;
    for (std::size_t i = 0; i < articles.size(); ++i) {
      Document doc;
      doc.id = "doc" + std::to_string(i);
      doc.lang = articles[i].lang;
      doc.text = FromUtf8(articles[i].text);
      REQUIRE(segmenter.Segment(doc).ok());
      docs_.push_back(std::move(doc));
    }
    std::vector<const Document*> batch;
    for (const Document& doc : docs_) batch.push_back(&doc);
    return finder_->FindAll(batch, *matcher_);
  }

  const std::vector<Document>& docs() const { return docs_; }
  const MentionWork& work() const { return finder_->work(); }

 private:
  DataPack data_ = DataPack::Embedded();
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<MentionFinder> finder_;
  std::unique_ptr<NameMatcher> matcher_;
  std::vector<Document> docs_;
};

Finder& SharedFinder() {
  static Finder finder;
  return finder;
}

const MentionCandidate* FindText(const std::vector<MentionCandidate>& candidates,
                                 std::string_view text) {
  for (const MentionCandidate& c : candidates) {
    if (c.text == text) return &c;
  }
  return nullptr;
}

// `text` is one of the candidates, with type `type`.
void CheckFoundAs(const std::vector<MentionCandidate>& candidates, std::string_view text,
                  EntityType type) {
  INFO(text);
  const MentionCandidate* c = FindText(candidates, text);
  REQUIRE(c != nullptr);
  CHECK(c->type == type);
}

std::string Texts(const std::vector<MentionCandidate>& candidates) {
  std::string out;
  for (const MentionCandidate& c : candidates)
    out += "[" + c.text + "|" + std::string(EntityTypeName(c.type)) + "] ";
  return out;
}

TEST_CASE("titles are kept out of the name, recorded as its cue and typing it", "[mentions]") {
  auto found =
      SharedFinder().Find({{"en",
                            "Mr. Ahmadian stressed the point. Brigadier General Mohammad Reza "
                            "Ashtiani of Iran spoke to President Masoud Pezeshkian."}});
  INFO(Texts(found[0]));
  const MentionCandidate* ahmadian = FindText(found[0], "Ahmadian");
  REQUIRE(ahmadian != nullptr);
  CHECK(ahmadian->type == EntityType::kPerson);
  CHECK(ahmadian->cue == "Mr.");
  const MentionCandidate* ashtiani = FindText(found[0], "Mohammad Reza Ashtiani");
  REQUIRE(ashtiani != nullptr);
  CHECK(ashtiani->cue == "Brigadier General");
  CHECK(ashtiani->type == EntityType::kPerson);
  const MentionCandidate* pezeshkian = FindText(found[0], "Masoud Pezeshkian");
  REQUIRE(pezeshkian != nullptr);
  CHECK(pezeshkian->cue == "President");
  CHECK(FindText(found[0], "Iran") != nullptr);
  CHECK(FindText(found[0], "Brigadier General Mohammad Reza Ashtiani") == nullptr);
}

TEST_CASE("a run of capitals splits into an organisation, a place and a person", "[mentions]") {
  auto found = SharedFinder().Find(
      {{"en",
        "On September 13, Secretary of Iran's Supreme National Security Council Ali Akbar Ahmadian "
        "met President of Belarus Alexander Lukashenko in Minsk."}});
  INFO(Texts(found[0]));
  const MentionCandidate* council = FindText(found[0], "Supreme National Security Council");
  REQUIRE(council != nullptr);
  CHECK(council->type == EntityType::kOrg);
  const MentionCandidate* ahmadian = FindText(found[0], "Ali Akbar Ahmadian");
  REQUIRE(ahmadian != nullptr);
  CHECK(ahmadian->type == EntityType::kPerson);
  const MentionCandidate* iran = FindText(found[0], "Iran");
  REQUIRE(iran != nullptr);
  CHECK(iran->gazetteer_name == "Iran");
  CHECK(iran->type == EntityType::kPlace);
  CHECK(FindText(found[0], "Belarus") != nullptr);
  CHECK(FindText(found[0], "Alexander Lukashenko") != nullptr);
  CHECK(FindText(found[0], "Minsk") != nullptr);
  for (std::string_view junk : {"On", "September", "Secretary", "President", "Iran's"}) {
    INFO(junk);
    CHECK(FindText(found[0], junk) == nullptr);
  }
}

TEST_CASE("capitalised words that are not names are left alone", "[mentions]") {
  auto found = SharedFinder().Find(
      {{"en",
        "According to the agency, the talks went well. Meanwhile, the minister left. In addition, "
        "the Iranian side agreed. The meeting was on Monday. Fortunately, both sides agreed.\n"
        "Belarusian President Aleksandr Lukashenko said the meeting mattered."}});
  INFO(Texts(found[0]));
  for (std::string_view junk :
       {"According", "Meanwhile", "In", "The", "Monday", "Fortunately", "Iranian", "Belarusian",
        "Belarusian President Aleksandr Lukashenko"}) {
    INFO(junk);
    CHECK(FindText(found[0], junk) == nullptr);
  }
  const MentionCandidate* lukashenko = FindText(found[0], "Aleksandr Lukashenko");
  REQUIRE(lukashenko != nullptr);
  CHECK(lukashenko->cue == "President");
}

TEST_CASE("a sentence-initial word is judged by how the batch writes it", "[mentions]") {
  auto found = SharedFinder().Find(
      {{"en", "Khrenin stated that the visit was useful. Given the facts, it ended."},
       {"en", "The minister met Viktor Khrenin in Tehran. Nothing was given."}});
  INFO(Texts(found[0]));
  // Khrenin is capitalised inside a sentence elsewhere; "given" is written in lower case there.
  CHECK(FindText(found[0], "Khrenin") != nullptr);
  CHECK(FindText(found[0], "Given") == nullptr);
  // And a lone surname of a person found elsewhere is a person.
  CHECK(FindText(found[0], "Khrenin")->type == EntityType::kPerson);
}

TEST_CASE("a name written on to a number by a hyphen is a designation, not an acronym",
          "[mentions]") {
  const auto found = SharedFinder().Find(
      {{"en",
        "The commandos seized seven AK-47s and a rocket launcher. The COVID-19 ward of the "
        "hospital was closed, and two F-16C jets flew over Mosul. NATO said the WHO agreed."},
       {"ru", "Над морем пролетел Су-27, сообщило Минобороны России."}});
  for (const char* text : {"AK-47s", "COVID-19", "F-16C"}) {
    INFO(text << " in " << Texts(found[0]));
    const MentionCandidate* c = FindText(found[0], text);
    REQUIRE(c != nullptr);
    CHECK(c->type == EntityType::kMisc);
    CHECK_FALSE(c->is_acronym);
  }
  CHECK(FindText(found[0], "AK") == nullptr);
  CHECK(FindText(found[0], "COVID") == nullptr);
  // Acronyms alone stay acronyms.
  const MentionCandidate* nato = FindText(found[0], "NATO");
  REQUIRE(nato != nullptr);
  CHECK(nato->is_acronym);
  INFO(Texts(found[1]));
  const MentionCandidate* su = FindText(found[1], "Су-27");
  REQUIRE(su != nullptr);
  CHECK(su->type == EntityType::kMisc);
}

TEST_CASE("an acronym defined in parentheses points to its expansion", "[mentions]") {
  auto found = SharedFinder().Find(
      {{"en",
        "Frameworks such as the Shanghai Cooperation Organization (SCO) matter. The SCO grew."},
       {"fr",
        "Des cadres tels que l'Organisation de coopération de Shanghai (OCS) et les BRICS. L'OCS "
        "grandit."},
       {"en",
        "They signed a memorandum of understanding (MOU) on defense. The MOU covers trade."}});
  INFO(Texts(found[0]) + Texts(found[1]) + Texts(found[2]));
  for (std::size_t d = 0; d < 2; ++d) {
    const std::string expansion =
        d == 0 ? "Shanghai Cooperation Organization" : "Organisation de coopération de Shanghai";
    const std::string acronym = d == 0 ? "SCO" : "OCS";
    int uses = 0;
    for (const MentionCandidate& c : found[d]) {
      if (c.text != acronym) continue;
      ++uses;
      CHECK(c.is_acronym);
      REQUIRE(c.expansion_of >= 0);
      CHECK(found[d][c.expansion_of].text == expansion);
      CHECK(c.type == EntityType::kOrg);
    }
    CHECK(uses == 2);
  }
  CHECK(FindText(found[1], "BRICS") != nullptr);
  // An acronym of ordinary words is an ordinary word.
  CHECK(FindText(found[2], "MOU") == nullptr);
}

TEST_CASE("French organisations continue in lower case", "[mentions]") {
  auto found = SharedFinder().Find(
      {{"fr",
        "Ali Akbar Ahmadian, secrétaire du Conseil suprême de sécurité nationale iranien, et "
        "Alexander Volfovitch, secrétaire d'État du Conseil de sécurité de la Biélorussie, ont "
        "parlé. "
        "M. Volfovitch est convenu avec M. Ahmadian."}});
  INFO(Texts(found[0]));
  CHECK(FindText(found[0], "Conseil suprême de sécurité nationale") != nullptr);
  CHECK(FindText(found[0], "Conseil de sécurité de la Biélorussie") != nullptr);
  CHECK(FindText(found[0], "Alexander Volfovitch") != nullptr);
  const MentionCandidate* volfovitch = FindText(found[0], "Volfovitch");
  REQUIRE(volfovitch != nullptr);
  CHECK(volfovitch->cue == "M.");
  CHECK(volfovitch->type == EntityType::kPerson);
  CHECK(FindText(found[0], "État") == nullptr);
}

TEST_CASE("Thai names glued to their title end at a stop word or the next part", "[mentions]") {
  auto found = SharedFinder().Find(
      {{"th",
        "เมื่อวันที่ 13 กันยายน นายอาลี อัคบาร์ อัคมาเดียน เลขาธิการสภาความมั่นคงแห่งชาติสูงสุดของอิหร่าน "
        "และนายอเล็กซานเดอร์ โวลโฟวิช พบกันที่กรุงมินสค์\n"
        "นายอาหมัดเดียนเน้นย้ำจุดยืนร่วมกันของทั้งสองประเทศ\n"
        "ผู้นำได้เชิญประธานาธิบดีมาซูด เปเซชเคียน เยือนกรุงมินสค์\n"
        "กรอบการทำงานต่างๆ เช่น องค์กรความร่วมมือเซี่ยงไฮ้ (SCO) และเบลารุส"}});
  const auto& c = found[0];
  INFO(Texts(c));
  const MentionCandidate* ali = FindText(c, "อาลี อัคบาร์ อัคมาเดียน");
  REQUIRE(ali != nullptr);
  CHECK(ali->cue == "นาย");
  CHECK(ali->type == EntityType::kPerson);
  CHECK(ali->script == Script::kThai);
  CHECK(ali->lang == "th");
  CHECK(FindText(c, "อเล็กซานเดอร์ โวลโฟวิช") != nullptr);
  CHECK(FindText(c, "อาหมัดเดียน") != nullptr);
  const MentionCandidate* pezeshkian = FindText(c, "มาซูด เปเซชเคียน");
  REQUIRE(pezeshkian != nullptr);
  CHECK(pezeshkian->cue == "ประธานาธิบดี");
  const MentionCandidate* minsk = FindText(c, "มินสค์");
  REQUIRE(minsk != nullptr);
  CHECK(minsk->type == EntityType::kPlace);
  CHECK(minsk->cue == "กรุง");
  CHECK(FindText(c, "อิหร่าน") != nullptr);
  CHECK(FindText(c, "อิหร่าน")->gazetteer_name == "Iran");
  CHECK(FindText(c, "เบลารุส")->gazetteer_name == "Belarus");
  const MentionCandidate* council = FindText(c, "สภาความมั่นคงแห่งชาติสูงสุด");
  REQUIRE(council != nullptr);
  CHECK(council->type == EntityType::kOrg);
  // The organisation keeps its first word (องค์กร "organisation"), and the acronym after it in
  // another script points to it.
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (c[i].text != "SCO") continue;
    REQUIRE(c[i].expansion_of >= 0);
    CHECK(c[c[i].expansion_of].text == "องค์กรความร่วมมือเซี่ยงไฮ้");
  }
  CHECK(FindText(c, "องค์กรความร่วมมือเซี่ยงไฮ้") != nullptr);
}

TEST_CASE("Thai spellings of names found in other articles are found without a cue", "[mentions]") {
  auto found = SharedFinder().Find(
      {{"en", "Belarusian President Alexander Lukashenko met Ali Akbar Ahmadian."},
       {"th", "ลูกาเชนโกยังชื่นชมการสนับสนุนของอิหร่าน\nนายสมชายพบกับสมชายอีกครั้ง"}});
  INFO(Texts(found[1]));
  const MentionCandidate* lukashenko = FindText(found[1], "ลูกาเชนโก");
  REQUIRE(lukashenko != nullptr);
  CHECK(lukashenko->type == EntityType::kPerson);
  CHECK(lukashenko->cue.empty());
}

TEST_CASE("candidates are sorted, do not overlap, and their text is their span", "[mentions]") {
  std::vector<Article> seeds;
  for (const std::string& id : testing::SeedIds()) {
    std::string text = testing::SeedText(id);
    REQUIRE_FALSE(text.empty());
    const bool thai = text.find("นาย") != std::string::npos;
    const bool french = text.find("Biélorussie") != std::string::npos;
    seeds.push_back({thai ? "th" : french ? "fr" : "en", text});
  }
  auto found = SharedFinder().Find(seeds);
  const auto& docs = SharedFinder().docs();
  REQUIRE(found.size() == seeds.size());
  for (std::size_t d = 0; d < found.size(); ++d) {
    for (std::size_t i = 0; i < found[d].size(); ++i) {
      const MentionCandidate& c = found[d][i];
      CHECK(c.utf16_begin < c.utf16_end);
      CHECK(c.text == docs[d].Slice(c.utf16_begin, c.utf16_end));
      if (i > 0) CHECK(found[d][i - 1].utf16_end <= c.utf16_begin);
      CHECK(c.expansion_of < static_cast<int>(found[d].size()));
    }
  }
}

TEST_CASE("the seeds' names are all found, with their types", "[mentions]") {
  std::vector<Article> seeds;
  for (const std::string& id : testing::SeedIds()) {
    std::string text = testing::SeedText(id);
    const bool thai = text.find("นาย") != std::string::npos;
    const bool french = text.find("Biélorussie") != std::string::npos;
    seeds.push_back({thai ? "th" : french ? "fr" : "en", text});
  }
  auto found = SharedFinder().Find(seeds);
  std::vector<MentionCandidate> all;
  for (const auto& candidates : found) all.insert(all.end(), candidates.begin(), candidates.end());
  INFO(Texts(all));
  struct Expected {
    const char* text;
    EntityType type;
  };
  const Expected expected[] = {
      {"Ali Akbar Ahmadian", EntityType::kPerson},
      {"Ahmadian", EntityType::kPerson},
      {"Alexander Volfovich", EntityType::kPerson},
      {"Alexander Volfovitch", EntityType::kPerson},
      {"Volfovitch", EntityType::kPerson},
      {"Alexander Lukashenko", EntityType::kPerson},
      {"Aleksandr Lukashenko", EntityType::kPerson},
      {"Lukashenko", EntityType::kPerson},
      {"Masoud Pezeshkian", EntityType::kPerson},
      {"Ali Khamenei", EntityType::kPerson},
      {"Ebrahim Raisi", EntityType::kPerson},
      {"Mohammad Reza Ashtiani", EntityType::kPerson},
      {"Viktor Gennadievich Khrenin", EntityType::kPerson},
      {"Shanghai Cooperation Organization", EntityType::kOrg},
      {"SCO", EntityType::kOrg},
      {"Organisation de coopération de Shanghai", EntityType::kOrg},
      {"OCS", EntityType::kOrg},
      {"BRICS", EntityType::kOrg},
      {"IRNA", EntityType::kOrg},
      {"Minsk", EntityType::kPlace},
      {"Tehran", EntityType::kPlace},
      {"Téhéran", EntityType::kPlace},
      {"Belarus", EntityType::kPlace},
      {"Biélorussie", EntityType::kPlace},
      {"Bélarus", EntityType::kPlace},
      {"Iran", EntityType::kPlace},
      {"Iraq", EntityType::kPlace},
      {"Syria", EntityType::kPlace},
      {"Ukraine", EntityType::kPlace},
      {"อาลี อัคบาร์ อัคมาเดียน", EntityType::kPerson},
      {"อาลี อัคบาร์ อะห์มาเดียน", EntityType::kPerson},
      {"อาหมัดเดียน", EntityType::kPerson},
      {"อาห์หมัดเดียน", EntityType::kPerson},
      {"อเล็กซานเดอร์ โวลโฟวิช", EntityType::kPerson},
      {"อเล็กซานเดอร์ ลูกาเชนโก", EntityType::kPerson},
      {"ลูคาเชนโก", EntityType::kPerson},
      {"มาซูด เปเซชเคียน", EntityType::kPerson},
      {"องค์กรความร่วมมือเซี่ยงไฮ้", EntityType::kOrg},
      {"มินสค์", EntityType::kPlace},
      {"เตหะราน", EntityType::kPlace},
      {"เบลารุส", EntityType::kPlace},
      {"อิหร่าน", EntityType::kPlace},
  };
  for (const Expected& e : expected) CheckFoundAs(all, e.text, e.type);
  for (std::string_view junk : {"According", "Meanwhile", "In", "The", "September", "Monday",
                                "Secretary", "President", "Mr", "Mr.", "M.", "Source", "Comment",
                                "Fortunately", "Iranian", "Belarusian", "Persian News", "News"}) {
    INFO(junk);
    CHECK(FindText(all, junk) == nullptr);
  }
}

TEST_CASE("random mixtures of cue words, names and punctuation keep the invariants", "[mentions]") {
  // Pieces chosen to meet the edge cases: titles at the end of the text, dots, elisions with
  // nothing after them, parentheses without acronyms, Thai abbreviations, other scripts.
  const char* pieces[] = {"Mr.",
                          " ",
                          "  ",
                          "\n",
                          ".",
                          "(",
                          ")",
                          "SCO",
                          "Iran",
                          "l'",
                          "'s",
                          "de",
                          "Organisation",
                          "นาย",
                          "ด.ช.",
                          "สธ.",
                          "กรุง",
                          "มินสค์",
                          "อาลี",
                          "เน้น",
                          "ของ",
                          "องค์กร",
                          "Президент",
                          "Беларуси",
                          "الرئيس",
                          "مسعود",
                          "-",
                          "é",
                          "Ali",
                          "Akbar",
                          "The",
                          "According",
                          "ประเทศ",
                          "คณะ",
                          "ๆ",
                          "ฯ",
                          "2024",
                          "\u201c",
                          "O'Brien",
                          "U.S.",
                          "M.",
                          "Conseil",
                          "suprême",
                          ",",
                          "Council",
                          "ลูกาเชนโก",
                          "ยัง",
                          "(SCO)",
                          "ก.พ.",
                          "น.สพ."};
  std::mt19937 rng(20240913);
  for (int iteration = 0; iteration < 300; ++iteration) {
    std::vector<Article> articles(1 + rng() % 3);
    for (Article& article : articles) {
      const int count = rng() % 30;
      for (int k = 0; k < count; ++k) article.text += pieces[rng() % std::size(pieces)];
      article.lang = rng() % 2 ? "th" : "en";
    }
    auto found = SharedFinder().Find(articles);
    const auto& docs = SharedFinder().docs();
    for (std::size_t d = 0; d < found.size(); ++d) {
      for (std::size_t i = 0; i < found[d].size(); ++i) {
        const MentionCandidate& c = found[d][i];
        INFO(articles[d].text);
        REQUIRE(c.utf16_begin < c.utf16_end);
        REQUIRE(c.utf16_end <= docs[d].text.length());
        REQUIRE(c.expansion_of < static_cast<int>(found[d].size()));
        if (i > 0) REQUIRE(found[d][i - 1].utf16_end <= c.utf16_begin);
      }
    }
  }
}

}  // namespace
}  // namespace crosswire

namespace crosswire {
namespace {

// A long run of random title-case words, twice: once a whole run became one 8,000-word "name",
// and aligning two such names took quadratic time and memory.
TEST_CASE("a long run of capitalised words never becomes one mention", "[mentions][hostile]") {
  std::mt19937 random(7);
  std::string run;
  for (int w = 0; w < 2000; ++w) {
    if (w > 0) run += ' ';
    run += static_cast<char>('A' + random() % 26);
    for (int k = 0; k < 5; ++k) run += static_cast<char>('a' + random() % 26);
  }
  auto found = SharedFinder().Find({{"en", run + "\n\n" + run}});
  REQUIRE(found.size() == 1);
  for (const MentionCandidate& c : found[0]) {
    INFO(c.text.substr(0, 80));
    CHECK(c.utf16_end - c.utf16_begin <= kMaxMentionUtf16);
    CHECK(std::count(c.text.begin(), c.text.end(), ' ') < kMaxMentionWords);
  }
}

TEST_CASE("\"of\" joins an organisation's name, not a title and its country", "[mentions]") {
  const auto found = SharedFinder().Find(
      {{"en",
        "Crews from the Oregon Department of Transportation closed the road. The University of "
        "Oregon and the Gulf of Mexico were named. Separately, the Security Council of Belarus met, "
        "and the President of Belarus spoke."}});
  INFO(Texts(found[0]));
  for (const char* org : {"Oregon Department of Transportation", "University of Oregon"}) {
    CheckFoundAs(found[0], org, EntityType::kOrg);
  }
  CHECK(FindText(found[0], "Gulf of Mexico") != nullptr);
  // Before a known place the organisation and the place are two names; after a title, "of" names
  // what the title is of.
  CHECK(FindText(found[0], "Security Council") != nullptr);
  CHECK(FindText(found[0], "Security Council of Belarus") == nullptr);
  CHECK(FindText(found[0], "President of Belarus") == nullptr);
}

TEST_CASE("a time zone's abbreviation is no organisation", "[mentions]") {
  const auto found = SharedFinder().Find(
      {{"en",
        "The closure began at 6 a.m. PST and traffic resumed at 14:00 GMT. The markets in London "
        "closed at 16:30 BST while the BBC reported from India at 9 pm IST."},
       {"de", "Die Sitzung beginnt um 10 Uhr MEZ, teilte die EU in Brüssel mit."}});
  INFO(Texts(found[0]) << " / " << Texts(found[1]));
  for (const char* zone : {"PST", "GMT", "BST", "IST"}) CHECK(FindText(found[0], zone) == nullptr);
  CHECK(FindText(found[1], "MEZ") == nullptr);
  // Acronyms of organisations stay.
  CHECK(FindText(found[0], "BBC") != nullptr);
  CHECK(FindText(found[1], "EU") != nullptr);
}

MentionCandidate Candidate(std::string text, EntityType type, bool doubtful,
                           std::string base = "") {
  MentionCandidate c;
  c.text = std::move(text);
  c.base = std::move(base);
  c.type = type;
  c.doubtful = doubtful;
  return c;
}

TEST_CASE("a doubtful name stays only where the batch names it with more evidence",
          "[mentions]") {
  std::vector<std::vector<MentionCandidate>> batch(2);
  batch[0].push_back(Candidate("Stadt", EntityType::kMisc, true));
  batch[0].push_back(Candidate("Putina", EntityType::kPerson, true, "Putin"));
  batch[0].push_back(Candidate("Europäische Union", EntityType::kOrg, false));
  batch[0].push_back(Candidate("EU", EntityType::kOrg, false));
  batch[0].back().is_acronym = true;
  batch[0].back().expansion_of = 2;
  batch[0].push_back(Candidate("Khrenin", EntityType::kMisc, true));
  batch[1].push_back(Candidate("Einwohner", EntityType::kMisc, true));
  batch[1].push_back(Candidate("Stadt", EntityType::kMisc, true));
  batch[1].push_back(Candidate("PUTIN", EntityType::kPerson, false));
  batch[1].push_back(Candidate("Viktor Khrenin", EntityType::kPerson, false));
  batch[1].push_back(Candidate("Nordendler", EntityType::kMisc, true));
  batch[1].push_back(Candidate("Nordendler", EntityType::kOrg, false));
  mentions::DropDoubtful(batch);
  auto texts = [](const std::vector<MentionCandidate>& candidates) {
    std::vector<std::string> out;
    for (const MentionCandidate& c : candidates) out.push_back(c.text);
    return out;
  };
  // "Stadt" twice and "Einwohner" are doubtful everywhere; "Putina" has the base form of a name
  // with evidence (by match key: "PUTIN"), "Khrenin" is the last word of a person's name, and the
  // doubtful "Nordendler" is written as a name with evidence in the same article.
  CHECK(texts(batch[0]) ==
        std::vector<std::string>{"Putina", "Europäische Union", "EU", "Khrenin"});
  CHECK(texts(batch[1]) == std::vector<std::string>{"PUTIN", "Viktor Khrenin", "Nordendler",
                                                    "Nordendler"});
  // The acronym still points at its expansion, which moved up one place.
  CHECK(batch[0][2].expansion_of == 1);
}

TEST_CASE("in German, capitalised nouns are not names, and names are cut from the nouns around them",
          "[mentions]") {
  const auto found = SharedFinder().Find(
      {{"de",
        "Die Stadt liegt im Norden des Landes und hat etwa 5000 Einwohner, die meisten leben vom "
        "Fischfang.\nDer Wechsel von Lothar Matthäus zu Bayern München wurde am Montag bekannt.\n"
        "Regierungschef Yizchak Rabin traf in Jerusalem den Weltmeister Ijsbrand Chardon.\nDie "
        "Waffenverkäufe der USA an Taiwan sorgen in Peking für Ärger.\nIm Kreis Offenbach "
        "protestierten Anwohner gegen den Bau.\nDer Vorstandschef der Deutschen Bank, Christian "
        "Sewing, warnte vor einer Rezession.\nAm Montag streikte die Deutsche Bahn, berichtete "
        "die Deutsche Welle.\nAm Mittwoch teilte die Universität Hamburg mit, dass das Landgericht "
        "Frankfurt den Fall prüft."},
       {"en", "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris."}});
  INFO(Texts(found[0]));
  for (const char* noun : {"Stadt", "Norden", "Landes", "Einwohner", "Fischfang", "Anwohner"}) {
    CHECK(FindText(found[0], noun) == nullptr);
  }
  for (const char* name : {"Lothar Matthäus", "Yizchak Rabin", "Ijsbrand Chardon"}) {
    CheckFoundAs(found[0], name, EntityType::kPerson);
  }
  for (const char* name : {"Bayern München", "USA", "Taiwan", "Offenbach"}) {
    CHECK(FindText(found[0], name) != nullptr);
  }
  // Organisations named by their head noun and a place (cues/de.txt [org-start]).
  for (const char* org : {"Universität Hamburg", "Landgericht Frankfurt"}) {
    CheckFoundAs(found[0], org, EntityType::kOrg);
  }
  // German writes adjectives in lower case: capitalised inside a sentence, one begins a name.
  CHECK(FindText(found[0], "Deutsche Bahn") != nullptr);
  CHECK(FindText(found[0], "Deutsche Welle") != nullptr);
  // English capitalises them always: there they are no part of a name.
  INFO(Texts(found[1]));
  CHECK(FindText(found[1], "Olaf Scholz") != nullptr);
  CHECK(FindText(found[1], "Emmanuel Macron") != nullptr);
  for (const MentionCandidate& c : found[1]) {
    CHECK(c.text.find("German") == std::string::npos);
    CHECK(c.text.find("French") == std::string::npos);
  }
  // A name with evidence (an organisation word) is cut to the one name of its type inside it.
  CheckFoundAs(found[0], "Deutschen Bank", EntityType::kOrg);
}

// Thai written without spaces: every title cue used to re-segment the whole rest of the paragraph.
TEST_CASE("work on Thai without spaces grows linearly with the text", "[mentions][hostile]") {
  const std::string sentence = "นายสมชายกล่าวว่ารัฐบาลจะพัฒนาเศรษฐกิจของประเทศให้ดีขึ้นในปีนี้";
  auto work_per_unit = [&](int repeats) {
    std::string text;
    for (int r = 0; r < repeats; ++r) text += sentence;
    const MentionWork before = SharedFinder().work();
    SharedFinder().Find({{"th", text}});
    const MentionWork after = SharedFinder().work();
    const double units = FromUtf8(text).length();
    return (after.units_chunked - before.units_chunked + after.units_resegmented -
            before.units_resegmented) /
           units;
  };
  const double small = work_per_unit(100);
  const double large = work_per_unit(800);
  INFO("units looked at per unit of text: " << small << " at 100 sentences, " << large
                                            << " at 800");
  CHECK(large < 2 * small + 1);  // linear: the same work per unit, whatever the length
  CHECK(large < 20);
}

TEST_CASE("a name that ends with a numeral or a letter is a person's only after a first name",
          "[mentions]") {
  auto found = SharedFinder().Find(
      {{"en",
        "Russia registered the Sputnik V vaccine in August, and two million people have received "
        "Sputnik V since. King Charles III met Pope Benedict XVI in Rome, where Malcolm X once "
        "spoke."},
       {"pl", "Rosja zarejestrowała szczepionkę Sputnik V w sierpniu. Papież Jan Paweł II "
              "odwiedził Kraków."}});
  for (const auto& article : found) {
    INFO(Texts(article));
    for (const MentionCandidate& c : article) {
      if (c.text == "Sputnik V") CHECK(c.type == EntityType::kMisc);
    }
    CHECK(FindText(article, "Sputnik V") != nullptr);
  }
  INFO(Texts(found[0]));
  for (const char* name : {"Charles III", "Benedict XVI", "Malcolm X"}) {
    CheckFoundAs(found[0], name, EntityType::kPerson);
  }
  INFO(Texts(found[1]));
  CheckFoundAs(found[1], "Jan Paweł II", EntityType::kPerson);
}

TEST_CASE("an article capitalised inside a sentence opens the name after it", "[mentions]") {
  auto found = SharedFinder().Find(
      {{"es", "Según informa El País, el presidente viajará a Roma.\nEl presidente llegó ayer."},
       {"nl", "Dat meldt De Standaard vandaag over minister De Gucht.\nDe minister zweeg."},
       {"fr", "Selon Le Monde, le président ira à Rome.\nLe président a réagi.\nL'Iran et la "
              "Biélorussie renforcent leurs relations."}});
  INFO(Texts(found[0]) << Texts(found[1]) << Texts(found[2]));
  CHECK(FindText(found[0], "El País") != nullptr);
  CHECK(FindText(found[1], "De Standaard") != nullptr);
  CHECK(FindText(found[1], "De Gucht") != nullptr);
  CHECK(FindText(found[2], "Le Monde") != nullptr);
  // At the start of a sentence the article is only an article.
  for (const auto& article : found) {
    for (const MentionCandidate& c : article) {
      CHECK((c.text.rfind("El ", 0) != 0 || c.text == "El País"));
      CHECK((c.text.rfind("Le ", 0) != 0 || c.text == "Le Monde"));
      CHECK(c.text != "De minister");
      CHECK(c.text != "la Biélorussie");  // in lower case, an article
    }
  }
}

TEST_CASE("\"and\" joins an organisation's name or a known one, not two names", "[mentions]") {
  auto found = SharedFinder().Find(
      {{"es",
        "El presidente Pedro Sánchez y Olaf Scholz hablaron en Madrid.\nEl Ministerio de Asuntos "
        "Exteriores y Cooperación firmó con Trinidad y Tobago."},
       {"fr", "Le ministre Karel De Gucht et Ursula von der Leyen sont venus à Paris."}});
  INFO(Texts(found[0]) << Texts(found[1]));
  CheckFoundAs(found[0], "Pedro Sánchez", EntityType::kPerson);
  CheckFoundAs(found[0], "Olaf Scholz", EntityType::kPerson);
  CheckFoundAs(found[0], "Ministerio de Asuntos Exteriores y Cooperación", EntityType::kOrg);
  CheckFoundAs(found[0], "Trinidad y Tobago", EntityType::kPlace);
  CheckFoundAs(found[1], "Karel De Gucht", EntityType::kPerson);
  CheckFoundAs(found[1], "Ursula von der Leyen", EntityType::kPerson);
}

TEST_CASE("a caption's \"Source:\" is no part of the name it credits", "[mentions]") {
  auto found = SharedFinder().Find({{"pl", "Ceny ropy spadły w poniedziałek.\nŹródło Bloomberg"},
                                    {"ru", "Цены на нефть упали.\nИсточник РИА Новости"}});
  INFO(Texts(found[0]) << Texts(found[1]));
  CheckFoundAs(found[0], "Bloomberg", EntityType::kOrg);
  CheckFoundAs(found[1], "РИА Новости", EntityType::kOrg);
  CHECK(FindText(found[0], "Źródło Bloomberg") == nullptr);
}

}  // namespace
}  // namespace crosswire
