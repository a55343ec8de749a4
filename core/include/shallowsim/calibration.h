// Calibrated mode: the reference's quirks (QUIRKS Q1–Q16) with the corrections calibrated mode
// applies, and the calibrations — constants measured on published kernels and systems, each
// with its source in docs/CALIBRATION.md. Calibrations are never edited once shipped: a link
// names the one it used (cal=) and keeps computing what it computed.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "shallowsim/bilingual.h"
#include "shallowsim/config.h"

namespace shallowsim {

// What the faithful model does that an analyst should know (docs/QUIRKS.md), and whether
// calibrated mode corrects it.
struct Quirk {
  std::string_view id;  // Q1 … Q16
  Text text;            // the reference's behaviour
  Text effect;          // its effect, measured on the golden configs ("" = none stated)
  bool corrected = false;
  Text correction;  // what calibrated mode does instead
};
std::span<const Quirk> Quirks();

// A prefill attention core's share of the BF16 peak by prompt length: `at_1k` up to 1,024 tokens,
// `top` from `top_tokens`, log-linear in the length between (calibration 2026-12i).
struct PrefillAttnCurve {
  double at_1k = 0;       // 0: no curve (the calibration's prefill_attn_short / _long)
  double top = 0;         // the share from top_tokens on
  double top_tokens = 0;  // where the share stops rising
};
// The curve's share at a prompt of `tokens`. Hopper's prefill_attn_short / _long are the curve
// {short, long, 4096}.
double ShareAt(const PrefillAttnCurve& curve, double tokens);

// A grouped or dense GEMM's roofline: time = max(weights / (HBM · bw), FLOPs / (peak · compute ·
// tile(m))) + floor, where tile(m) = m / (block_m · ceil(m / block_m)) is the share of the
// tensor-core tiles the m rows fill.
struct GemmFit {
  double bw = 0;        // achieved / datasheet HBM bandwidth while streaming weights
  double compute = 0;   // achieved / datasheet tensor rate when compute-bound
  double block_m = 0;   // rows per tile
  double floor_ms = 0;  // fixed time per GEMM kernel
};

// A fused-MoE kernel: its grouped GEMMs' roofline and the routed-expert block's fixed time
// (fit.compute 0: the calibration has no such kernel).
struct MoeKernel {
  GemmFit fit;
  double routed_floor_ms = 0;
};

// Kernel and fabric efficiencies of a GPU class whose kernels differ from the Hopper-derived
// defaults (calibration 2026-12b: AMD CDNA3, measured on MI300X/MI325X). A GPU is in the class when
// it has no FP4 and its FP8 TFLOPS per SM (CU) is at least `light_fp8_per_sm` and below
// `fp8_per_sm_below`; its values replace the defaults of the same names.
struct KernelClass {
  double fp8_per_sm_below = 0;  // 0 = no such class (2026-12)
  double mla_bw = 0;
  double mla_compute = 0;
  GemmFit dense;
  GemmFit grouped_fp8;
  double gemm_large = 0;
  double prefill_attn_short = 0;
  double prefill_attn_long = 0;
  double nvlink = 0;  // the scale-up fabric (xGMI)
  double nic = 0;
};

// The decode attention kernel's KV stream / HBM bandwidth by the requests one call reads: few
// requests split their KV over fewer SMs than the GPU has (FlashMLA's split-KV scheduler).
// Measured at 1, 4 and ≥ 16 requests; log-interpolated between (calibration 2026-12c).
struct KvStream {
  double b1 = 0, b4 = 0, b16 = 0;  // 0: the calibration's flat mla_bw
};

// Fixed time of one all-to-all phase (dispatch or combine) at small token counts, by transport
// (calibration 2026-12c; 0: the calibration's single a2a_floor_ms).
struct A2aFloor {
  double dispatch = 0, combine = 0;  // ms
};

struct Calibration {
  std::string_view id;  // cal=
  // Attention (MLA) kernels.
  double mla_bw = 0;               // decode: KV stream / HBM bandwidth
  double mla_bw_fp4_gpus = 0;      // the same on GPUs with FP4 tensor cores (Blackwell kernels)
  double mla_compute = 0;          // decode: attention core / BF16 peak (BF16 KV)
  double mla_compute_light = 0;    // the same on compute-light GPUs (H20 class)
  double mla_fp8_kv_factor = 0;    // attention core with FP8 KV (FP8 MMA), relative to BF16 KV
  double mla_fp8_kv_fp4_gpus = 0;  // the same on GPUs with FP4 tensor cores (Blackwell)
  double mla_floor_ms = 0;         // fixed time per attention kernel call
  double prefill_attn_short = 0;   // prefill attention / BF16 peak at 1K tokens
  double prefill_attn_long = 0;    // the same at ≥ 4K tokens (log-linear between)
  double prefill_attn_light = 0;   // prefill attention on compute-light GPUs
  // GEMMs.
  GemmFit dense;                  // small-M dense FP8 GEMM (MLA projections, dense MLP) in decode
  GemmFit grouped_fp8;            // grouped FP8 expert GEMM (DeepGEMM masked/contiguous)
  GemmFit grouped_fp4;            // grouped NVFP4 expert GEMM (Blackwell)
  double gemm_compute_light = 0;  // compute share of FP8 GEMMs on compute-light GPUs
  double gemm_compute_fp4_gpus = 0;  // compute share of FP8 GEMMs on GPUs with FP4 (Blackwell)
  double gemm_large = 0;             // large-M dense FP8 GEMM (prefill)
  double light_fp8_per_sm = 0;       // TFLOPS of FP8 per SM below which a GPU is compute-light
  // Communication.
  double nvlink = 0;  // all-to-all over the scale-up link / its datasheet bandwidth
  double nic = 0;     // all-to-all over the scale-out NIC / its datasheet bandwidth
  double prefill_nodes_per_token = 0;  // node-limited routing: nodes a token's experts span
  double a2a_floor_ms = 0;             // fixed time per all-to-all
  double allreduce_floor_ms = 0;
  // Serving.
  double in_situ = 0;  // kernel time in a serving system / in a unit test
  // The same for the kernels' fixed times: 2026-12 and 2026-12b scale them by in_situ too
  // (-1: in_situ); from 2026-12c they are in-framework measurements already (1).
  double in_situ_floors = -1;
  double ep_imbalance = 0;  // busiest EP rank / mean with EPLB and redundant experts
  double sbo_hidden_routed =
      0;  // single-batch overlap: share of routed-expert time that hides comm
  // Overlap efficiency: the share of the overlapping compute that communication actually hides
  // behind (1 = all of it, the reference's and 2026-12's assumption).
  double overlap_prefill = 1;
  double overlap_decode = 1;
  // The same for a prefill with mbs = 1 (one batch, nothing to pair): 2026-12 did not read mbs in
  // prefill (1: paired as two micro-batches); from 2026-12b, 0: communication is not hidden.
  double overlap_prefill_single = 1;
  KernelClass cdna3;  // AMD CDNA3-class GPUs (none in 2026-12)

