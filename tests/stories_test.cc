// Story clustering on hand-built articles (segmented text, hand-linked entities), and the seeds
// through the whole pipeline.
#include "stories.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "segment.h"
#include "test_util.h"

namespace crosswire {
namespace {

const StoryClusterer& Clusterer() {
  static const std::unique_ptr<StoryClusterer> clusterer = [] {
    auto created = StoryClusterer::Create(DataPack::Embedded());
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return *clusterer;
}

struct EntitySpec {
  std::string id;
  EntityType type;
  std::string name;
};

// A batch under construction: documents are segmented for real, entities are given by hand.
class Batch {
 public:
  void Entity(const std::string& id, EntityType type, const std::string& name) {
    EntityResult e;
    e.id = id;
    e.type = type;
    e.name = name;
    entities_.push_back(e);
  }

  void Article(const std::string& id, const std::string& lang, const std::string& text,
               const std::string& date, const std::vector<std::string>& entity_ids) {
    auto doc = std::make_unique<Document>();
    doc->id = id;
    doc->lang = lang;
    doc->text = icu::UnicodeString::fromUTF8(text);
    REQUIRE(segmenter_.Segment(*doc).ok());
    StoryArticle a;
    a.doc = doc.get();
    if (!date.empty()) a.event_date = ParseDate(date);
    for (const std::string& e : entity_ids) {
      Mention m;
      m.entity = e;
      auto it = std::find_if(entities_.begin(), entities_.end(),
                             [&](const EntityResult& r) { return r.id == e; });
      REQUIRE(it != entities_.end());
      m.type = it->type;
      m.text = it->name;
      a.mentions.push_back(m);
    }
    docs_.push_back(std::move(doc));
    articles_.push_back(std::move(a));
  }

  std::vector<StoryResult> Cluster() const { return Clusterer().Cluster(articles_, entities_); }
  std::vector<StoryArticle>& articles() { return articles_; }
  const std::vector<EntityResult>& entities() const { return entities_; }

 private:
  static Date ParseDate(const std::string& iso) {
    Date d;
    d.year = std::stoi(iso.substr(0, 4));
    d.month = std::stoi(iso.substr(5, 2));
    d.day = std::stoi(iso.substr(8, 2));
    return d;
  }

  Segmenter segmenter_;
  std::vector<std::unique_ptr<Document>> docs_;
  std::vector<StoryArticle> articles_;
  std::vector<EntityResult> entities_;
};

std::vector<std::vector<std::string>> Groups(const std::vector<StoryResult>& stories) {
  std::vector<std::vector<std::string>> groups;
  for (const StoryResult& s : stories) groups.push_back(s.articles);
  return groups;
}

// The seeds' situation in miniature: one visit reported in three languages, and a defence
// agreement a year earlier between the same two countries.
void FillMinskBatch(Batch& b) {
  b.Entity("E1", EntityType::kPerson, "Ali Akbar Ahmadian");
  b.Entity("E2", EntityType::kPerson, "Alexander Volfovich");
  b.Entity("E3", EntityType::kPlace, "Minsk");
  b.Entity("E4", EntityType::kPerson, "Alexander Lukashenko");
  b.Entity("E5", EntityType::kOrg, "Shanghai Cooperation Organization");
  b.Entity("E6", EntityType::kPerson, "Mohammad Reza Ashtiani");
  b.Entity("E7", EntityType::kPerson, "Viktor Khrenin");
  b.Entity("E8", EntityType::kPlace, "Tehran");
  b.Entity("E9", EntityType::kPlace, "Belarus");
  b.Entity("E10", EntityType::kPlace, "Iran");
  b.Article(
      "a_en.txt", "en",
      "On September 13, Secretary Ali Akbar Ahmadian and Secretary Alexander Volfovich met in "
      "Minsk. The two sides called for expanding cooperation in industry, mining and trade, and "
      "within the Shanghai Cooperation Organization.",
      "2024-09-13", {"E1", "E2", "E3", "E5", "E9", "E10", "E1", "E2"});
  b.Article("b_th.txt", "th",
            "เมื่อวันที่ 13 กันยายน นายอาลี อัคบาร์ อัคมาเดียน และนายอเล็กซานเดอร์ โวลโฟวิช "
            "พบกันที่กรุงมินสค์ ทั้งสองฝ่ายเรียกร้องให้ขยายความร่วมมือในด้านอุตสาหกรรม",
            "2024-09-13", {"E1", "E2", "E3", "E10", "E9"});
  b.Article(
      "c_fr.txt", "fr",
      "Ali Akbar Ahmadian et Alexander Volfovitch ont appelé vendredi 13 septembre à une "
      "coopération élargie dans les secteurs industriel, minier et commercial, à Minsk, et au "
      "sein de l'Organisation de coopération de Shanghai.",
      "2024-09-13", {"E1", "E2", "E3", "E5", "E10", "E9"});
  b.Article("d_en.txt", "en",
            "Belarusian President Aleksandr Lukashenko met Ali Akbar Ahmadian on 13 September and "
            "thanked Iran for its support in joining the Shanghai Cooperation Organization. "
            "Lukashenko said trade and economic relations must not slow down.",
            "2024-09-13", {"E4", "E1", "E5", "E10", "E9", "E4", "E4"});
  b.Article("e_en.txt", "en",
            "On Monday, the defense ministers of Belarus and Iran signed a memorandum of "
            "understanding in Tehran. Brigadier General Mohammad Reza Ashtiani met Viktor Khrenin; "
            "the joint commission was held in Minsk last year.",
            "2023-09-25", {"E9", "E10", "E8", "E6", "E7", "E3", "E10", "E9"});
}

TEST_CASE("One event across languages, another event of the same countries apart", "[stories]") {
  Batch b;
  FillMinskBatch(b);
  std::vector<StoryResult> stories = b.Cluster();
  REQUIRE(stories.size() == 2);
  CHECK(stories[0].id == "S1");
  CHECK(stories[1].id == "S2");
  CHECK(stories[0].articles ==
        std::vector<std::string>{"a_en.txt", "b_th.txt", "c_fr.txt", "d_en.txt"});
  CHECK(stories[1].articles == std::vector<std::string>{"e_en.txt"});
  CHECK(stories[0].languages == std::vector<std::string>{"en", "fr", "th"});
  REQUIRE(stories[0].date);
  CHECK(stories[0].date->ToString() == "2024-09-13");
  REQUIRE(stories[1].date);
  CHECK(stories[1].date->ToString() == "2023-09-25");
  // The label names the people the story is about, and its date.
  CHECK(stories[0].label.find("Ali Akbar Ahmadian") != std::string::npos);
  CHECK(stories[0].label.find("2024-09-13") != std::string::npos);
  // Key entities: the persons lead, countries (said by everyone) weigh less.
  REQUIRE(!stories[0].entities.empty());
  CHECK(stories[0].entities.front() == "E1");
}

TEST_CASE("Links explain the story: a spanning set of pairs with what they share", "[stories]") {
  Batch b;
  FillMinskBatch(b);
  std::vector<StoryResult> stories = b.Cluster();
  REQUIRE(stories.size() == 2);
  const StoryResult& s = stories[0];
  CHECK(s.links.size() == s.articles.size() - 1);
  std::set<std::string> linked;
  for (const StoryLink& link : s.links) {
    CHECK(link.a < link.b);
    CHECK(link.score > 0);
    CHECK(link.score <= 1);
    CHECK(!link.shared.empty());
    linked.insert(link.a);
    linked.insert(link.b);
    for (const std::string& e : link.shared) CHECK(e.starts_with("E"));
  }
  CHECK(linked.size() == s.articles.size());
  CHECK(stories[1].links.empty());
}

TEST_CASE("The same batch in any order gives the same stories", "[stories]") {
  Batch b;
  FillMinskBatch(b);
  const std::vector<StoryResult> expected = b.Cluster();
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(b.articles().begin(), b.articles().end(), rng);
    std::vector<StoryResult> got = b.Cluster();
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].id == expected[i].id);
      CHECK(got[i].label == expected[i].label);
      CHECK(got[i].articles == expected[i].articles);
      CHECK(got[i].entities == expected[i].entities);
      REQUIRE(got[i].links.size() == expected[i].links.size());
      for (std::size_t k = 0; k < got[i].links.size(); ++k) {
        CHECK(got[i].links[k].a == expected[i].links[k].a);
        CHECK(got[i].links[k].b == expected[i].links[k].b);
        CHECK(got[i].links[k].score == expected[i].links[k].score);
        CHECK(got[i].links[k].shared == expected[i].links[k].shared);
      }
    }
  }
}

