// Prefill: one row per GPU (SPEC §3).
#pragma once

#include <vector>

#include "shallowsim/config.h"
#include "shallowsim/table.h"

namespace shallowsim {

// SPEC §3 for one GPU.
PrefillRow Prefill(const Model& model, const Gpu& gpu, const Scenario& scenario);
// One GPU's prefill row in the config's mode (calibrated mode: calibrated.h).
PrefillRow PrefillOf(const Config& config, const Gpu& gpu);
// SPEC §3 for every selected GPU of a validated config, in order.
std::vector<PrefillRow> PrefillTable(const Config& config);

}  // namespace shallowsim
