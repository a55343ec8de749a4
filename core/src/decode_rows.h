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

// SPEC §4: the H20 efficiency table applies to every name containing "H20" (QUIRKS Q4).
inline bool UsesH20Table(std::string_view gpu_name) {
  return gpu_name.find("H20") != std::string_view::npos;
}
double GemmEfficiencyOfTable(bool h20_table, double bucket);

struct RowIndex {
  int ep = 0;   // index into Scenario::ep
  int gpu = 0;  // index into the GPU list
  int bs = 0;   // index into Scenario::bs
  int tp = 0;   // index into Scenario::decode_tp
};

// Per GPU × batch × TP: what does not depend on EP.
struct BatchTerms {
  double dense_mla = 0;  // MLA + KV load, dense layers
  double dense_mlp = 0;
  double sparse_mla = 0;  // MLA with attention TP + KV load, MoE layers
};

// Buffers reused between calls (one sweep calls the generator once per point).
struct DecodeScratch {
  std::vector<Rates> rates;       // per GPU
  std::vector<BatchTerms> terms;  // per GPU × batch × TP
  std::vector<double> max_bs;     // per TP, for the current EP and GPU
};

enum class RowsWanted {
  kAll,          // every row (the decode table)
  kBestTpOfEach  // per (EP, GPU, batch) only the TP row with the largest Total (sweeps)
};

