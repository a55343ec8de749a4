// The decode row generator shared by the decode table and the sweeps. Internal to the core.
// Work that does not depend on the inner loops is hoisted: MLA and dense MLP per GPU × batch
// (× TP), experts and all-to-all per GPU × batch × EP.
#pragma once

#include <cmath>
#include <vector>

#include "calibrated.h"
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
struct Knobs;
// SPEC §4 max batch with the serving knobs (KV bytes, FP4 expert weights, the MTP layer).
double MaxBatchWith(const Model& m, const Gpu& gpu, const Scenario& s, const Knobs& knobs,
                    double ep, double tp);

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
  double draft_mla = 0;   // the MTP layer's MLA (one token per request)
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
// The serving knobs (config.h) as the reference's formulas use them; at their defaults they
// change no bit of a row (every use is guarded or multiplies by exactly 1).
struct Knobs {
  double mtp = 0;        // draft tokens per step
  double accept = 1;     // tokens emitted per request per step
  double kv_bytes = 1;   // bytes per KV element
  double imbalance = 1;  // busiest EP rank / mean
  int moe = 0;           // 0 auto (the reference's rule), 1 fp8, 2 fp4
};
Knobs KnobsOf(const Config& config);

template <RowsWanted kWanted, class Visit>
void ForEachDecodeRow(const Model& m, const std::vector<Gpu>& gpus, const Scenario& s,
                      const Knobs& knobs, DecodeScratch& scratch, Visit&& visit) {
  using namespace formulas;
  const size_t n_bs = s.bs.size(), n_tp = s.decode_tp.size();
  const double e = m.n_routed_experts, k = m.n_activated_experts;
  const double n_dense = m.n_dense_layers, n_sparse = m.n_sparse_layers();
  const double w_exp = ExpertWeightsMiB(m), mla_mib = MlaWeightsMiB(m);
  const MlaWork per_token = MlaAbsorbed(m, 1, s.seq_len, 1);
  // MTP: a step verifies 1 + mtp tokens per request; the draft layer runs mtp times at one.
  const bool mtp = knobs.mtp > 0;
  const double q = 1 + knobs.mtp;

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
      const double tok = mtp ? bs * q : bs;  // tokens per GPU in a step
      double load_kv =
          s.seq_len * (m.kv_lora_rank + m.qk_rope_head_dim) * bs / kGiB / r.mem_bw * 1000;
      if (knobs.kv_bytes != 1) load_kv *= knobs.kv_bytes;
      const double total =
          MlaTime({per_token.gemm * tok, per_token.attn * tok}, r, mla_mib, s.mla_discount);
      const double all_reduce = AllReduce(tok, m, r, s.min_ar_time);
      const double dense_mlp = DenseMlp(tok, m, r);
      double draft_total = 0, draft_reduce = 0;
      if (mtp) {
        draft_total =
            MlaTime({per_token.gemm * bs, per_token.attn * bs}, r, mla_mib, s.mla_discount);
        draft_reduce = AllReduce(bs, m, r, s.min_ar_time);
      }
      for (size_t ti = 0; ti < n_tp; ++ti) {
        BatchTerms& t = scratch.terms[(gi * n_bs + bi) * n_tp + ti];
        t.dense_mla = total + load_kv;
        t.dense_mlp = dense_mlp;
        t.sparse_mla = TpTime(total, s.decode_tp[ti], all_reduce, s.mla_static) + load_kv;
        if (mtp) {
          t.draft_mla = TpTime(draft_total, s.decode_tp[ti], draft_reduce, s.mla_static) + load_kv;
        }
      }
    }
  }

  for (size_t ei = 0; ei < s.ep.size(); ++ei) {
    const double ep = s.ep[ei];
    const double g = std::ceil(e / ep);  // routed experts per device
    for (size_t gi = 0; gi < gpus.size(); ++gi) {
      const Gpu& gpu = gpus[gi];
      const Rates& r = rates[gi];
      for (size_t ti = 0; ti < n_tp; ++ti) {
        max_bs[ti] = MaxBatchWith(m, gpu, s, knobs, ep, s.decode_tp[ti]);
      }
      // Expert weights: FP4 halves the load (auto: where the GPU has FP4) and runs at the FP4
      // rate where the GPU has one (knobs.moe: 1 fp8, 2 fp4).
      const bool fp4_weights = knobs.moe == 0 ? r.fp4 != 0 : knobs.moe == 2;
      const double load = fp4_weights ? w_exp / r.mem_bw / 2 : w_exp / r.mem_bw;
      const double moe_rate = knobs.moe == 0                   ? r.gemm
                              : (knobs.moe == 2 && r.fp4 != 0) ? r.fp4
                                                               : r.fp8;
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
        // A MoE layer's experts and all-to-all for `tok` tokens per GPU (QUIRKS Q5, Q6, Q7);
        // the busiest EP rank gets `imbalance` times the mean of the routed work and traffic
        // (the efficiency bucket stays the mean's, so more imbalance never speeds a row up).
        struct Moe {
          double shared, routed, dispatch, combine, comm_sum;
        };
        const auto moe = [&](double tok) {
          Moe out;
          const double b = tok / s.mbs;  // per micro-batch
          const double tokens_per_expert = b * k * ep / (g * ep);
          const double rate =
              moe_rate *
              GemmEfficiencyOfTable(h20_table, NextPow2Above(std::floor(tokens_per_expert)));
          double routed_gflop = ExpertGflop(b * k, m);
          if (knobs.imbalance != 1) routed_gflop *= knobs.imbalance;
          out.shared = s.mbs * (ExpertGflop(b, m) / rate + load);
          out.routed = s.mbs * (routed_gflop / rate + load * g);
          double d = tok * m.dim * k / kMiB;
          if (knobs.imbalance != 1) d *= knobs.imbalance;
          const double combine_mib = (s.fp8_combine != 0 && r.fp4 != 0) ? d : 2 * d;
          out.dispatch = d / bw + s.decode_a2a_static * s.mbs;
          out.combine = combine_mib / bw + s.decode_a2a_static * s.mbs;
          out.comm_sum = out.dispatch + out.combine;
          return out;
        };
        const Moe layer = moe(mtp ? bs * q : bs);
        const Moe draft = mtp ? moe(bs) : Moe{};
        const double shared = layer.shared, routed = layer.routed;
        const double dispatch = layer.dispatch, combine = layer.combine;
        const double comm_sum = layer.comm_sum;
        const double dense = terms[0].dense_mla + terms[0].dense_mlp;

        // SPEC §4 TPOT; one expression for both modes so their results agree bit for bit.
        // With MTP the draft layer adds its own time mtp times, and the step emits `accept`
        // tokens per request.
        struct Times {
          double comp_sum, delta, tpot_o, tpot;
        };
        const auto times = [&](size_t ti) {
          const double sparse_mla = terms[ti].sparse_mla;
          Times t;
          t.comp_sum = sparse_mla + shared + routed;
          t.delta = comm_sum - sparse_mla - shared;
          t.tpot_o = dense * n_dense + t.comp_sum * n_sparse;
          t.tpot = t.delta > 0 ? t.tpot_o + t.delta * n_sparse : t.tpot_o;
          if (mtp) {
            const double draft_comp = terms[ti].draft_mla + draft.shared + draft.routed;
            const double draft_delta = draft.comm_sum - terms[ti].draft_mla - draft.shared;
            t.tpot_o += knobs.mtp * draft_comp;
            t.tpot += knobs.mtp * (draft_comp + std::max(draft_delta, 0.0));
          }
          if (knobs.accept != 1) {
            t.tpot_o /= knobs.accept;
            t.tpot /= knobs.accept;
          }
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
            const Times t = times(ti);
            if (1000 / t.tpot <= s.tps_limit) continue;
            emit(ti, t);
          }
        } else {
          int best = -1;
          double best_total = 0;
          Times best_times{};
          for (size_t ti = 0; ti < n_tp; ++ti) {
            if (!(bs <= max_bs[ti])) continue;
            const Times t = times(ti);
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

// Both modes' rows, in SPEC row order: the reference's formulas above, or calibrated mode's
// rooflines (calibrated.h), with the same filters (memory, tps_limit) and the same choice of the
// best TP row for sweeps.
template <RowsWanted kWanted, class Visit>
void ForEachRow(const Config& c, const std::vector<Gpu>& gpus, DecodeScratch& scratch,
                Visit&& visit) {
  if (c.mode != "calibrated") {
    ForEachDecodeRow<kWanted>(c.model, gpus, c.scenario, KnobsOf(c), scratch, visit);
    return;
  }
  const Scenario& s = c.scenario;
  const calibrated::DecodeSetup setup = calibrated::SetupOf(c);
  const size_t n_tp = s.decode_tp.size();
  scratch.max_bs.resize(n_tp);
  for (size_t ei = 0; ei < s.ep.size(); ++ei) {
    const double ep = s.ep[ei];
    for (size_t gi = 0; gi < gpus.size(); ++gi) {
      const calibrated::GpuSetup gpu = calibrated::GpuSetupOf(setup, gpus[gi]);
      for (size_t ti = 0; ti < n_tp; ++ti) {
        scratch.max_bs[ti] = calibrated::MaxBatch(setup, gpus[gi], ep, s.decode_tp[ti]);
      }
      for (size_t bi = 0; bi < s.bs.size(); ++bi) {
        const double bs = s.bs[bi];
        int best = -1;
        DecodeRow best_row;
        for (size_t ti = 0; ti < n_tp; ++ti) {
          if (!(bs <= scratch.max_bs[ti])) continue;
          DecodeRow row = calibrated::DecodeRowOf(setup, gpu, ep, bs, s.decode_tp[ti]);
          if (row.tps <= s.tps_limit) continue;
          row.gpu = static_cast<int>(gi);
          const RowIndex at{static_cast<int>(ei), static_cast<int>(gi), static_cast<int>(bi),
                            static_cast<int>(ti)};
          if constexpr (kWanted == RowsWanted::kAll) {
            visit(row, at);
          } else if (best < 0 || row.total > best_row.total) {
            best = static_cast<int>(ti);
            best_row = row;
          }
        }
        if constexpr (kWanted == RowsWanted::kBestTpOfEach) {
          if (best >= 0) {
            visit(best_row,
                  RowIndex{static_cast<int>(ei), static_cast<int>(gi), static_cast<int>(bi), best});
          }
        }
      }
    }
  }
}

// A visitor taken by reference, without a template per call site, so that the row generator
// above is instantiated once for every caller that wants all rows (the wasm carries one copy).
class RowVisitor {
 public:
  template <class F>
  RowVisitor(F& f)  // NOLINT(google-explicit-constructor): a view of any callable
      : self_(&f), call_([](void* self, const DecodeRow& row, RowIndex at) {
          (*static_cast<F*>(self))(row, at);
        }) {}
  void operator()(const DecodeRow& row, RowIndex at) const { call_(self_, row, at); }

 private:
  void* self_;
  void (*call_)(void*, const DecodeRow&, RowIndex);
};
// ForEachRow<RowsWanted::kAll> (decode.cpp).
void ForEachRowOf(const Config& c, const std::vector<Gpu>& gpus, DecodeScratch& scratch,
                  RowVisitor visit);

}  // namespace shallowsim::detail