  // ---- From 2026-12c: the physics of small batches, long contexts and served systems ----
  KvStream kv_hopper_bf16, kv_hopper_fp8;        // decode attention, GPUs without FP4
  KvStream kv_blackwell_bf16, kv_blackwell_fp8;  // GPUs with FP4 tensor cores
  double mla_fp8_kv_factor_light = 0;  // the FP8-KV factor on compute-light GPUs (0: the same)
  double mla_compute_fp4_gpus = 0;     // mla_compute on GPUs with FP4 (Blackwell; 0: the same)
  GemmFit grouped_fp8_fp4_gpus;        // FP8 experts on GPUs with FP4 (compute 0: the old rule)
  A2aFloor a2a_box;                    // within an 8-GPU box without FP4 (Hopper, CDNA)
  A2aFloor a2a_box_fp4;                // within an 8-GPU box with FP4 (Blackwell)
  A2aFloor a2a_rack;                   // within an NVL rack
  A2aFloor a2a_rdma_16;                // across nodes (RDMA): EP 16
  A2aFloor a2a_rdma_32;                // EP 32
  A2aFloor a2a_rdma_64;                // EP ≥ 64
  bool distinct_experts = false;       // a grouped GEMM reads only the experts that received tokens
  double routed_floor_ms = 0;          // fixed time of the routed-expert block (0: two GEMM floors)
  double layer_floor_ms = 0;           // per layer: norms, RoPE, quantisation and the router
  bool out_proj_gemm = false;          // the output projection is a GEMM (was timed with the core)
  bool exact_causal = false;           // causal pairs counted exactly (was half the square)
  bool uncached_prefill = false;       // prefix-cache hits skip their compute (was: only kv_down)

