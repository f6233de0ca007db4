// Unit tests of entity linking on hand-built mention candidates (the mentions stage is tested on
// its own): the acceptance rows of issue 4 as one entity each, the pairs that must stay apart,
// partial names, acronyms and their expansions, alias merges and splits, determinism; and the
// blocking that decides which names are compared (entities/name_blocks).
#include "entities.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "data_pack.h"
#include "entities/name_blocks.h"
#include "gazetteer.h"
#include "names.h"

namespace crosswire {
namespace {

struct Fixture {
  std::unique_ptr<Gazetteer> gazetteer;
  std::unique_ptr<NameMatcher> matcher;
  std::unique_ptr<EntityLinker> linker;
  Fixture() {
    auto g = Gazetteer::Create(DataPack::Embedded());
    REQUIRE(g.ok());
    gazetteer = std::move(g).value();
    auto m = NameMatcher::Create(DataPack::Embedded());
    REQUIRE(m.ok());
    matcher = std::move(m).value();
    auto l = EntityLinker::Create(DataPack::Embedded());
    REQUIRE(l.ok());
    linker = std::move(l).value();
  }
};

// A candidate as the mentions stage would give it; offsets are made up but increasing.
MentionCandidate Cand(std::string text, EntityType type, std::string lang,
                      float confidence = 0.9f) {
  MentionCandidate c;
  c.text = std::move(text);
  c.type = type;
  c.type_confidence = confidence;
  c.lang = std::move(lang);
  return c;
}

struct Batch {
  std::vector<Document> docs;
  std::vector<std::vector<MentionCandidate>> candidates;

