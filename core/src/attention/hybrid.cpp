// DeepSeek-V4's hybrid attention: every layer attends to a raw sliding window of its last
// sliding_window tokens; n_csa_layers add compressed-sparse attention (an entry per csa_ratio
// tokens, of which an indexer picks index_topk) and n_hca_layers heavily-compressed attention (an
// entry per hca_ratio tokens, all attended). One key/value head of head_dim serves every query
// head (K = V); the output projection is grouped (o_groups × o_lora_rank).
#include <algorithm>
#include <cmath>

#include "attention.h"

namespace shallowsim::attention {

namespace {

enum class Kind { kWindow, kCsa, kHca };

double Window(const Model& m, double context) {
  return m.sliding_window > 0 ? std::min(context, m.sliding_window) : 0;
}

// Query projections (low rank), the shared key/value head, and the compressor of a kind (its
// entries pool overlapping windows in CSA: two projections of key and gate; one in HCA).
double ProjParams(const Model& m, Kind kind) {
  const double hd = HeadDim(m);
  double p = m.dim * m.q_lora_rank + m.q_lora_rank * m.n_heads * hd + m.dim * hd;
  if (kind == Kind::kCsa) {
    p += 4 * m.dim * hd;  // compressor: key and gate, two overlapping halves
    p += m.q_lora_rank * m.index_n_heads * m.index_head_dim + m.dim * m.index_n_heads +
         4 * m.dim * m.index_head_dim;  // indexer queries, head weights, its compressor
  } else if (kind == Kind::kHca) {
    p += 2 * m.dim * hd;
  }
  return p;
}

double OutParams(const Model& m) {
  const double in = m.n_heads * HeadDim(m);
  if (m.o_groups > 0 && m.o_lora_rank > 0)
    return in * m.o_lora_rank + m.o_groups * m.o_lora_rank * m.dim;
  return in * m.dim;
}

double Layers(const Model& m, Kind kind) {
  const double csa = std::min(m.n_csa_layers, m.n_layers);
  const double hca = std::min(m.n_hca_layers, m.n_layers - csa);
  return kind == Kind::kCsa ? csa : kind == Kind::kHca ? hca : m.n_layers - csa - hca;
}

double Params(const Model& m) {
  double sum = 0;
  for (Kind k : {Kind::kWindow, Kind::kCsa, Kind::kHca}) sum += Layers(m, k) * ProjParams(m, k);
  return sum / m.n_layers + OutParams(m);
}

// Entries a layer keeps of `context` tokens: its window and its compressed entries.
double Entries(const Model& m, Kind kind, double context) {
  double e = Window(m, context);
  if (kind == Kind::kCsa) e += std::floor(context / m.csa_ratio);
  if (kind == Kind::kHca) e += std::floor(context / m.hca_ratio);
  return e;
}

// Entries a query reads: the window, and the top-k (CSA) or every (HCA) compressed entry.
double Attended(const Model& m, Kind kind, double context) {
  double e = Window(m, context);
  if (kind == Kind::kCsa) e += std::min(std::floor(context / m.csa_ratio), m.index_topk);
  if (kind == Kind::kHca) e += std::floor(context / m.hca_ratio);
  return e;
}

double KvElems(const Model& m, double context) {
  double sum = 0;
  for (Kind k : {Kind::kWindow, Kind::kCsa, Kind::kHca})
    sum += Layers(m, k) * Entries(m, k, context);
  return sum * HeadDim(m) / m.n_layers;
}

double IndexElems(const Model& m, double context) {
  return Layers(m, Kind::kCsa) * std::floor(context / m.csa_ratio) * m.index_head_dim / m.n_layers;
}

Work DecodeWork(const Model& m, Kind kind, double context) {
  const double hd = HeadDim(m), seen = Attended(m, kind, context);
  Work w;
  w.gemm = 2 * ProjParams(m, kind) / 1e9;
  w.out_proj = 2 * OutParams(m) / 1e9;
  w.causal = 4 * m.n_heads * hd * seen / 1e9;
  w.attn = w.causal + w.out_proj;
  w.kv = seen * hd;
  if (kind == Kind::kCsa) {
    const double entries = std::floor(context / m.csa_ratio);
    w.index = 2 * m.index_n_heads * m.index_head_dim * entries / 1e9;
    w.index_kv = entries * m.index_head_dim;
  }
  return w;
}

Groups Decode(const Model& m, double context) {
  Groups g;
  for (Kind k : {Kind::kWindow, Kind::kCsa, Kind::kHca})
    g.Add(Layers(m, k), DecodeWork(m, k, context), m);
  // The MTP layer attends to its sliding window only.
  g.draft = DecodeWork(m, Kind::kWindow, context);
  return g;
}

Work PrefillWork(const Model& m, Kind kind, double q, double kv) {
  const double hd = HeadDim(m);
  const double window_pairs = CausalPairs(q, kv, m.sliding_window > 0 ? m.sliding_window : kv);
  // Compressed entries seen by each query: about position / ratio (capped at top-k in CSA).
  double compressed = 0, index_pairs = 0;
  if (kind == Kind::kCsa) {
    compressed = std::min(CausalPairs(q, kv, 0) / m.csa_ratio, q * m.index_topk);
    index_pairs = CausalPairs(q, kv, 0) / m.csa_ratio;
  } else if (kind == Kind::kHca) {
    compressed = CausalPairs(q, kv, 0) / m.hca_ratio;
  }
  Work w;
  w.gemm = 2 * q * ProjParams(m, kind) / 1e9;
  w.out_proj = 2 * q * OutParams(m) / 1e9;
  w.causal = 4 * m.n_heads * hd * (window_pairs + compressed) / 1e9;
  w.attn = 4 * m.n_heads * hd * q * Attended(m, kind, kv) / 1e9 + w.out_proj;
  w.index = 2 * m.index_n_heads * m.index_head_dim * index_pairs / 1e9;
  w.kv = Entries(m, kind, kv) * hd;
  if (kind == Kind::kCsa) w.index_kv = std::floor(kv / m.csa_ratio) * m.index_head_dim;
  return w;
}

Groups Prefill(const Model& m, double q, double kv, double) {
  Groups g;
  for (Kind k : {Kind::kWindow, Kind::kCsa, Kind::kHca})
    g.Add(Layers(m, k), PrefillWork(m, k, q, kv), m);
  return g;
}

}  // namespace

const Family kHybrid = {.kind = AttentionKind::kHybrid,
                        .label = {"Hybrid CSA/HCA (DeepSeek-V4)", "混合 CSA/HCA（DeepSeek-V4）"},
                        .params = Params,
                        .kv_elems = KvElems,
                        .index_elems = IndexElems,
                        .decode = Decode,
                        .prefill = Prefill,
                        .kv_share = [](const Model&, double) { return 1.0; }};

}  // namespace shallowsim::attention
