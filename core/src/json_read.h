// A strict JSON reader (RFC 8259) for text the core imports (model_config.h). Internal to the
// core: pure, no I/O, never throws; the caller bounds its input and nesting.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shallowsim::json {

enum class Type : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

// One JSON value. An object keeps its members in text order: keys[i] names items[i].
struct Value {
  Type type = Type::kNull;
  bool boolean = false;
  double number = 0;
  std::string text;               // a string, UTF-8
  std::vector<Value> items;       // an array's elements; an object's member values
  std::vector<std::string> keys;  // an object's member names
  size_t offset = 0;              // where the value starts in the text, in bytes

  // The member `key` of an object; nullptr when there is none (or this is not an object).
  const Value* Find(std::string_view key) const;
};

struct Limits {
  size_t max_bytes = 0;  // the text's size
  size_t max_depth = 0;  // arrays and objects inside one another
};

struct ReadResult {
  Value value;              // null when there is an error
  std::string error;        // "line L, column C: what is wrong"; empty when the text is JSON
  size_t error_offset = 0;  // the byte the error points at
  bool ok() const { return error.empty(); }
};

// The value of a JSON text. Stricter than RFC 8259 where it leaves a choice: a key twice in one
// object is an error (readers disagree on which one wins); a number must fit in 64 characters
// and in a double. A leading UTF-8 byte order mark is skipped, as the RFC allows.
ReadResult Read(std::string_view text, const Limits& limits);
// "a string", "an array", … for messages.
std::string_view TypeName(Type type);
// "line L, column C" of a byte offset; columns count characters (UTF-8), from 1.
std::string Where(std::string_view text, size_t offset);

}  // namespace shallowsim::json
