// A Hugging Face config.json as a ShallowSim model (SPEC §1.1, docs/MODELS.md).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "shallowsim/config.h"

namespace shallowsim {

// Limits of the config.json text (the CLI checks the file's size before it reads it).
inline constexpr size_t kMaxModelConfigBytes = size_t{1} << 20;  // 1 MiB
inline constexpr size_t kMaxModelConfigDepth = 64;  // arrays and objects inside one another

// `base` with its model replaced by the one `json_text` describes. The dimensions that equal a
// preset's (every model key but the memory constants) give exactly that preset, so the link
// is `model=<preset>`; others give the closest preset of the architecture with the keys that
// differ, and the memory constants derived from the dimensions (kDerived). Errors are keyed
// "model-config", each naming the config.json field, its value and what is allowed; a field
// the architecture needs is never assumed. Never throws.
ParseResult ImportModelConfig(std::string_view json_text, const Config& base);

// The `architectures` ImportModelConfig reads, in the order its messages list them.
std::vector<std::string_view> ModelConfigArchitectures();

}  // namespace shallowsim
