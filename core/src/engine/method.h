// One model, two parameter sets. A config's numbers come from one code path (decode_rows.h,
// prefill_row.cpp, memory in method.cpp) that reads the attention family's work (attention.h)
// and times it with the config's Method: the seed's formulas and efficiencies (reference mode,
// SPEC §2–§4) or the measured kernels of a calibration (calibrated mode, calibration.h). The
// reference's quirks are switches (Fixes): reference mode keeps them all; calibrated mode
// corrects those keep= does not list. Internal to the core.
#pragma once

#include <array>

#include "../attention/attention.h"
#include "shallowsim/calibration.h"
#include "shallowsim/config.h"
#include "shallowsim/hardware.h"

namespace shallowsim::engine {

// Which of the reference's quirks a config corrects (QUIRKS Q1–Q15; none in reference mode).
struct Fixes {
  bool q1 = false, q2 = false, q3 = false, q4 = false, q5 = false, q6 = false, q8 = false,
       q9 = false, q10 = false, q11 = false, q13 = false, q14 = false, q15 = false;
};

// Everything a config's rows need that depends on no row, decoded once.
struct Method {
  Mode mode = Mode::kReference;
  const Model* model = nullptr;
  const Scenario* scenario = nullptr;
  const attention::Family* family = nullptr;
  const Calibration* cal = nullptr;  // calibrated mode (nullptr in reference mode)
  Fixes fix;
  double imbalance = 1;  // busiest EP rank's load / the mean
  double accept = 1;     // tokens emitted per request per step
  double kv_bytes = 1;   // per KV element
  bool seed() const { return mode == Mode::kReference; }
};
Method MethodOf(const Config& config);

// Expert weights on a GPU: their precision, bytes per parameter, the rate they run at.
struct Experts {
  bool fp4 = false;            // NVFP4 (or MXFP4) weights
  double bytes = 1;            // per parameter
  double peak = 0;             // TFLOPS: the measured timing's tensor rate
  GemmFit fit;                 // calibrated: the grouped GEMM's roofline
  double compute = 0;          // calibrated: share of `peak` reached when compute-bound
  double routed_floor_ms = 0;  // calibrated: the routed block's fixed time (0: two GEMM floors)
  // calibrated: the routed block's fits when MoE TP slices the experts (degree 2, 4, 8, 16;
  // compute 0: none, the whole experts' fit) and whether the compute-light share replaces theirs
  std::array<MoeKernel, 4> sliced{};
  bool light = false;
  double seed_rate = 0;        // reference: the rate SPEC §4 uses (moe_dtype's, discounted)
  bool seed_fp4_load = false;  // reference: halve the weight load (SPEC §4, QUIRKS Q8)
};

// The routed experts' kernel when MoE TP slices them t ways (t = min(moe_tp, EP); calibration
// 2026-12i): the slice's fit where the calibration has one, else `ex` unchanged.
Experts SlicedBy(const Experts& ex, double t);

// What depends on the GPU but on no row.
struct GpuCtx {
  const Gpu* gpu = nullptr;
  Rates rates;               // the seed's effective rates (decode: every SM computes)
  bool h20_table = false;    // the seed's H20 efficiency table (QUIRKS Q4)
  Calibration cal;           // calibrated: the calibration as it applies to this GPU
  bool light = false;        // calibrated: compute-light (H20 class)
  double attn_eff = 0;       // calibrated: attention core / BF16 peak
  double mla_bw = 0;         // calibrated: KV stream / HBM bandwidth
  double dense_compute = 0;  // calibrated: dense FP8 GEMM compute share
  Experts experts;
};
GpuCtx GpuCtxOf(const Method& method, const Gpu& gpu);

// Calibrated fixed time of one layer's attention block: the attention kernel's floor, one
// small-GEMM floor per weight GEMM of the family (MLA's four before 2026-12d) and the layer floor.
// `decode`: the decode kernel's floor (GQA's measured one on NVIDIA GPUs from 2026-12d); prefill
// keeps MLA's.
double AttentionBlockFloorMs(const Method& mth, const Calibration& cal, const Gpu& gpu,
                             bool decode);

// A GQA decode kernel's time per request served, in ms, with `kv_heads` KV heads on the GPU
// (from 2026-12f; 0 on other GPUs and in earlier calibrations). Callers ask for GQA only.
double GqaRequestMs(const Method& mth, const Calibration& cal, const Gpu& gpu, double kv_heads);

// DeepSeek-V4's attention module on NVIDIA GPUs (from 2026-12f): whether its measured figures
// apply, and the time its non-GEMM kernels take per token of a layer group's work, in ms.
bool V4Module(const Method& mth, const Calibration& cal, const Gpu& gpu);
double V4TokenMs(const Method& mth, const Calibration& cal, const Gpu& gpu,
                 const attention::Work& w, bool decode);
// DeepSeek-V4's hyper-connections (hc_mult > 1, from 2026-12f): one layer's time for `tokens`
// tokens on the GPU, in ms (0 without them).
double MhcMs(const Method& mth, const Calibration& cal, const Gpu& gpu, double tokens);

// The groups of layers a step's attention has (attention.h), with their shares of the MoE and
// dense layers: the weights of the per-layer columns (DenseMLA, SparseMLA, …).
struct LayerMix {
  attention::Groups groups;
  std::array<double, attention::kMaxGroups> moe_share{};    // group's MoE layers / all MoE layers
  std::array<double, attention::kMaxGroups> dense_share{};  // group's dense layers / all of them
};
LayerMix MixOf(const attention::Groups& groups);

// ---- Memory (both modes) ------------------------------------------------------------------------
// Attention parameters per layer (millions), one expert's (millions) and the rest (GB): the
// model's memory constants, or derived from its dimensions where they are kDerived.
double AttentionParamsM(const Model& m);
double ExpertParamsM(const Model& m);
double OtherParamsGb(const Model& m);
// SPEC §4 max batch: the largest decode batch per GPU whose KV cache fits beside the weights, with
// the KV and expert precisions, the MTP layer and (corrected) the shared experts. Not floored.
double MaxBatch(const Method& method, const Gpu& gpu, double ep, double tp);

// ---- Experts (both modes)
// ------------------------------------------------------------------------ How a MoE layer's
// experts lie on the `ep` GPUs of an instance, with moe_tp of them slicing each expert: ep / moe_tp
// groups of whole experts.
struct ExpertLayout {
  double groups = 1;  // EP groups
  double slices = 0;  // expert slices per GPU: ceil(E / groups)
  double whole = 0;   // whole experts' worth per GPU: slices / moe_tp
};
ExpertLayout LayoutOf(const Model& m, const Scenario& s, double ep);

// ---- Links (both modes) -------------------------------------------------------------------------
// SPEC §4 / QUIRKS Q14: the link a decode all-to-all of the seed uses.
double SeedAllToAllBw(const Gpu& gpu, const Rates& r, double experts, double experts_per_gpu,
                      double ep);

}  // namespace shallowsim::engine
