// Growth of time and memory with input size, for inputs built to hit one path hard: each case runs
// at N, 2N and 4N bytes, each run in a fresh child process (peak RSS is per process), and prints
// the time and the memory above the start-up memory (an Analyzer created, nothing added), with the
// ratio per doubling. A linear path doubles (2x); more than 2.5x per doubling is flagged. Prints
// numbers, never fails on them.
//   usage: growth_bench [--tiny] [CASE...]     (cases: see kCases; --tiny: small N, for smoke runs)
//
// To add a case: a function that makes `bytes` of input, the file name it is added under (the
// extension picks the HTML path), and whether the whole analysis runs or only AddFile's stages.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "crosswire/analyzer.h"
#include "wasm_icu_data.h"

namespace crosswire::bench {
namespace {

struct GrowthCase {
  const char* name;
  const char* what;  // the issue case it guards, readable
  const char* file_name;
  bool analyze;   // run Analyze() after AddFile
  std::size_t n;  // the first size, in bytes
  std::function<std::string(std::size_t bytes)> make;
};

std::string Repeat(std::string_view pattern, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + pattern.size());
  while (out.size() < bytes) out += pattern;
  out.resize(bytes);
  return out;
}

// Lower-case pseudo-words and sentences: text with no names, for memory per byte of text.
std::string LowerCaseWords(std::size_t bytes) {
  std::string out;
  out.reserve(bytes + 16);
  uint32_t x = 12345;
  while (out.size() < bytes) {
    x = x * 1103515245u + 12345u;
    int length = 3 + static_cast<int>((x >> 16) % 6);
    for (int i = 0; i < length; ++i) {
      x = x * 1103515245u + 12345u;
      out += static_cast<char>('a' + (x >> 16) % 26);
    }
    out += (x >> 8) % 13 == 0 ? ".\n" : " ";
  }
  out.resize(bytes);
  return out;
}

// Random title-case words, one run of half the size, a blank line, and the same run again: once
// one "name" of thousands of words, aligned with itself in quadratic time and memory.
std::string CapitalisedRuns(std::size_t bytes) {
  std::string run;
  uint32_t x = 777;
  while (run.size() < bytes / 2) {
    if (!run.empty()) run += ' ';
    x = x * 1103515245u + 12345u;
    run += static_cast<char>('A' + (x >> 16) % 26);
    for (int i = 0; i < 5; ++i) {
      x = x * 1103515245u + 12345u;
      run += static_cast<char>('a' + (x >> 16) % 26);
    }
  }
  return run + "\n\n" + run;
}

// Thai without spaces, with a title cue in every sentence: each cue once re-segmented the rest
// of the paragraph.
std::string ThaiWithoutSpaces(std::size_t bytes) {
  return Repeat("นายสมชายกล่าวว่ารัฐบาลจะพัฒนาเศรษฐกิจของประเทศให้ดีขึ้นในปีนี้", bytes - bytes % 3);
}

// Chinese without a sentence end: one "sentence" the size of the text, of names the gazetteer knows
// and names it does not, which the tagger labels character by character.
std::string ChineseWithoutBreaks(std::size_t bytes) {
  return Repeat("国家主席习近平在北京会见了俄罗斯总统普京中美关系上海广州东京大阪", bytes - bytes % 3);
}

const std::vector<GrowthCase>& Cases() {
  static const std::vector<GrowthCase> cases = {
      {"html-ampersands", "issue 11 case 4: '&' with no ';' in HTML", "amp.html", false, 256 * 1024,
       [](std::size_t n) { return "<p>" + Repeat("R&D Q&A &x ", n); }},
      // Lower case: capitalised runs ("R&D Q&A R&D...") are case 1's, not this one's.
      {"html-ampersands-full", "the same through the whole analysis", "amp.html", true, 256 * 1024,
       [](std::size_t n) { return "<p>" + Repeat("r&d q&a &x ", n); }},
      {"lower-case-words", "memory per byte of plain text, whole analysis", "words.txt", true,
       512 * 1024, LowerCaseWords},
      {"capitalised-runs", "issue 11 case 1: two long runs of capitalised words", "runs.txt", true,
       256 * 1024, CapitalisedRuns},
      {"thai-without-spaces", "issue 11 case 3: Thai with no spaces, a cue in every sentence",
       "thai.txt", true, 256 * 1024, ThaiWithoutSpaces},
      {"chinese-without-breaks", "Han text with no sentence end, tagged character by character",
       "zh.txt", true, 256 * 1024, ChineseWithoutBreaks},
  };
  return cases;
}

struct Measure {
  double seconds = 0;
  double startup_mib = 0;
  double peak_mib = 0;
  bool ok = false;
};

double MaxRssMib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // kilobytes on Linux
}

