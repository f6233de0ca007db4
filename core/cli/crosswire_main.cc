// The command-line tool: `crosswire analyze` prints the analysis JSON of files and folders;
// `crosswire map` prints their per-article records and `crosswire reduce` the analysis JSON of
// records (docs/ARCHITECTURE.md, "Map and reduce"); `crosswire match` compares names with the
// entity matcher. Exit status: 0 success, 1 some input was rejected (the rest is still analysed),
// 2 usage error.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "crosswire/analyzer.h"
#include "decode.h"

// The project's version, from CMakeLists.txt's project().
#ifndef CROSSWIRE_VERSION
#error "CROSSWIRE_VERSION is set by CMakeLists.txt"
#endif

namespace fs = std::filesystem;
using crosswire::Analyzer;
using crosswire::Options;
using crosswire::Status;
using crosswire::StatusCode;

namespace {

constexpr char kUsage[] =
    "usage:\n"
    "  crosswire analyze [--aliases FILE] [--lang L] [--published YYYY-MM-DD] [--jobs N] "
    "[--tagger]\n"
    "                    PATH...\n"
    "      PATH: files, or folders walked for *.txt *.md *.html *.htm; prints the analysis JSON\n"
    "      --aliases FILE   corrections and curated names (TYPE<TAB>canonical<TAB>variant...)\n"
    "      --lang L         language of every article (default: identified per article)\n"
    "      --published DATE publication date assumed for articles that state none\n"
    "      --tagger         also find and type names with the trained tagger (experimental)\n"
    "      --jobs N         threads for the per-article steps (default: one per core)\n"
    "  crosswire map [--lang L] [--jobs N] [--casing-out FILE] PATH...\n"
    "      prints one crosswire-record/2 JSON line per input (the per-article step, round 1);\n"
    "      --casing-out FILE  also writes how the words of these inputs are cased\n"
    "  crosswire map --casing FILE... [--jobs N] [--tagger] [RECORDS...]\n"
    "      round 2: reads record lines of round 1 (files, or standard input) and prints\n"
    "      crosswire-record/3 lines, given the casing counts of every shard (--casing, repeated)\n"
    "  crosswire reduce [--aliases FILE] [--published YYYY-MM-DD] [--jobs N] [--tagger]\n"
    "                   [--casing FILE...] [RECORDS...]\n"
    "      reads record lines (files, or standard input) and prints the analysis JSON:\n"
    "      map on shards, then reduce on their records in shard order, equals analyze\n"
    "  crosswire match NAME_A NAME_B     prints score (0..1) and same|different\n"
    "  crosswire match --pairs FILE      TSV a<TAB>b per line -> "
    "a<TAB>b<TAB>score<TAB>same|different\n"
    "  crosswire --version               prints the version\n"
    "exit status: 0 success, 1 some input was rejected (the rest is still analysed), 2 usage "
    "error\n";

int Usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "crosswire: " << problem << "\n";
  std::cerr << kUsage;
  return 2;
}

// Reads one input without ever blocking or reading more than `max_bytes`: the file is opened
// non-blocking (a FIFO with no writer must not hang the batch), checked to be a regular file, its
// size checked by fstat, and then read with a bound (sizes from /proc and growing files lie).
// Failures are per input: the batch goes on.
Status ReadInput(const std::string& path, std::size_t max_bytes, std::string* out) {
  const std::string shown = crosswire::Utf8Label(path);
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    int error = errno;
    std::string why = error == ELOOP ? "a symbolic link loop" : std::strerror(error);
    return Status(StatusCode::kUnreadable, "'" + shown + "': cannot open: " + why);
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0)
    return Status(StatusCode::kUnreadable, "'" + shown + "': cannot stat: " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) {
    const char* kind = S_ISDIR(st.st_mode)    ? "a folder"
                       : S_ISFIFO(st.st_mode) ? "a FIFO (named pipe)"
                       : S_ISCHR(st.st_mode)  ? "a character device"
                       : S_ISBLK(st.st_mode)  ? "a block device"
                       : S_ISSOCK(st.st_mode) ? "a socket"
                                              : "not a regular file";
    return Status(StatusCode::kUnreadable, "'" + shown + "' is " + kind + ", not a file to read");
  }
  auto too_large = [&](const std::string& size) {
    return Status(StatusCode::kTooLarge, "'" + shown + "' is " + size +
                                             " bytes, over the per-article limit of " +
                                             std::to_string(max_bytes));
  };
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes)
    return too_large(std::to_string(st.st_size));
  out->clear();
  // One byte more than allowed tells a file that is too large from one that fits exactly.
  std::size_t cap = max_bytes + 1;
  out->resize(std::min<std::size_t>(cap, static_cast<std::size_t>(st.st_size) + 1));
  std::size_t got = 0;
  while (true) {
    if (got == out->size()) {
      if (out->size() >= cap) break;
      out->resize(std::min(cap, out->size() * 2 + 4096));
    }
    ssize_t n = ::read(fd, out->data() + got, out->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return Status(StatusCode::kUnreadable,
                    "'" + shown + "': cannot read: " + std::strerror(errno));
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got > max_bytes) return too_large("more than " + std::to_string(max_bytes));
  out->resize(got);
  return Status::Ok();
}

