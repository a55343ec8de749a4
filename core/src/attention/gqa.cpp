// Grouped-query attention (Qwen3, GPT-OSS, GLM-4.6, MiniMax-M2): n_heads query heads share
// n_kv_heads key/value heads of head_dim; n_swa_layers of the layers attend to a sliding window
// of sliding_window tokens; attention sinks add one learned logit per head. MHA is
// n_kv_heads = n_heads.
#include <algorithm>
#include <cmath>

#include "attention.h"

namespace shallowsim::attention {

namespace {

double QkvParams(const Model& m) { return m.dim * (m.n_heads + 2 * KvHeads(m)) * HeadDim(m); }
double OutParams(const Model& m) { return m.n_heads * HeadDim(m) * m.dim; }

double Params(const Model& m) {
  return QkvParams(m) + OutParams(m) + (m.attn_sinks > 0 ? m.n_heads : 0);
}

double SwaLayers(const Model& m) {
  return m.sliding_window > 0 ? std::min(m.n_swa_layers, m.n_layers) : 0;
}

// Keys a layer attends to at `context` tokens.
double Seen(double context, double window) {
  return window > 0 ? std::min(context, window) : context;
}

double PerToken(const Model& m) { return 2 * KvHeads(m) * HeadDim(m); }

double KvElems(const Model& m, double context) {
  const double swa = SwaLayers(m);
  return PerToken(m) * ((m.n_layers - swa) * context + swa * Seen(context, m.sliding_window)) /
         m.n_layers;
}

Work DecodeWork(const Model& m, double context, double window) {
  const double hd = HeadDim(m), seen = Seen(context, window);
  Work w;
  w.gemm = 2 * QkvParams(m) / 1e9;
  w.out_proj = 2 * OutParams(m) / 1e9;
  w.causal = 4 * m.n_heads * hd * seen / 1e9;  // QKᵀ and PV
  w.attn = w.causal + w.out_proj;
  w.kv = PerToken(m) * seen;
  return w;
}

Groups Decode(const Model& m, double context) {
  Groups g;
  const double swa = SwaLayers(m);
  g.Add(m.n_layers - swa, DecodeWork(m, context, 0), m);
  g.Add(swa, DecodeWork(m, context, m.sliding_window), m);
  g.draft = DecodeWork(m, context, 0);
  return g;
}

Work PrefillWork(const Model& m, double q, double kv, double window) {
  const double hd = HeadDim(m);
  Work w;
  w.gemm = 2 * q * QkvParams(m) / 1e9;  // keys and values of the cached tokens are in the cache
  w.out_proj = 2 * q * OutParams(m) / 1e9;
  w.attn = 4 * m.n_heads * hd * q * Seen(kv, window) / 1e9 + w.out_proj;
  w.causal = 4 * m.n_heads * hd * CausalPairs(q, kv, window) / 1e9;
  w.kv = PerToken(m) * Seen(kv, window);
  return w;
}

Groups Prefill(const Model& m, double q, double kv, double) {
  Groups g;
  const double swa = SwaLayers(m);
  g.Add(m.n_layers - swa, PrefillWork(m, q, kv, 0), m);
  g.Add(swa, PrefillWork(m, q, kv, m.sliding_window), m);
  return g;
}

// Each of t ranks keeps its share of the KV heads (whole heads: beyond n_kv_heads ranks, heads
// are replicated).
double KvShare(const Model& m, double tp) {
  const double heads = KvHeads(m);
  return std::ceil(heads / tp) / heads;
}

}  // namespace

const Family kGqa = {.kind = AttentionKind::kGqa,
                     .label = {"GQA (grouped-query attention)", "GQA（分组查询注意力）"},
                     .params = Params,
                     .kv_elems = KvElems,
                     .index_elems = [](const Model&, double) { return 0.0; },
                     .decode = Decode,
                     .prefill = Prefill,
                     .kv_share = KvShare,
                     .gemm_kernels = 2};

}  // namespace shallowsim::attention
