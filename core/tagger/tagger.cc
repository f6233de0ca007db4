#include "tagger/tagger.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "tagger/decode.h"

namespace crosswire::tagger {

Result<std::unique_ptr<Tagger>> Tagger::Create(const DataPack& data, const Gazetteer& gazetteer,
                                               const mentions::LangCues& cues,
                                               const std::vector<ModelGroup>& groups,
                                               const std::vector<ModelGroup>& typing_groups) {
  std::unique_ptr<Tagger> tagger(new Tagger(gazetteer, cues, HanNameLists::Load(data)));
  std::vector<std::pair<ModelGroup, bool>> wanted;
  for (ModelGroup group : groups) wanted.emplace_back(group, false);
  for (ModelGroup group : typing_groups) wanted.emplace_back(group, true);
  for (const auto& [group, typing] : wanted) {
    const int g = static_cast<int>(group);
    if (group == ModelGroup::kNone || tagger->models_[g]) continue;
    // Only the alphabetic group has a typing model.
    if (typing && group != ModelGroup::kAlphabetic) continue;
    const std::string path =
        "tagger/" + std::string(typing ? "typing" : GroupName(group)) + ".model";
    std::optional<std::string_view> bytes = data.Find(path);
    if (!bytes) continue;
    Result<Model> model = Model::Parse(*bytes);
    if (!model.ok()) {
      return Status(model.status().code(), path + ": " + model.status().message());
    }
    tagger->models_[g] = std::move(model.value());
    tagger->types_only_[g] = typing;
    if (group != ModelGroup::kAlphabetic || typing) continue;
    // The models of single languages, trained on one language's data alone: more of that
    // language's names in the same size, and its own conventions rather than a compromise between
    // languages (BENCHMARKS.md, "Models of single languages").
    constexpr std::string_view kPrefix = "tagger/alphabetic-";
    for (const DataFile& file : data.List(kPrefix)) {
      const std::string_view rest = file.path.substr(kPrefix.size());
      const std::size_t dot = rest.find('.');
      if (dot == std::string_view::npos || rest.substr(dot) != ".model") continue;
      Result<Model> language_model = Model::Parse(file.contents);
      if (!language_model.ok()) {
        return Status(language_model.status().code(),
                      std::string(file.path) + ": " + language_model.status().message());
      }
      tagger->language_models_.emplace_back(std::string(rest.substr(0, dot)),
                                            std::move(language_model.value()));
    }
  }
  return tagger;
}

const Model* Tagger::ModelFor(const Document& doc, const Sequence& s) const {
  const std::optional<Model>& group_model = models_[static_cast<int>(s.group)];
  if (!group_model) return nullptr;
  if (s.group == ModelGroup::kAlphabetic && !language_models_.empty()) {
    const std::string lang = PrimaryLanguage(doc.LangOf(s.paragraph));
    for (const auto& [language, model] : language_models_) {
      if (language == lang) return &model;
    }
  }
  return &*group_model;
}

namespace {

// Whether punctuation unit `u` opens (1) or closes (-1) a pair — brackets and quotes, the
// symmetric quotes counted as both — or neither (0).
int PairSide(const Document& doc, const Unit& unit, bool at_end) {
  if (unit.utf16_end - unit.utf16_begin != 1) return 0;
  const UChar c = doc.text.charAt(unit.utf16_begin);
  switch (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY)) {
    case U_START_PUNCTUATION:
      return 1;
    case U_END_PUNCTUATION:
      return -1;
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      break;
    default:
      if (c != '"' && c != '\'') return 0;
  }
  // Quotes: « » “ ” „ and the straight ones open at a span's start and close at its end.
  return at_end ? -1 : 1;
}

}  // namespace