// Calls visit(row, index) for every decode row of SPEC §4 that fits in memory and passes
// tps_limit, in SPEC row order; with kBestTpOfEach only for the TP row with the largest Total
// (the first among exact ties).
template <RowsWanted kWanted, class Visit>
void ForEachDecodeRow(const Model& m, const std::vector<Gpu>& gpus, const Scenario& s,
                      DecodeScratch& scratch, Visit&& visit) {
  using namespace formulas;
  const size_t n_bs = s.bs.size(), n_tp = s.decode_tp.size();
  const double e = m.n_routed_experts, k = m.n_activated_experts;
  const double n_dense = m.n_dense_layers, n_sparse = m.n_sparse_layers();
  const double w_exp = ExpertWeightsMiB(m), mla_mib = MlaWeightsMiB(m);
  const MlaWork per_token = MlaAbsorbed(m, 1, s.seq_len, 1);

  // Per GPU × batch (× TP): everything that does not depend on EP.
  scratch.terms.resize(gpus.size() * n_bs * n_tp);
  scratch.rates.resize(gpus.size());
  scratch.max_bs.resize(n_tp);
  std::vector<Rates>& rates = scratch.rates;
  std::vector<double>& max_bs = scratch.max_bs;
  for (size_t gi = 0; gi < gpus.size(); ++gi) {
    const Rates r = EffectiveRates(gpus[gi], s.discount, /*reserve_comm_sm=*/false);
    rates[gi] = r;
    for (size_t bi = 0; bi < n_bs; ++bi) {
      const double bs = s.bs[bi];
      const double load_kv =
          s.seq_len * (m.kv_lora_rank + m.qk_rope_head_dim) * bs / kGiB / r.mem_bw * 1000;
      const double total =
          MlaTime({per_token.gemm * bs, per_token.attn * bs}, r, mla_mib, s.mla_discount);
      const double all_reduce = AllReduce(bs, m, r, s.min_ar_time);
      const double dense_mlp = DenseMlp(bs, m, r);
      for (size_t ti = 0; ti < n_tp; ++ti) {
        BatchTerms& t = scratch.terms[(gi * n_bs + bi) * n_tp + ti];
        t.dense_mla = total + load_kv;
        t.dense_mlp = dense_mlp;
        t.sparse_mla = TpTime(total, s.decode_tp[ti], all_reduce, s.mla_static) + load_kv;
      }
    }
  }

  for (size_t ei = 0; ei < s.ep.size(); ++ei) {
    const double ep = s.ep[ei];
    const double g = std::ceil(e / ep);  // routed experts per device
    for (size_t gi = 0; gi < gpus.size(); ++gi) {
      const Gpu& gpu = gpus[gi];
      const Rates& r = rates[gi];
      for (size_t ti = 0; ti < n_tp; ++ti) max_bs[ti] = MaxBatch(m, gpu, s, ep, s.decode_tp[ti]);
      const double load = r.fp4 != 0 ? w_exp / r.mem_bw / 2 : w_exp / r.mem_bw;
      double bw = r.nvlink;
      if (gpu.gpu_per_node == 8) {
        bw = e / g == 8 ? r.nvlink : r.pcie;  // QUIRKS Q14
      } else if ((gpu.gpu_per_node == 72 || gpu.gpu_per_node == 144 || gpu.gpu_per_node == 576) &&
                 ep > gpu.gpu_per_node) {
        bw = r.pcie;
      }
      const bool h20_table = UsesH20Table(gpu.name);
      for (size_t bi = 0; bi < n_bs; ++bi) {
        const double bs = s.bs[bi];
        const BatchTerms* terms = &scratch.terms[(gi * n_bs + bi) * n_tp];
        // Experts per micro-batch (QUIRKS Q5, Q6, Q7).
        const double b = bs / s.mbs;
        const double tokens_per_expert = b * k * ep / (g * ep);
        const double rate =
            r.gemm * GemmEfficiencyOfTable(h20_table, NextPow2Above(std::floor(tokens_per_expert)));
        const double shared = s.mbs * (ExpertGflop(b, m) / rate + load);
        const double routed = s.mbs * (ExpertGflop(b * k, m) / rate + load * g);
        // All-to-all.
        const double d = bs * m.dim * k / kMiB;
        const double combine_mib = (s.fp8_combine != 0 && r.fp4 != 0) ? d : 2 * d;
        const double dispatch = d / bw + s.decode_a2a_static * s.mbs;
        const double combine = combine_mib / bw + s.decode_a2a_static * s.mbs;
        const double comm_sum = dispatch + combine;
        const double dense = terms[0].dense_mla + terms[0].dense_mlp;

        // SPEC §4 TPOT; one expression for both modes so their results agree bit for bit.
        struct Times {
          double comp_sum, delta, tpot_o, tpot;
        };
        const auto times = [&](double sparse_mla) {
          Times t;
          t.comp_sum = sparse_mla + shared + routed;
          t.delta = comm_sum - sparse_mla - shared;
          t.tpot_o = dense * n_dense + t.comp_sum * n_sparse;
          t.tpot = t.delta > 0 ? t.tpot_o + t.delta * n_sparse : t.tpot_o;
          return t;
        };
        const auto emit = [&](size_t ti, const Times& t) {
          DecodeRow row;
          row.gpu = static_cast<int>(gi);
          row.tp = s.decode_tp[ti];
          row.ep = ep;
          row.batch = bs;
          row.dense_mla = terms[ti].dense_mla;
          row.dense_mlp = terms[ti].dense_mlp;
          row.sparse_mla = terms[ti].sparse_mla;
          row.combine = combine;
          row.shared_expert = shared;
          row.routed_expert = routed;
          row.dispatch = dispatch;
          row.comp_sum = t.comp_sum;
          row.comm_sum = comm_sum;
          row.delta = t.delta;
          row.tpot = t.tpot;
          row.tpot_o = t.tpot_o;
          row.tps = 1000 / t.tpot;
          row.tps_o = 1000 / t.tpot_o;
          row.total = row.tps * bs;
          row.total_o = row.tps_o * bs;
          row.comm_impact = (row.total_o - row.total) / row.total_o;
          visit(row, RowIndex{static_cast<int>(ei), static_cast<int>(gi), static_cast<int>(bi),
                              static_cast<int>(ti)});
        };

        if constexpr (kWanted == RowsWanted::kAll) {
          for (size_t ti = 0; ti < n_tp; ++ti) {
            if (!(bs <= max_bs[ti])) continue;
            const Times t = times(terms[ti].sparse_mla);
            if (1000 / t.tpot <= s.tps_limit) continue;
            emit(ti, t);
          }
        } else {
          int best = -1;
          double best_total = 0;
          Times best_times{};
          for (size_t ti = 0; ti < n_tp; ++ti) {
            if (!(bs <= max_bs[ti])) continue;
            const Times t = times(terms[ti].sparse_mla);
            const double tps = 1000 / t.tpot;
            if (tps <= s.tps_limit) continue;
            const double total = tps * bs;
            if (best < 0 || total > best_total) {
              best = static_cast<int>(ti);
              best_total = total;
              best_times = t;
            }
          }
          if (best >= 0) emit(static_cast<size_t>(best), best_times);
        }
      }
    }
  }
}

}  // namespace shallowsim::detail