  void Add(std::string id, std::vector<MentionCandidate> cands) {
    Document d;
    d.id = std::move(id);
    int32_t pos = 0;
    for (MentionCandidate& c : cands) {
      c.utf16_begin = pos;
      c.utf16_end = pos + 5;
      pos += 10;
    }
    docs.push_back(std::move(d));
    candidates.push_back(std::move(cands));
  }
  std::vector<const Document*> Pointers() const {
    std::vector<const Document*> out;
    for (const Document& d : docs) out.push_back(&d);
    return out;
  }
};

constexpr EntityType kPerson = EntityType::kPerson;
constexpr EntityType kOrg = EntityType::kOrg;
constexpr EntityType kPlace = EntityType::kPlace;

MentionCandidate Acronym(std::string text, std::string lang, int expansion_of) {
  MentionCandidate c = Cand(std::move(text), kOrg, std::move(lang), 0.6f);
  c.is_acronym = true;
  c.expansion_of = expansion_of;
  return c;
}

MentionCandidate Place(std::string text, std::string lang, std::string gazetteer_name) {
  MentionCandidate c = Cand(std::move(text), kPlace, std::move(lang), 1.0f);
  c.gazetteer_name = std::move(gazetteer_name);
  return c;
}

// The seeds of issue 4, reduced to their candidates.
Batch SeedBatch() {
  Batch b;
  b.Add("000_en.txt",
        {Cand("Ali Akbar Ahmadian", kPerson, "en"), Cand("Alexander Volfovich", kPerson, "en"),
         Place("Minsk", "en", "Minsk"), Cand("Shanghai Cooperation Organization", kOrg, "en"),
         Acronym("SCO", "en", 3), Acronym("BRICS", "en", -1), Cand("Ahmadian", kPerson, "en"),
         Acronym("IRNA", "en", -1), Place("Tehran", "en", "Tehran"), Place("Iran", "en", "Iran")});
  b.Add("001_th.txt",
        {Cand("อาลี อัคบาร์ อัคมาเดียน", kPerson, "th"), Cand("อเล็กซานเดอร์ โวลโฟวิช", kPerson, "th"),
         Place("มินสค์", "th", "Minsk"), Cand("อาลี อัคบาร์ อะห์มาเดียน", kPerson, "th"),
         Cand("องค์กรความร่วมมือเซี่ยงไฮ้", kOrg, "th", 0.5f), Acronym("SCO", "th", 4),
         Cand("อาหมัดเดียน", kPerson, "th"), Cand("อาลี อัคบาร์ อาห์มาเดียน", kPerson, "th"),
         Cand("อเล็กซานเดอร์ ลูกาเชนโก", kPerson, "th"), Cand("มาซูด เปเซชเคียน", kPerson, "th"),
         Cand("ลูคาเชนโก", kPerson, "th"), Cand("อาห์หมัดเดียน", kPerson, "th"),
         Cand("อาห์มาเดียน", kPerson, "th"), Acronym("BRICS", "th", -1),
         Place("เตหะราน", "th", "Tehran"), Place("เบลารุส", "th", "Belarus")});
  b.Add("002_fr.txt",
        {Place("Biélorussie", "fr", "Belarus"), Acronym("IRNA", "fr", -1),
         Cand("Ali Akbar Ahmadian", kPerson, "fr"), Cand("Alexander Volfovitch", kPerson, "fr"),
         Place("Téhéran", "fr", "Tehran"),
         Cand("Organisation de coopération de Shanghai", kOrg, "fr", 0.5f), Acronym("OCS", "fr", 5),
         Cand("Ahmadian", kPerson, "fr"), Cand("Volfovitch", kPerson, "fr"),
         Place("Bélarus", "fr", "Belarus")});
  b.Add("003_en.txt",
        {Cand("Aleksandr Lukashenko", kPerson, "en"), Cand("Ali Akbar Ahmadian", kPerson, "en"),
         Cand("Shanghai Cooperation Organization", kOrg, "en"), Acronym("SCO", "en", 2),
         Cand("Masoud Pezeshkian", kPerson, "en"), Cand("Ali Khamenei", kPerson, "en"),
         Cand("Ebrahim Raisi", kPerson, "en"), Cand("Lukashenko", kPerson, "en"),
         Place("Belarus", "en", "Belarus")});
  b.Add("004_en.txt",
        {Cand("Mohammad Reza Ashtiani", kPerson, "en"), Cand("Ashtiani", kPerson, "en"),
         Place("Iraq", "en", "Iraq"), Cand("Viktor Gennadievich Khrenin", kPerson, "en")});
  return b;
}

// Entity id of every spelling (all mentions of a spelling must agree).
std::map<std::string, std::string> EntityBySpelling(const Batch& batch,
                                                    const LinkedEntities& linked) {
  std::map<std::string, std::string> out;
  for (size_t d = 0; d < batch.docs.size(); ++d) {
    REQUIRE(linked.mentions[d].size() == batch.candidates[d].size());
    for (const Mention& m : linked.mentions[d]) {
      auto [it, inserted] = out.emplace(m.text, m.entity);
      INFO(m.text);
      CHECK(it->second == m.entity);
    }
  }
  return out;
}

const EntityResult& EntityById(const LinkedEntities& linked, const std::string& id) {
  auto it = std::find_if(linked.entities.begin(), linked.entities.end(),
                         [&](const EntityResult& e) { return e.id == id; });
  REQUIRE(it != linked.entities.end());
  return *it;
}

TEST_CASE("Acceptance rows of issue 4 each become one entity", "[entities]") {
  Fixture f;
  Batch batch = SeedBatch();
  LinkedEntities linked =
      f.linker->Link(batch.Pointers(), batch.candidates, {}, *f.gazetteer, *f.matcher);
  auto by = EntityBySpelling(batch, linked);

  const std::vector<std::vector<std::string>> rows = {
      {"Ali Akbar Ahmadian", "Ahmadian", "อาลี อัคบาร์ อัคมาเดียน", "อาลี อัคบาร์ อะห์มาเดียน", "อาหมัดเดียน",
       "อาห์มาเดียน", "อาห์หมัดเดียน", "อาลี อัคบาร์ อาห์มาเดียน"},
      {"Alexander Volfovich", "Alexander Volfovitch", "Volfovitch", "อเล็กซานเดอร์ โวลโฟวิช"},
      {"Aleksandr Lukashenko", "Lukashenko", "อเล็กซานเดอร์ ลูกาเชนโก", "ลูคาเชนโก"},
      {"Masoud Pezeshkian", "มาซูด เปเซชเคียน"},
      {"Shanghai Cooperation Organization", "SCO", "Organisation de coopération de Shanghai", "OCS",
       "องค์กรความร่วมมือเซี่ยงไฮ้"},
      {"Minsk", "มินสค์"},
      {"Tehran", "Téhéran", "เตหะราน"},
      {"Belarus", "Biélorussie", "Bélarus", "เบลารุส"},
      {"BRICS"},
      {"IRNA"},
  };
  std::vector<std::string> row_entities;
  for (const auto& row : rows) {
    for (const std::string& spelling : row) {
      INFO(row[0] << " <- " << spelling);
      REQUIRE(by.count(spelling));
      CHECK(by[spelling] == by[row[0]]);
    }
    row_entities.push_back(by[row[0]]);
  }
  // Rows are distinct entities.
  std::vector<std::string> sorted = row_entities;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::unique(sorted.begin(), sorted.end()) == sorted.end());

