// The shared formulas of SPEC §2, used by prefill and decode. Internal to the core.
#pragma once

#include <algorithm>
#include <cmath>

#include "shallowsim/hardware.h"
#include "shallowsim/model.h"
#include "shallowsim/table.h"

namespace shallowsim::formulas {

inline constexpr double kMiB = 1048576.0;     // 2^20
inline constexpr double kGiB = 1073741824.0;  // 2^30

struct MlaWork {
  double gemm = 0;  // GFLOP
  double attn = 0;  // GFLOP
};

// SPEC §2: MLA MACs in the non-absorbed form (prefill), as GFLOP.
inline MlaWork MlaNonAbsorbed(const Model& m, double q, double kv, double r) {
  const double h = m.n_heads, nope = m.qk_nope_head_dim, rope = m.qk_rope_head_dim;
  const double v = m.v_head_dim;
  const double q_down = q * m.dim * m.q_lora_rank;
  const double q_up = q * m.q_lora_rank * h * (nope + rope);
  const double kv_down = kv * m.dim * (m.kv_lora_rank + rope) * (1 - r);
  const double k_up = kv * m.kv_lora_rank * h * nope;
  const double v_up = kv * m.kv_lora_rank * h * v;
  const double gemm = q_down + q_up + kv_down + k_up + v_up;
  const double attn = h * (q * rope * kv + q * nope * kv + q * kv * v) + q * h * v * m.dim;
  return {2 * gemm / 1e9, 2 * attn / 1e9};
}

// SPEC §2: MLA MACs in the absorbed form (decode), as GFLOP.
inline MlaWork MlaAbsorbed(const Model& m, double q, double kv, double r) {
  const double h = m.n_heads, nope = m.qk_nope_head_dim, rope = m.qk_rope_head_dim;
  const double v = m.v_head_dim, kv_lora = m.kv_lora_rank, q_lora = m.q_lora_rank;
  const double gemm = q * m.dim * q_lora + q * q_lora * h * rope +
                      q * h * (q_lora * nope + nope * kv_lora) +
                      kv * m.dim * (kv_lora + rope) * (1 - r);
  const double attn = h * (q * rope * kv + q * kv_lora * kv + q * kv * kv_lora) +
                      q * h * v * kv_lora + q * h * v * m.dim;
  return {2 * gemm / 1e9, 2 * attn / 1e9};
}

// SPEC §2: MLA weights, MiB.
inline double MlaWeightsMiB(const Model& m) {
  const double h = m.n_heads, nope = m.qk_nope_head_dim, rope = m.qk_rope_head_dim;
  return (m.dim * m.q_lora_rank + m.q_lora_rank * h * (nope + rope) + m.kv_lora_rank * h * nope +
          m.dim * (m.kv_lora_rank + rope) + m.kv_lora_rank * h * m.v_head_dim +
          h * m.v_head_dim * m.dim) /
         kMiB;
}

// SPEC §2 "MLA time": FP4 GPUs drop the weight load and the MLA discount on GEMMs (QUIRKS Q3).
inline double MlaTime(const MlaWork& w, const Rates& r, double mla_mib, double mla_discount) {
  if (r.fp4 != 0) return w.gemm / r.fp4 + w.attn / r.fp16 / mla_discount;
  return w.gemm / r.fp8 / mla_discount + w.attn / r.fp16 / mla_discount + mla_mib / r.mem_bw;
}

// SPEC §2: all-reduce of n tokens over NVLink.
inline double AllReduce(double n, const Model& m, const Rates& r, double min_ar_time) {
  return (n * m.dim * 2 / kMiB) / r.nvlink + min_ar_time;
}

// SPEC §2: MLA time with attention TP t.
inline double TpTime(double total, double t, double all_reduce, double mla_static) {
  if (t == 1) return total + mla_static;
  return total / t + all_reduce + mla_static;
}

// SPEC §2: dense MLP time for n tokens.
inline double DenseMlp(double n, const Model& m, const Rates& r) {
  return 3 * n * m.dim * m.inter_dim * 2 / 1e9 / r.gemm +
         (3 * m.dim * m.inter_dim / kMiB) / r.mem_bw;
}

// SPEC §2: expert GFLOP for n tokens and one expert's weights in MiB.
inline double ExpertGflop(double n, const Model& m) {
  return 3 * n * m.dim * m.moe_inter_dim * 2 / 1e9;
}
inline double ExpertWeightsMiB(const Model& m) { return 3 * m.dim * m.moe_inter_dim / kMiB; }

// SPEC §3, both modes: a prefill row's overlaps, totals and throughput from its per-layer times.
// Two micro-batches: one's combine hides behind the other's attention and shared expert, its
// dispatch behind the routed experts. `tokens`: what each GPU prefills per batch.
inline void PrefillTotals(PrefillRow& row, const Model& m, double tokens, double overlap = 1) {
  row.overlap1 = row.combine - overlap * (row.tp_mla + row.shared_expert);
  row.overlap2 = row.dispatch - overlap * row.routed_expert;
  const double n_dense = m.n_dense_layers, n_sparse = m.n_sparse_layers();
  row.compute = n_dense * (row.mla + row.dense_mlp) +
                n_sparse * (row.tp_mla + row.shared_expert + row.routed_expert);
  row.comm = n_sparse * (row.combine + row.dispatch);
  row.sum = row.compute + n_sparse * (std::max(row.overlap1, 0.0) + std::max(row.overlap2, 0.0));
  row.prefill_tps = tokens * 1000 / row.sum;
}

}  // namespace shallowsim::formulas
