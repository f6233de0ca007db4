// Development evaluation of mention detection on ThaiNER-style text: sentences with inline tags
// ([PERSON]...[/PERSON], [ORGANIZATION]..., [LOCATION]...; other tags are stripped and ignored).
// Runs the real pipeline stages (Segmenter, Gazetteer, MentionFinder) on the untagged text and
// prints precision, recall and F1 for PERSON, ORGANIZATION and LOCATION.
//
//   thainer_eval [--show N] [--lines-per-doc N] FILE
//
// Two matches are reported:
//   exact    the predicted span equals the gold span. ThaiNER keeps titles and place words inside
//            the span (นางประนอม ทองจันทร์, จังหวัดชัยนาท) while Crosswire keeps them out, in
//            MentionCandidate::cue, so a prediction also matches exactly when its span widened by
//            its cue does;
//   overlap  the predicted span overlaps a gold span of the same type (each gold counts once).
// --show N prints N missed and N spurious spans of each type, to read, not to tune to.
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "data_pack.h"
#include "document.h"
#include "gazetteer.h"
#include "mentions.h"
#include "names.h"
#include "text/normalize.h"
#include "segment.h"

namespace crosswire {
namespace {

enum Kind { kPerson = 0, kOrg = 1, kLocation = 2, kKinds = 3 };
constexpr const char* kKindNames[kKinds] = {"PERSON", "ORGANIZATION", "LOCATION"};

struct Span {
  int32_t begin = 0;
  int32_t end = 0;
  int kind = 0;
};

struct Line {
  icu::UnicodeString text;
  std::vector<Span> gold;
};

// Strips [TAG] / [/TAG] markers (upper-case letters and '_'), recording the spans of the three
// kinds evaluated.
Line ParseLine(const std::string& utf8) {
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(utf8);
  Line line;
  std::map<std::string, int32_t> open;
  for (int32_t i = 0; i < in.length();) {
    if (in[i] == u'[') {
      int32_t close = in.indexOf(u']', i);
      bool is_tag = close > i + 1;
      int32_t name_begin = i + 1;
      bool closing = is_tag && in[name_begin] == u'/';
      if (closing) ++name_begin;
      for (int32_t k = name_begin; is_tag && k < close; ++k) {
        if (!((in[k] >= u'A' && in[k] <= u'Z') || in[k] == u'_')) is_tag = false;
      }
      if (is_tag && close > name_begin) {
        std::string name;
        icu::UnicodeString(in, name_begin, close - name_begin).toUTF8String(name);
        const int32_t at = line.text.length();
        if (!closing) {
          open[name] = at;
        } else if (auto it = open.find(name); it != open.end()) {
          int kind = name == "PERSON"         ? kPerson
                     : name == "ORGANIZATION" ? kOrg
                     : name == "LOCATION"     ? kLocation
                                              : -1;
          if (kind >= 0 && at > it->second) line.gold.push_back({it->second, at, kind});
          open.erase(it);
        }
        i = close + 1;
        continue;
      }
    }
    line.text.append(in[i]);
    ++i;
  }
  return line;
}

int KindOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return kPerson;
    case EntityType::kOrg:
      return kOrg;
    case EntityType::kPlace:
      return kLocation;
    default:
      return -1;
  }
}

struct Counts {
  int64_t exact_tp = 0, overlap_tp = 0, overlap_gold_found = 0, predicted = 0, gold = 0;
};

void Print(const char* name, const Counts& c) {
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
  const double ep = c.predicted ? double(c.exact_tp) / c.predicted : 0;
  const double er = c.gold ? double(c.exact_tp) / c.gold : 0;
  const double op = c.predicted ? double(c.overlap_tp) / c.predicted : 0;
  const double orr = c.gold ? double(c.overlap_gold_found) / c.gold : 0;
  std::printf(
      "%-13s gold %5lld  predicted %5lld  exact P %.3f R %.3f F1 %.3f  overlap P %.3f R %.3f F1 "
      "%.3f\n",
      name, static_cast<long long>(c.gold), static_cast<long long>(c.predicted), ep, er, f1(ep, er),
      op, orr, f1(op, orr));
}

