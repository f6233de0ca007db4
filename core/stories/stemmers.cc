// Snowball stemmers by language for the story word features (docs/ARCHITECTURE.md).
#include "stories/stemmers.h"

#if CROSSWIRE_HAVE_STEMMER
#include <libstemmer.h>
#endif

namespace crosswire {

Stemmers::~Stemmers() {
#if CROSSWIRE_HAVE_STEMMER
  for (auto& [lang, stemmer] : stemmers_) {
    if (stemmer) sb_stemmer_delete(static_cast<sb_stemmer*>(stemmer));
  }
#endif
}

std::string Stemmers::Stem(const std::string& lang, const std::string& word) {
#if CROSSWIRE_HAVE_STEMMER
  auto it = stemmers_.find(lang);
  if (it == stemmers_.end()) {
    // libstemmer knows ISO 639-1 codes ("en", "fr", "ru"); other languages are left unstemmed.
    it = stemmers_
             .emplace(lang, lang.empty() || lang == "und" ? nullptr
                                                          : sb_stemmer_new(lang.c_str(), "UTF_8"))
             .first;
  }
  if (auto* stemmer = static_cast<sb_stemmer*>(it->second)) {
    const sb_symbol* stem = sb_stemmer_stem(
        stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (stem) {
      return std::string(reinterpret_cast<const char*>(stem),
                         static_cast<std::size_t>(sb_stemmer_length(stemmer)));
    }
  }
#else
  (void)lang;
#endif
  return word;
}

}  // namespace crosswire
