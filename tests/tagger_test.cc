// The mention tagger: its model file format, the units it labels, and what switching it on
// changes in an analysis (through the whole analyzer, with the committed models).
#include "tagger/tagger.h"

#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "analysis_lookup.h"
#include "crosswire/analyzer.h"
#include "data_pack.h"
#include "document.h"
#include "gazetteer.h"
#include "mentions.h"
#include "mentions/words.h"
#include "segment.h"
#include "tagger/decode.h"
#include "tagger/features.h"
#include "tagger/model.h"
#include "tagger/units.h"
#include "text/normalize.h"

namespace crosswire::tagger {
namespace {

// The analysis of `articles` with the trained tagger, or nothing (with a warning) in a build that
// ships no model for Latin script (the wasm build).
std::optional<Analysis> AnalyzeWithTagger(
    const std::vector<std::pair<std::string, std::string>>& articles) {
  if (!DataPack::Embedded().Find("tagger/alphabetic.model")) {
    WARN("this build ships no model for Latin script (the wasm build): nothing to compare");
    return std::nullopt;
  }
  Options options;
  options.use_tagger = true;
  return testing::AnalyzeArticles(articles, options);
}

TEST_CASE("a model reads back the weights it was written with, times each feature's scale",
          "[tagger]") {
  std::vector<int8_t> rows(3 * kLabels, 0);
  rows[0 * kLabels + 1] = 5;    // feature 7: B-PER
  rows[1 * kLabels + 5] = -2;   // feature 300: B-LOC
  rows[2 * kLabels + 0] = 127;  // feature 4000000000: O
  const std::string bytes = Model::Write({7, 300, 4000000000u}, {3, 1000, 2}, rows);
  Result<Model> model = Model::Parse(bytes);
  REQUIRE(model.ok());
  CHECK(model.value().size() == 3);
  const uint32_t features[] = {300, 7, 12345, 4000000000u};
  Scores scores{};
  model.value().Score(features, 4, scores);
  CHECK(scores[1] == 15);
  CHECK(scores[5] == -2000);
  CHECK(scores[0] == 254);
  CHECK(scores[2] == 0);
}

TEST_CASE("a damaged model is refused with a data error, not read", "[tagger]") {
  const std::string good = Model::Write({1, 2}, {1, 1}, std::vector<int8_t>(2 * kLabels, 1));
  CHECK(Model::Parse("CWTAG1\n").status().code() == StatusCode::kDataError);
  CHECK(Model::Parse(good.substr(0, good.size() - 1)).status().code() == StatusCode::kDataError);
  CHECK(Model::Parse(good + "x").status().code() == StatusCode::kDataError);
  CHECK(Model::Parse(good.substr(0, 9)).status().code() == StatusCode::kDataError);
  CHECK(Model::Parse(good).ok());
}

TEST_CASE("decoding never starts a span inside and prefers the path over the single best label",
          "[tagger]") {
  // Three units; feature 1 is on every unit, feature 2 on the second.
  Features f;
  f.hashes = {1, 1, 2, 1};
  f.offsets = {0, 1, 3, 4};
  f.shape = {0, 0, 0};
  auto score = [](const uint32_t* features, std::size_t n, Scores& scores) {
    for (std::size_t i = 0; i < n; ++i) {
      if (features[i] == 1) scores[InsideLabel(0)] += 10;  // I-PER everywhere, on its own
      if (features[i] == 2) scores[BeginLabel(2)] += 25;   // B-LOC on the second unit
    }
  };
  std::vector<int> labels(3, -1);
  Viterbi(f, 0, 3, score, labels);
  // I-PER cannot open the sequence, nor follow B-LOC: O, B-LOC, I-... is impossible for PER too,
  // so the best allowed path is O, B-LOC, O.
  CHECK(labels[0] == 0);
  CHECK(labels[1] == BeginLabel(2));
  CHECK(labels[2] == 0);

  // A uniform score: every label ties, and the lowest (O) is chosen everywhere.
  std::vector<int> flat(3, -1);
  Viterbi(
      f, 0, 3, [](const uint32_t*, std::size_t, Scores&) {}, flat);
  CHECK(flat == std::vector<int>{0, 0, 0});
}

Document Segmented(const std::u16string& text) {
  Document doc;
  doc.id = "t";
  doc.text = icu::UnicodeString(text.data(), static_cast<int32_t>(text.size()));
  Segmenter segmenter;
  REQUIRE(segmenter.Segment(doc).ok());
  return doc;
}

TEST_CASE("Han words are labelled character by character, Latin words whole", "[tagger]") {
  const Document zh = Segmented(u"习近平在北京会见了普京。");
  const Units zh_units = BuildUnits(zh);
  REQUIRE(zh_units.sequences.size() == 1);
  CHECK(zh_units.sequences[0].group == ModelGroup::kCjk);
  // Every Han character is its own unit, whatever words ICU's dictionary made of them.
  int han = 0;
  for (const Unit& u : zh_units.units) han += u.cjk_char && u.utf16_end - u.utf16_begin == 1;
  CHECK(han == 11);

  const Document en = Segmented(u"Angela Merkel visited Paris. She met Emmanuel Macron.");
  const Units en_units = BuildUnits(en);
  REQUIRE(en_units.sequences.size() == 2);
  CHECK(en_units.sequences[0].group == ModelGroup::kAlphabetic);
  CHECK(en_units.units[0].utf16_end - en_units.units[0].utf16_begin == 6);  // "Angela"
  CHECK_FALSE(en_units.units[0].cjk_char);
}

TEST_CASE("a labelled span loses stray brackets, quotes and commas at its edges", "[tagger]") {
  const Document doc = Segmented(
      u"Arena ( Sioux Falls , South Dakota ) and \u00abGazprom\u00bb, Parodius ( series ) Inc. "
      u"Rada Europy (RE)");
  const Units units = BuildUnits(doc);
  // Labels by the units' text: B-LOC on the first unit given, I-LOC on the rest, O elsewhere.
  auto spans_of = [&](const std::vector<std::pair<std::string, int>>& marked) {
    std::vector<int> labels(units.units.size(), 0);
    for (const auto& [first_word, length] : marked) {
      for (std::size_t u = 0; u < units.units.size(); ++u) {
        if (doc.Slice(units.units[u].utf16_begin, units.units[u].utf16_end) != first_word) continue;
        for (int k = 0; k < length; ++k) labels[u + k] = k == 0 ? BeginLabel(2) : InsideLabel(2);
        break;
      }
    }
    std::vector<TaggedSpan> spans;
    AppendSpans(doc, units, 0, static_cast<int32_t>(units.units.size()), labels, spans);
    std::vector<std::string> texts;
    for (const TaggedSpan& s : spans) texts.push_back(doc.Slice(s.utf16_begin, s.utf16_end));
    return texts;
  };
  // A closing bracket the span did not open, an opening bracket, a comma: left out.
  CHECK(spans_of({{"(", 6}}) == std::vector<std::string>{"Sioux Falls , South Dakota"});
  CHECK(spans_of({{"Sioux", 3}}) == std::vector<std::string>{"Sioux Falls"});
  // Quotes around a name are not part of it.
  CHECK(spans_of({{"\u00ab", 3}}) == std::vector<std::string>{"Gazprom"});
  // A bracket the span opens closes with it; a full stop (an abbreviation's) stays.
  CHECK(spans_of({{"Parodius", 4}}) == std::vector<std::string>{"Parodius ( series )"});
  CHECK(spans_of({{"Inc", 2}}) == std::vector<std::string>{"Inc."});
  // A span of punctuation alone is no span.
  CHECK(spans_of({{")", 1}}).empty());
  // A name and its acronym in brackets: two spans of the span's type.
  CHECK(spans_of({{"Rada", 5}}) == std::vector<std::string>{"Rada Europy", "RE"});
}

TEST_CASE("a sentence that ends with an initial is labelled together with the next", "[tagger]") {
  // ICU's sentence rules end a sentence after "P." before a capital; a name would be cut in two.
  const Document doc = Segmented(u"Leicester beat Somerset. P. Simmons took four wickets.");
  REQUIRE(doc.sentences.size() == 3);
  const Units units = BuildUnits(doc);
  REQUIRE(units.sequences.size() == 2);
  const Sequence& second = units.sequences[1];
  CHECK(doc.Slice(units.units[second.first_unit].utf16_begin,
                  units.units[second.end_unit - 1].utf16_end) == "P. Simmons took four wickets.");
  // A full stop after a word or a lower-case letter still ends the sequence.
  CHECK(BuildUnits(Segmented(u"He met Smith. Jones came later.")).sequences.size() == 2);
}

TEST_CASE("a sentence that ends with an abbreviation or an ordinal goes on with a capitalised one",
          "[tagger]") {
  auto joined = [](const std::u16string& text, std::size_t sentences) {
    const Document doc = Segmented(text);
    REQUIRE(doc.sentences.size() == sentences);
    return BuildUnits(doc).sequences.size() == 1;
  };
  // ICU ends a sentence at each of these full stops; each is inside a name.
  CHECK(joined(u"Er spielte beim 1. FC Köln.", 2));
  CHECK(joined(u"Das Dorf liegt bei St. Niklaus im Wallis.", 2));
  CHECK(joined(u"Edward Russell, 1. Earl of Orford.", 2));
  // A year, a longer word, or a lower-case opening after the stop: two sequences.
  CHECK(!joined(u"He left in 1990. Then it rained.", 2));
  CHECK(!joined(u"They lost the war. Peace came.", 2));
  CHECK(!joined(u"Das sagte die EU. Berlin schwieg.", 2));
}

TEST_CASE("Chinese and Japanese features are kept apart by the paragraph's language", "[tagger]") {
  Document zh = Segmented(u"习近平在北京会见了普京。");
  Document ja = Segmented(u"岸田文雄首相は東京で会談した。");
  zh.lang = "zh";
  ja.lang = "ja";
  const Units zh_units = BuildUnits(zh);
  const Units ja_units = BuildUnits(ja);
  REQUIRE(zh_units.sequences.size() == 1);
  REQUIRE(ja_units.sequences.size() == 1);
  CHECK(FeatureLanguage(zh, zh_units.sequences[0]) == 2);
  CHECK(FeatureLanguage(ja, ja_units.sequences[0]) == 1);
  const Document en = Segmented(u"Angela Merkel visited Paris.");
  CHECK(FeatureLanguage(en, BuildUnits(en).sequences[0]) == 0);
}

TEST_CASE("the words that end organisation and place names are read from the data pack",
          "[tagger]") {
  const HanNameLists lists = HanNameLists::Load(DataPack::Embedded());
  CHECK(lists.name_ends.at("公司") == "o");
  CHECK(lists.name_ends.at("市") == "p");
  CHECK(lists.name_ends.at("省") == "op");  // a Japanese ministry, a Chinese province
  CHECK(lists.name_ends.count("的") == 0);
}

TEST_CASE("by default the small model types the rules' candidates and keeps their spans",
          "[tagger]") {
  if (!DataPack::Embedded().Find("tagger/typing.model")) {
    FAIL("the data pack has no typing model: every build ships tagger/typing.model");
  }
  Document doc = Segmented(
      u"Oregon Department of Transportation crews closed the highway near Portland on Tuesday.\n"
      u"Kotek told reporters in Salem that the state would ask Washington for more money.\n"
      u"Salem and Portland wait.");
  auto gazetteer = std::move(Gazetteer::Create(DataPack::Embedded())).value();
  auto finder = std::move(MentionFinder::Create(DataPack::Embedded(), *gazetteer)).value();
  const std::vector<MentionCandidate> rules = finder->RuleCandidates({&doc})[0];
  mentions::CaseStats stats;
  finder->CountCases(doc, stats);
  Segmenter segmenter;
  MentionWork work;
  const std::vector<MentionCandidate> typed =
      finder->FindInArticle(doc, stats, segmenter, work).candidates;
  // The same names with the same extents: outside German the model cuts no name, and a name it
  // marks nothing in is kept (doubtful) until the batch step.
  REQUIRE(typed.size() == rules.size());
  // text -> the rules' and the model's type where it first occurs; the last line ("Salem and
  // Portland wait.") is a fragment the model reads as no name, whose type the entity's other
  // mentions give (below).
  std::map<std::string, std::pair<EntityType, EntityType>> types;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    CHECK(typed[i].utf16_begin == rules[i].utf16_begin);
    CHECK(typed[i].utf16_end == rules[i].utf16_end);
    types.emplace(rules[i].text, std::make_pair(rules[i].type, typed[i].type));
  }
  // The rules have no evidence for these (no place word, not in CLDR's city list); the model has.
  REQUIRE(types.count("Portland") == 1);
  REQUIRE(types.count("Salem") == 1);
  CHECK(types["Portland"].first == EntityType::kMisc);
  CHECK(types["Portland"].second == EntityType::kPlace);
  CHECK(types["Salem"].first == EntityType::kMisc);
  CHECK(types["Salem"].second == EntityType::kPlace);
  // In the analysis every mention of both is a place.
  const Analysis a = testing::AnalyzeArticles({{"or.txt", ToUtf8(doc.text)}});
  int places = 0;
  for (const Mention& m : a.articles.at(0).mentions) {
    if (m.text != "Salem" && m.text != "Portland") continue;
    CHECK(m.type == EntityType::kPlace);
    ++places;
  }
  CHECK(places == 4);
}

TEST_CASE("a noun for the people of a place refers to the place", "[tagger]") {
  const Analysis a = testing::AnalyzeArticles(
      {{"a.txt",
        "Podle průzkumu Rusové stále více podporují válku a vláda v Moskvě slibuje, že ceny "
        "potravin v obchodech do konce roku neporostou."},
       {"b.txt",
        "Rusko oznámilo nové sankce proti evropským firmám a ministr zahraničí řekl, že vláda "
        "bude jednat se všemi sousedy o obchodu a cenách energií."}});
  CHECK(testing::SameEntity(a, "a.txt", "Rusové", "b.txt", "Rusko"));
  testing::CheckMentionType(a, "a.txt", "Rusové", EntityType::kPlace);
}

TEST_CASE("a noun made from the name of a place the article names refers to the place",
          "[tagger]") {
  const Analysis a = testing::AnalyzeArticles(
      {{"pl.txt",
        "Według sondażu coraz więcej mieszkańców Rosji popiera wojnę. Jak piszą media, Rosjanie "
        "kupują mniej, a minister Kijowski powiedział po powrocie z Kijowa, że ceny w Rosji nie "
        "wzrosną."},
       {"pl2.txt",
        "Ukraina otrzyma nową pomoc od sojuszników. Od miesięcy Ukraińcy czekają na dostawy, "
        "powiedział w poniedziałek premier Ukrainy."}});
  CHECK(testing::SameEntity(a, "pl.txt", "Rosjanie", "pl.txt", "Rosji"));
  CHECK(testing::SameEntity(a, "pl2.txt", "Ukraińcy", "pl2.txt", "Ukraina"));
  // A surname made from a place's name with another ending is not the place ("Kijowski" beside
  // "Kijowa").
  CHECK_FALSE(testing::SameEntity(a, "pl.txt", "Kijowski", "pl.txt", "Kijowa"));
}

TEST_CASE("with the tagger, places the rules could only guess at are typed as places", "[tagger]") {
  const std::string text =
      "Oregon Department of Transportation crews closed the highway near Portland on Tuesday.\n"
      "The governor of Oregon, Tina Kotek, said the work would take two weeks, and the "
      "Federal Highway Administration agreed to pay for most of it.\n"
      "Kotek told reporters in Salem that the state would ask Washington for more money.";
  const std::optional<Analysis> tagged_analysis = AnalyzeWithTagger({{"a.txt", text}});
  if (!tagged_analysis) return;
  const Analysis& analysis = *tagged_analysis;
  std::map<std::string, EntityType> tagged;
  for (const Mention& m : analysis.articles[0].mentions) tagged[m.text] = m.type;
  CHECK(tagged.at("Portland") == EntityType::kPlace);
  CHECK(tagged.at("Salem") == EntityType::kPlace);
  // What a rule had evidence for stays: a person, an organisation ending in an organisation word.
  CHECK(tagged.at("Tina Kotek") == EntityType::kPerson);
  CHECK(tagged.at("Federal Highway Administration") == EntityType::kOrg);
}

TEST_CASE("a person's name the model carries over a preposition to a name the article knows is cut",
          "[tagger]") {
  // A Czech headline, "Putin in St Petersburg criticised the USA and the EU", that the model reads
  // as one person's name; the article names Putin on his own below.
  const std::string text =
      "Putin v Petrohradu kritizoval USA a EU, hájil svou politiku\n\n"
      "Ruský prezident Vladimir Putin ve čtvrtek vystoupil na ekonomickém fóru. Putin řekl, že "
      "sankce Rusku neublížily.\n";
  const std::optional<Analysis> tagged_analysis = AnalyzeWithTagger({{"cs.txt", text}});
  if (!tagged_analysis) return;
  const Analysis& analysis = *tagged_analysis;
  std::set<std::string> headline;
  for (const Mention& m : analysis.articles[0].mentions) {
    if (m.utf16_begin < 60) headline.insert(m.text);
    CHECK(m.text.find(" v ") == std::string::npos);
  }
  CHECK(headline.count("Putin") == 1);
}

TEST_CASE("a language with a model of its own is read by it, the others by the shared model",
          "[tagger]") {
  if (!DataPack::Embedded().Find("tagger/alphabetic-en.model")) {
    WARN("this build ships no model for Latin script (the wasm build): nothing to compare");
    return;
  }
  const std::string english =
      "Police in Portland said on Tuesday that Tina Kotek would visit the city.\n"
      "The Federal Highway Administration agreed to pay for the repairs.";
  const std::string french =
      "La police de Lyon a annoncé mardi que Jean Dupont rencontrerait le maire.\n"
      "Le ministère de l'Intérieur a confirmé la visite.";
  // English read by a model that marks nothing (no features: every unit outside a name).
  const std::string blank = Model::Write({}, {}, {});
  auto names = [&](const std::vector<std::pair<std::string, std::string>>& extra) {
    Options options;
    options.use_tagger = true;
    for (const auto& [path, bytes] : extra) options.extra_data.emplace_back(path, bytes);
    auto analyzer = std::move(Analyzer::Create(options)).value();
    REQUIRE(analyzer->AddArticle("en.txt", english).ok());
    REQUIRE(analyzer->AddArticle("fr.txt", french).ok());
    std::map<std::string, std::set<std::string>> found;  // article -> names
    const Analysis analysis = analyzer->Analyze();
    for (const ArticleResult& a : analysis.articles) {
      for (const Mention& m : a.mentions) found[a.id].insert(m.text);
    }
    return found;
  };
  auto as_shipped = names({});
  CHECK(as_shipped["en.txt"].count("Tina Kotek") == 1);
  CHECK(as_shipped["fr.txt"].count("Jean Dupont") == 1);
  auto blank_english = names({{"tagger/alphabetic-en.model", blank}});
  CHECK(blank_english["en.txt"].count("Tina Kotek") == 0);
  CHECK(blank_english["en.txt"].count("Portland") == 0);
  CHECK(blank_english["fr.txt"] == as_shipped["fr.txt"]);
  // A blank French model (French has none of its own) changes nothing: only the language in a
  // model's name is read by it.
  CHECK(names({{"tagger/alphabetic-xx.model", blank}}) == as_shipped);

  // A damaged model of a language is refused with its path, like the shared one.
  const std::string cut = blank.substr(0, 5);
  Options damaged;
  damaged.use_tagger = true;
  damaged.extra_data = {{"tagger/alphabetic-en.model", cut}};
  auto refused = Analyzer::Create(damaged);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message().find("tagger/alphabetic-en.model") != std::string::npos);
}