  // ---- From 2026-12d: a framework's own kernels where its measured tables differ (framework=) --
  GemmFit grouped_fp8_trtllm;  // TensorRT-LLM CUTLASS FP8 experts, GPUs without FP4
  // SGLang's MLA decode on Blackwell: its speed over TensorRT-LLM's (the defaults), which scales
  // the KV stream and the attention core alike (0: no table).
  double sglang_blackwell_mla_bf16 = 0;  // BF16 KV
  double sglang_blackwell_mla_fp8 = 0;   // FP8 KV
  // The attention block's fixed time counts the family's own weight GEMM kernels (GQA: 2), where
  // earlier calibrations time every family with MLA's four.
  bool family_gemm_floors = false;
  // The GQA decode attention kernel's fixed time (0: MLA's mla_floor_ms), GPUs without FP4 and
  // with FP4 (Blackwell); CDNA-class GPUs keep MLA's.
  double gqa_attn_floor_ms = 0;
  double gqa_attn_floor_fp4_ms = 0;
  // The GPUs the NVIDIA kernel tables above describe, by FP8 TFLOPS per SM: without FP4 below
  // `nvidia_hopper_fp8_per_sm_below` (Hopper and the H20 class; not Ascend, not the CDNA class),
  // with FP4 from `nvidia_blackwell_fp8_per_sm` (Blackwell and Rubin; not MI355X).
  double nvidia_hopper_fp8_per_sm_below = 0;
  double nvidia_blackwell_fp8_per_sm = 0;

  // ---- From 2026-12e: FP4 experts by the kernels that run them ------------------------------
  // NVIDIA Hopper-class GPUs run FP4 experts weight-only (W4A16): the weights are decoded to
  // BF16 in the kernel and multiplied at the BF16 rate (none: the FP8 rate, W4A8, as before).
  MoeKernel w4a16_hopper;
  // The NVIDIA tables' lower bound of FP8 TFLOPS per SM (0: none, as 2026-12d): the H20 class
  // (3.8) is NVIDIA's, the MI308X (1.25 per CU) is not.
  double nvidia_hopper_fp8_per_sm_from = 0;
  // NVIDIA Blackwell-class GPUs run MXFP4 experts (mxfp4_experts=1) with MXFP8 activations at the
  // FP8 rate (TensorRT-LLM's trtllm-gen kernels, through FlashInfer in vLLM and SGLang); none: the
  // NVFP4 fit, as before.
  MoeKernel mxfp4_blackwell;
  // GPUs with FP4 outside the NVIDIA Blackwell class (the catalogs' MI355X: AMD CDNA4; a hw= GPU
  // of that kind too) run MXFP4 experts with AITER's fused MoE kernels (none: the NVFP4 fit).
  MoeKernel mxfp4_cdna4;

