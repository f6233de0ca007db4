// Reading the aliases format (docs/ARCHITECTURE.md): comments, the kind of line (an entity's type,
// APART or STORY) and its fields, with errors that name the line.
#include "entities/aliases.h"

#include <iterator>
#include <optional>
#include <utility>

#include "text/fields.h"

namespace crosswire {
namespace {

// `line` without its comment: '#' starts one at the start of a line or of a field.
std::string_view WithoutComment(std::string_view line) {
  for (size_t pos = line.find('#'); pos != std::string_view::npos; pos = line.find('#', pos + 1)) {
    if (pos == 0 || line[pos - 1] == '\t' || line[pos - 1] == ' ') return line.substr(0, pos);
  }
  return line;
}

// At most 40 bytes of a field for an error message, cut at a character boundary: a line of a
// binary or runaway file is not echoed whole.
std::string Excerpt(std::string_view field) {
  if (field.size() <= 40) return std::string(field);
  std::size_t end = 40;
  while (end > 0 && (static_cast<unsigned char>(field[end]) & 0xC0) == 0x80) --end;
  return std::string(field.substr(0, end)) + "...";
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
    line = WithoutComment(line);
    if (TrimSpaces(line).empty()) continue;
    std::vector<std::string_view> fields = SplitFields(line);
    for (std::string_view& field : fields) field = TrimSpaces(field);
    auto error = [&](const std::string& what) {
      return Status(StatusCode::kBadAliases,
                    std::string(source) + ":" + std::to_string(line_number) + ": " + what);
    };
    std::vector<std::string> rest;
    for (size_t i = 1; i < fields.size(); ++i) {
      if (!fields[i].empty()) rest.emplace_back(fields[i]);
    }
    AliasEntry entry;
    if (fields[0] == "APART") {
      if (rest.size() < 2) return error("APART needs at least two spellings, separated by tabs");
      entry.kind = AliasKind::kKeepApart;
    } else if (fields[0] == "STORY") {
      if (rest.size() != 2)
        return error("STORY needs two article ids: the article, then one in the story it joins");
      if (rest[0] == rest[1]) return error("STORY names the same article twice");
      entry.kind = AliasKind::kSameStory;
    } else {
      std::optional<EntityType> type = ParseEntityType(fields[0]);
      if (!type) {
        return error("unknown type '" + Excerpt(fields[0]) +
                     "' (expected PERSON, ORG, PLACE, MISC, APART or STORY, then a tab)");
      }
      if (fields.size() < 2 || fields[1].empty())
        return error("missing the canonical name after the type");
      entry.type = *type;
    }
    entry.canonical = std::move(rest.front());
    entry.variants.assign(std::make_move_iterator(rest.begin() + 1),
                          std::make_move_iterator(rest.end()));
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace crosswire
