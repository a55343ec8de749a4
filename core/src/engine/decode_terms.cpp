// The terms of a decode row in both modes (decode_rows.h): attention, experts, all-to-all and the
// step they make. Each term is one function; where the seed and a calibration time a kernel
// differently the method says which (method.h).
#include <algorithm>
#include <cmath>

#include "decode_rows.h"

namespace shallowsim::detail {

using namespace formulas;
using engine::GpuCtx;
using engine::Method;

double GemmEfficiencyOfTable(bool h20_table, double bucket) {
  if (h20_table) {
    if (bucket <= 4) return 0.06;
    if (bucket <= 8) return 0.12;
    if (bucket <= 16) return 0.25;
    if (bucket <= 32) return 0.45;
    if (bucket <= 64) return 0.8;
    if (bucket <= 128) return 0.9;
    return 1.0;
  }
  if (bucket <= 8) return 0.05;
  if (bucket <= 16) return 0.08;
  if (bucket <= 32) return 0.1;
  if (bucket <= 64) return 0.2;
  if (bucket <= 128) return 0.35;
  if (bucket <= 256) return 0.4;
  if (bucket <= 512) return 0.6;
  return 0.7;
}

LayerMix LayerMixOf(const Method& mth) {
  return engine::MixOf(mth.family->decode(*mth.model, mth.scenario->seq_len));
}

namespace {

// The seed's attention (SPEC §2 "MLA time", §4 LoadKV) for `tok` query tokens of `bs` requests.
struct SeedAttention {
  double total, load_kv, all_reduce;
};
SeedAttention SeedAttentionOf(const Method& mth, const GpuCtx& g, const attention::Work& w,
                              double bs, double tok) {
  const Model& m = *mth.model;
  const Scenario& s = *mth.scenario;
  const Rates& r = g.rates;
  double load_kv = w.kv * bs / kGiB / r.mem_bw * 1000;
  if (mth.kv_bytes != 1) load_kv *= mth.kv_bytes;
  if (w.index_kv > 0) load_kv += w.index_kv * bs / kGiB / r.mem_bw * 1000 * mth.kv_bytes;
  double total =
      MlaTime({w.gemm * tok, w.attn * tok}, r, mth.family->params(m) / kMiB, s.mla_discount);
  if (w.index > 0) total += w.index * tok / r.fp8 / s.mla_discount;  // the indexer, an FP8 GEMM
  return {total, load_kv, AllReduce(tok, m, r, s.min_ar_time)};
}

// Calibrated attention of one micro-batch of b requests per GPU with q tokens each, attention TP
// t. QUIRKS Q13 corrected: a TP group of t GPUs serves t·b requests; each GPU computes its H/t
// heads for all of them and reads its share of their KV (the whole latent for MLA). Kept: the
// reference divides the attention by t and reads the KV of b requests.
engine::Cost MeasuredAttention(const Method& mth, const GpuCtx& g, const attention::Work& w,
                               double b, double t, double q, bool floors) {
  const Model& m = *mth.model;
  const Calibration& cal = g.cal;
  const Gpu& gpu = *g.gpu;
  const double reqs = mth.fix.q13 ? t * b : b;
  const double share = mth.fix.q13 ? 1.0 : 1.0 / t;
  double kv_elems = reqs * w.kv;
  if (mth.fix.q13) {
    const double kv_share = mth.family->kv_share(m, t);
    if (kv_share != 1) kv_elems *= kv_share;
  }
  // The KV stream: few requests per call fill fewer SMs (split-KV), from 2026-12c.
  const double stream = gpu.mem_bw * engine::KvStreamShare(cal, gpu, mth.kv_bytes, reqs, g.mla_bw);
  double kv = engine::Ms(kv_elems * mth.kv_bytes, stream);
  if (w.index_kv > 0) kv += engine::Ms(reqs * w.index_kv * mth.kv_bytes, stream);
  // The core (from 2026-12c without the output projection, which is a GEMM).
  const double core_gflop = cal.out_proj_gemm ? w.causal : w.attn;
  double core = core_gflop * b * q * share / (gpu.fp16 * g.attn_eff);
  if (w.index > 0) core += w.index * b * q * share / (gpu.fp8 * g.attn_eff);
  // The projections: FP8 weights split over the group.
  const double rows = reqs * q;
  const double gflop = (cal.out_proj_gemm ? w.gemm + w.out_proj : w.gemm) * b * q * share;
  const bool v4 = engine::V4Module(mth, cal, gpu);
  double proj;
  if (!mth.fix.q3 && gpu.fp4 > 0) {  // kept: FP4 GEMMs without weights or efficiency
    proj = gflop / gpu.fp4;
  } else {
    proj = engine::GemmCost(gflop, mth.family->params(m) / t, gpu.fp8, rows, gpu.mem_bw, cal.dense,
                            v4 ? cal.v4_gemm_compute : g.dense_compute, 0)
               .roof;
  }
  const engine::Cost reduce = engine::AllReduceCost(rows * m.dim * 2, t, gpu, cal);
  double fixed = 0;
  // Dense-layer attention with Q9 kept has no floors, and none of the kernel times below.
  if (floors) {
    fixed = AttentionBlockFloorMs(mth, cal, gpu, /*decode=*/true);
    // From 2026-12f, measured kernel times (like the floors, not scaled by in_situ): V4's module
    // takes its other kernels' time per token and its hyper-connections' (timed with the
    // attention block); GQA's kernels a time per request they serve.
    if (v4) fixed += rows * engine::V4TokenMs(mth, cal, gpu, w, true);
    fixed += engine::MhcMs(mth, cal, gpu, rows);
    if (mth.family->kind == AttentionKind::kGqa) {
      const double heads = attention::KvHeads(m) * (mth.fix.q13 ? mth.family->kv_share(m, t) : 1);
      fixed += reqs * engine::GqaRequestMs(mth, cal, gpu, heads);
    }
  }
  return {std::max(kv, core) + proj + reduce.roof, reduce.floor + fixed};
}

}  // namespace

BatchTerms AttentionTerms(const Method& mth, const GpuCtx& g, const LayerMix& mix, double bs,
                          double tp) {
  const Model& m = *mth.model;
  const Scenario& s = *mth.scenario;
  const bool mtp = s.mtp > 0;
  const double q = 1 + s.mtp;
  BatchTerms out;
  if (mth.seed()) {
    const double tok = mtp ? bs * q : bs;  // tokens per GPU in a step
    for (size_t k = 0; k < mix.groups.size; ++k) {
      const SeedAttention a = SeedAttentionOf(mth, g, mix.groups.items[k].work, bs, tok);
      out.dense_attn[k] = a.total + a.load_kv;
      out.sparse_attn[k] = TpTime(a.total, tp, a.all_reduce, s.mla_static) + a.load_kv;
    }
    out.dense_mlp = DenseMlp(tok, m, g.rates);
    if (mtp) {
      const SeedAttention d = SeedAttentionOf(mth, g, mix.groups.draft, bs, bs);
      out.draft_attn = TpTime(d.total, tp, d.all_reduce, s.mla_static) + d.load_kv;
    }
    return out;
  }
  // Kernels in a serving system run slower than in their unit tests (calibration.h in_situ).
  const double mbs = s.mbs, b = bs / mbs;
  const Calibration& cal = g.cal;
  for (size_t k = 0; k < mix.groups.size; ++k) {
    const attention::Work& w = mix.groups.items[k].work;
    const double sparse = engine::InSitu(cal, MeasuredAttention(mth, g, w, b, tp, q, true));
    // Q9 kept: dense-layer attention has no TP and no floors.
    const double dense =
        mth.fix.q9 ? sparse : engine::InSitu(cal, MeasuredAttention(mth, g, w, b, 1, q, false));
    out.sparse_attn[k] = mbs * sparse;
    out.dense_attn[k] = mbs * dense;
  }
  // Dense MLP on this GPU's tokens (FP8 weights).
  const double tokens = b * q;
  // Over the TP group when every GPU holds every token (all-reduce).
  const double mlp_tp = s.moe_comm == MoeComm::kAllReduce ? tp : 1;
  const engine::Cost mlp =
      engine::GemmCost(3 * tokens * m.dim * m.inter_dim * 2 / 1e9, 3 * m.dim * m.inter_dim / mlp_tp,
                       g.gpu->fp8, tokens * mlp_tp, g.gpu->mem_bw, cal.dense, g.dense_compute, 2);
  out.dense_mlp = mbs * engine::InSitu(cal, mlp);
  if (cal.lm_head) {
    // The vocabulary projection (BF16 weights) of the rank's tokens: column-parallel over the
    // attention TP group, which holds t·b requests; once per step on every micro-batch's tokens
    // (two-batch overlap splits the layers, not the head).
    const auto head = [&](double rows) {
      return engine::InSitu(
          cal,
          engine::GemmCost(2 * rows * m.dim * m.vocab_size / 1e9, 2 * m.dim * m.vocab_size / tp,
                           g.gpu->fp16, rows * tp, g.gpu->mem_bw, cal.dense, cal.dense.compute, 1));
    };
    out.lm_head = head(tokens * mbs);
    if (mtp) out.draft_lm_head = head(bs);
  }
  if (mtp) {
    out.draft_attn =
        mbs * engine::InSitu(cal, MeasuredAttention(mth, g, mix.groups.draft, b, tp, 1, true));
  }
  return out;
}

MoeTerms ExpertTerms(const Method& mth, const GpuCtx& g, double ep, double tok) {
  const Model& m = *mth.model;
  const Scenario& s = *mth.scenario;
  const double e = m.n_routed_experts, k = m.n_activated_experts;
  const engine::ExpertLayout layout = engine::LayoutOf(m, s, ep);
  const double experts_per_gpu = layout.whole;
  // No expert imbalance when every GPU holds a slice of every expert (MoE TP).
  const double imbalance = s.moe_tp > 1 && layout.groups <= 1 ? 1.0 : mth.imbalance;
  MoeTerms out;
  if (mth.seed()) {
    // SPEC §4 experts per micro-batch (QUIRKS Q5, Q6, Q7); the busiest EP rank gets
    // `imbalance` times the mean of the routed work and traffic (the efficiency bucket stays the
    // mean's, so more imbalance never speeds a row up).
    const Rates& r = g.rates;
    const double w_exp = ExpertWeightsMiB(m);
    const double load = g.experts.seed_fp4_load ? w_exp / r.mem_bw / 2 : w_exp / r.mem_bw;
    const double b = tok / s.mbs;
    const double tokens_per_expert = b * k * ep / (experts_per_gpu * ep);
    const double rate =
        g.experts.seed_rate *
        GemmEfficiencyOfTable(g.h20_table, NextPow2Above(std::floor(tokens_per_expert)));
    double routed_gflop = ExpertGflop(b * k, m);
    if (imbalance != 1) routed_gflop *= imbalance;
    out.shared = s.mbs * (ExpertGflop(b, m) / rate + load);
    out.routed = s.mbs * (routed_gflop / rate + load * experts_per_gpu);
    double d = tok * m.dim * k / kMiB;
    if (imbalance != 1) d *= imbalance;
    const double combine_mib = (s.fp8_combine != 0 && r.fp4 != 0) ? d : 2 * d;
    if (s.moe_comm == MoeComm::kAllReduce) {
      // Every GPU of the TP group holds the tokens: one all-reduce combines the experts.
      out.combine = AllReduce(tok, m, r, s.min_ar_time);
      return out;
    }
    const double bw = engine::SeedAllToAllBw(*g.gpu, r, e, experts_per_gpu, ep);
    out.dispatch = d / bw + s.decode_a2a_static * s.mbs;
    out.combine = combine_mib / bw + s.decode_a2a_static * s.mbs;
    return out;
  }
  // Calibrated: one micro-batch's grouped GEMMs and all-to-all, times the micro-batches.
  const Gpu& gpu = *g.gpu;
  const Calibration& cal = g.cal;
  const engine::Experts& ex = g.experts;
  // The routed experts' kernel as the layout slices them (shared experts: whole, `ex`).
  const engine::Experts routed_ex = engine::SlicedBy(ex, std::min(s.moe_tp, ep));
  const double mbs = s.mbs, tokens = tok / mbs;
  const double expert_bytes = 3 * m.dim * m.moe_inter_dim * ex.bytes;
  const double arriving = tokens * k * imbalance;  // rows at the busiest GPU
  double rows_per_expert = arriving / experts_per_gpu;
  if (!mth.fix.q5) rows_per_expert = engine::BucketRows(rows_per_expert);
  const double routed_gflop = 3 * arriving * m.dim * m.moe_inter_dim * 2 / 1e9;
  engine::Cost routed =
      engine::GemmCost(routed_gflop, experts_per_gpu * expert_bytes, routed_ex.peak,
                       rows_per_expert, gpu.mem_bw, routed_ex.fit, routed_ex.compute, 2);
  if (cal.distinct_experts) {
    // Only the experts (or slices of them) the instance's tokens reach are read.
    const double share = engine::TouchedShare(k, e, tokens * ep);
    const double read = layout.slices * share;
    const double memory = engine::Ms(read * expert_bytes * experts_per_gpu / layout.slices,
                                     gpu.mem_bw * routed_ex.fit.bw);
    // The GEMM's tiles are those of the experts that got rows: the instance's expert rows over
    // the experts they reach.
    const double rows = share > 0 ? arriving / (experts_per_gpu * share) : 0;
    const double math = routed_gflop / (routed_ex.peak * routed_ex.compute *
                                        engine::TileShare(rows, routed_ex.fit.block_m));
    routed.roof = std::max(memory, math);
  }
  if (routed_ex.routed_floor_ms > 0) {
    routed.floor += routed_ex.routed_floor_ms - 2 * routed_ex.fit.floor_ms;
  }
  const double shared_n = mth.fix.q11 ? m.n_shared_experts : 1;
  const double shared_inter =
      mth.fix.q11 && m.shared_inter_dim > 0 ? m.shared_inter_dim : m.moe_inter_dim;
  // The shared experts: whole on every GPU with all-to-all (attention DP); over the TP group, as
  // the dense layers, when every GPU holds every token (all-reduce).
  const bool sharded = s.moe_comm == MoeComm::kAllReduce;
  const double shared_bytes = 3 * m.dim * shared_inter * ex.bytes / (sharded ? ep : 1);
  const double shared_rows = mth.fix.q6 ? (sharded ? tokens * ep : tokens) : rows_per_expert;
  const engine::Cost shared =
      shared_n <= 0 ? engine::Cost{}
                    : engine::GemmCost(3 * tokens * shared_n * m.dim * shared_inter * 2 / 1e9,
                                       shared_n * shared_bytes, ex.peak, shared_rows, gpu.mem_bw,
                                       ex.fit, ex.compute, 2);
  engine::Cost dispatch, combine;
  if (s.moe_comm == MoeComm::kAllReduce) {
    // Every GPU of the TP group holds the instance's tokens: one all-reduce (BF16) combines the
    // experts' outputs.
    combine = engine::AllReduceCost(tokens * ep * m.dim * 2, ep, gpu, cal);
  } else {
    // All-to-all: FP8 tokens with their scales out, BF16 (or FP8 on FP4 GPUs with fp8_combine)
    // back; the busiest GPU receives `imbalance` times the mean.
    const double sent = tokens * k * m.dim * imbalance;
    const double combine_bytes = s.fp8_combine != 0 && gpu.fp4 > 0 ? 1 : 2;
    dispatch = engine::AllToAllCost(sent * engine::kFp8RowBytes, ep, gpu, cal, mth.fix,
                                    experts_per_gpu, e, engine::Phase::kDispatch);
    combine = engine::AllToAllCost(sent * combine_bytes, ep, gpu, cal, mth.fix, experts_per_gpu, e,
                                   engine::Phase::kCombine);
  }
  // Kernels in a serving system run slower than in their unit tests (calibration.h in_situ).
  out.shared = mbs * engine::InSitu(cal, shared);
  out.routed = mbs * engine::InSitu(cal, routed);
  out.dispatch = mbs * engine::InSitu(cal, dispatch);
  out.combine = mbs * engine::InSitu(cal, combine);
  out.tokens = tokens;
  return out;
}

namespace {
// vLLM runs the shared expert on its second stream for calls of at most this many tokens
// (VLLM_SHARED_EXPERTS_STREAM_TOKEN_THRESHOLD, default 256; CUDA only).
constexpr double kSharedStreamTokens = 256;

// The compute a single decode micro-batch hides its communication behind (calibration.h
// single_batch_by_framework): with single-batch overlap (decode_sbo=1) the shared expert and part
// of the routed experts' down GEMM; otherwise, from 2026-12h, the shared expert where the framework
// runs it on a second stream and nothing where it runs in sequence: TensorRT-LLM always (its CUDA
// graphs), vLLM (auto) on NVIDIA GPUs for calls of at most 256 tokens, SGLang never.
double SingleBatchCover(const Calibration& cal, const Gpu& gpu, const Scenario& s,
                        const MoeTerms& moe) {
  const double sbo = moe.shared + moe.routed * cal.sbo_hidden_routed;
  if (!cal.single_batch_by_framework || s.decode_sbo != 0 || s.moe_comm == MoeComm::kAllReduce) {
    return sbo;
  }
  switch (s.framework) {
    case Framework::kSglang:
      return 0;
    case Framework::kTrtllm:
      return moe.shared;
    case Framework::kAuto:
      break;
  }
  return NvidiaKernels(cal, gpu) && moe.tokens <= kSharedStreamTokens ? moe.shared : 0;
}
}  // namespace

Times Compose(const Method& mth, const GpuCtx& g, const LayerMix& mix, const BatchTerms& t,
              const MoeTerms& layer, const MoeTerms& draft) {
  const Scenario& s = *mth.scenario;
  const double comm = layer.dispatch + layer.combine;
  // Communication hidden behind compute in one MoE layer whose attention takes `attn`. The seed
  // (SPEC §4): one micro-batch's all-to-all behind the other's attention and shared expert.
  // Calibrated: two or more micro-batches hide it behind the others' compute, a single batch
  // behind what its framework runs beside it (SingleBatchCover); only `overlap_decode` of that
  // compute hides it in practice (calibration.h).
  const auto delta_of = [&](double attn, const MoeTerms& moe, double moe_comm) {
    if (mth.seed()) return moe_comm - attn - moe.shared;
    const double comp = attn + moe.shared + moe.routed;
    const double hidden =
        (s.mbs >= 2 ? comp : SingleBatchCover(g.cal, *g.gpu, s, moe)) * g.cal.overlap_decode;
    return moe_comm - hidden;
  };
  Times out{};
  out.comm_sum = comm;
  double tpot_o = 0, exposed = 0;
  for (size_t k = 0; k < mix.groups.size; ++k) {
    const attention::Group& grp = mix.groups.items[k];
    const double comp = t.sparse_attn[k] + layer.shared + layer.routed;
    const double delta = delta_of(t.sparse_attn[k], layer, comm);
    tpot_o += (t.dense_attn[k] + t.dense_mlp) * grp.dense_layers + comp * grp.moe_layers;
    if (delta > 0) exposed += delta * grp.moe_layers;
    out.comp_sum += mix.moe_share[k] * comp;
    out.delta += mix.moe_share[k] * delta;
  }
  // The LM head once per step (from 2026-12g; 0 before).
  tpot_o += t.lm_head;
  double tpot = exposed > 0 ? tpot_o + exposed : tpot_o;
  if (s.mtp > 0) {
    // The draft layer adds its own time mtp times per step.
    const double draft_comp = t.draft_attn + draft.shared + draft.routed;
    const double draft_delta = delta_of(t.draft_attn, draft, draft.dispatch + draft.combine);
    tpot_o += s.mtp * (draft_comp + t.draft_lm_head);
    tpot += s.mtp * (draft_comp + t.draft_lm_head + std::max(draft_delta, 0.0));
  }
  // The step emits `accept` tokens per request.
  if (mth.accept != 1) {
    tpot_o /= mth.accept;
    tpot /= mth.accept;
  }
  out.tpot_o = tpot_o;
  out.tpot = tpot;
  return out;
}

}  // namespace shallowsim::detail
