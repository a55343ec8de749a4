// Small text helpers shared by the schema, validation and the link codec. Internal to the core.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shallowsim::text {

// Quote user text for a message: printable ASCII kept, other bytes as \xNN, long text cut.
std::string Show(std::string_view text);
// A key as it appears at the start of an error line: escaped and cut like Show, unquoted.
std::string ShowKey(std::string_view key);
// "has 70 items; at most 64 allowed"
std::string TooMany(size_t count, size_t max, std::string_view what);
std::vector<std::string_view> Split(std::string_view text, char sep);
std::string Join(const std::vector<std::string>& items, std::string_view sep);
// The part of a link that holds the keys: after '#', else after '?'; nothing of a bare URL;
// a bare `k=v&...` string as it is.
std::string_view KeysOf(std::string_view link);
// %XX decoding; empty when an escape is malformed.
std::optional<std::string> PercentDecode(std::string_view text);
// %XX encoding of every byte but A-Z a-z 0-9 - _ . and the characters in `keep`.
std::string PercentEncode(std::string_view text, std::string_view keep);
// Case-insensitive edit distance between two short keys (for "did you mean").
size_t Distance(std::string_view a, std::string_view b);

}  // namespace shallowsim::text