  // ---- From 2026-12f: the GQA decode attention kernel's time per request ---------------------
  // Each request a GQA decode kernel serves costs this much time per KV head on the GPU, on top
  // of its KV stream and whatever its context, in ns (0: none, as 2026-12e): the NVIDIA Hopper
  // class with vLLM's and SGLang's kernels (framework auto or sglang) and with TensorRT-LLM's
  // (FP8 and BF16 KV), and the NVIDIA Blackwell class (every framework). Other GPUs: none (no
  // table).
  double gqa_request_ns_hopper = 0;
  double gqa_request_ns_hopper_trtllm_fp8 = 0;
  double gqa_request_ns_hopper_trtllm_bf16 = 0;
  double gqa_request_ns_blackwell = 0;
  // DeepSeek-V4's attention module (hybrid family) on NVIDIA GPUs, prefill and decode alike: its
  // weight GEMMs at this share of the FP8 peak (0: the dense GEMM share, as 2026-12e), and the
  // time its other kernels (norms, RoPE, the compressors, the indexer's quantisation, the KV
  // store) take per token it processes, in µs, in CSA layers and in HCA (and window-only)
  // layers, by phase and GPU class; TensorRT-LLM's own.
  double v4_gemm_compute = 0;
  struct V4TokenUs {
    double csa = 0;  // CSA layers
    double hca = 0;  // HCA and window-only layers
  };
  V4TokenUs v4_prefill_hopper, v4_decode_hopper;        // vLLM and SGLang (framework auto, sglang)
  V4TokenUs v4_prefill_blackwell, v4_decode_blackwell;  // vLLM and SGLang
  V4TokenUs v4_prefill_trtllm, v4_decode_trtllm;        // TensorRT-LLM (Blackwell tables)
  // DeepSeek-V4's hyper-connections (hc_mult > 1): per layer, a fixed time and a memory-bound
  // time per token of `mhc_passes` reads or writes of its hc_mult × dim BF16 residual at the
  // GPU's HBM bandwidth (0: not timed, as 2026-12e).
  double mhc_floor_ms = 0;
  double mhc_passes = 0;
  // The DeepSeek-V4 presets carry mxfp4_experts=1 for links naming this calibration (model.h
  // FindPreset); links naming an older one read them with 0, as they were.
  bool mxfp4_hybrid = false;
  // NVIDIA Blackwell class with vLLM's and SGLang's MoE (framework auto or sglang: FlashInfer's
  // trtllm-gen fused MoE): FP8 block-scaled experts (none: 2026-12e's DeepGEMM fit, which stays
  // TensorRT-LLM's).
  MoeKernel fi_fp8_blackwell;
  // DeepSeek-V3.2's sparse prefill attention core (DSA: each query against its top-k keys) on the
  // NVIDIA Blackwell class, as a share of the BF16 peak with BF16 and with FP8 KV (0: the MLA
  // prefill share, as 2026-12e).
  double dsa_prefill_attn_bf16 = 0;
  double dsa_prefill_attn_fp8 = 0;

  // ---- From 2026-12g: how attention-DP ranks share an aggregated instance's prefill -----------
  // serve, agg with serve_dpa=1: a prompt is prefilled whole on the rank that holds it (a forward
  // holds at least one prompt per rank; was: the instance's prompt tokens spread over every rank),
  // and with serve_align=0 each rank prefills in forwards of its own while the others wait
  // (TensorRT-LLM blog 10; none: every rank prefills in the same forwards, as 2026-12f).
  bool dpa_prefill_ranks = false;
  // Decode: each step runs the LM head (vocabulary projection, BF16 weights) on its tokens and on
  // each MTP draft's, timed as a dense GEMM with the calibration's dense fit at the BF16 peak
  // (none: not timed, as 2026-12f).
  bool lm_head = false;

  // ---- From 2026-12h: what a single decode micro-batch (mbs = 1) hides its all-to-all behind --
  // By framework: SGLang runs the shared expert, dispatch, experts and combine in sequence
  // (nothing hidden); TensorRT-LLM, and vLLM (auto) on NVIDIA GPUs for calls of at most 256
  // tokens, run the shared expert on a second stream beside the routed path (it hides); with
  // decode_sbo=1 (SGLang --enable-single-batch-overlap) the shared expert and sbo_hidden_routed of
  // the routed experts, as 2026-12g for every framework (none: that, for every framework). The
  // all-reduce of TP-sharded experts is unchanged.
  bool single_batch_by_framework = false;
  // NVIDIA Blackwell class with TensorRT-LLM (framework=trtllm): DeepGEMM's FP8 block-scaled
  // experts fitted over the whole kernel table (none: 2026-12c's grouped_fp8_fp4_gpus, taken at
  // the table's largest work).
  MoeKernel deepgemm_fp8_blackwell;
  // FP8 block-scaled experts on GPUs with FP4 tensor cores outside the NVIDIA Blackwell class
  // (the MI355X: AITER's fused MoE); none: grouped_fp8_fp4_gpus, NVIDIA's DeepGEMM figures.
  MoeKernel fp8_cdna4;