// Messages quote names and lines of the input: bound them and keep them valid UTF-8.
std::string Printable(std::string_view message) { return crosswire::Utf8Label(message, 300); }

bool IsArticleFile(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".html" || ext == ".htm";
}

// One path to analyse, or the reason it cannot be.
struct Input {
  fs::path path;
  std::string id;
  Status rejected;     // ok while the input is fine
  bool added = false;  // handed to the core (which may still have rejected it)
};

// An input rejected before reading. `id_by_name`: the id is the file name, as for the files found
// in a folder; otherwise the path as given (a folder, a missing path).
Input Rejected(const fs::path& path, const std::string& why, bool id_by_name) {
  Input in;
  in.path = path;
  in.id = crosswire::Utf8Label(id_by_name ? path.filename().string() : path.string());
  in.rejected =
      Status(StatusCode::kUnreadable, "'" + crosswire::Utf8Label(path.string()) + "': " + why);
  return in;
}

std::string Why(const std::error_code& ec) {
  if (ec == std::errc::too_many_symbolic_link_levels) return "a symbolic link loop";
  if (ec == std::errc::no_such_file_or_directory) return "no such file or folder";
  return ec.message();
}

// Walks a folder in sorted order (runs are reproducible) for article files. Symbolic links to
// folders are not followed (no loops); an unreadable folder, or an entry whose type cannot be read
// (a dangling link or a link loop named like an article), is rejected and the walk goes on.
void Walk(const fs::path& folder, std::vector<Input>& inputs) {
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  if (ec) {
    inputs.push_back(Rejected(folder, "cannot read the folder: " + Why(ec), false));
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    inputs.push_back(
        Rejected(folder, "the folder could not be read to the end: " + Why(ec), false));
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::directory_entry& entry : entries) {
    std::error_code link_ec, type_ec;
    bool is_link = entry.is_symlink(link_ec);
    fs::file_status status = entry.status(type_ec);
    if (type_ec) {
      if (IsArticleFile(entry.path()) || type_ec == std::errc::too_many_symbolic_link_levels)
        inputs.push_back(Rejected(entry.path(), Why(type_ec), true));
      continue;
    }
    if (fs::is_directory(status)) {
      if (!is_link) Walk(entry.path(), inputs);
    } else if (IsArticleFile(entry.path())) {
      // Devices and FIFOs named like articles are rejected when read.
      Input in;
      in.path = entry.path();
      inputs.push_back(std::move(in));
    }
  }
}

void Collect(const std::string& path, std::vector<Input>& inputs) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec) {
    inputs.push_back(Rejected(path, Why(ec), false));
  } else if (fs::is_directory(status)) {
    Walk(path, inputs);
  } else {
    Input in;
    in.path = path;
    inputs.push_back(std::move(in));
  }
}

