// JSON text helpers shared by the analysis writer (json.cc) and the wasm bindings.
#ifndef CROSSWIRE_CORE_JSON_H_
#define CROSSWIRE_CORE_JSON_H_

#include <string>
#include <string_view>

namespace crosswire {

// Appends `s` (UTF-8) as a JSON string literal: quotes, backslashes and control characters escaped,
// everything else as is.
void AppendJsonString(std::string& out, std::string_view s);
// The same, as a new string.
std::string JsonString(std::string_view s);

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_JSON_H_
