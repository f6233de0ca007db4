// The command-line tool: `crosswire analyze` prints the analysis JSON of files and folders;
// `crosswire match` compares names with the entity matcher. Exit status: 0 success, 1 some input
// was rejected (the rest is still analysed), 2 usage error.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "crosswire/analyzer.h"

// The project's version, from CMakeLists.txt's project().
#ifndef CROSSWIRE_VERSION
#error "CROSSWIRE_VERSION is set by CMakeLists.txt"
#endif

namespace fs = std::filesystem;
using crosswire::Analyzer;
using crosswire::Options;
using crosswire::Status;

namespace {

constexpr char kUsage[] =
    "usage:\n"
    "  crosswire analyze [--aliases FILE] [--lang L] [--published YYYY-MM-DD] PATH...\n"
    "      PATH: files, or folders walked for *.txt *.md *.html *.htm; prints the analysis JSON\n"
    "      --aliases FILE   corrections and curated names (TYPE<TAB>canonical<TAB>variant...)\n"
    "      --lang L         language of every article (default: identified per article)\n"
    "      --published DATE publication date assumed for articles that state none\n"
    "  crosswire match NAME_A NAME_B     prints score (0..1) and same|different\n"
    "  crosswire match --pairs FILE      TSV a<TAB>b per line -> "
    "a<TAB>b<TAB>score<TAB>same|different\n"
    "  crosswire --version               prints the version\n"
    "exit status: 0 success, 1 some input was rejected (the rest is still analysed), 2 usage error\n";

int Usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "crosswire: " << problem << "\n";
  std::cerr << kUsage;
  return 2;
}

bool ReadFile(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

bool IsArticleFile(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".html" || ext == ".htm";
}

Analyzer* CreateOrDie(const Options& options, std::unique_ptr<Analyzer>* holder) {
  auto created = Analyzer::Create(options);
  if (!created.ok()) {
    std::cerr << "crosswire: cannot start: " << created.status().message() << "\n";
    std::exit(1);
  }
  *holder = std::move(created).value();
  return holder->get();
}

int Analyze(const std::vector<std::string>& args) {
  Options options;
  std::string aliases_path;
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* flag) -> const std::string* {
      if (i + 1 >= args.size()) return nullptr;
      (void)flag;
      return &args[++i];
    };
    if (a == "--aliases" || a == "--lang" || a == "--published") {
      const std::string* v = value(a.c_str());
      if (v == nullptr) return Usage(a + " needs a value");
      if (a == "--aliases") aliases_path = *v;
      if (a == "--lang") options.language = *v;
      if (a == "--published") options.assumed_published = *v;
    } else if (a.size() > 1 && a[0] == '-') {
      return Usage("unknown option " + a);
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) return Usage("analyze needs at least one file or folder");

  std::unique_ptr<Analyzer> holder;
  auto created = Analyzer::Create(options);
  if (!created.ok()) {
    if (created.status().code() == crosswire::StatusCode::kInvalidArgument)
      return Usage(created.status().message());
    std::cerr << "crosswire: cannot start: " << created.status().message() << "\n";
    return 1;
  }
  holder = std::move(created).value();
  Analyzer& analyzer = *holder;

  int exit_code = 0;
  if (!aliases_path.empty()) {
    std::string text;
    if (!ReadFile(aliases_path, &text)) return Usage("cannot read aliases file " + aliases_path);
    if (Status s = analyzer.AddAliases(text); !s.ok()) {
      std::cerr << "crosswire: " << aliases_path << ": " << s.message() << "\n";
      return 2;
    }
  }

  // Collect the files; folders are walked in sorted order so runs are reproducible.
  std::vector<fs::path> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(p, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && IsArticleFile(it->path())) found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      std::cerr << "crosswire: " << p << ": no such file or folder\n";
      exit_code = 1;
    }
  }
  // Ids are file names; where two files share a name, their paths tell them apart.
  std::map<std::string, int> name_count;
  for (const fs::path& f : files) ++name_count[f.filename().string()];
  for (const fs::path& f : files) {
    std::string id =
        name_count[f.filename().string()] > 1 ? f.generic_string() : f.filename().string();
    std::string bytes;
    if (!ReadFile(f, &bytes)) {
      std::cerr << "crosswire: " << f.string() << ": cannot read\n";
      exit_code = 1;
      continue;
    }
    if (Status s = analyzer.AddFile(id, bytes); !s.ok()) {
      std::cerr << "crosswire: " << s.message() << "\n";
      exit_code = 1;
    }
  }
  crosswire::Analysis analysis = analyzer.Analyze();
  for (const auto& article : analysis.articles) {
    for (const std::string& w : article.warnings)
      std::cerr << "crosswire: " << article.id << ": " << w << "\n";
  }
  std::cout << crosswire::AnalysisToJson(analysis);
  return exit_code;
}

std::string FormatScore(double score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", score);
  return buf;
}

int Match(const std::vector<std::string>& args) {
  std::unique_ptr<Analyzer> holder;
  if (args.size() == 2 && args[0] == "--pairs") {
    std::string text;
    if (!ReadFile(args[1], &text)) return Usage("cannot read " + args[1]);
    Analyzer* analyzer = CreateOrDie(Options(), &holder);
    std::istringstream in(text);
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      std::size_t tab = line.find('\t');
      if (tab == std::string::npos) {
        std::cerr << "crosswire: " << args[1] << ":" << line_number << ": expected a<TAB>b\n";
        return 2;
      }
      std::string a = line.substr(0, tab);
      std::string b = line.substr(tab + 1);
      if (std::size_t extra = b.find('\t'); extra != std::string::npos) b.resize(extra);
      crosswire::MatchResult r = analyzer->Match(a, b);
      std::cout << a << '\t' << b << '\t' << FormatScore(r.score) << '\t'
                << (r.same ? "same" : "different") << '\n';
    }
    return 0;
  }
  if (args.size() != 2 || (!args[0].empty() && args[0][0] == '-'))
    return Usage("match needs two names or --pairs FILE");
  Analyzer* analyzer = CreateOrDie(Options(), &holder);
  crosswire::MatchResult r = analyzer->Match(args[0], args[1]);
  std::cout << FormatScore(r.score) << '\t' << (r.same ? "same" : "different") << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage("");
  std::string command = args[0];
  args.erase(args.begin());
  if (command == "analyze") return Analyze(args);
  if (command == "match") return Match(args);
  if (command == "--version") {
    std::cout << "crosswire " << CROSSWIRE_VERSION << "\n";
    return 0;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  return Usage("unknown command '" + command + "'");
}