int Run(int argc, char** argv) {
  int show = 0;
  int lines_per_doc = 50;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--show" && i + 1 < argc) {
      show = std::atoi(argv[++i]);
    } else if (arg == "--lines-per-doc" && i + 1 < argc) {
      lines_per_doc = std::max(1, std::atoi(argv[++i]));
    } else {
      path = arg;
    }
  }
  if (path.empty()) {
    std::cerr << "usage: thainer_eval [--show N] [--lines-per-doc N] FILE\n";
    return 2;
  }
  std::ifstream in(path);
  if (!in) {
    std::cerr << "thainer_eval: cannot read " << path << "\n";
    return 1;
  }
  std::vector<Line> lines;
  for (std::string text; std::getline(in, text);) {
    Line line = ParseLine(text);
    if (line.text.trim().isEmpty()) continue;
    line = ParseLine(text);  // trim() changed the text; parse again to keep offsets
    lines.push_back(std::move(line));
  }

  DataPack data = DataPack::Embedded();
  auto gazetteer = Gazetteer::Create(data);
  if (!gazetteer.ok()) {
    std::cerr << "thainer_eval: " << gazetteer.status().message() << "\n";
    return 1;
  }
  auto finder = MentionFinder::Create(data, *gazetteer.value());
  auto matcher = NameMatcher::Create(data);
  if (!finder.ok() || !matcher.ok()) {
    std::cerr << "thainer_eval: cannot create the mention finder or the name matcher\n";
    return 1;
  }

  // Documents of `lines_per_doc` lines, one paragraph each, as articles of one batch.
  std::vector<Document> docs;
  std::vector<std::vector<std::pair<int32_t, std::size_t>>> line_starts;  // per doc: offset, line
  Segmenter segmenter;
  for (std::size_t first = 0; first < lines.size(); first += lines_per_doc) {
    Document doc;
    doc.id = "thainer-" + std::to_string(first);
    doc.lang = "th";
    std::vector<std::pair<int32_t, std::size_t>> starts;
    for (std::size_t l = first; l < lines.size() && l < first + lines_per_doc; ++l) {
      starts.emplace_back(doc.text.length(), l);
      doc.text.append(lines[l].text);
      doc.text.append(u'\n');
    }
    if (Status s = segmenter.Segment(doc); !s.ok()) {
      std::cerr << "thainer_eval: " << s.message() << "\n";
      return 1;
    }
    docs.push_back(std::move(doc));
    line_starts.push_back(std::move(starts));
  }
  std::vector<const Document*> batch;
  for (const Document& doc : docs) batch.push_back(&doc);
  std::vector<std::vector<MentionCandidate>> found =
      finder.value()->FindAll(batch, *matcher.value());

  Counts counts[kKinds];
  std::vector<std::string> missed[kKinds], spurious[kKinds];
  for (std::size_t d = 0; d < docs.size(); ++d) {
    const Document& doc = docs[d];
    std::vector<Span> gold, predicted, widened;
    for (const auto& [offset, l] : line_starts[d]) {
      for (const Span& g : lines[l].gold)
        gold.push_back({g.begin + offset, g.end + offset, g.kind});
    }
    for (const MentionCandidate& c : found[d]) {
      int kind = KindOf(c.type);
      if (kind < 0) continue;
      predicted.push_back({c.utf16_begin, c.utf16_end, kind});
      Span wide = predicted.back();
      if (!c.cue.empty()) {
        icu::UnicodeString cue = icu::UnicodeString::fromUTF8(c.cue);
        int32_t at = wide.begin;
        if (at > 0 && doc.text[at - 1] == u' ') --at;
        if (at >= cue.length() && doc.text.compare(at - cue.length(), cue.length(), cue) == 0) {
          wide.begin = at - cue.length();
        }
      }
      widened.push_back(wide);
    }
    std::vector<bool> gold_exact(gold.size()), gold_overlap(gold.size());
    for (std::size_t p = 0; p < predicted.size(); ++p) {
      const Span& s = predicted[p];
      const Span& w = widened[p];
      ++counts[s.kind].predicted;
      bool exact = false, overlap = false;
      for (std::size_t g = 0; g < gold.size(); ++g) {
        if (gold[g].kind != s.kind) continue;
        if (!gold_exact[g] && ((gold[g].begin == s.begin && gold[g].end == s.end) ||
                               (gold[g].begin == w.begin && gold[g].end == w.end))) {
          gold_exact[g] = true;
          exact = true;
        }
        if (gold[g].begin < w.end && w.begin < gold[g].end) {
          overlap = true;
          gold_overlap[g] = true;
        }
      }
      counts[s.kind].exact_tp += exact;
      counts[s.kind].overlap_tp += overlap;
      if (!overlap && static_cast<int>(spurious[s.kind].size()) < show) {
        spurious[s.kind].push_back(doc.Slice(w.begin, w.end));
      }
    }
    for (std::size_t g = 0; g < gold.size(); ++g) {
      ++counts[gold[g].kind].gold;
      counts[gold[g].kind].overlap_gold_found += gold_overlap[g];
      if (!gold_overlap[g] && static_cast<int>(missed[gold[g].kind].size()) < show) {
        missed[gold[g].kind].push_back(doc.Slice(gold[g].begin, gold[g].end));
      }
    }
  }
  std::printf("%zu sentences, %zu documents of %d lines\n", lines.size(), docs.size(),
              lines_per_doc);
  Counts all;
  for (int k = 0; k < kKinds; ++k) {
    Print(kKindNames[k], counts[k]);
    all.exact_tp += counts[k].exact_tp;
    all.overlap_tp += counts[k].overlap_tp;
    all.overlap_gold_found += counts[k].overlap_gold_found;
    all.predicted += counts[k].predicted;
    all.gold += counts[k].gold;
  }
  Print("all", all);
  for (int k = 0; k < kKinds && show > 0; ++k) {
    std::printf("\n%s missed:", kKindNames[k]);
    for (const std::string& s : missed[k]) std::printf(" [%s]", s.c_str());
    std::printf("\n%s spurious:", kKindNames[k]);
    for (const std::string& s : spurious[k]) std::printf(" [%s]", s.c_str());
    std::printf("\n");
  }
  return 0;
}

}  // namespace
}  // namespace crosswire

int main(int argc, char** argv) { return crosswire::Run(argc, argv); }
