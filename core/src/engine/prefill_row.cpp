// One prefill row (SPEC §3 columns) in both modes: the seed's formulas (reference) or the
// calibration's measured kernels, on the attention family's work (attention.h).
#include "prefill_row.h"

#include <algorithm>
#include <cmath>

#include "../formulas.h"
#include "kernels.h"

namespace shallowsim::engine {

namespace {

using namespace formulas;

// SPEC §3 for one GPU.
PrefillRow SeedRow(const Method& mth, const Gpu& gpu) {
  const Model& m = *mth.model;
  const Scenario& s = *mth.scenario;
  const Rates r = EffectiveRates(gpu, s.discount, /*reserve_comm_sm=*/true);
  const double seq = s.seq_len, tp = s.tp, dp = s.dp;
  const double k = m.n_activated_experts, e = m.n_routed_experts;
  PrefillRow row;
  row.gpu = gpu.name;

  // Attention of every group of layers (one for MLA), the columns their means per layer.
  const LayerMix mix = MixOf(mth.family->prefill(m, seq, seq, s.kv_cache_rate));
  const double mib = mth.family->params(m) / kMiB;
  const double all_reduce = AllReduce(seq, m, r, s.min_ar_time);
  for (size_t g = 0; g < mix.groups.size; ++g) {
    const attention::Work& w = mix.groups.items[g].work;
    double mla = MlaTime({w.gemm, w.attn}, r, mib, s.mla_discount);
    if (w.index > 0) mla += w.index / r.fp8 / s.mla_discount;
    row.mla += mix.dense_share[g] * mla;
    row.tp_mla += mix.moe_share[g] * TpTime(mla, tp, all_reduce, s.mla_static);
  }
  row.dense_mlp = DenseMlp(seq, m, r);

  const double n = tp * dp;
  const double load = ExpertWeightsMiB(m) / r.mem_bw;
  // moe_dtype: auto = the GEMM rate (FP4 where the GPU has it); fp8; fp4 where the GPU has it.
  const MoeDtype moe = s.moe_dtype;
  const double moe_rate = moe == MoeDtype::kFp8                   ? r.fp8
                          : moe == MoeDtype::kFp4 && r.fp4 != 0.0 ? r.fp4
                          : moe == MoeDtype::kFp4                 ? r.fp8
                                                                  : r.gemm;
  row.shared_expert = ExpertGflop(dp * seq / n, m) / moe_rate + load;
  row.routed_expert = ExpertGflop(seq * dp * k / n, m) / moe_rate + load * (e / dp / tp);

  double size = 0, bw = 0;  // MiB, GB/s
  if (gpu.gpu_per_node == 8) {
    size = 3 * (8 / tp) * seq * k / 8 * m.dim / kMiB;
    bw = 8 * r.pcie;
  } else {
    const double local = std::ceil(e / gpu.gpu_per_node);
    size = ((e - local) / e) * k * seq / tp * m.dim / kMiB;
    bw = r.nvlink;
  }
  // QUIRKS Q1: dispatch is half the volume, combine twice, on every GPU.
  row.dispatch = (size / 2) / bw + s.prefill_a2a_static;
  row.combine = (2 * size) / bw + s.prefill_a2a_static;
  PrefillTotals(row, m, seq / tp);
  return row;
}

// Calibrated mode's prefill: the same columns, timed by the calibration's kernels.
PrefillRow MeasuredRow(const Method& mth, const Gpu& gpu) {
  const Model& m = *mth.model;
  const Scenario& sc = *mth.scenario;
  const Calibration cal = CalibrationFor(*mth.cal, gpu, mth.scenario->framework);
  const Fixes& fix = mth.fix;
  const GpuCtx ctx = GpuCtxOf(mth, gpu);
  const bool light = ctx.light;
  const double seq = sc.seq_len, tp = sc.tp, dp = sc.dp, n_gpus = tp * dp;
  const double batch = sc.prefill_tokens > 0 ? sc.prefill_tokens : seq;  // tokens per TP group
  const double sequences = batch / seq;
  const double tokens = batch / tp;  // per GPU after the attention TP group's all-reduce
  // From 2026-12c prefix-cache hits skip their compute: the GEMMs, experts and all-to-all see
  // only the uncached tokens, whose attention still reads the whole prefix. PrefillTPS counts
  // every input token, hits included, as serving benchmarks do.
  const double uncached = cal.uncached_prefill ? 1 - sc.kv_cache_rate : 1;
  const double computed = tokens * uncached;
  PrefillRow row;
  row.gpu = gpu.name;

  // Attention: the core at the measured prefill efficiency (causal unless Q10 kept), the
  // projections (output projection included) as large-M FP8 GEMMs.
  const LayerMix mix = MixOf(mth.family->prefill(m, seq * uncached, seq, sc.kv_cache_rate));
  const double attn_eff = light
                              ? cal.prefill_attn_light
                              : ShareAt({cal.prefill_attn_short, cal.prefill_attn_long, 4096}, seq);
  // Large-M FP8 GEMMs: DeepGEMM's share, or the Blackwell share (calibration.h).
  const double large = light         ? cal.gemm_compute_light
                       : gpu.fp4 > 0 ? cal.gemm_compute_fp4_gpus
                                     : cal.gemm_large;
  const double params = mth.family->params(m);
  // DeepSeek-V4's module (from 2026-12f): its GEMMs at their measured share, and its other
  // kernels' time per token of the forward.
  const bool v4 = V4Module(mth, cal, gpu);
  // DeepSeek-V3.2's sparse prefill core on Blackwell at its measured share (from 2026-12f).
  double core_eff = attn_eff;
  if (mth.family->kind == AttentionKind::kDsa && cal.dsa_prefill_attn_bf16 > 0 &&
      NvidiaBlackwellKernels(cal, gpu)) {
    core_eff = mth.kv_bytes == 1 ? cal.dsa_prefill_attn_fp8 : cal.dsa_prefill_attn_bf16;
  }
  // The dense MLA prefill core, and GQA's with heads of 128 or more, on Blackwell by their own
  // length curve (from 2026-12i; calibration.h).
  const PrefillAttnCurve& curve =
      mth.kv_bytes == 1 ? cal.prefill_attn_blackwell_fp8 : cal.prefill_attn_blackwell_bf16;
  const bool dense_core = mth.family->kind == AttentionKind::kMla ||
                          (mth.family->kind == AttentionKind::kGqa && attention::HeadDim(m) >= 128);
  if (dense_core && curve.at_1k > 0 && NvidiaBlackwellKernels(cal, gpu)) {
    core_eff = ShareAt(curve, seq);
  }
  const double proj_share = v4 ? cal.v4_gemm_compute : large;
  Cost dense_attn, tp_attn;
  for (size_t g = 0; g < mix.groups.size; ++g) {
    const attention::Work& w = mix.groups.items[g].work;
    // The core counted causally: exactly from 2026-12c, as half the square before (Q10).
    const double core =
        (cal.exact_causal && fix.q10 ? w.causal : (fix.q10 ? 0.5 : 1.0) * (w.attn - w.out_proj)) *
        sequences;
    const double proj_gflop = (w.gemm + w.out_proj) * sequences;
    const double index_gflop = w.index * sequences;
    const auto mla = [&](double t, bool floors) {
      double time = core / t / (gpu.fp16 * core_eff);
      if (index_gflop > 0) time += index_gflop / t / (gpu.fp8 * attn_eff);
      if (!fix.q3 && gpu.fp4 > 0) {
        time += proj_gflop / t / gpu.fp4;
      } else {
        time += std::max(proj_gflop / t / (gpu.fp8 * proj_share),
                         Ms(params / t, gpu.mem_bw * cal.dense.bw));
      }
      const Cost reduce = AllReduceCost(batch * uncached * m.dim * 2, t, gpu, cal);
      // Every GPU of a TP group runs the module's per-token kernels on all of its tokens.
      // (None on the dense-layer path with Q9 kept, which has no floors.)
      double per_token = v4 && floors ? batch * uncached * V4TokenMs(mth, cal, gpu, w, false) : 0;
      if (floors) per_token += MhcMs(mth, cal, gpu, batch * uncached);  // V4's hyper-connections
      return Cost{time + reduce.roof,
                  reduce.floor + per_token +
                      (floors ? AttentionBlockFloorMs(mth, cal, gpu, /*decode=*/false) : 0)};
    };
    const Cost tp_mla = mla(tp, true);
    const Cost dense = fix.q9 ? tp_mla : mla(1, false);
    dense_attn += {mix.dense_share[g] * dense.roof, mix.dense_share[g] * dense.floor};
    tp_attn += {mix.moe_share[g] * tp_mla.roof, mix.moe_share[g] * tp_mla.floor};
  }
  const Cost dense_mlp = {
      std::max(3 * computed * m.dim * m.inter_dim * 2 / 1e9 / (gpu.fp8 * cal.gemm_large),
               Ms(3 * m.dim * m.inter_dim, gpu.mem_bw * cal.dense.bw)),
      2 * cal.dense.floor_ms};

  // Experts (contiguous grouped GEMMs).
  const Experts& ex = ctx.experts;
  const double bytes = fix.q8 ? ex.bytes : 1.0;
  const double expert_bytes = 3 * m.dim * m.moe_inter_dim * bytes;
  const double e = m.n_routed_experts, k = m.n_activated_experts;
  const ExpertLayout layout = LayoutOf(m, sc, n_gpus);
  const double g = !fix.q2 ? e / dp / tp : layout.whole;
  const double imbalance = sc.moe_tp > 1 && layout.groups <= 1 ? 1.0 : mth.imbalance;
  const double arriving = computed * k * imbalance;
  double rows_per_expert = arriving / std::max(g, 1.0);
  if (!fix.q5) rows_per_expert = BucketRows(rows_per_expert);
  // The routed experts' kernel as the layout slices them (from 2026-12i; shared: whole).
  const Experts rx = SlicedBy(ex, std::min(sc.moe_tp, n_gpus));
  Cost routed = GemmCost(3 * arriving * m.dim * m.moe_inter_dim * 2 / 1e9, g * expert_bytes,
                         rx.peak, rows_per_expert, gpu.mem_bw, rx.fit, rx.compute, 2);
  if (rx.routed_floor_ms > 0) routed.floor = rx.routed_floor_ms;
  const double shared_n = fix.q11 ? m.n_shared_experts : 1;
  const double shared_inter =
      fix.q11 && m.shared_inter_dim > 0 ? m.shared_inter_dim : m.moe_inter_dim;
  const Cost shared =
      shared_n <= 0
          ? Cost{}
          : GemmCost(3 * computed * shared_n * m.dim * shared_inter * 2 / 1e9,
                     shared_n * 3 * m.dim * shared_inter * bytes, ex.peak,
                     fix.q6 ? computed : rows_per_expert, gpu.mem_bw, ex.fit, ex.compute, 2);

  // All-to-all over the tp·dp GPUs of the instance.
  Cost dispatch, combine;
  const double sent = computed * k * m.dim * imbalance;
  if (sc.moe_comm == MoeComm::kAllReduce) {
    // Every GPU of the TP group holds the tokens: one all-reduce (BF16) combines the experts.
    combine = AllReduceCost(batch * uncached * m.dim * 2, n_gpus, gpu, cal);
  } else if (!fix.q15 && gpu.gpu_per_node == 8) {
    // kept: four 8-GPU nodes over their NICs, whatever dp
    const double size = 3 * (8 / tp) * seq * k / 8 * m.dim * imbalance;
    dispatch = {Ms(fix.q1 ? size * kFp8RowBytes : size / 2, 8 * gpu.pcie_bw * cal.nic),
                cal.a2a_floor_ms};
    combine = {Ms(2 * size, 8 * gpu.pcie_bw * cal.nic), cal.a2a_floor_ms};
  } else if (fix.q14 && n_gpus > gpu.gpu_per_node) {
    // Prefill's normal all-to-all (DeepEP) sends a token once per remote node its experts
    // are on, over the NIC, and forwards it on the node's NVLink: remote traffic is counted per
    // node (node-limited routing: at most prefill_nodes_per_token nodes), local per expert.
    const double nodes = n_gpus / gpu.gpu_per_node;
    const double spanned =
        std::min(cal.prefill_nodes_per_token, nodes * (1 - std::pow(1 - 1 / nodes, k)));
    const double own = 1 - std::pow(1 - 1 / nodes, k);  // the token's own node is one of them
    const double remote_copies = std::max(0.0, spanned - own);
    const double per_token = computed * m.dim * imbalance;  // one copy of every token
    const auto a2a = [&](double bytes_per_elem) {
      const double local = per_token * k * bytes_per_elem * (gpu.gpu_per_node - 1) / n_gpus;
      const double remote = per_token * remote_copies * bytes_per_elem;
      return Cost{
          std::max(Ms(local, gpu.nvlink_bw * cal.nvlink), Ms(remote, gpu.pcie_bw * cal.nic)),
          cal.a2a_floor_ms};
    };
    dispatch = a2a(fix.q1 ? kFp8RowBytes : 0.5);
    combine = a2a(2);
  } else if (n_gpus > 1) {
    const double dispatch_bytes = fix.q1 ? sent * kFp8RowBytes : sent / 2;  // kept: half FP8
    dispatch = {AllToAllRoofMs(dispatch_bytes, n_gpus, gpu, cal, fix, g, e), cal.a2a_floor_ms};
    combine = {AllToAllRoofMs(2 * sent, n_gpus, gpu, cal, fix, g, e), cal.a2a_floor_ms};
  }

  // Kernels in a serving system run slower than in their unit tests (calibration.h in_situ).
  row.mla = InSitu(cal, dense_attn);
  row.tp_mla = InSitu(cal, tp_attn);
  row.dense_mlp = InSitu(cal, dense_mlp);
  row.shared_expert = InSitu(cal, shared);
  row.routed_expert = InSitu(cal, routed);
  row.dispatch = InSitu(cal, dispatch);
  row.combine = InSitu(cal, combine);

  // Two micro-batches (DeepSeek's prefill), paired as the reference pairs them; communication
  // hides behind `overlap_prefill` of the paired compute, or `overlap_prefill_single` of it with
  // one batch (calibration.h).
  PrefillTotals(row, m, tokens, sc.mbs >= 2 ? cal.overlap_prefill : cal.overlap_prefill_single);
  return row;
}

}  // namespace

PrefillRow PrefillRowOf(const Method& mth, const Gpu& gpu) {
  return mth.seed() ? SeedRow(mth, gpu) : MeasuredRow(mth, gpu);
}

}  // namespace shallowsim::engine