// Runs one case at one size in a child process; the child writes its figures into a pipe.
Measure RunOnce(const GrowthCase& c, std::size_t bytes) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string input = c.make(bytes);
    auto analyzer = std::move(Analyzer::Create()).value();
    // Start-up: the analyzer's tables and the input, before the measured work.
    Measure m;
    m.startup_mib = MaxRssMib();
    auto start = std::chrono::steady_clock::now();
    Status s = analyzer->AddFile(c.file_name, input);
    if (s.ok() && c.analyze) (void)AnalysisToJson(analyzer->Analyze());
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.peak_mib = MaxRssMib();
    m.ok = s.ok();
    if (!s.ok()) std::fprintf(stderr, "growth_bench: %s: %s\n", c.name, s.message().c_str());
    ssize_t written = write(fds[1], &m, sizeof m);
    _exit(written == sizeof m ? 0 : 1);
  }
  close(fds[1]);
  Measure m;
  ssize_t got = read(fds[0], &m, sizeof m);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (got != sizeof m) m.ok = false;
  return m;
}

void Run(const GrowthCase& c, bool tiny) {
  std::size_t n = tiny ? 16 * 1024 : c.n;
  std::printf("%s (%s; %s)\n", c.name, c.what, c.analyze ? "AddFile + Analyze" : "AddFile");
  std::printf("  %10s %10s %12s %10s %10s %12s\n", "bytes", "seconds", "MiB above", "time x",
              "memory x", "bytes/byte");
  Measure previous;
  for (int step = 0; step < 3; ++step, n *= 2) {
    Measure m = RunOnce(c, n);
    if (!m.ok) {
      std::printf("  %10zu  failed\n", n);
      return;
    }
    double above = std::max(0.0, m.peak_mib - m.startup_mib);
    std::string time_ratio = "-", memory_ratio = "-";
    char buf[32];
    if (step > 0) {
      double t = m.seconds / std::max(previous.seconds, 1e-6);
      double mem = above / std::max(std::max(0.0, previous.peak_mib - previous.startup_mib), 1e-3);
      std::snprintf(buf, sizeof buf, "%.2f%s", t, t > 2.5 ? "!" : "");
      time_ratio = buf;
      std::snprintf(buf, sizeof buf, "%.2f%s", mem, mem > 2.5 ? "!" : "");
      memory_ratio = buf;
    }
    std::printf("  %10zu %10.3f %12.1f %10s %10s %12.1f\n", n, m.seconds, above, time_ratio.c_str(),
                memory_ratio.c_str(), above * 1048576.0 / n);
    previous = m;
  }
}

}  // namespace
}  // namespace crosswire::bench

int main(int argc, char** argv) {
  using namespace crosswire::bench;
  bool tiny = false;
  std::vector<std::string> wanted;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--tiny")) {
      tiny = true;
    } else if (argv[i][0] == '-') {
      std::fprintf(stderr, "usage: growth_bench [--tiny] [CASE...]\n");
      return 2;
    } else {
      wanted.push_back(argv[i]);
    }
  }
  if (!crosswire::testing::LoadIcuData()) return 1;
  std::printf("Growth per doubling of the input (a ratio over 2.5 is marked '!')\n");
  for (const GrowthCase& c : Cases()) {
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), c.name) == wanted.end())
      continue;
    Run(c, tiny);
  }
  return 0;
}