// A file given as aliases must be UTF-8 text: a binary file gets one short message, not its bytes.
Status CheckAliasesText(std::string_view text) {
  crosswire::Result<crosswire::Decoded> decoded = crosswire::DecodeUtf8(text);
  if (!decoded.ok())
    return Status(StatusCode::kBadAliases, "not an aliases file: " + decoded.status().message());
  if (!decoded.value().warnings.empty()) {
    return Status(StatusCode::kBadAliases, "not an aliases file: it is not UTF-8 text (" +
                                               decoded.value().warnings[0] + ")");
  }
  return Status::Ok();
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

// The options of analyze, map and reduce; each command accepts the ones that matter to it.
struct CommandLine {
  Options options;
  std::string aliases_path;
  std::vector<std::string> casing_paths;  // --casing, repeated
  std::string casing_out;
  std::vector<std::string> paths;
};

// Whether the space-separated list `allowed` names `flag`.
bool Allows(std::string_view allowed, std::string_view flag) {
  for (std::size_t at = 0; at <= allowed.size();) {
    std::size_t end = allowed.find(' ', at);
    if (end == std::string_view::npos) end = allowed.size();
    if (allowed.substr(at, end - at) == flag) return true;
    at = end + 1;
  }
  return false;
}

// Parses `args` allowing the flags in `allowed` (e.g. "--aliases --lang"); returns the usage
// error, or an empty string.
std::string ParseCommandLine(const std::vector<std::string>& args, std::string_view allowed,
                             CommandLine& out) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--tagger" && Allows(allowed, a)) {
      out.options.use_tagger = true;
      continue;
    }
    const bool known = a == "--aliases" || a == "--lang" || a == "--published" || a == "--jobs" ||
                       a == "--casing" || a == "--casing-out";
    if (known && Allows(allowed, a)) {
      if (i + 1 >= args.size()) return a + " needs a value";
      const std::string& v = args[++i];
      if (a == "--aliases") out.aliases_path = v;
      if (a == "--casing") out.casing_paths.push_back(v);
      if (a == "--casing-out") out.casing_out = v;
      if (a == "--lang") out.options.language = v;
      if (a == "--published") out.options.assumed_published = v;
      if (a == "--jobs") {
        char* end = nullptr;
        errno = 0;
        long n = std::strtol(v.c_str(), &end, 10);
        if (v.empty() || *end != '\0' || errno != 0 || n < 1 || n > 1024)
          return "--jobs needs a whole number from 1 to 1024, not '" + Printable(v) + "'";
        out.options.jobs = static_cast<int>(n);
      }
    } else if (a.size() > 1 && a[0] == '-') {
      return "unknown option " + a;
    } else {
      out.paths.push_back(a);
    }
  }
  return "";
}

// Creates the analyzer of a command; a bad option value is a usage error (exit 2).
int Start(const Options& options, std::unique_ptr<Analyzer>* holder) {
  auto created = Analyzer::Create(options);
  if (!created.ok()) {
    if (created.status().code() == crosswire::StatusCode::kInvalidArgument)
      return Usage(created.status().message());
    std::cerr << "crosswire: cannot start: " << created.status().message() << "\n";
    return 1;
  }
  *holder = std::move(created).value();
  return 0;
}

// Reads the aliases file into the analyzer; returns an exit status (0: fine).
int LoadAliases(const std::string& aliases_path, Analyzer& analyzer) {
  if (!aliases_path.empty()) {
    std::string text;
    // An aliases file is small: a bound keeps a mistaken path (a disk image, /dev/zero) harmless.
    constexpr std::size_t kMaxAliasesBytes = 64 * 1024 * 1024;
    std::string label = crosswire::Utf8Label(aliases_path);
    if (Status s = ReadInput(aliases_path, kMaxAliasesBytes, &text); !s.ok())
      return Usage("aliases file: " + s.message());
    if (Status s = CheckAliasesText(text); !s.ok()) {
      std::cerr << "crosswire: " << label << ": " << s.message() << "\n";
      return 2;
    }
    if (Status s = analyzer.AddAliases(text); !s.ok()) {
      std::cerr << "crosswire: " << label << ": " << Printable(s.message()) << "\n";
      return 2;
    }
  }
  return 0;
}

// Collects the article files under `paths` and hands each to the analyzer (whose per-article step
// then runs on its thread pool). Returns the inputs in order, with the reason each failed.
std::vector<Input> AddInputs(const std::vector<std::string>& paths, const Options& options,
                             Analyzer& analyzer) {
  std::vector<Input> inputs;
  for (const std::string& p : paths) Collect(p, inputs);
  // Ids are file names; where two files share a name, their paths tell them apart.
  std::map<std::string, int> name_count;
  for (const Input& in : inputs) {
    if (in.rejected.ok()) ++name_count[crosswire::Utf8Label(in.path.filename().string())];
  }
  for (Input& in : inputs) {
    if (!in.rejected.ok()) continue;
    std::string name = crosswire::Utf8Label(in.path.filename().string());
    in.id = name_count[name] > 1 ? crosswire::Utf8Label(in.path.generic_string()) : name;
    std::string bytes;
    in.rejected = ReadInput(in.path.string(), options.max_article_bytes, &bytes);
    if (!in.rejected.ok()) continue;
    in.added = true;
    in.rejected = analyzer.AddFile(in.id, bytes);
  }
  return inputs;
}

