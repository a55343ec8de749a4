// The scenarios a workload (isl, osl) gives the decode and prefill tables, shared by the planner
// (plan.cpp) and serve (serve.cpp), and the link of a scenario in one view. Internal to the core.
#pragma once

#include <string>
#include <string_view>

#include "shallowsim/config.h"

namespace shallowsim::detail {

// Decode: attention reads the mean KV of a request's decode, isl + ⌊osl/2⌋ (whole tokens, so
// that the decode view's link reproduces it); the memory check holds its longest, isl + osl.
// No TPS floor. The view keys stay the caller's.
Config WorkloadDecode(const Config& c);
// The decode scenario narrowed to one GPU, EP, decode TP and batch.
Config Shaped(const Config& base, const Gpu& gpu, double bs, double ep, double tp);
// One prefill of a prompt (seq_len = isl) on one GPU at attention TP × DP; prefill_tokens per TP
// group in calibrated mode (the reference prefills one prompt). The view keys at their defaults.
Config PrefillShaped(const Config& c, const Gpu& gpu, double tp, double dp, double tokens);
// The canonical link of a config in one view, its other view keys at their defaults.
std::string ViewLink(Config c, std::string_view view);

}  // namespace shallowsim::detail
