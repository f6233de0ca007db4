#include "mentions/doubtful.h"

#include <string>
#include <unordered_set>

#include "text/normalize.h"

namespace crosswire::mentions {

void DropDoubtful(std::vector<std::vector<MentionCandidate>>& batch) {
  std::unordered_set<std::string> vouched;
  bool any = false;
  for (const std::vector<MentionCandidate>& candidates : batch) {
    for (const MentionCandidate& c : candidates) {
      if (c.doubtful) {
        any = true;
        continue;
      }
      vouched.insert(MatchKey(c.text));
      if (!c.base.empty()) vouched.insert(MatchKey(c.base));
      // A person's surname alone ("Khrenin" beside "Viktor Khrenin").
      if (c.type == EntityType::kPerson) {
        for (const std::string* name : {&c.text, &c.base}) {
          const std::size_t space = name->rfind(' ');
          if (space != std::string::npos) vouched.insert(MatchKey(name->substr(space + 1)));
        }
      }
    }
  }
  if (!any) return;
  for (std::vector<MentionCandidate>& candidates : batch) {
    std::vector<int> moved_to(candidates.size(), -1);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      MentionCandidate& c = candidates[i];
      if (c.doubtful && vouched.count(MatchKey(c.text)) == 0 &&
          vouched.count(MatchKey(BaseOf(c))) == 0) {
        continue;
      }
      moved_to[i] = static_cast<int>(kept);
      if (kept != i) candidates[kept] = std::move(c);
      ++kept;
    }
    candidates.resize(kept);
    for (MentionCandidate& c : candidates) {
      if (c.expansion_of >= 0) c.expansion_of = moved_to[c.expansion_of];
    }
  }
}

}  // namespace crosswire::mentions