// Every input that did not make it, in input order: the core's own rejections (too large, not
// text) and those of reading (missing, unreadable, not a file, duplicate id); then any other
// rejection of the core.
std::vector<crosswire::Rejection> AllRejections(const std::vector<Input>& inputs,
                                                std::vector<crosswire::Rejection> core_rejected) {
  std::vector<crosswire::Rejection> rejected;
  for (const Input& in : inputs) {
    if (in.rejected.ok()) continue;
    auto core = std::find_if(core_rejected.begin(), core_rejected.end(),
                             [&](const crosswire::Rejection& r) { return r.id == in.id; });
    if (in.added && core != core_rejected.end()) {
      rejected.push_back(*core);
      core_rejected.erase(core);
    } else {
      rejected.push_back({in.id, in.rejected});
    }
  }
  rejected.insert(rejected.end(), core_rejected.begin(), core_rejected.end());
  return rejected;
}

// Prints the diagnostics and the analysis; returns the exit status.
int Report(crosswire::Analysis& analysis) {
  for (const crosswire::Rejection& r : analysis.rejected)
    std::cerr << "crosswire: " << Printable(r.status.message()) << "\n";
  for (const auto& article : analysis.articles) {
    for (const std::string& w : article.warnings)
      std::cerr << "crosswire: " << article.id << ": " << Printable(w) << "\n";
  }
  std::cout << crosswire::AnalysisToJson(analysis);
  return analysis.rejected.empty() ? 0 : 1;
}

int Analyze(const std::vector<std::string>& args) {
  CommandLine line;
  if (std::string problem =
          ParseCommandLine(args, "--aliases --lang --published --jobs --tagger", line);
      !problem.empty())
    return Usage(problem);
  if (line.paths.empty()) return Usage("analyze needs at least one file or folder");
  std::unique_ptr<Analyzer> holder;
  if (int status = Start(line.options, &holder); status != 0) return status;
  Analyzer& analyzer = *holder;
  if (int status = LoadAliases(line.aliases_path, analyzer); status != 0) return status;
  std::vector<Input> inputs = AddInputs(line.paths, line.options, analyzer);
  crosswire::Analysis analysis = analyzer.Analyze();
  analysis.rejected = AllRejections(inputs, std::move(analysis.rejected));
  return Report(analysis);
}

// Feeds the record lines of `in` to the analyzer; a line that is not a record is reported with
// its place and skipped. Returns how many lines were skipped.
int AddRecords(std::istream& in, const std::string& name, Analyzer& analyzer) {
  int skipped = 0;
  std::string record;
  for (long number = 1; std::getline(in, record); ++number) {
    if (record.empty()) continue;
    if (Status s = analyzer.AddRecord(record); !s.ok()) {
      std::cerr << "crosswire: " << Printable(name) << ":" << number << ": "
                << Printable(s.message()) << "\n";
      ++skipped;
    }
  }
  return skipped;
}

// Feeds the record files `paths` ("-": standard input) to the analyzer. Returns how many lines or
// files were skipped.
int AddRecordFiles(std::vector<std::string> paths, Analyzer& analyzer) {
  int skipped = 0;
  if (paths.empty()) paths.push_back("-");
  for (const std::string& path : paths) {
    if (path == "-") {
      skipped += AddRecords(std::cin, "standard input", analyzer);
      continue;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      std::cerr << "crosswire: '" << Printable(path) << "': cannot open: " << std::strerror(errno)
                << "\n";
      ++skipped;
      continue;
    }
    skipped += AddRecords(file, path, analyzer);
  }
  return skipped;
}

