#include "calibrated.h"

#include <algorithm>
#include <cmath>

#include "formulas.h"

namespace shallowsim::calibrated {

namespace {

using formulas::kGiB;
using formulas::kMiB;

// NVFP4: a 4-bit value per element and an FP8 scale per 16 elements (OCP/NVIDIA NVFP4 format).
constexpr double kFp4Bytes = 0.5 + 1.0 / 16;
// An FP8 activation row carries one FP32 scale per 128 elements (DeepEP dispatch: 7168 + 224 B).
constexpr double kFp8RowBytes = 1.0 + 4.0 / 128;

double Ms(double bytes, double gb_per_s) { return bytes / 1e6 / gb_per_s; }  // bytes at GB/s → ms

// The share of tensor-core tiles that m rows fill.
double TileShare(double m, double block) {
  if (m <= 0) return 1;
  return m / (block * std::ceil(m / block));
}

// A GEMM's roofline (calibration.h GemmFit): the longer of streaming the weights and computing,
// plus the kernel's fixed time.
double GemmMs(double gflop, double weight_bytes, double peak_tflops, double rows, double hbm_gbs,
              const GemmFit& fit, double compute, double kernels) {
  const double memory = Ms(weight_bytes, hbm_gbs * fit.bw);
  const double math = gflop / (peak_tflops * compute * TileShare(rows, fit.block_m));
  return std::max(memory, math) + kernels * fit.floor_ms;
}

// Q5 kept: rows per expert read as the reference's bucket (next power of two strictly above).
double BucketRows(double m) {
  double p = 1;
  while (p <= std::floor(m) && p < 1e300) p *= 2;
  return p;
}

bool ComputeLight(const Gpu& gpu, const Calibration& cal, const Fixes& fix) {
  if (!fix.q4) return gpu.name.find("H20") != std::string::npos;  // the reference's name rule
  return gpu.fp8 / gpu.sm < cal.light_fp8_per_sm;
}

Experts ExpertsOf(const Scenario& s, const Gpu& gpu, const Calibration& cal, bool light) {
  const bool fp4 = s.moe_dtype == "fp4" || (s.moe_dtype == "auto" && gpu.fp4 > 0);
  Experts e;
  e.fp4 = fp4;
  e.bytes = fp4 ? kFp4Bytes : 1.0;
  e.peak = gpu.fp8;
  e.fit = cal.grouped_fp8;
  if (fp4 && gpu.fp4 > 0) {  // NVFP4 tensor cores; elsewhere FP4 is weight-only (W4A8)
    e.peak = gpu.fp4;
    e.fit = cal.grouped_fp4;
  }
  e.compute = e.fit.compute;
  if (e.peak == gpu.fp8) {  // FP8 expert GEMMs
    if (light) e.compute = cal.gemm_compute_light;
    if (gpu.fp4 > 0) e.compute = cal.gemm_compute_fp4_gpus;
  }
  return e;
}

// An all-to-all of `bytes` per GPU over `ep` GPUs: the share bound for GPUs in the same
// scale-up domain on NVLink, the rest on the NIC, both at once (Q14); self-bound rows stay.
double AllToAllMs(double bytes, double ep, const Gpu& gpu, const Calibration& cal, const Fixes& fix,
                  double experts_per_gpu, double n_experts) {
  if (ep <= 1) return 0;
  const double nvlink = gpu.nvlink_bw * cal.nvlink, nic = gpu.pcie_bw * cal.nic;
  if (!fix.q14) {  // the reference's choice of one link for all traffic
    double bw = nvlink;
    if (gpu.gpu_per_node == 8) {
      bw = n_experts / experts_per_gpu == 8 ? nvlink : nic;
    } else if ((gpu.gpu_per_node == 72 || gpu.gpu_per_node == 144 || gpu.gpu_per_node == 576) &&
               ep > gpu.gpu_per_node) {
      bw = nic;
    }
    return cal.a2a_floor_ms + Ms(bytes, bw);
  }
  const double domain = std::min(gpu.gpu_per_node, ep);
  const double local = bytes * (domain - 1) / ep, remote = bytes * (ep - domain) / ep;
  return cal.a2a_floor_ms + std::max(Ms(local, nvlink), Ms(remote, nic));
}

// Ring all-reduce of `bytes` over t GPUs on NVLink.
double AllReduceMs(double bytes, double t, const Gpu& gpu, const Calibration& cal) {
  if (t <= 1) return 0;
  return cal.allreduce_floor_ms + Ms(2 * (t - 1) / t * bytes, gpu.nvlink_bw * cal.nvlink);
}

// One decode layer's times for one micro-batch of b requests per GPU with q tokens each.
struct LayerTimes {
  double dense_mla, dense_mlp, sparse_mla, shared, routed, dispatch, combine;
};

LayerTimes DecodeLayer(const DecodeSetup& s, const GpuSetup& gs, double ep, double b, double t,
                       double q) {
  const Model& m = *s.model;
  const Scenario& sc = *s.scenario;
  const Calibration& cal = gs.cal;
  const Fixes& fix = s.fix;
  const Gpu& gpu = *gs.gpu;
  const double latent = m.kv_lora_rank + m.qk_rope_head_dim;
  LayerTimes out{};

  // Attention. Q13: a TP group of tp GPUs serves tp·b requests; each GPU computes its H/tp heads
  // for all of them (the FLOPs of b requests) and reads their whole latent KV. Kept: the
  // reference divides the attention by tp and reads the KV of b requests.
  const auto attention = [&](double tp, bool floors) {
    const double reqs = fix.q13 ? tp * b : b;
    const double share = fix.q13 ? 1.0 : 1.0 / tp;
    const double kv = Ms(reqs * sc.seq_len * latent * s.kv_bytes, gpu.mem_bw * gs.mla_bw);
    const double core = s.attn_gflop_per_token * b * q * share / (gpu.fp16 * gs.attn_eff);
    // The projections (q down/up, absorbed k and v, o_proj): FP8 weights split over the group.
    const double rows = reqs * q;
    const double gflop = s.proj_gflop_per_token * b * q * share;
    double proj;
    if (!fix.q3 && gpu.fp4 > 0) {  // kept: FP4 GEMMs without weights or efficiency
      proj = gflop / gpu.fp4;
    } else {
      proj = GemmMs(gflop, formulas::MlaWeightsMiB(m) * kMiB / tp, gpu.fp8, rows, gpu.mem_bw,
                    cal.dense, gs.dense_compute, 0);
    }
    const double reduce = AllReduceMs(rows * m.dim * 2, tp, gpu, cal);
    const double fixed = floors ? cal.mla_floor_ms + 4 * cal.dense.floor_ms : 0;
    return std::max(kv, core) + proj + reduce + fixed;
  };
  out.sparse_mla = attention(t, true);
  out.dense_mla = fix.q9 ? out.sparse_mla : attention(1, false);  // kept: no TP, no floors

  // Dense MLP on this GPU's tokens (FP8 weights).
  const double tokens = b * q;
  out.dense_mlp = GemmMs(3 * tokens * m.dim * m.inter_dim * 2 / 1e9, 3 * m.dim * m.inter_dim,
                         gpu.fp8, tokens, gpu.mem_bw, cal.dense, gs.dense_compute, 2);

  // Experts.
  const Experts& ex = gs.experts;
  const double expert_bytes = 3 * m.dim * m.moe_inter_dim * ex.bytes;
  const double g = std::ceil(m.n_routed_experts / ep);
  const double k = m.n_activated_experts;
  const double arriving = tokens * k * s.imbalance;  // rows at the busiest GPU
  double rows_per_expert = arriving / g;
  if (!fix.q5) rows_per_expert = BucketRows(rows_per_expert);
  out.routed = GemmMs(3 * arriving * m.dim * m.moe_inter_dim * 2 / 1e9, g * expert_bytes, ex.peak,
                      rows_per_expert, gpu.mem_bw, ex.fit, ex.compute, 2);
  const double shared_n = fix.q11 ? m.n_shared_experts : 1;
  out.shared = shared_n <= 0
                   ? 0
                   : GemmMs(3 * tokens * shared_n * m.dim * m.moe_inter_dim * 2 / 1e9,
                            shared_n * expert_bytes, ex.peak, fix.q6 ? tokens : rows_per_expert,
                            gpu.mem_bw, ex.fit, ex.compute, 2);

  // All-to-all: FP8 tokens with their scales out, BF16 (or FP8 on FP4 GPUs with fp8_combine)
  // back; the busiest GPU receives `imbalance` times the mean.
  const double sent = tokens * k * m.dim * s.imbalance;
  const double combine_bytes = sc.fp8_combine != 0 && gpu.fp4 > 0 ? 1 : 2;
  out.dispatch = AllToAllMs(sent * kFp8RowBytes, ep, gpu, cal, fix, g, m.n_routed_experts);
  out.combine = AllToAllMs(sent * combine_bytes, ep, gpu, cal, fix, g, m.n_routed_experts);
  // Kernels in a serving system run slower than in their unit tests (calibration.h in_situ).
  for (double* t : {&out.dense_mla, &out.dense_mlp, &out.sparse_mla, &out.shared, &out.routed,
                    &out.dispatch, &out.combine}) {
    *t *= cal.in_situ;
  }
  return out;
}

// A decode row's step times from its layer times (per micro-batch), summed over micro-batches.
struct Step {
  double comp, comm, delta, dense;
};
Step StepOf(const LayerTimes& l, double mbs, const Calibration& cal) {
  Step st;
  st.comp = mbs * (l.sparse_mla + l.shared + l.routed);
  st.comm = mbs * (l.dispatch + l.combine);
  // Two or more micro-batches hide one's communication behind the others' compute (DeepSeek's
  // decode pipeline); a single batch hides it behind the shared expert and the down GEMMs.
  // Only `overlap_decode` of that compute hides it in practice (calibration.h).
  const double hidden = (mbs >= 2 ? st.comp : mbs * (l.shared + l.routed * cal.sbo_hidden_routed)) *
                        cal.overlap_decode;
  st.delta = st.comm - hidden;
  st.dense = mbs * (l.dense_mla + l.dense_mlp);
  return st;
}

}  // namespace

Fixes FixesOf(const Config& c) {
  const auto on = [&](std::string_view id) { return Corrects(c, id); };
  return {on("Q1"), on("Q2"),  on("Q3"),  on("Q4"),  on("Q5"),  on("Q6"), on("Q8"),
          on("Q9"), on("Q10"), on("Q11"), on("Q13"), on("Q14"), on("Q15")};
}

DecodeSetup SetupOf(const Config& c) {
  const formulas::MlaWork per_token = formulas::MlaAbsorbed(c.model, 1, c.scenario.seq_len, 1);
  return {.model = &c.model,
          .scenario = &c.scenario,
          .cal = &CalibrationOf(c),
          .fix = FixesOf(c),
          .imbalance = EpImbalance(c),
          .accept = MtpAccept(c.scenario),
          .kv_bytes = c.scenario.kv_dtype == "bf16" ? 2.0 : 1.0,
          .attn_gflop_per_token = per_token.attn,
          .proj_gflop_per_token = per_token.gemm};
}

GpuSetup GpuSetupOf(const DecodeSetup& s, const Gpu& gpu) {
  const Calibration cal = CalibrationFor(*s.cal, gpu);
  const bool light = ComputeLight(gpu, cal, s.fix);
  double attn_eff = light ? cal.mla_compute_light : cal.mla_compute;
  if (s.kv_bytes == 1) attn_eff *= gpu.fp4 > 0 ? cal.mla_fp8_kv_fp4_gpus : cal.mla_fp8_kv_factor;
  return {.gpu = &gpu,
          .cal = cal,
          .light = light,
          .attn_eff = attn_eff,
          .mla_bw = gpu.fp4 > 0 ? cal.mla_bw_fp4_gpus : cal.mla_bw,
          .dense_compute = light         ? cal.gemm_compute_light
                           : gpu.fp4 > 0 ? cal.gemm_compute_fp4_gpus
                                         : cal.dense.compute,
          .experts = ExpertsOf(*s.scenario, gpu, cal, light)};
}

double MaxBatch(const DecodeSetup& s, const Gpu& gpu, double ep, double tp) {
  const Model& m = *s.model;
  const Scenario& sc = *s.scenario;
  const Calibration& cal = *s.cal;
  const double mtp_layer = sc.mtp > 0 ? 1 : 0;
  const double layers = m.n_layers + mtp_layer, sparse = m.n_sparse_layers() + mtp_layer;
  const double g = std::ceil(m.n_routed_experts / ep);
  const double shared = s.fix.q11 ? m.n_shared_experts : 1;
  const Experts ex = ExpertsOf(sc, gpu, cal, false);
  const double expert_bytes = s.fix.q8 ? ex.bytes : 1.0;
  const double free_gb = gpu.mem * sc.mem_util - m.other_params_gb -
                         m.mla_params_m * layers / tp / 1024 -
                         m.expert_params_m * sparse * (g + shared) * expert_bytes / 1024;
  const double kv_bytes = (sc.seq_len + sc.decode_len) * (m.kv_lora_rank + m.qk_rope_head_dim) *
                          layers * tp * (sc.kv_dtype == "bf16" ? 2 : 1);
  return free_gb * kGiB / kv_bytes;
}

DecodeRow DecodeRowOf(const DecodeSetup& s, const GpuSetup& gpu, double ep, double bs, double tp) {
  const Model& m = *s.model;
  const Scenario& sc = *s.scenario;
  const double mbs = sc.mbs, b = bs / mbs, q = 1 + sc.mtp;
  const LayerTimes l = DecodeLayer(s, gpu, ep, b, tp, q);
  const Step main = StepOf(l, mbs, *s.cal);
  // MTP: the draft layer runs `mtp` times per step, one token per request each time.
  Step draft{};
  if (sc.mtp > 0) draft = StepOf(DecodeLayer(s, gpu, ep, b, tp, 1), mbs, *s.cal);
  const double n_dense = m.n_dense_layers, n_sparse = m.n_sparse_layers();
  const double ideal = n_dense * main.dense + n_sparse * main.comp + sc.mtp * draft.comp;
  const double exposed = n_sparse * std::max(main.delta, 0.0) + sc.mtp * std::max(draft.delta, 0.0);

  DecodeRow row;
  row.tp = tp;
  row.ep = ep;
  row.batch = bs;
  row.dense_mla = mbs * l.dense_mla;
  row.dense_mlp = mbs * l.dense_mlp;
  row.sparse_mla = mbs * l.sparse_mla;
  row.combine = mbs * l.combine;
  row.shared_expert = mbs * l.shared;
  row.routed_expert = mbs * l.routed;
  row.dispatch = mbs * l.dispatch;
  row.comp_sum = main.comp;
  row.comm_sum = main.comm;
  row.delta = main.delta;
  row.tpot_o = ideal / s.accept;
  row.tpot = (ideal + exposed) / s.accept;
  row.tps = 1000 / row.tpot;
  row.tps_o = 1000 / row.tpot_o;
  row.total = row.tps * bs;
  row.total_o = row.tps_o * bs;
  row.comm_impact = (row.total_o - row.total) / row.total_o;
  return row;
}

PrefillRow PrefillRowOf(const Config& c, const Gpu& gpu) {
  const Model& m = c.model;
  const Scenario& sc = c.scenario;
  const Calibration cal = CalibrationFor(CalibrationOf(c), gpu);
  const Fixes fix = FixesOf(c);
  const double imbalance = EpImbalance(c);
  const bool light = ComputeLight(gpu, cal, fix);
  const double seq = sc.seq_len, tp = sc.tp, dp = sc.dp, n_gpus = tp * dp;
  const double batch = sc.prefill_tokens > 0 ? sc.prefill_tokens : seq;  // tokens per TP group
  const double sequences = batch / seq;
  const double tokens = batch / tp;  // per GPU after the attention TP group's all-reduce
  PrefillRow row;
  row.gpu = gpu.name;

  // Attention: the quadratic part at the measured prefill efficiency (causal unless Q10 kept),
  // the projections (o_proj included) as large-M FP8 GEMMs.
  const double h = m.n_heads;
  const double quad_gflop = 2 * h * (m.qk_rope_head_dim + m.qk_nope_head_dim + m.v_head_dim) * seq *
                            seq / 1e9 * (fix.q10 ? 0.5 : 1.0) * sequences;
  const formulas::MlaWork work = formulas::MlaNonAbsorbed(m, seq, seq, sc.kv_cache_rate);
  const double oproj_gflop = 2 * seq * h * m.v_head_dim * m.dim / 1e9 * sequences;
  const double proj_gflop = work.gemm * sequences + oproj_gflop;
  double attn_eff = cal.prefill_attn_light;
  if (!light) {
    const double x = std::clamp(std::log2(seq / 1024) / 2, 0.0, 1.0);
    attn_eff = cal.prefill_attn_short + (cal.prefill_attn_long - cal.prefill_attn_short) * x;
  }
  // Large-M FP8 GEMMs: DeepGEMM's share, or the Blackwell share (calibration.h).
  const double large = light         ? cal.gemm_compute_light
                       : gpu.fp4 > 0 ? cal.gemm_compute_fp4_gpus
                                     : cal.gemm_large;
  const auto mla = [&](double t, bool floors) {
    const double core = quad_gflop / t / (gpu.fp16 * attn_eff);
    double proj;
    if (!fix.q3 && gpu.fp4 > 0) {
      proj = proj_gflop / t / gpu.fp4;
    } else {
      proj = std::max(proj_gflop / t / (gpu.fp8 * large),
                      Ms(formulas::MlaWeightsMiB(m) * kMiB / t, gpu.mem_bw * cal.dense.bw));
    }
    const double reduce = AllReduceMs(batch * m.dim * 2, t, gpu, cal);
    return core + proj + reduce + (floors ? cal.mla_floor_ms + 4 * cal.dense.floor_ms : 0);
  };
  row.mla = fix.q9 ? mla(tp, true) : mla(1, false);
  row.tp_mla = mla(tp, true);
  row.dense_mlp = std::max(3 * tokens * m.dim * m.inter_dim * 2 / 1e9 / (gpu.fp8 * cal.gemm_large),
                           Ms(3 * m.dim * m.inter_dim, gpu.mem_bw * cal.dense.bw)) +
                  2 * cal.dense.floor_ms;

  // Experts (contiguous grouped GEMMs).
  const Experts ex = ExpertsOf(sc, gpu, cal, light);
  const double bytes = fix.q8 ? ex.bytes : 1.0;
  const double compute = ex.compute;
  const double expert_bytes = 3 * m.dim * m.moe_inter_dim * bytes;
  const double e = m.n_routed_experts, k = m.n_activated_experts;
  const double g = fix.q2 ? std::ceil(e / n_gpus) : e / dp / tp;
  const double arriving = tokens * k * imbalance;
  double rows_per_expert = arriving / std::max(g, 1.0);
  if (!fix.q5) rows_per_expert = BucketRows(rows_per_expert);
  row.routed_expert = GemmMs(3 * arriving * m.dim * m.moe_inter_dim * 2 / 1e9, g * expert_bytes,
                             ex.peak, rows_per_expert, gpu.mem_bw, ex.fit, compute, 2);
  const double shared_n = fix.q11 ? m.n_shared_experts : 1;
  row.shared_expert =
      shared_n <= 0 ? 0
                    : GemmMs(3 * tokens * shared_n * m.dim * m.moe_inter_dim * 2 / 1e9,
                             shared_n * expert_bytes, ex.peak, fix.q6 ? tokens : rows_per_expert,
                             gpu.mem_bw, ex.fit, compute, 2);

  // All-to-all over the tp·dp GPUs of the instance.
  double sent = tokens * k * m.dim * imbalance;
  double dispatch_bytes = sent * kFp8RowBytes;
  if (!fix.q1) dispatch_bytes = sent / 2;  // kept: half the FP8 volume on every GPU
  if (!fix.q15 && gpu.gpu_per_node == 8) {
    // kept: four 8-GPU nodes over their NICs, whatever dp
    const double size = 3 * (8 / tp) * seq * k / 8 * m.dim * imbalance;
    row.dispatch =
        cal.a2a_floor_ms + Ms(fix.q1 ? size * kFp8RowBytes : size / 2, 8 * gpu.pcie_bw * cal.nic);
    row.combine = cal.a2a_floor_ms + Ms(2 * size, 8 * gpu.pcie_bw * cal.nic);
  } else if (fix.q14 && n_gpus > gpu.gpu_per_node) {
    // Prefill's normal all-to-all (DeepEP) sends a token once per remote node its experts
    // are on, over the NIC, and forwards it on the node's NVLink: remote traffic is counted per
    // node (node-limited routing: at most prefill_nodes_per_token nodes), local per expert.
    const double nodes = n_gpus / gpu.gpu_per_node;
    const double spanned =
        std::min(cal.prefill_nodes_per_token, nodes * (1 - std::pow(1 - 1 / nodes, k)));
    const double own = 1 - std::pow(1 - 1 / nodes, k);  // the token's own node is one of them
    const double remote_copies = std::max(0.0, spanned - own);
    const double per_token = tokens * m.dim * imbalance;  // one copy of every token
    const auto a2a = [&](double bytes_per_elem) {
      const double local = per_token * k * bytes_per_elem * (gpu.gpu_per_node - 1) / n_gpus;
      const double remote = per_token * remote_copies * bytes_per_elem;
      return cal.a2a_floor_ms +
             std::max(Ms(local, gpu.nvlink_bw * cal.nvlink), Ms(remote, gpu.pcie_bw * cal.nic));
    };
    row.dispatch = a2a(fix.q1 ? kFp8RowBytes : 0.5);
    row.combine = a2a(2);
  } else {
    row.dispatch = AllToAllMs(dispatch_bytes, n_gpus, gpu, cal, fix, g, e);
    row.combine = AllToAllMs(2 * sent, n_gpus, gpu, cal, fix, g, e);
  }

  // Kernels in a serving system run slower than in their unit tests (calibration.h in_situ).
  for (double* t : {&row.mla, &row.tp_mla, &row.dense_mlp, &row.shared_expert, &row.routed_expert,
                    &row.dispatch, &row.combine}) {
    *t *= cal.in_situ;
  }

  // Two micro-batches (DeepSeek's prefill), paired as the reference pairs them; communication
  // hides behind `overlap_prefill` of the paired compute, or `overlap_prefill_single` of it with
  // one batch (calibration.h).
  formulas::PrefillTotals(row, m, tokens,
                          sc.mbs >= 2 ? cal.overlap_prefill : cal.overlap_prefill_single);
  return row;
}

}  // namespace shallowsim::calibrated