TEST_CASE("Two events of the same kind about the same actors stay apart", "[stories]") {
  // ECB+ in miniature: two earthquakes in the same region, reported with the same names.
  Batch b;
  b.Entity("E1", EntityType::kPlace, "Sumatra");
  b.Entity("E2", EntityType::kPlace, "Indonesia");
  b.Entity("E3", EntityType::kOrg, "US Geological Survey");
  b.Entity("E4", EntityType::kPlace, "Padang");
  b.Entity("E5", EntityType::kPlace, "Banda Aceh");
  const std::vector<std::string> quake = {"E1", "E2", "E3"};
  b.Article(
      "q1.txt", "en",
      "A magnitude 7.6 earthquake struck off the coast of Sumatra, killing hundreds in Padang, "
      "the US Geological Survey said.",
      "2009-09-30", {"E1", "E2", "E3", "E4"});
  b.Article(
      "q2.txt", "en",
      "The 7.6 quake near Padang on Sumatra collapsed buildings and killed hundreds, officials "
      "in Indonesia said.",
      "2009-09-30", {"E1", "E2", "E4", "E3"});
  b.Article(
      "q3.txt", "en",
      "A magnitude 8.6 earthquake struck off Sumatra, triggering a tsunami warning across the "
      "Indian Ocean, the US Geological Survey said; Banda Aceh was evacuated.",
      "2012-04-11", {"E1", "E2", "E3", "E5"});
  b.Article("q4.txt", "en",
            "Residents of Banda Aceh fled to higher ground after the 8.6 earthquake off Sumatra "
            "raised fears of a tsunami in Indonesia.",
            "2012-04-11", {"E5", "E1", "E2", "E3"});
  std::vector<StoryResult> stories = b.Cluster();
  CHECK(Groups(stories) ==
        std::vector<std::vector<std::string>>{{"q1.txt", "q2.txt"}, {"q3.txt", "q4.txt"}});
}

