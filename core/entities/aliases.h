// The aliases format (docs/ARCHITECTURE.md): user corrections and curated names, one entity a line,
// `TYPE<TAB>canonical<TAB>variant...`. Read here; applied by entity linking.
#ifndef CROSSWIRE_CORE_ENTITIES_ALIASES_H_
#define CROSSWIRE_CORE_ENTITIES_ALIASES_H_

#include <string>
#include <string_view>
#include <vector>

#include "crosswire/types.h"

namespace crosswire {

struct AliasEntry {
  EntityType type = EntityType::kMisc;
  std::string canonical;
  std::vector<std::string> variants;
};

// Parses aliases text; errors name the line. `source` names the file in messages.
Result<std::vector<AliasEntry>> ParseAliases(std::string_view text, std::string_view source);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_ENTITIES_ALIASES_H_