// The Chinese training sentences are from 1998: 习近平 is found through the family-name list
// (core/data/names/zh-surnames.txt), not because the model saw the name.
TEST_CASE("Chinese and Japanese names are found by the model", "[tagger]") {
  if (!DataPack::Embedded().Find("tagger/cjk.model")) {
    WARN("this build has no Chinese/Japanese model loaded: nothing to check");
    return;
  }
  auto analyzer = std::move(Analyzer::Create()).value();
  REQUIRE(analyzer->AddArticle("zh.txt", "国家主席习近平今天在北京会见了俄罗斯总统普京。").ok());
  REQUIRE(analyzer->AddArticle("ja.txt", "岸田文雄首相は東京でバイデン大統領と会談した。").ok());
  const Analysis analysis = analyzer->Analyze();
  std::map<std::string, EntityType> types;
  for (const ArticleResult& a : analysis.articles) {
    for (const Mention& m : a.mentions) types[m.text] = m.type;
  }
  CHECK(types["习近平"] == EntityType::kPerson);
  CHECK(types["北京"] == EntityType::kPlace);
  CHECK(types["東京"] == EntityType::kPlace);
  CHECK(types.count("岸田文雄") == 1);
  CHECK(types["岸田文雄"] == EntityType::kPerson);
}

}  // namespace
}  // namespace crosswire::tagger
