// The decode row generator shared by the decode table and the sweeps. Internal to the core.
// Work that does not depend on the inner loops is hoisted: MLA and dense MLP per GPU × batch
// (× TP), experts and all-to-all per GPU × batch × EP.
#pragma once

#include <cmath>
#include <vector>

#include "formulas.h"
#include "shallowsim/config.h"
#include "shallowsim/decode.h"
#include "shallowsim/table.h"

namespace shallowsim::detail {

struct RowIndex {
  int ep = 0;   // index into Scenario::ep
  int gpu = 0;  // index into the GPU list
  int bs = 0;   // index into Scenario::bs
  int tp = 0;   // index into Scenario::decode_tp
};

// Per GPU × batch: what does not depend on EP.
struct BatchTerms {
  double load_kv = 0;
  double mla_total = 0;
  double all_reduce = 0;
  double dense_mla = 0;
  double dense_mlp = 0;
};

// Calls visit(row, index) for every decode row of SPEC §4 that fits in memory and passes
// tps_limit, in SPEC row order. `scratch` is reused between calls to avoid allocation.
template <class Visit>
void ForEachDecodeRow(const Model& m, const std::vector<Gpu>& gpus, const Scenario& s,
                      std::vector<BatchTerms>& scratch, Visit&& visit) {
  using namespace formulas;
  const size_t n_bs = s.bs.size(), n_tp = s.decode_tp.size();
  const double e = m.n_routed_experts, k = m.n_activated_experts;
  const double n_dense = m.n_dense_layers, n_sparse = m.n_sparse_layers();
  const double w_exp = ExpertWeightsMiB(m), mla_mib = MlaWeightsMiB(m);
  const MlaWork per_token = MlaAbsorbed(m, 1, s.seq_len, 1);

  std::vector<Rates> rates(gpus.size());
  scratch.resize(gpus.size() * n_bs);
  for (size_t gi = 0; gi < gpus.size(); ++gi) {
    const Rates r = EffectiveRates(gpus[gi], s.discount, /*reserve_comm_sm=*/false);
    rates[gi] = r;
    for (size_t bi = 0; bi < n_bs; ++bi) {
      const double bs = s.bs[bi];
      BatchTerms& t = scratch[gi * n_bs + bi];
      t.load_kv = s.seq_len * (m.kv_lora_rank + m.qk_rope_head_dim) * bs / kGiB / r.mem_bw * 1000;
      t.mla_total = MlaTime({per_token.gemm * bs, per_token.attn * bs}, r, mla_mib, s.mla_discount);
      t.all_reduce = AllReduce(bs, m, r, s.min_ar_time);
      t.dense_mla = t.mla_total + t.load_kv;
      t.dense_mlp = DenseMlp(bs, m, r);
    }
  }

  for (size_t ei = 0; ei < s.ep.size(); ++ei) {
    const double ep = s.ep[ei];
    const double g = std::ceil(e / ep);  // routed experts per device
    for (size_t gi = 0; gi < gpus.size(); ++gi) {
      const Gpu& gpu = gpus[gi];
      const Rates& r = rates[gi];
      double max_bs[64];
      for (size_t ti = 0; ti < n_tp; ++ti) max_bs[ti] = MaxBatch(m, gpu, s, ep, s.decode_tp[ti]);
      const double load = r.fp4 != 0 ? w_exp / r.mem_bw / 2 : w_exp / r.mem_bw;
      double bw = r.nvlink;
      if (gpu.gpu_per_node == 8) {
        bw = e / g == 8 ? r.nvlink : r.pcie;  // QUIRKS Q14
      } else if ((gpu.gpu_per_node == 72 || gpu.gpu_per_node == 144 ||
                  gpu.gpu_per_node == 576) &&
                 ep > gpu.gpu_per_node) {
        bw = r.pcie;
      }
      for (size_t bi = 0; bi < n_bs; ++bi) {
        const double bs = s.bs[bi];
        const BatchTerms& t = scratch[gi * n_bs + bi];
        // Experts per micro-batch (QUIRKS Q5, Q6, Q7).
        const double b = bs / s.mbs;
        const double tokens_per_expert = b * k * ep / (g * ep);
        const double rate =
            r.gemm * GemmEfficiency(gpu.name, NextPow2Above(std::floor(tokens_per_expert)));
        const double shared = s.mbs * (ExpertGflop(b, m) / rate + load);
        const double routed = s.mbs * (ExpertGflop(b * k, m) / rate + load * g);
        // All-to-all.
        const double d = bs * m.dim * k / kMiB;
        const double combine_mib = (s.fp8_combine != 0 && r.fp4 != 0) ? d : 2 * d;
        const double dispatch = d / bw + s.decode_a2a_static * s.mbs;
        const double combine = combine_mib / bw + s.decode_a2a_static * s.mbs;

        for (size_t ti = 0; ti < n_tp; ++ti) {
          if (!(bs <= max_bs[ti])) continue;
          const double tp = s.decode_tp[ti];
          DecodeRow row;
          row.gpu = static_cast<int>(gi);
          row.tp = tp;
          row.ep = ep;
          row.batch = bs;
          row.dense_mla = t.dense_mla;
          row.dense_mlp = t.dense_mlp;
          row.sparse_mla = TpTime(t.mla_total, tp, t.all_reduce, s.mla_static) + t.load_kv;
          row.combine = combine;
          row.shared_expert = shared;
          row.routed_expert = routed;
          row.dispatch = dispatch;
          row.comp_sum = row.sparse_mla + row.shared_expert + row.routed_expert;
          row.comm_sum = row.dispatch + row.combine;
          row.delta = row.comm_sum - row.sparse_mla - row.shared_expert;
          row.tpot_o = (row.dense_mla + row.dense_mlp) * n_dense + row.comp_sum * n_sparse;
          row.tpot = row.delta > 0 ? row.tpot_o + row.delta * n_sparse : row.tpot_o;
          row.tps = 1000 / row.tpot;
          row.tps_o = 1000 / row.tpot_o;
          row.total = row.tps * bs;
          row.total_o = row.tps_o * bs;
          row.comm_impact = (row.total_o - row.total) / row.total_o;
          if (row.tps <= s.tps_limit) continue;
          visit(row, RowIndex{static_cast<int>(ei), static_cast<int>(gi), static_cast<int>(bi),
                              static_cast<int>(ti)});
        }
      }
    }
  }
}

}  // namespace shallowsim::detail
