// Calibrated mode (docs/CALIBRATION.md): the same rows as the reference (SPEC §3, §4), timed by
// rooflines whose efficiencies were measured on published kernels, with the reference's quirks
// corrected unless keep= lists them. Internal to the core: Prefill(), Decode() and the sweeps
// call it when mode=calibrated.
#pragma once

#include <string_view>

#include "shallowsim/calibration.h"
#include "shallowsim/config.h"
#include "shallowsim/table.h"

namespace shallowsim::calibrated {

// Which corrections a config applies (calibration.h Quirks(): corrected ones, not in keep=).
struct Fixes {
  bool q1, q2, q3, q4, q5, q6, q8, q9, q10, q11, q13, q14, q15;
};
Fixes FixesOf(const Config& config);

// Everything a decode row needs that does not depend on the row.
struct DecodeSetup {
  const Model* model;
  const Scenario* scenario;
  const Calibration* cal;
  Fixes fix;
  double imbalance;             // busiest EP rank / mean
  double accept;                // tokens per request per step
  double kv_bytes;              // per KV element
  double attn_gflop_per_token;  // MLA attention core for one query token (absorbed form)
  double proj_gflop_per_token;  // MLA projections for one query token
};
DecodeSetup SetupOf(const Config& config);

// Expert weights on a GPU: their precision, bytes per parameter, the rate they run at.
struct Experts {
  bool fp4 = false;  // NVFP4 weights
  double bytes = 1;  // per parameter
  double peak = 0;   // TFLOPS
  GemmFit fit;
  double compute = 0;  // share of `peak` reached when compute-bound
};

// What depends on the GPU but not on the row.
struct GpuSetup {
  const Gpu* gpu;
  Calibration cal;       // the calibration as it applies to this GPU (CalibrationFor)
  bool light;            // compute-light (H20 class)
  double attn_eff;       // MLA attention core / BF16 peak
  double mla_bw;         // MLA KV stream / HBM bandwidth
  double dense_compute;  // dense FP8 GEMM compute share
  Experts experts;
};
GpuSetup GpuSetupOf(const DecodeSetup& s, const Gpu& gpu);

// The largest decode batch per GPU whose KV cache fits (like the reference's MaxBatch, with the
// KV and expert precisions, the MTP layer and the shared experts counted).
double MaxBatch(const DecodeSetup& s, const Gpu& gpu, double ep, double tp);

// One decode row (SPEC §4 columns) for a GPU, EP, batch per GPU and attention TP.
DecodeRow DecodeRowOf(const DecodeSetup& s, const GpuSetup& gpu, double ep, double bs, double tp);

// One prefill row (SPEC §3 columns).
PrefillRow PrefillRowOf(const Config& config, const Gpu& gpu);

}  // namespace shallowsim::calibrated
