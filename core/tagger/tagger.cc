#include "tagger/tagger.h"

#include <string>

#include "tagger/decode.h"

namespace crosswire::tagger {

Result<std::unique_ptr<Tagger>> Tagger::Create(const DataPack& data, const Gazetteer& gazetteer,
                                               const mentions::LangCues& cues,
                                               const std::vector<ModelGroup>& groups) {
  std::unique_ptr<Tagger> tagger(new Tagger(gazetteer, cues, HanNameLists::Load(data)));
  for (ModelGroup group : groups) {
    const int g = static_cast<int>(group);
    if (group == ModelGroup::kNone) continue;
    const std::string path = "tagger/" + std::string(GroupName(group)) + ".model";
    std::optional<std::string_view> bytes = data.Find(path);
    if (!bytes) continue;
    Result<Model> model = Model::Parse(*bytes);
    if (!model.ok()) {
      return Status(model.status().code(), path + ": " + model.status().message());
    }
    tagger->models_[g] = std::move(model.value());
  }
  return tagger;
}

void AppendSpans(const Units& units, int32_t first, int32_t end, const std::vector<int>& labels,
                 std::vector<TaggedSpan>& out) {
  static constexpr EntityType kTypes[] = {EntityType::kPerson, EntityType::kOrg, EntityType::kPlace,
                                          EntityType::kMisc};
  int open_type = -1;
  for (int32_t u = first; u < end; ++u) {
    const int label = labels[u];
    const int type = TypeOfLabel(label);
    if (IsInside(label) && type == open_type) {
      out.back().utf16_end = units.units[u].utf16_end;
      continue;
    }
    open_type = type;
    if (type >= 0) {
      out.push_back({units.units[u].utf16_begin, units.units[u].utf16_end, kTypes[type]});
    }
  }
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
    const Model& model = *models_[static_cast<int>(s.group)];
    const Features features = extractor_.Extract(doc, units, s, rules, context);
    Viterbi(
        features, s.first_unit, s.end_unit,
        [&](const uint32_t* f, std::size_t n, Scores& scores) { model.Score(f, n, scores); },
        labels);
    AppendSpans(units, s.first_unit, s.end_unit, labels, result.spans);
    result.tagged.emplace_back(units.units[s.first_unit].utf16_begin,
                               units.units[s.end_unit - 1].utf16_end);
  }
  return result;
}

}  // namespace crosswire::tagger