  // Must stay apart.
  CHECK(by["Iran"] != by["Iraq"]);
  CHECK(by["Ali Akbar Ahmadian"] != by["Ali Khamenei"]);
  CHECK(by["Alexander Volfovich"] != by["Aleksandr Lukashenko"]);
  CHECK(by["Masoud Pezeshkian"] != by["Ebrahim Raisi"]);
  CHECK(by["SCO"] != by["BRICS"]);
  CHECK(by["Mohammad Reza Ashtiani"] != by["Ali Akbar Ahmadian"]);
  CHECK(by["Ashtiani"] == by["Mohammad Reza Ashtiani"]);

  // Canonical names, types, variants and articles.
  const EntityResult& ahmadian = EntityById(linked, by["Ali Akbar Ahmadian"]);
  CHECK(ahmadian.name == "Ali Akbar Ahmadian");
  CHECK(ahmadian.type == kPerson);
  CHECK(ahmadian.articles ==
        std::vector<std::string>{"000_en.txt", "001_th.txt", "002_fr.txt", "003_en.txt"});
  CHECK(ahmadian.mentions == 11);
  auto variant = std::find_if(
      ahmadian.variants.begin(), ahmadian.variants.end(),
      [](const Variant& v) { return v.text == "Ali Akbar Ahmadian" && v.lang == "en"; });
  REQUIRE(variant != ahmadian.variants.end());
  CHECK(variant->count == 2);
  CHECK(ahmadian.variants.front().text == "Ali Akbar Ahmadian");  // most frequent first
  CHECK(EntityById(linked, by["Volfovitch"]).name == "Alexander Volfovich");
  CHECK(EntityById(linked, by["ลูคาเชนโก"]).name == "Aleksandr Lukashenko");
  CHECK(EntityById(linked, by["OCS"]).name == "Shanghai Cooperation Organization");
  CHECK(EntityById(linked, by["OCS"]).type == kOrg);
  CHECK(EntityById(linked, by["เบลารุส"]).name == "Belarus");
  CHECK(EntityById(linked, by["เบลารุส"]).type == kPlace);
  // Ids follow first appearance in id order.
  CHECK(by["Ali Akbar Ahmadian"] == "E1");
  CHECK(by["Alexander Volfovich"] == "E2");
}

TEST_CASE("Linking does not depend on the order of the articles", "[entities]") {
  Fixture f;
  Batch batch = SeedBatch();
  LinkedEntities expected =
      f.linker->Link(batch.Pointers(), batch.candidates, {}, *f.gazetteer, *f.matcher);
  std::mt19937 rng(7);
  for (int round = 0; round < 3; ++round) {
    Batch shuffled;
    std::vector<size_t> order(batch.docs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) {
      shuffled.docs.push_back(batch.docs[i]);
      shuffled.candidates.push_back(batch.candidates[i]);
    }
    LinkedEntities got =
        f.linker->Link(shuffled.Pointers(), shuffled.candidates, {}, *f.gazetteer, *f.matcher);
    REQUIRE(got.entities.size() == expected.entities.size());
    for (size_t e = 0; e < got.entities.size(); ++e) {
      CHECK(got.entities[e].id == expected.entities[e].id);
      CHECK(got.entities[e].name == expected.entities[e].name);
      CHECK(got.entities[e].articles == expected.entities[e].articles);
      CHECK(got.entities[e].mentions == expected.entities[e].mentions);
    }
    for (size_t i = 0; i < order.size(); ++i) {
      const auto& a = got.mentions[i];
      const auto& b = expected.mentions[order[i]];
      REQUIRE(a.size() == b.size());
      for (size_t k = 0; k < a.size(); ++k) CHECK(a[k].entity == b[k].entity);
    }
  }
}

TEST_CASE("A partial name joins only a unique full name", "[entities]") {
  Fixture f;
  Batch batch;
  batch.Add("a.txt", {Cand("John Smith", kPerson, "en"), Cand("Smith", kPerson, "en")});
  batch.Add("b.txt", {Cand("Jane Smith", kPerson, "en"), Cand("Smith", kPerson, "en")});
  batch.Add("c.txt", {Cand("Smith", kPerson, "en"), Cand("Ali", kPerson, "en"),
                      Cand("Ali Akbar Ahmadian", kPerson, "en")});
  LinkedEntities linked =
      f.linker->Link(batch.Pointers(), batch.candidates, {}, *f.gazetteer, *f.matcher);
  // Two Smiths in the batch: each article's own full name decides; an article with neither keeps
  // "Smith" on its own.
  CHECK(linked.mentions[0][1].entity == linked.mentions[0][0].entity);
  CHECK(linked.mentions[1][1].entity == linked.mentions[1][0].entity);
  CHECK(linked.mentions[0][0].entity != linked.mentions[1][0].entity);
  CHECK(linked.mentions[2][0].entity != linked.mentions[0][0].entity);
  CHECK(linked.mentions[2][0].entity != linked.mentions[1][0].entity);
  // A first name alone is not a partial name of a full name.
  CHECK(linked.mentions[2][1].entity != linked.mentions[2][2].entity);
}

TEST_CASE("A surname the tagger guessed to be a place still joins the batch's dominant person",
          "[entities]") {
  Fixture f;
  Batch batch;
  // Two people share the surname, one far more often named: in an article that names neither,
  // "Putin" is the dominant one, whether typed a person or guessed (below 0.5) to be a place. A
  // place named with evidence (a gazetteer hit, 0.9) stays apart.
  for (int i = 0; i < 4; ++i) {
    batch.Add("p" + std::to_string(i) + ".txt", {Cand("Vladimir Putin", kPerson, "en")});
  }
  batch.Add("q.txt", {Cand("Lyudmila Putin", kPerson, "en")});
  batch.Add("guessed.txt", {Cand("Putin", kPlace, "en", 0.45f)});
  batch.Add("sure.txt", {Cand("Putin", kPlace, "en", 0.9f)});
  LinkedEntities linked =
      f.linker->Link(batch.Pointers(), batch.candidates, {}, *f.gazetteer, *f.matcher);
  const auto vladimir = linked.mentions[0][0].entity;
  CHECK(linked.mentions[4][0].entity != vladimir);
  CHECK(linked.mentions[5][0].entity == vladimir);
  CHECK(linked.mentions[6][0].entity != vladimir);
}

TEST_CASE("A Thai partial name spelled with k for h finds its full name", "[entities]") {
  Fixture f;
  Batch batch;
  batch.Add("en.txt",
            {Cand("Ali Akbar Ahmadian", kPerson, "en"), Cand("Ali Khamenei", kPerson, "en")});
  batch.Add("th.txt", {Cand("อัคมาเดียน", kPerson, "th"), Cand("ลูคาเชนโก", kPerson, "th")});
  LinkedEntities linked =
      f.linker->Link(batch.Pointers(), batch.candidates, {}, *f.gazetteer, *f.matcher);
  CHECK(linked.mentions[1][0].entity == linked.mentions[0][0].entity);
  // No full name for Lukashenko in this batch: the partial name is an entity of its own.
  CHECK(linked.mentions[1][1].entity != linked.mentions[0][0].entity);
  CHECK(linked.mentions[1][1].entity != linked.mentions[0][1].entity);
  CHECK(linked.entities.size() == 3);
}

TEST_CASE("Alias lines force merges and splits", "[entities]") {
  Fixture f;
  auto parsed = ParseAliases(
      "# corrections\n"
      "PERSON\tRobert Smith\tBob Smith\tBobby\n"
      "PERSON\tJon Smyth\n"
      "PERSON\tJohn Smith\n",
      "corrections.tsv");
  REQUIRE(parsed.ok());
  Batch batch;
  batch.Add("a.txt", {Cand("Bob Smith", kPerson, "en"), Cand("John Smith", kPerson, "en")});
  batch.Add("b.txt", {Cand("Robert Smith", kPerson, "en"), Cand("Jon Smyth", kPerson, "en"),
                      Cand("Bobby", kPerson, "en")});
  // Without the aliases, the matcher merges John Smith and Jon Smyth.
  LinkedEntities plain =
      f.linker->Link(batch.Pointers(), batch.candidates, {}, *f.gazetteer, *f.matcher);
  CHECK(plain.mentions[0][1].entity == plain.mentions[1][1].entity);
  CHECK(plain.mentions[0][0].entity != plain.mentions[1][0].entity);

  LinkedEntities linked =
      f.linker->Link(batch.Pointers(), batch.candidates, parsed.value(), *f.gazetteer, *f.matcher);
  const std::string robert = linked.mentions[1][0].entity;
  CHECK(linked.mentions[0][0].entity == robert);  // Bob Smith: merged by the alias line
  CHECK(linked.mentions[1][2].entity == robert);  // Bobby
  CHECK(linked.mentions[0][1].entity != linked.mentions[1][1].entity);  // split
  CHECK(EntityById(linked, robert).name == "Robert Smith");

  // The alias line's type wins over a guess from the text.
  auto org = ParseAliases("ORG\tAcme Widgets\tAcme\n", "user.tsv");
  REQUIRE(org.ok());
  Batch acme;
  acme.Add("a.txt", {Cand("Acme", kPerson, "en", 0.3f), Cand("Acme", kPerson, "en", 0.3f)});
  LinkedEntities typed =
      f.linker->Link(acme.Pointers(), acme.candidates, org.value(), *f.gazetteer, *f.matcher);
  REQUIRE(typed.entities.size() == 1);
  CHECK(typed.entities[0].type == kOrg);
  CHECK(typed.entities[0].name == "Acme Widgets");
  CHECK(typed.mentions[0][0].type == kOrg);
}

TEST_CASE("ParseAliases reads the format and names bad lines", "[entities]") {
  auto ok = ParseAliases(
      "\xEF\xBB\xBFORG\tShanghai Cooperation Organization\tSCO\tOCS\t\n\n# c\nPLACE\tMinsk # "
      "city\n",
      "a.tsv");
  REQUIRE(ok.ok());
  REQUIRE(ok.value().size() == 2);
  CHECK(ok.value()[0].type == kOrg);
  CHECK(ok.value()[0].canonical == "Shanghai Cooperation Organization");
  CHECK(ok.value()[0].variants == std::vector<std::string>{"SCO", "OCS"});
  CHECK(ok.value()[1].canonical == "Minsk");

  auto bad_type = ParseAliases("ORG\tUnited Nations\n\nPERSONN\tX\n", "user.tsv");
  REQUIRE_FALSE(bad_type.ok());
  CHECK(bad_type.status().code() == StatusCode::kBadAliases);
  CHECK(bad_type.status().message().find("user.tsv:3") != std::string::npos);

  auto no_name = ParseAliases("PERSON\n", "user.tsv");
  REQUIRE_FALSE(no_name.ok());
  CHECK(no_name.status().message().find("user.tsv:1") != std::string::npos);
}

TEST_CASE("The curated alias file parses and ties translated organisation names", "[entities]") {
  auto file = DataPack::Embedded().Find("aliases/orgs.tsv");
  REQUIRE(file.has_value());
  auto parsed = ParseAliases(*file, "aliases/orgs.tsv");
  REQUIRE(parsed.ok());
  CHECK(parsed.value().size() > 20);
  Fixture f;
  Batch batch;
  batch.Add("ru.txt", {Cand("Шанхайская организация сотрудничества", kOrg, "ru")});
  batch.Add("en.txt", {Cand("Shanghai Cooperation Organisation", kOrg, "en")});
  LinkedEntities linked =
      f.linker->Link(batch.Pointers(), batch.candidates, parsed.value(), *f.gazetteer, *f.matcher);
  CHECK(linked.mentions[0][0].entity == linked.mentions[1][0].entity);
  CHECK(linked.entities.size() == 1);
  CHECK(linked.entities[0].name == "Shanghai Cooperation Organization");
}

TEST_CASE("A sure person is not taken for a gazetteer place of the same name", "[entities]") {
  Fixture f;
  Batch batch;
  batch.Add("a.txt", {Place("Jordan", "en", "Jordan"), Cand("Jordan", kPerson, "en", 0.9f),
                      Cand("Michael Jordan", kPerson, "en")});
  LinkedEntities linked =
      f.linker->Link(batch.Pointers(), batch.candidates, {}, *f.gazetteer, *f.matcher);
  CHECK(linked.mentions[0][1].entity != linked.mentions[0][0].entity);
  CHECK(linked.mentions[0][1].entity == linked.mentions[0][2].entity);
}

TEST_CASE("An empty batch links to nothing", "[entities]") {
  Fixture f;
  LinkedEntities linked = f.linker->Link({}, {}, {}, *f.gazetteer, *f.matcher);
  CHECK(linked.entities.empty());
  CHECK(linked.mentions.empty());
}

// The pairs NameBlocks proposes, in its order.
std::vector<std::pair<size_t, size_t>> BlockPairs(const NameBlocks& blocks) {
  std::vector<std::pair<size_t, size_t>> pairs;
  blocks.ForEachPair([&](size_t a, size_t b) { pairs.emplace_back(a, b); });
  return pairs;
}

TEST_CASE("Block keys are consonant classes, with h filed both ways", "[entities][blocks]") {
  CHECK(BlockKey("thrn", false, 2) == "TL");  // Tehran without its h
  CHECK(BlockKey("thrn", true, 2) == "TK");
  CHECK(BlockKey("thrn", true, 3) == "TKL");
  CHECK(BlockKey("kgs", false, 3) == "KS");  // k and g are one class, repeats collapse
  CHECK(BlockKey("vlfvC", false, 2) == "PL");
  CHECK(BlockKey("", true, 2).empty());
}

TEST_CASE("Only names that share a block are paired, each pair once", "[entities][blocks]") {
  const NameBlocks blocks({{10, "l kbr hmdn"}, {20, "hmdn"}, {30, "vlfvC"}, {40, "l kbr hmdn"}});
  const auto pairs = BlockPairs(blocks);
  using Pair = std::pair<size_t, size_t>;
  CHECK(std::count(pairs.begin(), pairs.end(), Pair{10, 20}) == 1);
  CHECK(std::count(pairs.begin(), pairs.end(), Pair{10, 40}) == 1);  // in several blocks
  CHECK(std::count(pairs.begin(), pairs.end(), Pair{20, 40}) == 1);
  CHECK(std::none_of(pairs.begin(), pairs.end(),
                     [](const Pair& p) { return p.first == 30 || p.second == 30; }));
}

TEST_CASE("A crowded block is split by a third consonant class", "[entities][blocks]") {
  const std::vector<BlockedName> names = {{1, "trn"}, {2, "trs"}, {3, "trn"}};
  CHECK(BlockPairs(NameBlocks(names)).size() == 3);
  // Over two names under "TL": only names that also share "TLN" meet.
  using Pair = std::pair<size_t, size_t>;
  CHECK(BlockPairs(NameBlocks(names, 2)) == std::vector<Pair>{{1, 3}});
}

TEST_CASE("In a crowded block, a part of two consonant classes meets the parts that end there",
          "[entities][blocks]") {
  // "ln" (Lena, Leyen) has no third class; "lnrd" (Leonard) has. Over two names under "LN", the
  // two-class parts meet each other, not every name that starts so.
  const std::vector<BlockedName> names = {{1, "rsl ln"}, {2, "ln"}, {3, "lnrd"}, {4, "lnk"}};
  using Pair = std::pair<size_t, size_t>;
  CHECK(BlockPairs(NameBlocks(names, 2)) == std::vector<Pair>{{1, 2}});
}

TEST_CASE("Names whose parts cannot pair off are ruled out", "[entities][blocks]") {
  const NameBlocks blocks({{1, "mhmd hmdn"}, {2, "hmdn"}, {3, "vlfvC"}, {4, ""}});
  CHECK(blocks.PartsCouldPair(1, 2));
  CHECK(blocks.PartsCouldPair(2, 1));
  CHECK_FALSE(blocks.PartsCouldPair(2, 3));
  CHECK(blocks.PartsCouldPair(3, 4));  // no parts: nothing to rule out
}

}  // namespace
}  // namespace crosswire
