#include "mentions.h"

#include "gazetteer.h"
#include "names.h"

namespace crosswire {

struct MentionFinder::Tables {
  const Gazetteer* gazetteer = nullptr;
};

Result<std::unique_ptr<MentionFinder>> MentionFinder::Create(const DataPack& data,
                                                             const Gazetteer& gazetteer) {
  (void)data;
  auto tables = std::make_unique<Tables>();
  tables->gazetteer = &gazetteer;
  return std::unique_ptr<MentionFinder>(new MentionFinder(std::move(tables)));
}

MentionFinder::MentionFinder(std::unique_ptr<Tables> tables) : tables_(std::move(tables)) {}
MentionFinder::~MentionFinder() = default;

std::vector<std::vector<MentionCandidate>> MentionFinder::FindAll(
    const std::vector<const Document*>& docs, NameMatcher& matcher) const {
  (void)matcher;
  return std::vector<std::vector<MentionCandidate>>(docs.size());
}

}  // namespace crosswire
