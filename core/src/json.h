// JSON text helpers for the writers and the schema description. Internal to the core.
#pragma once

#include <string>
#include <string_view>

#include "shallowsim/bilingual.h"

namespace shallowsim::json {

// A JSON string literal (quotes, backslashes and control characters escaped).
std::string String(std::string_view text);
// {"en": "...", "zh": "..."}
std::string Bilingual(const Text& text);
inline std::string Bool(bool b) { return b ? "true" : "false"; }

}  // namespace shallowsim::json
