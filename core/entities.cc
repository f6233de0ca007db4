#include "entities.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "gazetteer.h"
#include "names.h"
#include "text/fields.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire {
namespace {

// Union-find over mentions; a cluster carries at most one identity key (a gazetteer or alias
// name), and two clusters with different keys never merge: that is how alias lines split.
class Clusters {
 public:
  explicit Clusters(size_t n) : parent_(n), key_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }

  size_t Find(size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void SetKey(size_t x, std::string key) { key_[Find(x)] = std::move(key); }
  const std::string& KeyOf(size_t x) { return key_[Find(x)]; }
  bool CanMerge(size_t a, size_t b) {
    const std::string& ka = KeyOf(a);
    const std::string& kb = KeyOf(b);
    return ka.empty() || kb.empty() || ka == kb;
  }
  // Merges unless the keys conflict; the smaller index stays the root (deterministic).
  bool Merge(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return true;
    if (!CanMerge(a, b)) return false;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    if (key_[a].empty()) key_[a] = std::move(key_[b]);
    return true;
  }

 private:
  std::vector<size_t> parent_;
  std::vector<std::string> key_;
};

struct Node {
  size_t doc = 0;  // position in the id-sorted order
  size_t input_doc = 0;
  const MentionCandidate* candidate = nullptr;
  const NameKey* key = nullptr;
  std::string identity;   // "n:" + folded canonical name from the gazetteer or an alias line
  std::string canonical;  // that canonical name as written
  std::optional<EntityType> identity_type;  // the type the alias line or gazetteer gives
  size_t content_parts = 0;
};

bool TypesCompatible(const MentionCandidate& a, const MentionCandidate& b) {
  if (a.type == b.type) return true;
  if (a.type == EntityType::kMisc || b.type == EntityType::kMisc) return true;
  // A type guessed from the shape of a word alone may be wrong; a cue or a gazetteer hit is not.
  return a.type_confidence < 0.5f || b.type_confidence < 0.5f;
}

// Blocking keys: the first two consonant symbols of a part's skeleton, with sounds that spellings
// confuse merged, so that only names that could match are compared (no all-pairs comparison).
// An h is filed both ways: it is often dropped (Tehran / Teheran) or written for a k (Thai ค for
// the h of Ahmadian).
std::string BlockKey(std::string_view skeleton_part, bool h_as_k, size_t length) {
  std::string out;
  for (char c : skeleton_part) {
    if (c == 'h' && !h_as_k) continue;
    char cls;
    switch (c) {
      case 'h':
        cls = 'K';
        break;
      case 'k':
      case 'g':
      case 'C':
        cls = 'K';
        break;
      case 's':
      case 'z':
      case 'S':
      case 'j':
      case 'Z':
        cls = 'S';
        break;
      case 't':
      case 'd':
      case 'T':
        cls = 'T';
        break;
      case 'p':
      case 'b':
      case 'f':
      case 'v':
        cls = 'P';
        break;
      case 'l':
      case 'r':
        cls = 'L';
        break;
      case 'm':
      case 'n':
        cls = 'N';
        break;
      default:
        cls = c;
    }
    if (!out.empty() && out.back() == cls) continue;
    out.push_back(cls);
    if (out.size() == length) break;
  }
  return out;
}

std::vector<std::string> SkeletonParts(const NameKey& key) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : key.skeleton) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

size_t CountContentParts(const NameKey& key) {
  static constexpr std::string_view kSkip[] = {"de", "of", "the", "la", "le",  "les", "du", "des",
                                               "al", "el", "and", "et", "van", "von", "der"};
  size_t n = 0;
  for (const std::string& p : key.parts) {
    if (std::find(std::begin(kSkip), std::end(kSkip), p) == std::end(kSkip)) ++n;
  }
  return n;
}

}  // namespace

