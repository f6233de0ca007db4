// Scale benchmark: time and peak memory of the whole pipeline (Analyzer::AddArticle + Analyze,
// which ends in story clustering) on batches of 1,000 to 10,000 articles.
//
//   stories_scale [--sizes 1000,2000,5000,10000] [--stage all|stories] [--jobs N] [--in-process]
//                 ECBPLUS_DIR [SEEDS_DIR]
//
// "add" is AddArticle (decoding), "prepare" the rest of the first per-article round on the thread
// pool (Analyzer::Prepare: language, cleaning, segmentation), "analyze" the batch step with its
// per-article parts (mention scan, dates) on the pool. --jobs sets Options::jobs (default: 0, one
// thread per core).
//
// --stage stories times the story clusterer alone (StoryClusterer::Cluster), on documents segmented
// with the core's Segmenter, dated with DateFinder::FindBatch, and with stand-in entities (runs of
// capitalised words, one entity per distinct run), so that its growth shows apart from the other
// stages.
//
// The corpus is built from the ECB+ articles (ECBPLUS_DIR/docs/*.txt) and, when given, the seed
// articles (SEEDS_DIR/*.txt), about 470 texts. Copy c of a text (c = 0, 1, 2, ...) renames every
// capitalised ASCII word by appending a marker derived from c ("Teixeira" -> "TeixeiraQb") and
// shifts every year-like number by c, so that each copy reports "other" events with other names:
// the batch then has about as many stories per article as real news, instead of 470 stories that
// grow without bound. Lower-case words are left alone, so the vocabulary (and the inverted index's
// common postings) grows as in a real stream of news.
//
// Each size runs in a child process of its own, so that its peak RSS (getrusage ru_maxrss) is its
// own and not the largest of the earlier runs; --in-process runs them in this process instead, for
// heap profilers that do not follow a fork (heaptrack).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "crosswire/analyzer.h"
#include "dates.h"
#include "segment.h"
#include "stories.h"

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::filesystem::path> TextFiles(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Two lower-case ASCII letters per 26² copies, prefixed by an upper-case one: "Qb", "Qc"...
std::string Marker(int copy) {
  std::string m = "Q";
  m += static_cast<char>('a' + copy % 26);
  if (copy >= 26) m += static_cast<char>('a' + (copy / 26) % 26);
  return m;
}

// Copy `copy` of `text`: capitalised ASCII words get the copy's marker, years move by `copy`.
// Copy 0 is the text unchanged.
std::string Vary(const std::string& text, int copy) {
  if (copy == 0) return text;
  const std::string marker = Marker(copy);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalpha(c) || std::isdigit(c)) {
      std::size_t j = i;
      while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
      std::string word = text.substr(i, j - i);
      if (std::isupper(c) && word.size() > 1) {
        word += marker;
      } else if (word.size() == 4 && std::all_of(word.begin(), word.end(), ::isdigit)) {
        const int year = std::stoi(word);
        if (year >= 1900 && year <= 2100) word = std::to_string(year + copy);
      }
      out += word;
      i = j;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// CPU seconds (user + system) this process has used: unlike wall time, it does not grow when
// other work shares the machine.
long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Run {
  double analyze_cpu_seconds = 0;  // CPU time of Analyze(), or of Cluster() with --stage stories
  double prepare_seconds = 0;      // --stage stories: segmenting, dating, stand-in entities
  double add_seconds = 0;
  double prepare_wall_seconds = 0;  // Analyzer::Prepare
  double analyze_seconds = 0;
  long peak_rss_kb = 0;
  long rss_before_kb = 0;  // peak RSS just before Analyze() / Cluster()
  std::size_t stories = 0;
  std::size_t bytes = 0;
};

Run RunOnce(const std::vector<std::string>& sources, const std::vector<std::string>& names,
            int size, int jobs) {
  Run run;
  crosswire::Options options;
  options.jobs = jobs;
  // 10,000 articles are 20 MB: beyond the default batch limit, which is sized for the wasm heap.
  options.max_batch_bytes = std::numeric_limits<std::size_t>::max();
  auto created = crosswire::Analyzer::Create(options);
  if (!created.ok()) {
    std::cerr << "stories_scale: " << created.status().message() << "\n";
    std::exit(1);
  }
  crosswire::Analyzer& analyzer = *created.value();
  const auto t0 = std::chrono::steady_clock::now();
  for (int k = 0; k < size; ++k) {
    const int source = k % static_cast<int>(sources.size());
    const int copy = k / static_cast<int>(sources.size());
    const std::string text = Vary(sources[source], copy);
    run.bytes += text.size();
    const std::string id = "c" + std::to_string(copy) + "_" + names[source];
    crosswire::Status status = analyzer.AddArticle(id, text);
    if (!status.ok()) {
      std::cerr << "stories_scale: " << id << ": " << status.message() << "\n";
      std::exit(1);
    }
  }
  const auto t_added = std::chrono::steady_clock::now();
  analyzer.Prepare();
  const auto t1 = std::chrono::steady_clock::now();
  run.prepare_wall_seconds = std::chrono::duration<double>(t1 - t_added).count();
  run.rss_before_kb = PeakRssKb();
  const double cpu = CpuSeconds();
  const crosswire::Analysis analysis = analyzer.Analyze();
  run.analyze_cpu_seconds = CpuSeconds() - cpu;
  const auto t2 = std::chrono::steady_clock::now();
  run.add_seconds = std::chrono::duration<double>(t_added - t0).count();
  run.analyze_seconds = std::chrono::duration<double>(t2 - t1).count();
  run.stories = analysis.stories.size();
  run.peak_rss_kb = PeakRssKb();
  return run;
}

// The story clusterer alone, on `size` varied texts.
Run RunStories(const std::vector<std::string>& sources, const std::vector<std::string>& names,
               int size) {
  Run run;
  const crosswire::DataPack data = crosswire::DataPack::Embedded();
  auto finder = crosswire::DateFinder::Create(data);
  auto clusterer = crosswire::StoryClusterer::Create(data);
  if (!finder.ok() || !clusterer.ok()) {
    std::cerr << "stories_scale: cannot load the data pack\n";
    std::exit(1);
  }
  const auto t0 = std::chrono::steady_clock::now();
  crosswire::Segmenter segmenter;
  std::vector<crosswire::Document> docs(size);
  for (int k = 0; k < size; ++k) {
    const int source = k % static_cast<int>(sources.size());
    const int copy = k / static_cast<int>(sources.size());
    const std::string text = Vary(sources[source], copy);
    run.bytes += text.size();
    docs[k].id = "c" + std::to_string(copy) + "_" + names[source];
    docs[k].lang = "en";
    docs[k].text = icu::UnicodeString::fromUTF8(text);
    if (!segmenter.Segment(docs[k]).ok()) std::exit(1);
  }
  std::vector<const crosswire::Document*> pointers;
  for (const auto& d : docs) pointers.push_back(&d);
  const std::vector<crosswire::ArticleDates> dates =
      finder.value()->FindBatch(pointers, std::nullopt);
  std::map<std::string, crosswire::EntityResult> entities;
  std::vector<crosswire::StoryArticle> articles(size);
  for (int k = 0; k < size; ++k) {
    articles[k].doc = &docs[k];
    articles[k].event_date = dates[k].event_date;
    const auto& tokens = docs[k].tokens;
    for (std::size_t i = 0; i < tokens.size();) {
      if (tokens[i].kind != crosswire::TokenKind::kWord || !tokens[i].capitalized) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < tokens.size() && tokens[j].kind == crosswire::TokenKind::kWord &&
             tokens[j].capitalized) {
        ++j;
      }
      std::string key;
      for (std::size_t t = i; t < j; ++t) key += (t > i ? " " : "") + tokens[t].key;
      crosswire::EntityResult& e = entities[key];
      if (e.id.empty()) {
        e.id = "E" + std::to_string(entities.size());
        e.name = key;
      }
      crosswire::Mention m;
      m.entity = e.id;
      m.text = key;
      articles[k].mentions.push_back(std::move(m));
      i = j;
    }
  }
  std::vector<crosswire::EntityResult> entity_list;
  for (auto& [key, e] : entities) entity_list.push_back(std::move(e));
  const auto t1 = std::chrono::steady_clock::now();
  run.rss_before_kb = PeakRssKb();
  const double cpu = CpuSeconds();
  const std::vector<crosswire::StoryResult> stories =
      clusterer.value()->Cluster(articles, entity_list);
  run.analyze_cpu_seconds = CpuSeconds() - cpu;
  const auto t2 = std::chrono::steady_clock::now();
  run.prepare_seconds = std::chrono::duration<double>(t1 - t0).count();
  run.analyze_seconds = std::chrono::duration<double>(t2 - t1).count();
  run.stories = stories.size();
  run.peak_rss_kb = PeakRssKb();
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes = {1000, 2000, 5000, 10000};
  std::vector<std::string> dirs;
  bool stories_only = false;
  bool in_process = false;
  int jobs = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--stage" && i + 1 < argc) {
      const std::string stage = argv[++i];
      if (stage != "all" && stage != "stories") {
        std::cerr << "stories_scale: --stage is all or stories\n";
        return 2;
      }
      stories_only = stage == "stories";
    } else if (arg == "--in-process") {
      in_process = true;
    } else if (arg == "--jobs" && i + 1 < argc) {
      jobs = std::stoi(argv[++i]);
    } else if (arg == "--sizes" && i + 1 < argc) {
      sizes.clear();
      std::istringstream list(argv[++i]);
      for (std::string item; std::getline(list, item, ',');) sizes.push_back(std::stoi(item));
    } else if (!arg.empty() && arg[0] != '-') {
      dirs.push_back(arg);
    } else {
      std::cerr << "usage: stories_scale [--sizes N,N...] [--stage all|stories] [--jobs N] "
                   "[--in-process] "
                   "ECBPLUS_DIR [SEEDS_DIR]\n";
      return 2;
    }
  }
  if (dirs.empty() || dirs.size() > 2) {
    std::cerr
        << "usage: stories_scale [--sizes N,N...] [--stage all|stories] [--jobs N] [--in-process] "
           "ECBPLUS_DIR [SEEDS_DIR]\n";
    return 2;
  }
  std::vector<std::string> sources, names;
  std::vector<std::filesystem::path> files = TextFiles(std::filesystem::path(dirs[0]) / "docs");
  if (dirs.size() == 2) {
    for (const auto& f : TextFiles(dirs[1])) files.push_back(f);
  }
  for (const auto& f : files) {
    sources.push_back(ReadFile(f));
    names.push_back(f.filename().string());
  }
  if (sources.empty()) {
    std::cerr << "stories_scale: no .txt files under " << dirs[0] << "/docs\n";
    return 1;
  }
  std::printf("%zu source texts\n", sources.size());
  if (stories_only) {
    std::printf("%8s %8s %11s %11s %13s %9s %13s %11s\n", "articles", "MB", "prepare s",
                "cluster s", "cluster cpu s", "stories", "RSS before MB", "peak RSS MB");
  } else {
    std::printf("%8s %8s %9s %10s %11s %13s %9s %13s %11s\n", "articles", "MB", "add s",
                "prepare s", "analyze s", "analyze cpu s", "stories", "RSS before MB",
                "peak RSS MB");
  }
  for (int size : sizes) {
    auto run_size = [&] {
      return stories_only ? RunStories(sources, names, size) : RunOnce(sources, names, size, jobs);
    };
    Run run;
    if (in_process) {
      run = run_size();
    } else {
      int fds[2];
      if (pipe(fds) != 0) return 1;
      const pid_t child = fork();
      if (child == 0) {
        close(fds[0]);
        const Run child_run = run_size();
        if (write(fds[1], &child_run, sizeof child_run) != static_cast<ssize_t>(sizeof child_run))
          _exit(1);
        _exit(0);
      }
      close(fds[1]);
      const bool got = read(fds[0], &run, sizeof run) == static_cast<ssize_t>(sizeof run);
      close(fds[0]);
      int status = 0;
      waitpid(child, &status, 0);
      if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "stories_scale: the run with %d articles failed\n", size);
        return 1;
      }
    }
    if (stories_only) {
      std::printf("%8d %8.1f %11.2f %11.3f %13.3f %9zu %13.1f %11.1f\n", size, run.bytes / 1e6,
                  run.prepare_seconds, run.analyze_seconds, run.analyze_cpu_seconds, run.stories,
                  run.rss_before_kb / 1024.0, run.peak_rss_kb / 1024.0);
    } else {
      std::printf("%8d %8.1f %9.2f %10.2f %11.2f %13.2f %9zu %13.1f %11.1f\n", size,
                  run.bytes / 1e6, run.add_seconds, run.prepare_wall_seconds, run.analyze_seconds,
                  run.analyze_cpu_seconds, run.stories, run.rss_before_kb / 1024.0,
                  run.peak_rss_kb / 1024.0);
    }
    std::fflush(stdout);
  }
  return 0;
}