// Gives the analyzer the casing counts of the files `paths` (lines of crosswire-casing/1, summed).
// A file that cannot be read or a line that is not such a line stops the command (exit 2): counts
// of part of the batch would give other results than analyze.
int LoadCasing(const std::vector<std::string>& paths, Analyzer& analyzer) {
  for (const std::string& path : paths) {
    std::string text;
    constexpr std::size_t kMaxCasingBytes = 1024 * 1024 * 1024;
    if (Status s = ReadInput(path, kMaxCasingBytes, &text); !s.ok())
      return Usage("casing counts: " + s.message());
    std::istringstream in(text);
    std::string casing;
    for (long number = 1; std::getline(in, casing); ++number) {
      if (casing.empty()) continue;
      if (Status s = analyzer.AddCasingCounts(casing); !s.ok()) {
        std::cerr << "crosswire: " << Printable(path) << ":" << number << ": "
                  << Printable(s.message()) << "\n";
        return 2;
      }
    }
  }
  return 0;
}

// The map step's round 2: records of round 1 in, records of version 3 out, given the summed
// casing counts of the batch; the rejection lines pass through after the articles, as map 1 wrote
// them.
int MapSecondRound(const CommandLine& line) {
  std::unique_ptr<Analyzer> holder;
  if (int status = Start(line.options, &holder); status != 0) return status;
  Analyzer& analyzer = *holder;
  if (int status = LoadCasing(line.casing_paths, analyzer); status != 0) return status;
  const int skipped = AddRecordFiles(line.paths, analyzer);
  std::cout << analyzer.MapRecords(Analyzer::MapRound::kSecond);
  for (const crosswire::Rejection& r : analyzer.Rejected())
    std::cout << crosswire::RejectionRecord(r) << '\n';
  return skipped > 0 ? 1 : 0;
}

// The map step: one record line per input, articles first (in input order), then the rejected
// inputs (in input order). Reduce keeps the two orders apart, so shards concatenated in order
// give analyze's output.
int Map(const std::vector<std::string>& args) {
  CommandLine line;
  if (std::string problem =
          ParseCommandLine(args, "--lang --jobs --casing-out --casing --tagger", line);
      !problem.empty())
    return Usage(problem);
  if (!line.casing_paths.empty()) {
    if (!line.casing_out.empty() || !line.options.language.empty())
      return Usage("map --casing reads records of round 1: --casing-out and --lang belong to it");
    return MapSecondRound(line);
  }
  if (line.options.use_tagger) return Usage("--tagger belongs to map --casing (round 2)");
  if (line.paths.empty()) return Usage("map needs at least one file or folder");
  std::unique_ptr<Analyzer> holder;
  if (int status = Start(line.options, &holder); status != 0) return status;
  Analyzer& analyzer = *holder;
  std::vector<Input> inputs = AddInputs(line.paths, line.options, analyzer);
  std::cout << analyzer.MapRecords();
  if (!line.casing_out.empty()) {
    std::ofstream out(line.casing_out, std::ios::binary | std::ios::trunc);
    out << analyzer.CasingCounts() << '\n';
    if (!out.flush()) {
      std::cerr << "crosswire: '" << Printable(line.casing_out)
                << "': cannot write: " << std::strerror(errno) << "\n";
      return 2;
    }
  }
  std::vector<crosswire::Rejection> rejected = AllRejections(inputs, analyzer.Rejected());
  for (const crosswire::Rejection& r : rejected) {
    std::cerr << "crosswire: " << Printable(r.status.message()) << "\n";
    std::cout << crosswire::RejectionRecord(r) << '\n';
  }
  return rejected.empty() ? 0 : 1;
}

int Reduce(const std::vector<std::string>& args) {
  CommandLine line;
  if (std::string problem =
          ParseCommandLine(args, "--aliases --published --jobs --tagger --casing", line);
      !problem.empty())
    return Usage(problem);
  std::unique_ptr<Analyzer> holder;
  if (int status = Start(line.options, &holder); status != 0) return status;
  Analyzer& analyzer = *holder;
  if (int status = LoadAliases(line.aliases_path, analyzer); status != 0) return status;
  if (int status = LoadCasing(line.casing_paths, analyzer); status != 0) return status;
  const int skipped = AddRecordFiles(line.paths, analyzer);
  crosswire::Analysis analysis = analyzer.Analyze();
  const int status = Report(analysis);
  return skipped > 0 ? 1 : status;
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
    constexpr std::size_t kMaxPairsBytes = 256 * 1024 * 1024;
    if (Status s = ReadInput(args[1], kMaxPairsBytes, &text); !s.ok()) return Usage(s.message());
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
  if (command == "map") return Map(args);
  if (command == "reduce") return Reduce(args);
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
