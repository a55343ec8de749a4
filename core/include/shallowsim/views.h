// Views built on the decode table (SPEC §5).
#pragma once

#include <string_view>

#include "shallowsim/table.h"

namespace shallowsim {

// SPEC §5 "Leaderboard": per (GPU, BatchSize) the row(s) with the largest Total (exact ties all
// kept, QUIRKS Q16), sorted by Total descending, stable in decode row order.
DecodeTable Leaderboard(const DecodeTable& decode);

// SPEC §5 "Per-GPU view": rows of one GPU with TPS > tps_limit, the best row per
// (BatchSize, EP) (first in row order among ties), sorted by Total descending.
DecodeTable PerGpuBest(const DecodeTable& decode, std::string_view gpu, double tps_limit);

// Per GPU, the Pareto frontier of (TPS per user, Total per GPU): rows that no other row of the
// same GPU beats on both, sorted by TPS ascending. Ties on both keep the first in row order.
DecodeTable Frontier(const DecodeTable& decode);

}  // namespace shallowsim