TEST_CASE("A large story holds together although only some of its pairs are scored", "[stories]") {
  // 150 reports of one summit and 150 of another: far more pairs than the index proposes.
  Batch b;
  b.Entity("E1", EntityType::kPerson, "Anna Berg");
  b.Entity("E2", EntityType::kOrg, "Nordic Council");
  b.Entity("E3", EntityType::kPerson, "Juan Ortiz");
  b.Entity("E4", EntityType::kOrg, "Andean Community");
  const char* kWords[] = {"fisheries", "quota",  "treaty", "ratified", "coastal",   "harbour",
                          "tariffs",   "copper", "mining", "export",   "royalties", "smelter"};
  for (int i = 0; i < 300; ++i) {
    const bool first = i % 2 == 0;
    std::string text = first ? "Anna Berg and the Nordic Council agreed"
                             : "Juan Ortiz and the Andean Community agreed";
    // Each report words it a little differently.
    for (int w = 0; w < 4; ++w)
      text += std::string(" ") + kWords[(first ? 0 : 6) + (i / 2 + w) % 6];
    char id[16];
    std::snprintf(id, sizeof id, "r%03d.txt", i);
    b.Article(id, "en", text, first ? "2022-05-10" : "2022-05-11",
              first ? std::vector<std::string>{"E1", "E2"} : std::vector<std::string>{"E3", "E4"});
  }
  std::vector<StoryResult> stories = b.Cluster();
  REQUIRE(stories.size() == 2);
  CHECK(stories[0].articles.size() == 150);
  CHECK(stories[1].articles.size() == 150);
  CHECK(stories[0].entities == std::vector<std::string>{"E1", "E2"});
}

