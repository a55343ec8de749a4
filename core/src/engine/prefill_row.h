// One prefill row in both modes (prefill_row.cpp). Internal to the core.
#pragma once

#include "method.h"
#include "shallowsim/table.h"

namespace shallowsim::engine {

// SPEC §3's columns for one GPU, timed by the method.
PrefillRow PrefillRowOf(const Method& method, const Gpu& gpu);

}  // namespace shallowsim::engine
