// Status and Result: how every function of the core reports failure, without exceptions.
// Part of the public API (analyzer.h includes it); the stages use it too.
#ifndef CROSSWIRE_STATUS_H_
#define CROSSWIRE_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace crosswire {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // malformed call: empty id, duplicate id, bad option value
  kTooLarge,         // an article or the batch is over its size limit
  kBinaryInput,      // bytes that are not text (NUL-laden, undecodable)
  kBadAliases,       // an aliases file line that cannot be read
  kDataError,        // the data pack or ICU data could not be loaded
  kUnreadable,       // an input that cannot be read: missing, no permission, not a file, link loop
  kInternal,
};

// The name of a code as the JS API and the CLI report it, e.g. "too_large".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace crosswire

// Returns the Status of `expr` from the calling function when it is not ok.
#define CROSSWIRE_RETURN_IF_ERROR(expr)                                      \
  do {                                                                       \
    if (::crosswire::Status status_ = (expr); !status_.ok()) return status_; \
  } while (false)

#define CROSSWIRE_CONCAT_INNER_(a, b) a##b
#define CROSSWIRE_CONCAT_(a, b) CROSSWIRE_CONCAT_INNER_(a, b)
#define CROSSWIRE_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                                     \
  if (!result.ok()) return result.status();                 \
  lhs = std::move(result).value()

// `lhs = value of expr`, or returns the Status of `expr` (a Result) when it has no value:
//   CROSSWIRE_ASSIGN_OR_RETURN(auto finder, MentionFinder::Create(data));
#define CROSSWIRE_ASSIGN_OR_RETURN(lhs, expr) \
  CROSSWIRE_ASSIGN_OR_RETURN_IMPL_(CROSSWIRE_CONCAT_(result_, __LINE__), lhs, expr)

#endif  // CROSSWIRE_STATUS_H_