Result<std::vector<AliasEntry>> ParseAliases(std::string_view text, std::string_view source) {
  std::vector<AliasEntry> entries;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (line_number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // BOM
    // '#' starts a comment at the start of a line or of a field.
    for (size_t pos = line.find('#'); pos != std::string_view::npos;
         pos = line.find('#', pos + 1)) {
      if (pos == 0 || line[pos - 1] == '\t' || line[pos - 1] == ' ') {
        line = line.substr(0, pos);
        break;
      }
    }
    if (TrimSpaces(line).empty()) continue;
    std::vector<std::string_view> fields = SplitFields(line);
    for (std::string_view& field : fields) field = TrimSpaces(field);
    auto error = [&](const std::string& what) {
      return Status(StatusCode::kBadAliases,
                    std::string(source) + ":" + std::to_string(line_number) + ": " + what);
    };
    std::optional<EntityType> type = ParseEntityType(fields[0]);
    if (!type) {
      return error("unknown type '" + std::string(fields[0]) +
                   "' (expected PERSON, ORG, PLACE or MISC, then a tab)");
    }
    if (fields.size() < 2 || fields[1].empty())
      return error("missing the canonical name after the type");
    AliasEntry entry;
    entry.type = *type;
    entry.canonical = std::string(fields[1]);
    for (size_t i = 2; i < fields.size(); ++i) {
      if (!fields[i].empty()) entry.variants.emplace_back(fields[i]);
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

LinkedEntities LinkEntities(const std::vector<const Document*>& docs,
                            const std::vector<std::vector<MentionCandidate>>& candidates,
                            const std::vector<AliasEntry>& aliases, const Gazetteer& gazetteer,
                            NameMatcher& matcher) {
  LinkedEntities out;
  out.mentions.resize(docs.size());

  // Work in article-id order so that the result does not depend on the order articles came in.
  std::vector<size_t> order(docs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return docs[a]->id < docs[b]->id; });

  // Alias lines: every spelling on a line names the line's entity. Spellings are looked up by
  // their case-folded text and by their transliterated form.
  std::unordered_map<std::string, size_t> alias_by_text;
  for (size_t i = 0; i < aliases.size(); ++i) {
    auto add = [&](const std::string& spelling) {
      alias_by_text.emplace("t:" + CaseFold(spelling), i);
      const NameKey& key = matcher.Key(spelling);
      if (!key.latin.empty()) alias_by_text.emplace("l:" + key.latin, i);
    };
    add(aliases[i].canonical);
    for (const std::string& v : aliases[i].variants) add(v);
  }

  std::vector<Node> nodes;
  std::vector<std::vector<size_t>> node_of(docs.size());  // [input doc][candidate] -> node
  for (size_t rank = 0; rank < order.size(); ++rank) {
    size_t d = order[rank];
    if (d >= candidates.size()) continue;
    node_of[d].assign(candidates[d].size(), 0);
    for (size_t c = 0; c < candidates[d].size(); ++c) {
      const MentionCandidate& cand = candidates[d][c];
      Node node;
      node.doc = rank;
      node.input_doc = d;
      node.candidate = &cand;
      node.key = &matcher.Key(cand.text);
      node.content_parts = CountContentParts(*node.key);
      std::optional<size_t> alias;
      if (auto it = alias_by_text.find("t:" + CaseFold(cand.text)); it != alias_by_text.end()) {
        alias = it->second;
      } else if (auto it2 = alias_by_text.find("l:" + node.key->latin);
                 !node.key->latin.empty() && !cand.is_acronym && it2 != alias_by_text.end()) {
        alias = it2->second;
      }
      if (alias) {
        node.canonical = aliases[*alias].canonical;
        node.identity_type = aliases[*alias].type;
      } else if (!cand.gazetteer_name.empty()) {
        node.canonical = cand.gazetteer_name;
      } else if (auto entry = gazetteer.Lookup(cand.text);
                 entry && (entry->type == cand.type || cand.type == EntityType::kMisc ||
                           cand.type_confidence < 0.5f)) {
        // The mentions stage did not match the gazetteer here (a curated alias, or a name
        // found another way); a sure type that disagrees wins ("Jordan" the person).
        node.canonical = entry->canonical;
        node.identity_type = entry->type;
      }
      if (!node.canonical.empty()) node.identity = "n:" + CaseFold(node.canonical);
      node_of[d][c] = nodes.size();
      nodes.push_back(std::move(node));
    }
  }

  Clusters clusters(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!nodes[i].identity.empty()) clusters.SetKey(i, nodes[i].identity);
  }

  // 1. The same identity key: one entity.
  {
    std::map<std::string, size_t> first;
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].identity.empty()) continue;
      auto [it, inserted] = first.emplace(nodes[i].identity, i);
      if (!inserted) clusters.Merge(it->second, i);
    }
  }
  // 2. An acronym and the expansion its article defines.
  for (size_t i = 0; i < nodes.size(); ++i) {
    const MentionCandidate& c = *nodes[i].candidate;
    if (c.expansion_of < 0) continue;
    const auto& doc_nodes = node_of[nodes[i].input_doc];
    if (static_cast<size_t>(c.expansion_of) < doc_nodes.size()) {
      clusters.Merge(i, doc_nodes[c.expansion_of]);
    }
  }
  // 3. The same spelling (case-folded; transliterated for other scripts), type permitting.
  //    Distinct spellings are compared once each from here on.
  // A one-part person name is grouped per article: "Smith" may be John Smith in one article and
  // Jane Smith in another (step 5 decides).
  auto is_partial = [&](const Node& n) {
    const MentionCandidate& c = *n.candidate;
    return n.content_parts == 1 && !c.is_acronym && n.identity.empty() &&
           (c.type == EntityType::kPerson || c.type == EntityType::kMisc);
  };
  auto spelling_group = [&](const Node& n) {
    const NameKey& key = *n.key;
    if (n.candidate->is_acronym || key.parts.empty()) return "t:" + CaseFold(n.candidate->text);
    std::string group = "p:" + key.skeleton + "|" + key.latin;
    if (is_partial(n)) group += "|d" + std::to_string(n.doc);
    return group;
  };
  std::map<std::string, std::vector<size_t>> by_spelling;
  for (size_t i = 0; i < nodes.size(); ++i) by_spelling[spelling_group(nodes[i])].push_back(i);
  for (const auto& [spelling, members] : by_spelling) {
    for (size_t k = 1; k < members.size(); ++k) {
      if (TypesCompatible(*nodes[members[0]].candidate, *nodes[members[k]].candidate)) {
        clusters.Merge(members[0], members[k]);
      }
    }
  }

  // Representatives of distinct spellings (acronyms are tied only by text and expansions). A
  // one-part person name has one group per article but a single representative, so that it is
  // compared once however many articles use it.
  std::vector<size_t> reps;
  std::map<std::string, std::vector<std::vector<size_t>>> partial_groups;  // by global spelling
  std::unordered_map<size_t, std::string> partial_spelling;                // rep -> its key
  for (const auto& [spelling, members] : by_spelling) {
    const Node& first = nodes[members[0]];
    if (first.candidate->is_acronym || first.key->parts.empty()) continue;
    if (!is_partial(first)) {
      reps.push_back(members[0]);
      continue;
    }
    std::string global = first.key->skeleton + "|" + first.key->latin;
    auto& groups = partial_groups[global];
    if (groups.empty()) {
      reps.push_back(members[0]);
      partial_spelling[members[0]] = global;
    }
    groups.push_back(members);
  }
  // Blocks: a spelling is filed under the keys of each of its parts: the first two consonant
  // classes, or three where two gather too many names to compare them all. Pairs within a block
  // are all compared, so its size bounds the cost per name (120: linking 1,000 articles took a
  // third less time than with 300, with the same results on the seeds and ECB+).
  constexpr size_t kMaxBlock = 120;
  struct PartKeys {
    std::vector<std::string> coarse, fine;
  };
  std::unordered_map<size_t, std::vector<PartKeys>> keys_of;  // rep -> keys of each part
  std::map<std::string, std::vector<size_t>> coarse;
  for (size_t r : reps) {
    std::vector<PartKeys>& parts = keys_of[r];
    for (const std::string& part : SkeletonParts(*nodes[r].key)) {
      PartKeys keys;
      for (bool h_as_k : {false, true}) {
        std::string two = BlockKey(part, h_as_k, 2), three = BlockKey(part, h_as_k, 3);
        if (!two.empty()) keys.coarse.push_back(two);
        if (three.size() == 3) keys.fine.push_back(three);
      }
      for (const std::string& k : keys.coarse) {
        auto& members = coarse[k];
        if (members.empty() || members.back() != r) members.push_back(r);
      }
      parts.push_back(std::move(keys));
    }
  }
  std::vector<std::vector<size_t>> blocks;
  std::unordered_map<std::string, uint32_t> block_id;  // "2" or "3" + key -> index in blocks
  std::map<std::string, std::vector<size_t>> fine;
  for (auto& [key, members] : coarse) {
    if (members.size() <= kMaxBlock) {
      block_id.emplace("2" + key, static_cast<uint32_t>(blocks.size()));
      blocks.push_back(std::move(members));
      continue;
    }
    for (size_t r : members) {
      for (const PartKeys& part : keys_of[r]) {
        for (const std::string& k : part.fine) {
          if (k.compare(0, 2, key) != 0) continue;
          auto& fine_members = fine[k];
          if (fine_members.empty() || fine_members.back() != r) fine_members.push_back(r);
        }
      }
    }
  }
  for (auto& [key, members] : fine) {
    // Still crowded: skipped (names there usually share another, rarer part).
    if (members.size() > 2 * kMaxBlock) continue;
    block_id.emplace("3" + key, static_cast<uint32_t>(blocks.size()));
    blocks.push_back(std::move(members));
  }
  // The blocks of each name (ascending).
  std::unordered_map<size_t, std::vector<uint32_t>> blocks_of;
  for (auto& [r, parts] : keys_of) {
    std::vector<uint32_t>& all = blocks_of[r];
    for (const PartKeys& part : parts) {
      std::vector<uint32_t> ids;
      for (const std::string& k : part.coarse) {
        if (auto it = block_id.find("2" + k); it != block_id.end()) ids.push_back(it->second);
      }
      for (const std::string& k : part.fine) {
        if (auto it = block_id.find("3" + k); it != block_id.end()) ids.push_back(it->second);
      }
      all.insert(all.end(), ids.begin(), ids.end());
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
  }
  // How many parts of `x` could match a part of `y`, judged by the first and by the last two
  // consonant classes: a name whose parts cannot all find a partner is ruled out without
  // comparing. Parts without consonants (initials, vowels) could match anything.
  std::unordered_map<size_t, std::vector<std::vector<std::string>>> part_signs;
  std::unordered_map<size_t, std::vector<std::string>> signs_of;  // sorted
  for (size_t r : reps) {
    std::vector<std::string>& all = signs_of[r];
    for (const std::string& part : SkeletonParts(*nodes[r].key)) {
      std::vector<std::string> signs;
      std::string reversed(part.rbegin(), part.rend());
      for (bool h_as_k : {false, true}) {
        std::string head = BlockKey(part, h_as_k, 2), tail = BlockKey(reversed, h_as_k, 2);
        if (!head.empty()) signs.push_back("<" + head);
        if (!tail.empty()) signs.push_back(">" + tail);
      }
      all.insert(all.end(), signs.begin(), signs.end());
      part_signs[r].push_back(std::move(signs));
    }
    std::sort(all.begin(), all.end());
  }
  auto parts_sharing = [&](size_t x, size_t y) {
    const std::vector<std::string>& other = signs_of[y];
    size_t count = 0;
    for (const std::vector<std::string>& signs : part_signs[x]) {
      if (signs.empty() || std::any_of(signs.begin(), signs.end(), [&](const std::string& sign) {
            return std::binary_search(other.begin(), other.end(), sign);
          })) {
        ++count;
      }
    }
    return count;
  };
  // The first block two names share: each pair is compared there only (no set of visited pairs:
  // that was most of the time on large batches).
  auto first_shared = [&](size_t x, size_t y) {
    const std::vector<uint32_t>& bx = blocks_of[x];
    const std::vector<uint32_t>& by = blocks_of[y];
    size_t i = 0, j = 0;
    while (i < bx.size() && j < by.size()) {
      if (bx[i] == by[j]) return bx[i];
      if (bx[i] < by[j]) {
        ++i;
      } else {
        ++j;
      }
    }
    return static_cast<uint32_t>(blocks.size());
  };
  auto for_each_pair = [&](auto&& fn) {
    for (uint32_t b = 0; b < blocks.size(); ++b) {
      const std::vector<size_t>& members = blocks[b];
      for (size_t x = 0; x < members.size(); ++x) {
        for (size_t y = x + 1; y < members.size(); ++y) {
          if (first_shared(members[x], members[y]) != b) continue;
          auto [lo, hi] = std::minmax(members[x], members[y]);
          fn(lo, hi);
        }
      }
    }
  };

  // 4. Full names that match as wholes: same number of content parts (a middle name aside).
  //    Matches chain (A ~ B ~ C while A !~ C): a link also needs the two entities' most complete
  //    names to be alike, so one spelling in between cannot join two different people.
  std::unordered_map<size_t, size_t> fullest;  // cluster root -> node with the most parts
  auto fullest_of = [&](size_t x) {
    size_t root = clusters.Find(x);
    auto it = fullest.find(root);
    return it == fullest.end() ? x : it->second;
  };
  constexpr double kChainFloor = 0.7;
  for_each_pair([&](size_t a, size_t b) {
    const Node& na = nodes[a];
    const Node& nb = nodes[b];
    if ((na.content_parts <= 1) != (nb.content_parts <= 1)) return;
    const size_t needed = std::min(part_signs[a].size(), part_signs[b].size());
    if (parts_sharing(a, b) < needed && parts_sharing(b, a) < needed) return;
    if (is_partial(na) || is_partial(nb)) return;  // step 5 first
    if (!TypesCompatible(*na.candidate, *nb.candidate)) return;
    if (!clusters.CanMerge(a, b)) return;
    if (clusters.Find(a) == clusters.Find(b)) return;
    if (matcher.Similarity(*na.key, *nb.key) < NameMatcher::kSameThreshold) return;
    const size_t fa = fullest_of(a), fb = fullest_of(b);
    if ((fa != a || fb != b) && matcher.Similarity(*nodes[fa].key, *nodes[fb].key) < kChainFloor) {
      return;
    }
    const size_t keep = nodes[fb].content_parts > nodes[fa].content_parts ? fb : fa;
    clusters.Merge(a, b);
    fullest[clusters.Find(a)] = keep;
  });

  // 5. Partial names (one part: "Ahmadian", "อาหมัดเดียน") join the full name they abbreviate when
  //    exactly one entity of the batch has such a full name; when several do, one in the same
  //    article decides; otherwise the partial name stays on its own.
  std::map<size_t, std::set<size_t>> partial_targets;  // partial rep -> full reps
  for_each_pair([&](size_t a, size_t b) {
    size_t partial = a, full = b;
    if (nodes[a].content_parts > 1) std::swap(partial, full);
    if (!is_partial(nodes[partial]) || nodes[full].content_parts < 2) return;
    if (!TypesCompatible(*nodes[partial].candidate, *nodes[full].candidate)) return;
    if (matcher.PartialSimilarity(*nodes[partial].key, *nodes[full].key) >=
        NameMatcher::kPartialThreshold) {
      partial_targets[partial].insert(full);
    }
  });
  std::vector<std::vector<size_t>> nodes_in_doc(docs.size());
  for (size_t i = 0; i < nodes.size(); ++i) nodes_in_doc[nodes[i].doc].push_back(i);
  std::unordered_map<size_t, std::vector<const std::vector<size_t>*>> unresolved;  // rep -> groups
  for (size_t rep : reps) {
    auto spelling = partial_spelling.find(rep);
    if (spelling == partial_spelling.end()) continue;
    std::set<size_t> roots;
    if (auto targets = partial_targets.find(rep); targets != partial_targets.end()) {
      for (size_t f : targets->second) roots.insert(clusters.Find(f));
    }
    for (const std::vector<size_t>& group : partial_groups[spelling->second]) {
      std::optional<size_t> target;
      if (roots.size() == 1) {
        target = *roots.begin();
      } else if (roots.size() > 1) {
        // Ambiguous in the batch: the article's own full names decide.
        std::set<size_t> local;
        for (size_t other : nodes_in_doc[nodes[group[0]].doc]) {
          size_t root = clusters.Find(other);
          if (roots.count(root)) local.insert(root);
        }
        if (local.size() == 1) target = *local.begin();
      }
      if (target) {
        for (size_t m : group) clusters.Merge(m, *target);
      } else {
        unresolved[rep].push_back(&group);
      }
    }
  }
  // 5b. A person named without the first name ("Gennadievich Khrenin", "Reza Ashtiani") joins the
  //     longer name it ends like ("Viktor Gennadievich Khrenin") when exactly one entity of the
  //     batch has such a name. Only people: "Security Council" is not "Supreme National Security
  //     Council".
  std::map<size_t, std::set<size_t>> shorter_targets;  // node -> roots of the longer names
  for_each_pair([&](size_t a, size_t b) {
    size_t shorter = a, longer = b;
    if (nodes[a].content_parts > nodes[b].content_parts) std::swap(shorter, longer);
    const Node& ns = nodes[shorter];
    const Node& nl = nodes[longer];
    if (ns.content_parts < 2 || nl.content_parts <= ns.content_parts) return;
    if (ns.candidate->type != EntityType::kPerson || nl.candidate->type != EntityType::kPerson)
      return;
    if (!ns.identity.empty() || !nl.identity.empty()) return;
    if (matcher.PartialSimilarity(*ns.key, *nl.key) < NameMatcher::kPartialThreshold) return;
    shorter_targets[shorter].insert(clusters.Find(longer));
  });
  for (const auto& [shorter, roots] : shorter_targets) {
    if (roots.size() != 1 || clusters.Find(shorter) == *roots.begin()) continue;
    if (clusters.CanMerge(shorter, *roots.begin())) clusters.Merge(shorter, *roots.begin());
  }

  // 6. One-part names that abbreviate no full name: the same or a matching spelling is one
  //    entity across articles and scripts ("Madonna", "มาดอนน่า").
  for (const auto& [rep, groups] : unresolved) {
    for (const std::vector<size_t>* group : groups)
      clusters.Merge((*groups.front())[0], (*group)[0]);
  }
  for_each_pair([&](size_t a, size_t b) {
    auto ua = unresolved.find(a), ub = unresolved.find(b);
    if (ua == unresolved.end() || ub == unresolved.end()) return;
    if (!TypesCompatible(*nodes[a].candidate, *nodes[b].candidate)) return;
    if (matcher.Similarity(*nodes[a].key, *nodes[b].key) >= NameMatcher::kSameThreshold) {
      clusters.Merge((*ua->second.front())[0], (*ub->second.front())[0]);
    }
  });

  // Entities, numbered by first appearance in id order.
  std::vector<size_t> node_order(nodes.size());
  std::iota(node_order.begin(), node_order.end(), 0);
  std::stable_sort(node_order.begin(), node_order.end(), [&](size_t a, size_t b) {
    if (nodes[a].doc != nodes[b].doc) return nodes[a].doc < nodes[b].doc;
    return nodes[a].candidate->utf16_begin < nodes[b].candidate->utf16_begin;
  });
  std::map<size_t, size_t> entity_of_root;
  std::vector<std::vector<size_t>> members;
  for (size_t n : node_order) {
    size_t root = clusters.Find(n);
    auto [it, inserted] = entity_of_root.emplace(root, members.size());
    if (inserted) members.emplace_back();
    members[it->second].push_back(n);
  }

  for (size_t e = 0; e < members.size(); ++e) {
    EntityResult entity;
    entity.id = "E" + std::to_string(e + 1);
    // Type: votes weighted by confidence; a gazetteer or alias identity is sure.
    std::map<EntityType, double> votes;
    std::map<std::pair<std::string, std::string>, int> variant_counts;
    std::set<std::string> articles;
    std::string identity_name;
    for (size_t n : members[e]) {
      const MentionCandidate& c = *nodes[n].candidate;
      double weight = 0.1 + c.type_confidence;
      if (!nodes[n].identity.empty()) weight += 1.0;
      if (c.type == EntityType::kMisc) weight *= 0.2;
      votes[c.type] += weight;
      // An alias line (a user's correction) or the gazetteer knows the type for sure.
      if (nodes[n].identity_type) votes[*nodes[n].identity_type] += 2.0;
      ++variant_counts[{c.text, c.lang}];
      articles.insert(docs[nodes[n].input_doc]->id);
      if (identity_name.empty()) identity_name = nodes[n].canonical;
    }
    entity.type = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
                    return a.second < b.second;
                  })->first;
    for (const auto& [text_lang, count] : variant_counts) {
      entity.variants.push_back({text_lang.first, text_lang.second, count});
    }
    std::stable_sort(entity.variants.begin(), entity.variants.end(),
                     [](const Variant& a, const Variant& b) {
                       if (a.count != b.count) return a.count > b.count;
                       if (a.text != b.text) return a.text < b.text;
                       return a.lang < b.lang;
                     });
    // Canonical name: the gazetteer's or the alias line's; else the most complete Latin-script
    // spelling (most parts, then most frequent); else the most frequent spelling.
    if (!identity_name.empty()) {
      entity.name = identity_name;
    } else {
      std::map<std::string, std::pair<size_t, int>> latin;  // text -> (parts, count)
      std::map<std::string, bool> acronym;
      for (size_t n : members[e]) {
        const MentionCandidate& c = *nodes[n].candidate;
        if (!IsLatinText(c.text)) continue;
        auto& [parts, count] = latin[c.text];
        parts = c.is_acronym ? 0 : nodes[n].content_parts;
        ++count;
      }
      std::string best;
      std::pair<size_t, int> best_rank{0, 0};
      for (const auto& [text, rank] : latin) {
        if (best.empty() || rank > best_rank) {
          best = text;
          best_rank = rank;
        }
      }
      entity.name = best.empty() ? entity.variants.front().text : best;
    }
    entity.articles.assign(articles.begin(), articles.end());
    entity.mentions = static_cast<int>(members[e].size());
    for (size_t n : members[e]) {
      const MentionCandidate& c = *nodes[n].candidate;
      Mention m;
      m.utf16_begin = c.utf16_begin;
      m.utf16_end = c.utf16_end;
      m.text = c.text;
      m.type = entity.type;
      m.entity = entity.id;
      out.mentions[nodes[n].input_doc].push_back(std::move(m));
    }
    out.entities.push_back(std::move(entity));
  }
  for (auto& doc_mentions : out.mentions) {
    std::stable_sort(doc_mentions.begin(), doc_mentions.end(),
                     [](const Mention& a, const Mention& b) {
                       if (a.utf16_begin != b.utf16_begin) return a.utf16_begin < b.utf16_begin;
                       return a.utf16_end < b.utf16_end;
                     });
  }
  return out;
}

}  // namespace crosswire
