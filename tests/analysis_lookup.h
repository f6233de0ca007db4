// Looking things up in an Analysis made through the public Analyzer, for the end-to-end tests of
// mentions, entities and base forms.
#ifndef CROSSWIRE_TESTS_ANALYSIS_LOOKUP_H_
#define CROSSWIRE_TESTS_ANALYSIS_LOOKUP_H_

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "crosswire/analyzer.h"

namespace crosswire::testing {

// A fresh analyzer with the default options and `jobs` threads.
inline std::unique_ptr<Analyzer> MakeAnalyzer(int jobs = 1) {
  Options options;
  options.jobs = jobs;
  auto created = Analyzer::Create(options);
  REQUIRE(created.ok());
  return std::move(created).value();
}

// One batch of (id, text) articles, analysed by a fresh analyzer with `options` (the default
// options unless given).
inline Analysis AnalyzeArticles(const std::vector<std::pair<std::string, std::string>>& articles,
                                const Options& options = Options()) {
  auto analyzer = std::move(Analyzer::Create(options)).value();
  for (const auto& [id, text] : articles) REQUIRE(analyzer->AddArticle(id, text).ok());
  return analyzer->Analyze();
}

// The first mention written `text` in article `id`, or nullptr.
inline const Mention* MentionOf(const Analysis& a, const std::string& id, const std::string& text) {
  for (const ArticleResult& article : a.articles) {
    if (article.id != id) continue;
    for (const Mention& m : article.mentions) {
      if (m.text == text) return &m;
    }
  }
  return nullptr;
}

// The entity of a mention, or nullptr.
inline const EntityResult* EntityOfMention(const Analysis& a, const Mention* m) {
  if (m == nullptr) return nullptr;
  for (const EntityResult& e : a.entities) {
    if (e.id == m->entity) return &e;
  }
  return nullptr;
}

// The entity of the mention written `text` in article `id`, or nullptr.
inline const EntityResult* EntityOf(const Analysis& a, const std::string& id,
                                    const std::string& text) {
  return EntityOfMention(a, MentionOf(a, id, text));
}

// Checks that article `id` has a mention written `text`, of type `type`.
// Whether the mentions `text_a` of article `id_a` and `text_b` of `id_b` are one entity; both must
// be there.
inline bool SameEntity(const Analysis& a, const std::string& id_a, const std::string& text_a,
                       const std::string& id_b, const std::string& text_b) {
  INFO(id_a << ": " << text_a << ", " << id_b << ": " << text_b);
  const EntityResult* first = EntityOf(a, id_a, text_a);
  const EntityResult* second = EntityOf(a, id_b, text_b);
  REQUIRE(first != nullptr);
  REQUIRE(second != nullptr);
  return first->id == second->id;
}

inline void CheckMentionType(const Analysis& a, const std::string& id, const std::string& text,
                             EntityType type) {
  INFO(id << ": " << text);
  const Mention* m = MentionOf(a, id, text);
  REQUIRE(m != nullptr);
  CHECK(m->type == type);
}

}  // namespace crosswire::testing

#endif  // CROSSWIRE_TESTS_ANALYSIS_LOOKUP_H_
