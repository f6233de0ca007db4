// Snowball stemmers for the story word features (docs/ARCHITECTURE.md), one per language, made on
// first use; languages without a stemmer keep their words as they are.
#ifndef CROSSWIRE_CORE_STORIES_STEMMERS_H_
#define CROSSWIRE_CORE_STORIES_STEMMERS_H_

#include <map>
#include <string>

namespace crosswire {

// One stemmer per language per call, since a Snowball stemmer is not safe to share between threads
// and StoryClusterer::Cluster() is const.
class Stemmers {
 public:
  Stemmers() = default;
  Stemmers(const Stemmers&) = delete;
  Stemmers& operator=(const Stemmers&) = delete;
  ~Stemmers();

  // `word` stemmed for `lang` (ISO 639-1, as libstemmer knows it), or `word` itself.
  std::string Stem(const std::string& lang, const std::string& word);

 private:
  std::map<std::string, void*> stemmers_;  // sb_stemmer*, or null for no stemmer
};

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_STORIES_STEMMERS_H_
