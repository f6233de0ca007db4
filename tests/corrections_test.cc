// The user's corrections (entities/corrections): the APART and STORY lines of the aliases format,
// and a later line winning over an earlier one, through the whole Analyzer so that the CLI and
// the wasm module (the same binary runs under node) honour them alike.
#include "entities/corrections.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "crosswire/analyzer.h"

namespace crosswire {
namespace {

std::unique_ptr<Analyzer> Make() {
  auto created = Analyzer::Create();
  REQUIRE(created.ok());
  return std::move(created).value();
}

std::vector<AliasEntry> Parse(std::string_view text) {
  auto parsed = ParseAliases(text, "corrections.tsv");
  REQUIRE(parsed.ok());
  return std::move(parsed).value();
}

// The entity id of the first mention spelled `text`, or "" when there is none.
std::string EntityOf(const Analysis& analysis, std::string_view text) {
  for (const ArticleResult& article : analysis.articles) {
    for (const Mention& mention : article.mentions) {
      if (mention.text == text) return mention.entity;
    }
  }
  return "";
}

const StoryResult* StoryOf(const Analysis& analysis, std::string_view article) {
  for (const StoryResult& story : analysis.stories) {
    if (std::find(story.articles.begin(), story.articles.end(), article) != story.articles.end())
      return &story;
  }
  return nullptr;
}

constexpr std::string_view kMeeting =
    "Putin and Macron meet in Paris\n\n"
    "Vladimir Putin met Emmanuel Macron in Paris on Tuesday. Vladimir Putin said the talks were "
    "useful, and Emmanuel Macron agreed.\n";
constexpr std::string_view kVisit =
    "Macron visits Berlin\n\n"
    "Emmanuel Macron travelled to Berlin on Wednesday, a day after Vladimir Putin left Paris.\n";

TEST_CASE("APART and STORY lines parse, with errors that name the line", "[corrections]") {
  std::vector<AliasEntry> lines =
      Parse("APART\tVladimir Putin\tEmmanuel Macron\t# a comment\nSTORY\tc.txt\ta.txt\n");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].kind == AliasKind::kKeepApart);
  CHECK(lines[0].canonical == "Vladimir Putin");
  CHECK(lines[0].variants == std::vector<std::string>{"Emmanuel Macron"});
  CHECK(lines[1].kind == AliasKind::kSameStory);
  CHECK(lines[1].canonical == "c.txt");
  CHECK(lines[1].variants == std::vector<std::string>{"a.txt"});

  auto one = ParseAliases("PERSON\tA\nAPART\tVladimir Putin\n", "u.tsv");
  REQUIRE_FALSE(one.ok());
  CHECK(one.status().code() == StatusCode::kBadAliases);
  CHECK(one.status().message().find("u.tsv:2") != std::string::npos);
  CHECK_FALSE(ParseAliases("STORY\ta.txt\n", "u.tsv").ok());
  CHECK_FALSE(ParseAliases("STORY\ta.txt\ta.txt\n", "u.tsv").ok());
  CHECK_FALSE(ParseAliases("STORY\ta.txt\tb.txt\tc.txt\n", "u.tsv").ok());
}

TEST_CASE("A later line wins: an APART line separates what an earlier line joined",
          "[corrections]") {
  Corrections resolved =
      ResolveCorrections(Parse("PERSON\tRobert Smith\tBob Smith\tBobby\n"
                               "APART\tBobby\tRobert Smith\n"));
  REQUIRE(resolved.entities.size() == 1);
  // The line keeps the first of the separated spellings (its canonical name) and loses the other.
  CHECK(resolved.entities[0].canonical == "Robert Smith");
  CHECK(resolved.entities[0].variants == std::vector<std::string>{"Bob Smith"});
  // Robert Smith has its line's identity; Bobby gets one of its own.
  REQUIRE(resolved.apart_keys.size() == 1);
  CHECK(resolved.apart_keys[0].first == "bobby");

  // An entity line after the APART line joins them again, taking the spellings off the APART line.
  Corrections again =
      ResolveCorrections(Parse("PERSON\tRobert Smith\tBob Smith\tBobby\n"
                               "APART\tBobby\tRobert Smith\n"
                               "PERSON\tRobert Smith\tBobby\n"));
  CHECK(again.apart_keys.empty());
  REQUIRE(again.entities.size() == 2);
  CHECK(again.entities[0].canonical == "Bob Smith");  // its canonical name was taken
  CHECK(again.entities[1].variants == std::vector<std::string>{"Bobby"});

  // The last STORY line of an article decides.
  Corrections moves = ResolveCorrections(Parse("STORY\ta\tb\nSTORY\tc\tb\nSTORY\ta\td\n"));
  REQUIRE(moves.story_moves.size() == 2);
  CHECK(moves.story_moves[0].article == "c");
  CHECK(moves.story_moves[1].article == "a");
  CHECK(moves.story_moves[1].joins == "d");
}