void AppendSpans(const Document& doc, const Units& units, int32_t first, int32_t end,
                 const std::vector<int>& labels, std::vector<TaggedSpan>& out) {
  static constexpr EntityType kTypes[] = {EntityType::kPerson, EntityType::kOrg, EntityType::kPlace,
                                          EntityType::kMisc};
  // A span's edges: a bracket, quote, comma, colon or semicolon at either end is left out unless it
  // closes a bracket or quote that the span opens ("Parodius (series)" keeps its bracket, "South
  // Dakota )" loses it), so that no quote or bracket is part of a name by a model's mistake. A
  // final full stop stays: it ends abbreviations ("Inc.", "U.S.").
  auto stray = [&](int32_t u, bool at_end) {
    const Unit& unit = units.units[u];
    if (unit.cjk_char || doc.tokens[unit.token].kind != TokenKind::kPunct) return 0;
    if (const int side = PairSide(doc, unit, at_end)) return side;
    if (unit.utf16_end - unit.utf16_begin != 1) return 0;
    const UChar c = doc.text.charAt(unit.utf16_begin);
    return c == ',' || c == ';' || c == ':' ? 2 : 0;
  };
  auto emit = [&](int32_t b, int32_t e, int type) {
    while (b < e && stray(b, false) != 0) ++b;
    while (e > b) {
      const int side = stray(e - 1, true);
      if (side == 0) break;
      if (side < 0) {
        bool opened = false;
        for (int32_t k = b; k < e - 1 && !opened; ++k) opened = stray(k, false) == 1;
        if (opened) break;
      }
      --e;
    }
    if (b >= e) return;
    // A name and its acronym in brackets, "Světová zdravotnická organizace (WHO)", are two names
    // of one thing, each a mention (as the news sets annotate them; WikiANN's fragments would
    // keep them as one): entity linking joins the acronym's other mentions to it.
    if (e - b >= 4 && stray(e - 1, true) == -1 && stray(e - 3, false) == 1) {
      const Unit& acronym = units.units[e - 2];
      const Token& token = doc.tokens[acronym.token];
      if (!acronym.cjk_char && token.kind == TokenKind::kWord && token.all_caps &&
          token.utf16_end - token.utf16_begin >= 2) {
        out.push_back({units.units[b].utf16_begin, units.units[e - 4].utf16_end, kTypes[type]});
        out.push_back({acronym.utf16_begin, acronym.utf16_end, kTypes[type]});
        return;
      }
    }
    out.push_back({units.units[b].utf16_begin, units.units[e - 1].utf16_end, kTypes[type]});
  };
  int open_type = -1;
  int32_t open_begin = 0;
  for (int32_t u = first; u < end; ++u) {
    const int label = labels[u];
    const int type = TypeOfLabel(label);
    if (IsInside(label) && type == open_type) continue;
    if (open_type >= 0) emit(open_begin, u, open_type);
    open_type = type;
    open_begin = u;
  }
  if (open_type >= 0) emit(open_begin, end, open_type);
}

TagResult Tagger::Tag(const Document& doc, const std::vector<MentionCandidate>& rules) const {
  TagResult result;
  const Units units = BuildUnits(doc);
  bool any = false;
  for (const Sequence& s : units.sequences) {
    any = any || (s.group != ModelGroup::kNone && Has(s.group));
  }
  if (!any) return result;
  const ArticleContext context = extractor_.Context(doc, rules);
  std::vector<int> labels(units.units.size(), 0);
  for (const Sequence& s : units.sequences) {
    if (s.group == ModelGroup::kNone || !Has(s.group)) continue;
    if (types_only_[static_cast<int>(s.group)]) {
      // The rules' candidates are sorted and do not overlap: the first that ends after the
      // sequence begins, and those after it up to the sequence's end.
      const int32_t begin = units.units[s.first_unit].utf16_begin;
      const int32_t end = units.units[s.end_unit - 1].utf16_end;
      auto r = std::partition_point(rules.begin(), rules.end(), [&](const MentionCandidate& c) {
        return c.utf16_end <= begin;
      });
      bool retypable = false;
      for (; r != rules.end() && r->utf16_begin < end && !retypable; ++r) {
        retypable = r->utf16_begin >= begin && r->utf16_end <= end && TypingModelReads(*r);
      }
      if (!retypable) continue;
    }
    const Model& model = *ModelFor(doc, s);
    const Features features = extractor_.Extract(doc, units, s, rules, context);
    Viterbi(
        features, s.first_unit, s.end_unit,
        [&](const uint32_t* f, std::size_t n, Scores& scores) { model.Score(f, n, scores); },
        labels);
    AppendSpans(doc, units, s.first_unit, s.end_unit, labels, result.spans);
    result.tagged.emplace_back(units.units[s.first_unit].utf16_begin,
                               units.units[s.end_unit - 1].utf16_end);
    result.types_only.push_back(types_only_[static_cast<int>(s.group)]);
  }
  return result;
}

}  // namespace crosswire::tagger
