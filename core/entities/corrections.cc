// Resolving and applying the user's corrections (entities/corrections.h).
#include "entities/corrections.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "text/normalize.h"

namespace crosswire {
namespace {

// An entity line while the lines are resolved: its spellings, canonical first.
struct Group {
  EntityType type = EntityType::kMisc;
  std::vector<std::string> spellings;
  std::vector<std::string> folded;
};

void RemoveAt(Group& group, size_t k) {
  group.spellings.erase(group.spellings.begin() + static_cast<std::ptrdiff_t>(k));
  group.folded.erase(group.folded.begin() + static_cast<std::ptrdiff_t>(k));
}

// Takes a folded spelling off every group in `groups`.
void TakeSpelling(std::vector<Group>& groups, const std::string& folded) {
  for (Group& group : groups) {
    auto it = std::find(group.folded.begin(), group.folded.end(), folded);
    if (it != group.folded.end()) RemoveAt(group, static_cast<size_t>(it - group.folded.begin()));
  }
}

std::vector<std::string> FoldedSpellings(const AliasEntry& line) {
  std::vector<std::string> out;
  auto add = [&](const std::string& spelling) {
    std::string folded = CaseFold(spelling);
    if (std::find(out.begin(), out.end(), folded) == out.end()) out.push_back(std::move(folded));
  };
  add(line.canonical);
  for (const std::string& v : line.variants) add(v);
  return out;
}

}  // namespace

Corrections ResolveCorrections(const std::vector<AliasEntry>& lines) {
  std::vector<Group> groups;
  std::vector<std::vector<std::string>> apart;  // folded spellings of each APART line
  std::vector<StoryMove> moves;
  for (const AliasEntry& line : lines) {
    switch (line.kind) {
      case AliasKind::kEntity: {
        Group group;
        group.type = line.type;
        auto add = [&](const std::string& spelling) {
          std::string folded = CaseFold(spelling);
          if (std::find(group.folded.begin(), group.folded.end(), folded) != group.folded.end())
            return;
          TakeSpelling(groups, folded);
          for (auto& set : apart) std::erase(set, folded);
          group.spellings.push_back(spelling);
          group.folded.push_back(std::move(folded));
        };
        add(line.canonical);
        for (const std::string& v : line.variants) add(v);
        groups.push_back(std::move(group));
        break;
      }
      case AliasKind::kKeepApart: {
        std::vector<std::string> set = FoldedSpellings(line);
        for (auto& earlier : apart) {
          std::erase_if(earlier, [&](const std::string& f) {
            return std::find(set.begin(), set.end(), f) != set.end();
          });
        }
        for (Group& group : groups) {
          // The group's first spelling of the set stays; the others leave it.
          bool kept = false;
          for (size_t k = 0; k < group.folded.size();) {
            if (std::find(set.begin(), set.end(), group.folded[k]) == set.end()) {
              ++k;
            } else if (!kept) {
              kept = true;
              ++k;
            } else {
              RemoveAt(group, k);
            }
          }
        }
        apart.push_back(std::move(set));
        break;
      }
      case AliasKind::kSameStory: {
        if (line.variants.empty()) break;
        std::erase_if(moves, [&](const StoryMove& m) { return m.article == line.canonical; });
        moves.push_back({line.canonical, line.variants.front()});
        break;
      }
    }
  }

  Corrections out;
  std::unordered_map<std::string, bool> on_entity_line;
  for (Group& group : groups) {
    if (group.spellings.empty()) continue;
    for (const std::string& f : group.folded) on_entity_line[f] = true;
    AliasEntry entry;
    entry.type = group.type;
    entry.canonical = group.spellings.front();
    entry.variants.assign(group.spellings.begin() + 1, group.spellings.end());
    out.entities.push_back(std::move(entry));
  }
  for (size_t line = 0; line < apart.size(); ++line) {
    if (apart[line].size() < 2) continue;  // nothing left to keep apart
    for (size_t k = 0; k < apart[line].size(); ++k) {
      const std::string& folded = apart[line][k];
      // A spelling on an entity line already has that line's identity.
      if (on_entity_line.count(folded)) continue;
      out.apart_keys.emplace_back(folded, "a:" + std::to_string(line) + ":" + std::to_string(k));
    }
  }
  out.story_moves = std::move(moves);
  return out;
}

void KeepApart(const Corrections& corrections, const MentionNodes& mentions,
               IdentityClusters& clusters) {
  if (corrections.apart_keys.empty()) return;
  // Each APART key a number beyond the identities' (the first line that names a spelling wins).
  std::unordered_map<std::string, uint32_t> key_of;
  for (const auto& apart : corrections.apart_keys) {
    key_of.emplace(apart.first, mentions.identity_count + 1 + static_cast<uint32_t>(key_of.size()));
  }
  for (size_t i = 0; i < mentions.nodes.size(); ++i) {
    auto it = key_of.find(CaseFold(mentions.nodes[i].candidate->text));
    if (it != key_of.end()) clusters.SetKey(i, it->second);
  }
}

std::vector<std::pair<int32_t, int32_t>> MoveArticles(const std::vector<StoryMove>& moves,
                                                      const std::vector<std::string>& ids,
                                                      std::vector<std::vector<int32_t>>& clusters) {
  std::vector<std::pair<int32_t, int32_t>> links;
  if (moves.empty()) return links;
  std::map<std::string, int32_t> index_of;
  for (size_t i = 0; i < ids.size(); ++i) index_of.emplace(ids[i], static_cast<int32_t>(i));
  auto cluster_of = [&](int32_t article) -> std::optional<size_t> {
    for (size_t c = 0; c < clusters.size(); ++c) {
      if (std::binary_search(clusters[c].begin(), clusters[c].end(), article)) return c;
    }
    return std::nullopt;
  };
  for (const StoryMove& move : moves) {
    auto article = index_of.find(move.article);
    auto joins = index_of.find(move.joins);
    if (article == index_of.end() || joins == index_of.end()) continue;  // not in this batch
    std::optional<size_t> from = cluster_of(article->second);
    std::optional<size_t> to = cluster_of(joins->second);
    if (!from || !to) continue;
    if (*from != *to) {
      std::erase(clusters[*from], article->second);
      std::vector<int32_t>& into = clusters[*to];
      into.insert(std::upper_bound(into.begin(), into.end(), article->second), article->second);
    }
    links.emplace_back(article->second, joins->second);
  }
  std::erase_if(clusters, [](const std::vector<int32_t>& c) { return c.empty(); });
  std::sort(clusters.begin(), clusters.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });
  return links;
}

}  // namespace crosswire