TEST_CASE("Merge, then split: the split takes effect, and a merge after it again",
          "[corrections]") {
  auto analyzer = Make();
  REQUIRE(analyzer->AddArticle("a.txt", kMeeting).ok());
  REQUIRE(analyzer->AddArticle("b.txt", kVisit).ok());
  Analysis plain = analyzer->Analyze();
  REQUIRE_FALSE(EntityOf(plain, "Vladimir Putin").empty());
  REQUIRE(EntityOf(plain, "Vladimir Putin") != EntityOf(plain, "Emmanuel Macron"));

  const std::string merge = "PERSON\tVladimir Putin\tVladimir Putin\tEmmanuel Macron\n";
  REQUIRE(analyzer->AddAliases(merge).ok());
  Analysis merged = analyzer->Analyze();
  CHECK(EntityOf(merged, "Vladimir Putin") == EntityOf(merged, "Emmanuel Macron"));
  CHECK(merged.entities.size() == plain.entities.size() - 1);

  analyzer->ClearAliases();
  REQUIRE(analyzer->AddAliases(merge + "APART\tVladimir Putin\tEmmanuel Macron\n").ok());
  Analysis split = analyzer->Analyze();
  CHECK(EntityOf(split, "Vladimir Putin") != EntityOf(split, "Emmanuel Macron"));
  CHECK(split.entities.size() == plain.entities.size());

  // The same lines given in two calls mean the same: the order of the lines is what counts.
  analyzer->ClearAliases();
  REQUIRE(analyzer->AddAliases(merge).ok());
  REQUIRE(analyzer->AddAliases("APART\tEmmanuel Macron\tVladimir Putin\n").ok());
  CHECK(AnalysisToJson(analyzer->Analyze()) == AnalysisToJson(split));

  REQUIRE(analyzer->AddAliases(merge).ok());
  Analysis remerged = analyzer->Analyze();
  CHECK(EntityOf(remerged, "Vladimir Putin") == EntityOf(remerged, "Emmanuel Macron"));
}

TEST_CASE("APART separates spellings the linker would join", "[corrections]") {
  auto analyzer = Make();
  REQUIRE(analyzer
              ->AddArticle("a.txt",
                           "Lukashenko in Minsk\n\nAlexander Lukashenko spoke in Minsk on "
                           "Friday about the harvest.\n")
              .ok());
  REQUIRE(analyzer
              ->AddArticle("b.txt",
                           "Lukashenka on the harvest\n\nAlexander Lukashenka spoke in Minsk "
                           "on Friday about the harvest.\n")
              .ok());
  Analysis plain = analyzer->Analyze();
  REQUIRE_FALSE(EntityOf(plain, "Alexander Lukashenko").empty());
  REQUIRE(EntityOf(plain, "Alexander Lukashenko") == EntityOf(plain, "Alexander Lukashenka"));

  REQUIRE(analyzer->AddAliases("APART\tAlexander Lukashenko\tAlexander Lukashenka\n").ok());
  Analysis apart = analyzer->Analyze();
  CHECK(EntityOf(apart, "Alexander Lukashenko") != EntityOf(apart, "Alexander Lukashenka"));
}

