// The decode row generator of both modes, shared by the decode table, the sweeps, the planner and
// serve (SPEC §4). Work that does not depend on the inner loops is hoisted: attention and the
// dense MLP per GPU × batch × TP, experts and all-to-all per GPU × batch × EP. The attention's
// work comes from the model's family (attention.h), in groups of layers that cost alike; the
// method (method.h) times it. Internal to the core.
#pragma once

#include <array>
#include <cmath>
#include <vector>

#include "../formulas.h"
#include "kernels.h"
#include "method.h"
#include "shallowsim/config.h"
#include "shallowsim/decode.h"
#include "shallowsim/table.h"

namespace shallowsim::detail {

// SPEC §4 grouped-GEMM efficiency table (the H20 one: QUIRKS Q4).
double GemmEfficiencyOfTable(bool h20_table, double bucket);

struct RowIndex {
  int ep = 0;   // index into Scenario::ep
  int gpu = 0;  // index into the GPU list
  int bs = 0;   // index into Scenario::bs
  int tp = 0;   // index into Scenario::decode_tp
};

using attention::kMaxGroups;

// Per GPU × batch × TP, in row units (the seed: the whole batch; calibrated: summed over the
// micro-batches): what does not depend on EP.
struct BatchTerms {
  std::array<double, kMaxGroups> dense_attn{};   // attention of a dense layer, per group
  std::array<double, kMaxGroups> sparse_attn{};  // attention of a MoE layer, per group
  double dense_mlp = 0;
  double draft_attn = 0;  // the MTP layer's attention (one token per request)
  // From 2026-12g: the LM head (vocabulary projection) of a step's tokens and of one MTP draft
  // step's (calibration.h lm_head).
  double lm_head = 0, draft_lm_head = 0;
};

// Per GPU × batch × EP, in row units: a MoE layer's experts and all-to-all.
struct MoeTerms {
  double shared = 0, routed = 0, dispatch = 0, combine = 0;
  double tokens = 0;  // calibrated: tokens per micro-batch per GPU (what one call of the MoE gets)
};

// Buffers reused between calls (one sweep calls the generator once per point).
struct DecodeScratch {
  std::vector<engine::GpuCtx> gpus;  // per GPU
  std::vector<BatchTerms> terms;     // per GPU × batch × TP
  std::vector<double> max_bs;        // per TP, for the current EP and GPU
};

enum class RowsWanted {
  kAll,          // every row (the decode table)
  kBestTpOfEach  // per (EP, GPU, batch) only the TP row with the largest Total (sweeps)
};

using engine::LayerMix;
// The decode step's groups of layers at seq_len.
LayerMix LayerMixOf(const engine::Method& mth);

// Attention and dense MLP of one GPU × batch × TP (both modes).
BatchTerms AttentionTerms(const engine::Method& mth, const engine::GpuCtx& g, const LayerMix& mix,
                          double bs, double tp);
// Experts and all-to-all of one MoE layer for `tok` tokens per GPU per step (both modes).
MoeTerms ExpertTerms(const engine::Method& mth, const engine::GpuCtx& g, double ep, double tok);

// One decode row from its terms (both modes): SPEC §4's TPOT, or calibrated mode's overlap.
struct Times {
  double comp_sum, comm_sum, delta, tpot_o, tpot;
};
Times Compose(const engine::Method& mth, const engine::GpuCtx& g, const LayerMix& mix,
              const BatchTerms& t, const MoeTerms& layer, const MoeTerms& draft);

template <RowsWanted kWanted, class Visit>
void ForEachRow(const Config& c, const std::vector<Gpu>& gpus, DecodeScratch& scratch,
                Visit&& visit) {
  const engine::Method mth = engine::MethodOf(c);
  const Scenario& s = c.scenario;
  const Model& m = c.model;
  const size_t n_bs = s.bs.size(), n_tp = s.decode_tp.size();
  const LayerMix mix = LayerMixOf(mth);
  const bool mtp = s.mtp > 0;
  const double q = 1 + s.mtp;

  scratch.gpus.resize(gpus.size());
  scratch.terms.resize(gpus.size() * n_bs * n_tp);
  scratch.max_bs.resize(n_tp);
  for (size_t gi = 0; gi < gpus.size(); ++gi) {
    scratch.gpus[gi] = engine::GpuCtxOf(mth, gpus[gi]);
    for (size_t bi = 0; bi < n_bs; ++bi) {
      for (size_t ti = 0; ti < n_tp; ++ti) {
        scratch.terms[(gi * n_bs + bi) * n_tp + ti] =
            AttentionTerms(mth, scratch.gpus[gi], mix, s.bs[bi], s.decode_tp[ti]);
      }
    }
  }

  for (size_t ei = 0; ei < s.ep.size(); ++ei) {
    const double ep = s.ep[ei];
    for (size_t gi = 0; gi < gpus.size(); ++gi) {
      const engine::GpuCtx& g = scratch.gpus[gi];
      for (size_t ti = 0; ti < n_tp; ++ti) {
        scratch.max_bs[ti] = engine::MaxBatch(mth, gpus[gi], ep, s.decode_tp[ti]);
      }
      for (size_t bi = 0; bi < n_bs; ++bi) {
        const double bs = s.bs[bi];
        const BatchTerms* terms = &scratch.terms[(gi * n_bs + bi) * n_tp];
        const MoeTerms layer = ExpertTerms(mth, g, ep, mtp ? bs * q : bs);
        const MoeTerms draft = mtp ? ExpertTerms(mth, g, ep, bs) : MoeTerms{};
        const auto emit = [&](size_t ti, const Times& t) {
          DecodeRow row;
          row.gpu = static_cast<int>(gi);
          row.tp = s.decode_tp[ti];
          row.ep = ep;
          row.batch = bs;
          double dense_attn = 0, sparse_attn = 0;
          for (size_t k = 0; k < mix.groups.size; ++k) {
            dense_attn += mix.dense_share[k] * terms[ti].dense_attn[k];
            sparse_attn += mix.moe_share[k] * terms[ti].sparse_attn[k];
          }
          row.dense_mla = dense_attn;
          row.dense_mlp = terms[ti].dense_mlp;
          row.sparse_mla = sparse_attn;
          row.combine = layer.combine;
          row.shared_expert = layer.shared;
          row.routed_expert = layer.routed;
          row.dispatch = layer.dispatch;
          row.comp_sum = t.comp_sum;
          row.comm_sum = t.comm_sum;
          row.delta = t.delta;
          row.tpot = t.tpot;
          row.tpot_o = t.tpot_o;
          row.tps = 1000 / t.tpot;
          row.tps_o = 1000 / t.tpot_o;
          row.total = row.tps * bs;
          row.total_o = row.tps_o * bs;
          row.comm_impact = (row.total_o - row.total) / row.total_o;
          row.lm_head = terms[ti].lm_head;
          visit(row, RowIndex{static_cast<int>(ei), static_cast<int>(gi), static_cast<int>(bi),
                              static_cast<int>(ti)});
        };

        if constexpr (kWanted == RowsWanted::kAll) {
          for (size_t ti = 0; ti < n_tp; ++ti) {
            if (!(bs <= scratch.max_bs[ti])) continue;
            const Times t = Compose(mth, g, mix, terms[ti], layer, draft);
            if (1000 / t.tpot <= s.tps_limit) continue;
            emit(ti, t);
          }
        } else {
          int best = -1;
          double best_total = 0;
          Times best_times{};
          for (size_t ti = 0; ti < n_tp; ++ti) {
            if (!(bs <= scratch.max_bs[ti])) continue;
            const Times t = Compose(mth, g, mix, terms[ti], layer, draft);
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
  (void)m;
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
