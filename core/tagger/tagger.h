// The mention tagger: a linear model over hashed features (tagger/features.h), trained by
// toolchain/train_tagger.cc on the `train` items of the development data, that labels each unit of
// an article's sentences with BIO tags over PERSON / ORG / PLACE / MISC. One model per script group
// (core/data/tagger/<group>.model); sentences of a group without a model are left to the rules. The
// alphabetic group also has models of single languages (tagger/alphabetic-<language>.model), each
// trained on that language's data alone, which read the sentences of their language in its place.
#ifndef CROSSWIRE_CORE_TAGGER_TAGGER_H_
#define CROSSWIRE_CORE_TAGGER_TAGGER_H_

#include <array>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "data_pack.h"
#include "document.h"
#include "mentions.h"
#include "tagger/features.h"
#include "tagger/model.h"
#include "text/language_tag.h"

namespace crosswire::tagger {

// The highest confidence of a type the rules guess without evidence of their own (two capitalised
// words: a person, 0.5; a name a batch pass found again, 0.6): what a typing model may retype.
// Above it, the rules had a title, an organisation or place word, the gazetteer or a designation.
inline constexpr float kRulesGuess = 0.6f;

// Whether a typing model reads rule candidate `c` (MentionFinder::Tagged): a type the rules guessed
// (a confidence of at most kRulesGuess), and in a language that capitalises nouns any candidate
// without a title or a gazetteer identity, whose extent the model may cut.
inline bool TypingModelReads(const MentionCandidate& c) {
  return c.type_confidence <= kRulesGuess ||
         (CapitalisesNouns(c.lang) && c.cue.empty() && c.gazetteer_name.empty());
}

struct TaggedSpan {
  int32_t utf16_begin = 0;
  int32_t utf16_end = 0;
  EntityType type = EntityType::kMisc;
};

struct TagResult {
  std::vector<TaggedSpan> spans;  // in text order, non-overlapping
  // The text a model labelled (its sentences), in order: the rules' candidates there give way.
  std::vector<std::pair<int32_t, int32_t>> tagged;
  // For each range of `tagged`: whether its model only types the rules' candidates there (a
  // model read as a typing model: Tagger::Create's `typing_groups`), rather than deciding spans.
  // A typing model labels only the sentences that hold a candidate it reads (TypingModelReads):
  // the others' labels would change nothing.
  std::vector<bool> types_only;
};

class Tagger {
 public:
  // Reads the models of `groups` from the data pack (tagger/<group>.model); a group whose model is
  // absent is not tagged. The groups of `typing_groups` read the group's small typing model
  // instead (tagger/typing.model: the alphabetic group's, trained as the full one with fewer
  // features), whose spans only type the rules' candidates (TagResult::types_only). A model that
  // cannot be read is an error. The full alphabetic model brings its languages' models with it.
  static Result<std::unique_ptr<Tagger>> Create(const DataPack& data, const Gazetteer& gazetteer,
                                                const mentions::LangCues& cues,
                                                const std::vector<ModelGroup>& groups,
                                                const std::vector<ModelGroup>& typing_groups = {});

  bool Has(ModelGroup group) const { return models_[static_cast<int>(group)].has_value(); }
  TagResult Tag(const Document& doc, const std::vector<MentionCandidate>& rules) const;

 private:
  Tagger(const Gazetteer& gazetteer, const mentions::LangCues& cues, HanNameLists han_names)
      : extractor_(cues, gazetteer, std::move(han_names)) {}
  FeatureExtractor extractor_;
  // The model that reads sequence `s` of `doc`, or null where its group has none.
  const Model* ModelFor(const Document& doc, const Sequence& s) const;

  std::array<std::optional<Model>, kModelGroups> models_;
  // The alphabetic group's models of single languages, by primary language subtag ("en").
  std::vector<std::pair<std::string, Model>> language_models_;
  std::array<bool, kModelGroups> types_only_{};
};

// The spans that labels[first, end) of `units` mark (I-X after anything but X starts a span),
// without punctuation at their edges but a closing bracket or quote that the span opens.
void AppendSpans(const Document& doc, const Units& units, int32_t first, int32_t end,
                 const std::vector<int>& labels, std::vector<TaggedSpan>& out);

}  // namespace crosswire::tagger

#endif  // CROSSWIRE_CORE_TAGGER_TAGGER_H_
