// Evaluation of story clustering on an event-coreference corpus laid out as ECB+ is here:
//
//   DIR/events.tsv    file<TAB>event      (one line per article)
//   DIR/docs/FILE     the article text
//
//   stories_eval [--published YYYY-MM-DD] [--show] DIR
//
// Runs the whole pipeline through the public API (Analyzer::AddArticle + Analyze) and prints the
// B-cubed precision, recall and F1 of the stories against the events, and the time taken.
// --show lists each story with the events of its articles.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "crosswire/analyzer.h"

namespace {

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct BCubed {
  double precision = 0;
  double recall = 0;
  double f1() const {
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  }
};

// B-cubed (Bagga & Baldwin 1998): per article, the share of its story that is its event
// (precision) and of its event that is in its story (recall), averaged over articles.
BCubed Score(const std::map<std::string, std::string>& gold,
             const std::map<std::string, int>& system) {
  std::map<std::string, int> event_size;
  std::map<int, int> story_size;
  std::map<std::pair<std::string, int>, int> overlap;
  for (const auto& [id, event] : gold) {
    const int story = system.at(id);
    ++event_size[event];
    ++story_size[story];
    ++overlap[{event, story}];
  }
  BCubed score;
  for (const auto& [id, event] : gold) {
    const int story = system.at(id);
    const double both = overlap[{event, story}];
    score.precision += both / story_size[story];
    score.recall += both / event_size[event];
  }
  score.precision /= static_cast<double>(gold.size());
  score.recall /= static_cast<double>(gold.size());
  return score;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  crosswire::Options options;
  bool show = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--published" && i + 1 < argc) {
      options.assumed_published = argv[++i];
    } else if (arg == "--show") {
      show = true;
    } else if (!arg.empty() && arg[0] != '-' && dir.empty()) {
      dir = arg;
    } else {
      std::cerr << "usage: stories_eval [--published YYYY-MM-DD] [--show] DIR\n";
      return 2;
    }
  }
  if (dir.empty()) {
    std::cerr << "usage: stories_eval [--published YYYY-MM-DD] [--show] DIR\n";
    return 2;
  }

  bool ok = false;
  const std::string events = ReadFile(dir + "/events.tsv", &ok);
  if (!ok) {
    std::cerr << "stories_eval: cannot read " << dir << "/events.tsv\n";
    return 1;
  }
  std::map<std::string, std::string> gold;
  std::istringstream lines(events);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
    std::string event = line.substr(tab + 1);
    while (!event.empty() && (event.back() == '\r' || event.back() == ' ')) event.pop_back();
    gold[line.substr(0, tab)] = event;
  }

  auto created = crosswire::Analyzer::Create(options);
  if (!created.ok()) {
    std::cerr << "stories_eval: " << created.status().message() << "\n";
    return 1;
  }
  crosswire::Analyzer& analyzer = *created.value();
  const auto start = std::chrono::steady_clock::now();
  for (const auto& [id, event] : gold) {
    const std::string text = ReadFile(dir + "/docs/" + id, &ok);
    if (!ok) {
      std::cerr << "stories_eval: cannot read " << dir << "/docs/" << id << "\n";
      return 1;
    }
    crosswire::Status status = analyzer.AddArticle(id, text);
    if (!status.ok()) {
      std::cerr << "stories_eval: " << id << ": " << status.message() << "\n";
      return 1;
    }
  }
  const crosswire::Analysis analysis = analyzer.Analyze();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::map<std::string, int> system;
  for (std::size_t s = 0; s < analysis.stories.size(); ++s) {
    for (const std::string& id : analysis.stories[s].articles) system[id] = static_cast<int>(s);
  }
  for (const auto& [id, event] : gold) {
    if (!system.count(id)) {
      std::cerr << "stories_eval: " << id << " is in no story\n";
      return 1;
    }
  }
  std::map<std::string, int> events_count;
  for (const auto& [id, event] : gold) ++events_count[event];
  int dated = 0;
  for (const crosswire::ArticleResult& a : analysis.articles) dated += a.event_date ? 1 : 0;

  if (show) {
    for (const crosswire::StoryResult& story : analysis.stories) {
      std::printf("%s %s |", story.id.c_str(), story.label.c_str());
      for (const std::string& id : story.articles) std::printf(" %s", gold[id].c_str());
      std::printf("\n");
    }
  }
  const BCubed score = Score(gold, system);
  std::printf("articles %zu, events %zu, stories %zu, articles with an event date %d\n",
              gold.size(), events_count.size(), analysis.stories.size(), dated);
  std::printf("B-cubed precision %.3f recall %.3f F1 %.3f\n", score.precision, score.recall,
              score.f1());
  std::printf("time %.2f s (add + analyze, whole pipeline)\n", seconds);
  return 0;
}
