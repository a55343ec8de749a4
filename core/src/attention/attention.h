// The attention interface: what one family of attention costs, in counts (GFLOP, elements,
// parameters), whatever the mode. Both modes time this work (core/src/engine/): the reference
// with the seed's efficiencies, calibrated mode with measured kernels. A family is one file in
// this folder and one line in the registry (attention.cpp); docs/MODELS.md states each formula.
// Internal to the core.
#pragma once

#include <array>
#include <cstddef>

#include "shallowsim/bilingual.h"
#include "shallowsim/model.h"

namespace shallowsim::attention {

// The work of attention in one layer. Decode: per query token, except kv/index_kv (per request
// per step: the cache is read once whatever the query tokens). Prefill: for the whole chunk.
struct Work {
  double gemm = 0;      // GFLOP of the projections with weights except the output projection
  double attn = 0;      // GFLOP of the seed's "attn": attention core + output projection
  double out_proj = 0;  // GFLOP of the output projection (included in attn)
  double index = 0;     // GFLOP of the indexer's scoring (dsa, hybrid)
  double kv = 0;        // KV-cache elements read (at kv_dtype)
  double index_kv = 0;  // indexer keys read (elements, stored at kv_dtype)
  double causal = 0;    // GFLOP of the attention core counted causally (prefill; decode: the core)
};

// Layers that cost alike: how many dense-FFN and MoE layers have this attention, and its work.
struct Group {
  double dense_layers = 0;
  double moe_layers = 0;
  Work work;
};
inline constexpr size_t kMaxGroups = 3;
struct Groups {
  std::array<Group, kMaxGroups> items{};
  size_t size = 0;
  Work draft;  // decode: the attention of the MTP layer (V4: its sliding window only)
  void Add(double layers, const Work& work, const Model& m);  // split by n_dense_layers
};

// One attention family.
struct Family {
  AttentionKind kind;
  Text label;
  // Parameters of one layer's attention, the mean over the layers.
  double (*params)(const Model& m);
  // KV-cache elements one request keeps at `context` tokens, the mean per layer (kv_dtype), and
  // the indexer keys (FP8).
  double (*kv_elems)(const Model& m, double context);
  double (*index_elems)(const Model& m, double context);
  // Decode at `context` tokens of KV (SPEC §4: the reference's absorbed MLA at seq_len).
  Groups (*decode)(const Model& m, double context);
  // Prefill of `q` tokens attending to `kv` tokens (q ≤ kv; the first kv − q are cached), the
  // key/value down-projection skipped for the share `cached` of the kv tokens (SPEC §3: the
  // reference computes q = kv = seq_len and skips kv_cache_rate of the down-projection).
  Groups (*prefill)(const Model& m, double q, double kv, double cached);
  // The share of a request's KV that one of `tp` attention-TP ranks keeps and reads (MLA's
  // latent is whole on every rank; GQA splits its KV heads).
  double (*kv_share)(const Model& m, double tp);
  // Weight GEMM kernels of one layer's attention block (calibrated fixed times from 2026-12d;
  // before, every family was timed as MLA's four): MLA's down/up projections and output
  // projection; GQA's fused QKV and output projections.
  double gemm_kernels = 4;
};

// The family of a model (the registry).
const Family& FamilyOf(const Model& m);

// ---- Helpers the families share ----------------------------------------------------------------
// GQA / hybrid per-head dimension (head_dim, or dim / n_heads).
double HeadDim(const Model& m);
// GQA key/value heads (n_kv_heads, or n_heads).
double KvHeads(const Model& m);
// Query–key pairs of a causal prefill of q tokens after kv − q cached ones, each query seeing at
// most `window` keys (0 = all).
double CausalPairs(double q, double kv, double window);

// The families (one file each).
extern const Family kMla;
extern const Family kDsa;
extern const Family kHybrid;
extern const Family kGqa;

}  // namespace shallowsim::attention
