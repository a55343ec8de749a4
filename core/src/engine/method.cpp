#include "method.h"

#include <algorithm>
#include <cmath>

#include "../formulas.h"

namespace shallowsim::engine {

namespace {

// NVFP4: a 4-bit value per element and an FP8 scale per 16 elements (OCP/NVIDIA NVFP4 format).
constexpr double kFp4Bytes = 0.5 + 1.0 / 16;

bool ComputeLight(const Gpu& gpu, const Calibration& cal, const Fixes& fix) {
  if (!fix.q4) return gpu.name.find("H20") != std::string::npos;  // the reference's name rule
  return ComputeLightClass(cal, gpu);
}

Experts ExpertsOf(const Method& mth, const Gpu& gpu, const Rates& r, const Calibration* cal,
                  bool light) {
  const MoeDtype moe = mth.scenario->moe_dtype;
  const bool fp4 = Fp4Experts(moe, gpu);
  Experts e;
  e.fp4 = fp4;
  e.bytes = fp4 ? kFp4Bytes : 1.0;
  // SPEC §4: auto runs at the GEMM rate and halves the load where the GPU has FP4; fp4 halves
  // it everywhere and runs at the FP4 rate where there is one.
  e.seed_fp4_load = moe == MoeDtype::kAuto ? r.fp4 != 0 : moe == MoeDtype::kFp4;
  e.seed_rate = moe == MoeDtype::kAuto                  ? r.gemm
                : (moe == MoeDtype::kFp4 && r.fp4 != 0) ? r.fp4
                                                        : r.fp8;
  if (cal == nullptr) return e;
  // From 2026-12e: FP4 experts run by a kernel of their own, at `peak`.
  const auto own = [&](const MoeKernel& k, double peak) {
    e.peak = peak;
    e.fit = k.fit;
    e.compute = k.fit.compute;
    e.routed_floor_ms = k.routed_floor_ms;
    return e;
  };
  const bool mxfp4 = mth.model->mxfp4_experts > 0;
  if (fp4 && gpu.fp4 > 0 && mxfp4) {
    // MXFP4 checkpoints (GPT-OSS): on Blackwell an MXFP8 × MXFP4 MMA at the FP8 rate; on FP4 GPUs
    // outside that class (MI355X), AITER's MXFP4 kernels.
    const bool blackwell = NvidiaBlackwellKernels(*cal, gpu);
    const MoeKernel& k = blackwell ? cal->mxfp4_blackwell : cal->mxfp4_cdna4;
    if (k.fit.compute > 0) return own(k, blackwell ? gpu.fp8 : gpu.fp4);
  }
  // On NVIDIA Hopper-class GPUs (no FP4 tensor cores) FP4 experts are W4A16 at the BF16 rate; the
  // compute-light class keeps its own share.
  if (fp4 && cal->w4a16_hopper.fit.compute > 0 && NvidiaHopperKernels(*cal, gpu)) {
    own(cal->w4a16_hopper, gpu.fp16);
    if (light) e.compute = cal->gemm_compute_light;
    return e;
  }
  // On the NVIDIA Blackwell class vLLM and SGLang run FP8 experts with FlashInfer's trtllm-gen
  // MoE (from 2026-12f; NVFP4 keeps its fit), and from 2026-12i TensorRT-LLM too (its TRTLLM MoE
  // backend is the same kernel family).
  if (!fp4 && cal->fi_fp8_blackwell.fit.compute > 0 && NvidiaBlackwellKernels(*cal, gpu) &&
      (mth.scenario->framework != Framework::kTrtllm || cal->trtllm_gen_fp8_blackwell)) {
    return own(cal->fi_fp8_blackwell, gpu.fp8);
  }
  // TensorRT-LLM runs them with DeepGEMM there, fitted over its whole table (from 2026-12h; before,
  // the grouped_fp8_fp4_gpus figures below).
  if (!fp4 && cal->deepgemm_fp8_blackwell.fit.compute > 0 && NvidiaBlackwellKernels(*cal, gpu) &&
      mth.scenario->framework == Framework::kTrtllm) {
    return own(cal->deepgemm_fp8_blackwell, gpu.fp8);
  }
  // FP8 experts on GPUs with FP4 tensor cores outside the Blackwell class (the MI355X, and a hw=
  // GPU of that kind): AITER's fused MoE (from 2026-12h).
  if (!fp4 && cal->fp8_cdna4.fit.compute > 0 && gpu.fp4 > 0 && !NvidiaBlackwellKernels(*cal, gpu)) {
    return own(cal->fp8_cdna4, gpu.fp8);
  }
  e.peak = gpu.fp8;
  e.fit = cal->grouped_fp8;
  e.routed_floor_ms = cal->routed_floor_ms;
  if (fp4 && gpu.fp4 > 0) {  // NVFP4 tensor cores; elsewhere FP4 is weight-only (W4A8)
    e.peak = gpu.fp4;
    e.fit = cal->grouped_fp4;
  }
  // framework=trtllm (2026-12d): TensorRT-LLM's CUTLASS FP8 block-scale experts on Hopper-class
  // GPUs. Not for FP4 weights there (TensorRT-LLM runs those with its Triton backend).
  if (mth.scenario->framework == Framework::kTrtllm && !fp4 &&
      cal->grouped_fp8_trtllm.compute > 0 && NvidiaHopperKernels(*cal, gpu)) {
    e.fit = cal->grouped_fp8_trtllm;
    // Experts sliced by MoE TP run slower than whole ones: the slices' own fits (from 2026-12i;
    // SlicedBy, where the layout is known).
    e.sliced = cal->trtllm_fp8_sliced_hopper;
  }
  e.compute = e.fit.compute;
  if (e.peak == gpu.fp8) {  // FP8 expert GEMMs
    if (light) e.compute = cal->gemm_compute_light;
    e.light = light;
    if (gpu.fp4 > 0) e.compute = cal->gemm_compute_fp4_gpus;
    if (gpu.fp4 > 0 && cal->grouped_fp8_fp4_gpus.compute > 0) {
      e.fit = cal->grouped_fp8_fp4_gpus;
      e.compute = e.fit.compute;
    }
  }
  return e;
}

}  // namespace

Experts SlicedBy(const Experts& ex, double t) {
  if (t < 2 || ex.sliced[0].fit.compute <= 0) return ex;
  const MoeKernel& k =
      ex.sliced[std::min<size_t>(static_cast<size_t>(std::log2(t)) - 1, ex.sliced.size() - 1)];
  Experts out = ex;
  out.fit = k.fit;
  out.routed_floor_ms = k.routed_floor_ms;
  if (!ex.light) out.compute = k.fit.compute;
  return out;
}

Method MethodOf(const Config& c) {
  Method m;
  m.mode = c.mode;
  m.model = &c.model;
  m.scenario = &c.scenario;
  m.family = &attention::FamilyOf(c.model);
  m.imbalance = EpImbalance(c);
  m.accept = MtpAccept(c.scenario);
  m.kv_bytes = c.scenario.kv_dtype == KvDtype::kBf16 ? 2 : 1;
  if (c.mode == Mode::kCalibrated) {
    m.cal = &CalibrationOf(c);
    const auto on = [&](std::string_view id) { return Corrects(c, id); };
    m.fix = {on("Q1"), on("Q2"),  on("Q3"),  on("Q4"),  on("Q5"),  on("Q6"), on("Q8"),
             on("Q9"), on("Q10"), on("Q11"), on("Q13"), on("Q14"), on("Q15")};
  }
  return m;
}

GpuCtx GpuCtxOf(const Method& mth, const Gpu& gpu) {
  GpuCtx g;
  g.gpu = &gpu;
  g.rates = EffectiveRates(gpu, mth.scenario->discount, /*reserve_comm_sm=*/false);
  g.h20_table = gpu.name.find("H20") != std::string::npos;
  if (mth.cal == nullptr) {
    g.experts = ExpertsOf(mth, gpu, g.rates, nullptr, false);
    return g;
  }
  g.cal = CalibrationFor(*mth.cal, gpu, mth.scenario->framework);
  g.light = ComputeLight(gpu, g.cal, mth.fix);
  g.attn_eff = g.light ? g.cal.mla_compute_light : g.cal.mla_compute;
  if (gpu.fp4 > 0 && g.cal.mla_compute_fp4_gpus > 0) g.attn_eff = g.cal.mla_compute_fp4_gpus;
  if (mth.kv_bytes == 1) {
    const double light_factor =
        g.cal.mla_fp8_kv_factor_light > 0 ? g.cal.mla_fp8_kv_factor_light : g.cal.mla_fp8_kv_factor;
    g.attn_eff *= gpu.fp4 > 0 ? g.cal.mla_fp8_kv_fp4_gpus
                  : g.light   ? light_factor
                              : g.cal.mla_fp8_kv_factor;
  }
  g.mla_bw = gpu.fp4 > 0 ? g.cal.mla_bw_fp4_gpus : g.cal.mla_bw;
  g.dense_compute = g.light       ? g.cal.gemm_compute_light
                    : gpu.fp4 > 0 ? g.cal.gemm_compute_fp4_gpus
                                  : g.cal.dense.compute;
  g.experts = ExpertsOf(mth, gpu, g.rates, &g.cal, g.light);
  return g;
}

double AttentionBlockFloorMs(const Method& mth, const Calibration& cal, const Gpu& gpu,
                             bool decode) {
  const double gemms = cal.family_gemm_floors ? mth.family->gemm_kernels : 4;
  double kernel = cal.mla_floor_ms;
  if (decode && mth.family->kind == AttentionKind::kGqa && cal.gqa_attn_floor_ms > 0) {
    if (NvidiaHopperKernels(cal, gpu)) kernel = cal.gqa_attn_floor_ms;
    if (NvidiaBlackwellKernels(cal, gpu)) kernel = cal.gqa_attn_floor_fp4_ms;
  }
  return kernel + gemms * cal.dense.floor_ms + cal.layer_floor_ms;
}

double GqaRequestMs(const Method& mth, const Calibration& cal, const Gpu& gpu, double kv_heads) {
  double ns = 0;
  if (NvidiaBlackwellKernels(cal, gpu)) {
    ns = cal.gqa_request_ns_blackwell;
  } else if (NvidiaHopperKernels(cal, gpu)) {
    ns = cal.gqa_request_ns_hopper;
    if (mth.scenario->framework == Framework::kTrtllm) {
      ns = mth.kv_bytes == 1 ? cal.gqa_request_ns_hopper_trtllm_fp8
                             : cal.gqa_request_ns_hopper_trtllm_bf16;
    }
  }
  return ns * kv_heads / 1e6;
}

double MhcMs(const Method& mth, const Calibration& cal, const Gpu& gpu, double tokens) {
  const Model& m = *mth.model;
  // Measured where V4's module is (V4Module: NVIDIA, not the H20 class).
  if (m.hc_mult <= 1 || cal.mhc_passes <= 0 || !V4Module(mth, cal, gpu)) return 0;
  return cal.mhc_floor_ms + tokens * cal.mhc_passes * m.hc_mult * m.dim * 2 / 1e6 / gpu.mem_bw;
}

bool V4Module(const Method& mth, const Calibration& cal, const Gpu& gpu) {
  // The tables cover H100/H200 and Blackwell, not the compute-light H20 class.
  return mth.family->kind == AttentionKind::kHybrid && cal.v4_gemm_compute > 0 &&
         !ComputeLightClass(cal, gpu) && NvidiaKernels(cal, gpu);
}

double V4TokenMs(const Method& mth, const Calibration& cal, const Gpu& gpu,
                 const attention::Work& w, bool decode) {
  const bool blackwell = NvidiaBlackwellKernels(cal, gpu);
  const Calibration::V4TokenUs& t =
      blackwell && mth.scenario->framework == Framework::kTrtllm
          ? (decode ? cal.v4_decode_trtllm : cal.v4_prefill_trtllm)
      : blackwell ? (decode ? cal.v4_decode_blackwell : cal.v4_prefill_blackwell)
                  : (decode ? cal.v4_decode_hopper : cal.v4_prefill_hopper);
  // The CSA layers are the ones with an indexer.
  return (w.index > 0 ? t.csa : t.hca) / 1000;
}

LayerMix MixOf(const attention::Groups& groups) {
  LayerMix mix;
  mix.groups = groups;
  double dense = 0, moe = 0;
  for (size_t k = 0; k < groups.size; ++k) {
    dense += groups.items[k].dense_layers;
    moe += groups.items[k].moe_layers;
  }
  const double all = dense + moe;
  for (size_t k = 0; k < groups.size; ++k) {
    const attention::Group& g = groups.items[k];
    const double layers = g.dense_layers + g.moe_layers;
    // A model without dense (or MoE) layers still shows the column: each group by its layers.
    mix.dense_share[k] = dense > 0 ? g.dense_layers / dense : layers / all;
    mix.moe_share[k] = moe > 0 ? g.moe_layers / moe : layers / all;
  }
  return mix;
}

double AttentionParamsM(const Model& m) {
  return m.mla_params_m >= 0 ? m.mla_params_m : attention::FamilyOf(m).params(m) / 1e6;
}

double ExpertParamsM(const Model& m) {
  return m.expert_params_m >= 0 ? m.expert_params_m : 3 * m.dim * m.moe_inter_dim / 1e6;
}

double OtherParamsGb(const Model& m) {
  if (m.other_params_gb >= 0) return m.other_params_gb;
  const double embeddings = m.vocab_size * m.dim * (m.tie_embeddings > 0 ? 1 : 2);
  const double dense_ffn = m.n_dense_layers * 3 * m.dim * m.inter_dim;
  const double routers = m.n_sparse_layers() * m.dim * m.n_routed_experts;
  return (embeddings + dense_ffn + routers) / 1e9;
}

ExpertLayout LayoutOf(const Model& m, const Scenario& s, double ep) {
  const double t = std::min(s.moe_tp, ep);
  ExpertLayout l;
  if (t <= 1) {
    l.groups = ep;
    l.slices = l.whole = std::ceil(m.n_routed_experts / ep);
    return l;
  }
  l.groups = std::max(1.0, std::floor(ep / t));
  l.slices = std::ceil(m.n_routed_experts / l.groups);
  l.whole = l.slices / t;
  return l;
}

double MaxBatch(const Method& mth, const Gpu& gpu, double ep, double tp) {
  const Model& m = *mth.model;
  const Scenario& s = *mth.scenario;
  const double g = LayoutOf(m, s, ep).whole;
  // The shared experts (QUIRKS Q11: one, kept), in routed experts' sizes.
  double shared = 1;
  if (mth.fix.q11) {
    shared = m.n_shared_experts;
    if (m.shared_inter_dim > 0) shared *= m.shared_inter_dim / m.moe_inter_dim;
  }
  const double x = g + shared;
  // The MTP layer is one more attention + MoE layer, with its own KV cache.
  const double layers = s.mtp > 0 ? m.n_layers + 1 : m.n_layers;
  const double sparse = s.mtp > 0 ? m.n_sparse_layers() + 1 : m.n_sparse_layers();
  double experts_gb = ExpertParamsM(m) * sparse * x / 1024;
  // The seed shrinks only explicit fp4 experts in memory (QUIRKS Q8); corrected, every
  // precision has its size.
  if (mth.seed()) {
    if (s.moe_dtype == MoeDtype::kFp4) experts_gb *= kFp4Bytes;
  } else if (mth.fix.q8) {
    if (Fp4Experts(s.moe_dtype, gpu)) experts_gb *= kFp4Bytes;
  }
  const double free_gb = gpu.mem * s.mem_util - OtherParamsGb(m) -
                         AttentionParamsM(m) * layers / tp / 1024 - experts_gb;
  // KV: replicated on each of tp ranks (QUIRKS Q13, kept); corrected, a TP group of tp GPUs holds
  // tp × bs requests and each rank its share of every one (the whole latent for MLA).
  const attention::Family& f = *mth.family;
  const double context = s.seq_len + s.decode_len;
  double kv_bytes = f.kv_elems(m, context) * layers * tp;
  if (mth.fix.q13) {
    const double share = f.kv_share(m, tp);
    if (share != 1) kv_bytes *= share;
  }
  if (mth.kv_bytes != 1) kv_bytes *= mth.kv_bytes;
  const double index = f.index_elems(m, context);
  if (index > 0) kv_bytes += index * layers * tp * mth.kv_bytes;  // the indexer's keys
  return free_gb * formulas::kGiB / kv_bytes;
}

double SeedAllToAllBw(const Gpu& gpu, const Rates& r, double experts, double experts_per_gpu,
                      double ep) {
  if (gpu.gpu_per_node == 8) return experts / experts_per_gpu == 8 ? r.nvlink : r.pcie;
  if ((gpu.gpu_per_node == 72 || gpu.gpu_per_node == 144 || gpu.gpu_per_node == 576) &&
      ep > gpu.gpu_per_node) {
    return r.pcie;
  }
  return r.nvlink;
}

}  // namespace shallowsim::engine