TEST_CASE("Threads do not change the stories", "[stories][parallel]") {
  // 500 events of 3 reports each: enough features, candidate pairs and scored pairs that the pool
  // splits each step into several slices.
  Batch b;
  auto word = [](int n) {
    std::string w = "zor";
    for (; n > 0; n /= 7) w += "aeioulr"[n % 7];
    return w;
  };
  for (int event = 0; event < 500; ++event) {
    const std::string person = "E" + std::to_string(2 * event + 1);
    const std::string org = "E" + std::to_string(2 * event + 2);
    b.Entity(person, EntityType::kPerson, "Person " + std::to_string(event));
    b.Entity(org, EntityType::kOrg, "Agency " + std::to_string(event));
  }
  for (int event = 0; event < 500; ++event) {
    for (int report = 0; report < 3; ++report) {
      std::string text = "The agency said";
      for (int w = 0; w < 6; ++w) text += " " + word(event * 5 + (w + report) % 8);
      text += " after " + std::to_string(100 + event) + " people gathered.";
      char id[24];
      std::snprintf(id, sizeof id, "e%03d-%d.txt", event, report);
      char date[16];
      std::snprintf(date, sizeof date, "2021-%02d-%02d", 1 + event % 12, 1 + event % 28);
      b.Article(id, "en", text, date,
                {"E" + std::to_string(2 * event + 1), "E" + std::to_string(2 * event + 2)});
    }
  }
  const std::vector<StoryResult> one = Clusterer().Cluster(b.articles(), b.entities(), {}, 1);
  CHECK(one.size() < 1500);
  for (int jobs : {2, 3}) {
    const std::vector<StoryResult> got = Clusterer().Cluster(b.articles(), b.entities(), {}, jobs);
    REQUIRE(got.size() == one.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].label == one[i].label);
      CHECK(got[i].articles == one[i].articles);
      CHECK(got[i].entities == one[i].entities);
      REQUIRE(got[i].links.size() == one[i].links.size());
      for (std::size_t k = 0; k < got[i].links.size(); ++k) {
        CHECK(got[i].links[k].a == one[i].links[k].a);
        CHECK(got[i].links[k].b == one[i].links[k].b);
        CHECK(got[i].links[k].score == one[i].links[k].score);
        CHECK(got[i].links[k].shared == one[i].links[k].shared);
      }
    }
  }
}

TEST_CASE("Every article ends in exactly one story", "[stories]") {
  Batch b;
  FillMinskBatch(b);
  b.Entity("E20", EntityType::kPerson, "Jane Doe");
  // No entities at all, no words in common: a story of its own.
  b.Article("z_empty.txt", "en", "", "", {});
  b.Article("y_other.txt", "de", "Ein ganz anderes Thema ohne Bezug.", "2020-01-01", {"E20"});
  std::vector<StoryResult> stories = b.Cluster();
  std::map<std::string, int> seen;
  for (const StoryResult& s : stories) {
    for (const std::string& id : s.articles) ++seen[id];
    CHECK(!s.label.empty());
  }
  CHECK(seen.size() == 7);
  for (const auto& [id, count] : seen) CHECK(count == 1);
  // Ordered by the earliest article id of each story.
  for (std::size_t i = 1; i < stories.size(); ++i) {
    CHECK(stories[i - 1].articles.front() < stories[i].articles.front());
    CHECK(stories[i].id == "S" + std::to_string(i + 1));
  }
}

TEST_CASE("An empty batch has no stories", "[stories]") {
  CHECK(Clusterer().Cluster({}, {}).empty());
}

TEST_CASE("Seeds through the whole pipeline: two stories", "[stories][seeds]") {
  auto created = Analyzer::Create();
  REQUIRE(created.ok());
  Analyzer& analyzer = *created.value();
  for (const std::string& id : testing::SeedIds()) {
    REQUIRE(analyzer.AddArticle(id, testing::SeedText(id)).ok());
  }
  Analysis analysis = analyzer.Analyze();
  std::vector<std::vector<std::string>> groups = Groups(analysis.stories);
  const auto& ids = testing::SeedIds();
  CHECK(groups ==
        std::vector<std::vector<std::string>>{{ids[0], ids[1], ids[2], ids[3]}, {ids[4]}});
  for (const ArticleResult& a : analysis.articles) {
    INFO(a.id << ": " << a.date_reason);
    REQUIRE(a.event_date);
    CHECK(a.event_date->ToString() == (a.id == ids[4] ? "2023-09-25" : "2024-09-13"));
    if (a.id == ids[4]) {
      REQUIRE(a.published);
      CHECK(a.published->ToString() == "2023-09-25");
    }
  }
}

}  // namespace
}  // namespace crosswire