  // ---- From 2026-12i: the prefill attention core on the NVIDIA Blackwell class ---------------
  // The dense prefill attention kernels (MLA's, and GQA's with heads of 128 or more; not DSA's
  // sparse core, not DeepSeek-V4's module, not 64-wide GQA heads) by prompt length, with BF16 and
  // with FP8 KV (none: Hopper's prefill_attn_short / _long, as 2026-12h).
  PrefillAttnCurve prefill_attn_blackwell_bf16;
  PrefillAttnCurve prefill_attn_blackwell_fp8;
  // serve, disagg: the benchmark as a closed loop of `concurrency` requests through the prefill
  // pool (one server of 1 / capacity ms per prompt) and a delay (the rest of the forward, the KV
  // transfer, decoding), by exact mean-value analysis (none: an open M/D/1 queue at the previous
  // iteration's load, whose wait near ρ = 0.99 could fall as the concurrency rose, as 2026-12h).
  bool closed_loop_mva = false;
  // NVIDIA Hopper class with TensorRT-LLM (framework=trtllm): its CUTLASS FP8 experts sliced by
  // MoE TP (moe_tp > 1: every GPU holds a 1/moe_tp slice of every expert), by the slicing degree
  // 2, 4, 8, 16 (a degree between takes the one below; none: grouped_fp8_trtllm, fitted on whole
  // experts, as 2026-12h).
  std::array<MoeKernel, 4> trtllm_fp8_sliced_hopper{};
  // NVIDIA Blackwell class with TensorRT-LLM: FP8 experts by its TRTLLM MoE backend, the trtllm-gen
  // kernels FlashInfer ships (fi_fp8_blackwell), which the published TensorRT-LLM runs select
  // (none: DeepGEMM, deepgemm_fp8_blackwell, as 2026-12h).
  bool trtllm_gen_fp8_blackwell = false;
};
// The calibrations, oldest first; the last is the latest.
std::span<const Calibration> Calibrations();
const Calibration* FindCalibration(std::string_view id);
// The calibration a config computes with: its cal=, or the latest.
const Calibration& CalibrationOf(const Config& config);
// The calibration as it applies to one GPU: a kernel class's values in place of the defaults
// when the GPU is in it (KernelClass), the calibration unchanged otherwise.
// With a framework (framework=), that framework's kernels where the calibration has them.
Calibration CalibrationFor(const Calibration& cal, const Gpu& gpu,
                           Framework framework = Framework::kAuto);
// Whether a GPU is in the calibration's kernel class (its kernels are not NVIDIA's).
bool InKernelClass(const Calibration& cal, const Gpu& gpu);
// Whether the calibration's NVIDIA framework tables (2026-12d) describe a GPU: Hopper-class
// (no FP4) or Blackwell-class (FP4) NVIDIA silicon, by the thresholds above.
bool NvidiaHopperKernels(const Calibration& cal, const Gpu& gpu);
bool NvidiaBlackwellKernels(const Calibration& cal, const Gpu& gpu);
// Either of the two: the GPU runs NVIDIA's (CUDA) kernels.
bool NvidiaKernels(const Calibration& cal, const Gpu& gpu);
// Whether a GPU is compute-light (the H20 class): FP8 TFLOPS per SM below `light_fp8_per_sm`.
bool ComputeLightClass(const Calibration& cal, const Gpu& gpu);
// Whether a config in calibrated mode corrects quirk `id` (not listed in keep=).
bool Corrects(const Config& config, std::string_view id);

// Published MTP acceptance: tokens emitted per request per step for `mtp` draft tokens, the
// bonus token included (docs/CALIBRATION.md). 1 for mtp = 0.
double PublishedMtpAccept(double mtp);
// The config's tokens per step (mtp_accept, or the published figure).
double MtpAccept(const Scenario& s);
// The config's EP imbalance (ep_imbalance, or 1 in reference mode and the calibration's figure
// in calibrated mode).
double EpImbalance(const Config& config);

}  // namespace shallowsim
