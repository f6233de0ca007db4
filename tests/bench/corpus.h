// Benchmark corpora built from files the project has (the seeds) and from ../shared/devdata when
// its path is given: English ECB+ articles, Thai ThaiNER news (tags stripped, 25 lines an article),
// and Russian/Arabic/Hebrew name pairs.
#ifndef CROSSWIRE_TESTS_BENCH_CORPUS_H_
#define CROSSWIRE_TESTS_BENCH_CORPUS_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace crosswire::bench {

struct Article {
  std::string id;
  std::string bytes;
};

struct Corpus {
  std::string name;
  std::vector<Article> articles;
  std::size_t Bytes() const {
    std::size_t n = 0;
    for (const Article& a : articles) n += a.bytes.size();
    return n;
  }
};

inline std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::vector<std::filesystem::path> SortedFiles(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline Corpus Seeds(const std::string& source_dir) {
  Corpus c{"seeds", {}};
  for (const auto& f : SortedFiles(source_dir + "/tests/golden/seeds")) {
    c.articles.push_back({f.filename().string(), ReadAll(f)});
  }
  return c;
}

inline Corpus EcbPlus(const std::string& devdata, std::size_t max_articles = 1u << 30) {
  Corpus c{"ecbplus-en", {}};
  for (const auto& f : SortedFiles(devdata + "/ecbplus/docs")) {
    if (c.articles.size() >= max_articles) break;
    c.articles.push_back({f.filename().string(), ReadAll(f)});
  }
  return c;
}

inline Corpus ThaiNer(const std::string& devdata, std::size_t max_articles = 1u << 30) {
  Corpus c{"thainer-th", {}};
  std::istringstream in(ReadAll(devdata + "/thainer/train.txt"));
  static const std::regex kTag(R"(\[/?[A-Z_]+\])");
  std::string line, text;
  int lines = 0;
  while (std::getline(in, line) && c.articles.size() < max_articles) {
    if (line.rfind("[URL]", 0) == 0) continue;
    text += std::regex_replace(line, kTag, "") + "\n";
    if (++lines == 25) {
      c.articles.push_back({"thainer_" + std::to_string(c.articles.size()) + ".txt", text});
      text.clear();
      lines = 0;
    }
  }
  return c;
}

// Pairs "latin<TAB>native" of a Wikidata names file, header skipped.
inline std::vector<std::pair<std::string, std::string>> NamePairs(const std::string& path,
                                                                  std::size_t max_pairs) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::istringstream in(ReadAll(path));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line) && pairs.size() < max_pairs) {
    std::size_t tab = line.find('\t');
    if (tab != std::string::npos) pairs.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return pairs;
}

}  // namespace crosswire::bench

#endif  // CROSSWIRE_TESTS_BENCH_CORPUS_H_
