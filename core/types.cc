// The plain types of the public API: names of codes and types, dates as text.
#include "crosswire/types.h"

#include <cstdio>

#include "crosswire/status.h"

namespace crosswire {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid_argument";
    case StatusCode::kTooLarge:
      return "too_large";
    case StatusCode::kBinaryInput:
      return "binary_input";
    case StatusCode::kBadAliases:
      return "bad_aliases";
    case StatusCode::kDataError:
      return "data_error";
    case StatusCode::kUnreadable:
      return "unreadable";
    case StatusCode::kInternal:
      return "internal";
  }
  return "internal";
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "PERSON";
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kPlace:
      return "PLACE";
    case EntityType::kMisc:
      return "MISC";
  }
  return "MISC";
}

std::string Date::ToString() const {
  char buf[16];
  switch (precision) {
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      break;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      break;
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
  }
  return buf;
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  if (name == "PERSON") return EntityType::kPerson;
  if (name == "ORG") return EntityType::kOrg;
  if (name == "PLACE") return EntityType::kPlace;
  if (name == "MISC") return EntityType::kMisc;
  return std::nullopt;
}

}  // namespace crosswire