TEST_CASE("STORY moves an article into another story, with a link that says so", "[corrections]") {
  auto analyzer = Make();
  REQUIRE(analyzer->AddArticle("a.txt", kMeeting).ok());
  REQUIRE(analyzer->AddArticle("b.txt", kVisit).ok());
  REQUIRE(analyzer
              ->AddArticle("c.txt",
                           "Floods in Valencia\n\nHeavy rain flooded the streets of Valencia "
                           "on Sunday, and the regional government opened shelters.\n")
              .ok());
  Analysis plain = analyzer->Analyze();
  REQUIRE(StoryOf(plain, "c.txt") != nullptr);
  REQUIRE(StoryOf(plain, "c.txt")->articles.size() == 1);
  REQUIRE(StoryOf(plain, "c.txt") != StoryOf(plain, "a.txt"));

  REQUIRE(analyzer->AddAliases("STORY\tc.txt\ta.txt\nSTORY\tmissing.txt\ta.txt\n").ok());
  Analysis moved = analyzer->Analyze();
  const StoryResult* story = StoryOf(moved, "c.txt");
  REQUIRE(story != nullptr);
  CHECK(story == StoryOf(moved, "a.txt"));
  CHECK(moved.stories.size() == plain.stories.size() - 1);
  CHECK(std::any_of(story->links.begin(), story->links.end(), [](const StoryLink& link) {
    return link.a == "c.txt" && link.b == "a.txt" && link.score == 1.0;
  }));
  // Every article is still in exactly one story, and the ids stay S1, S2... in order.
  size_t total = 0;
  for (size_t i = 0; i < moved.stories.size(); ++i) {
    total += moved.stories[i].articles.size();
    CHECK(moved.stories[i].id == "S" + std::to_string(i + 1));
  }
  CHECK(total == 3);
}

}  // namespace
}  // namespace crosswire

namespace crosswire {
namespace {

TEST_CASE("an alias line names an entity by the gazetteer's name for it too", "[corrections]") {
  auto analyzer = Make();
  REQUIRE(analyzer
              ->AddArticle("fr.txt",
                           "La Pologne et la Lituanie s'inquiètent pour l'Europe de l'Est, a déclaré "
                           "le ministre à Varsovie mardi.")
              .ok());
  REQUIRE(analyzer->AddArticle("en.txt", "Ministers met in Vilnius on Tuesday.").ok());
  const Analysis before = analyzer->Analyze();
  const std::string east = EntityOf(before, "Europe de l'Est");
  REQUIRE_FALSE(east.empty());
  REQUIRE(EntityOf(before, "Vilnius") != east);
  // The French spelling is not on the line: the entity's English name, which the gazetteer gives,
  // is.
  REQUIRE(analyzer->AddAliases("PLACE\tVilnius\tEastern Europe\n").ok());
  const Analysis after = analyzer->Analyze();
  CHECK(EntityOf(after, "Europe de l'Est") == EntityOf(after, "Vilnius"));
}

TEST_CASE("an unreadable aliases line is quoted in part, never whole", "[corrections]") {
  const std::string runaway = "Ж" + std::string(5000, 'x') + "\tname";
  Result<std::vector<AliasEntry>> parsed = ParseAliases(runaway, "aliases.tsv");
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.status().code() == StatusCode::kBadAliases);
  CHECK(parsed.status().message().size() < 200);
  CHECK(parsed.status().message().find("aliases.tsv:1: unknown type") != std::string::npos);
  // Cut at a character boundary: the message stays valid UTF-8.
  // Byte 40 falls inside the second Ж: the excerpt ends before it.
  const std::string cut = "\xD0\x96" + std::string(37, 'x') + "\xD0\x96" + "yyyy\tname";
  Result<std::vector<AliasEntry>> parsed_cut = ParseAliases(cut, "a");
  REQUIRE_FALSE(parsed_cut.ok());
  const std::string& message = parsed_cut.status().message();
  CHECK(message.find(std::string(37, 'x') + "...") != std::string::npos);
  CHECK(message.find("\xD0...") == std::string::npos);
}

}  // namespace
}  // namespace crosswire
