// DeepSeek Sparse Attention (DeepSeek-V3.2): MLA in which each query attends to the index_topk
// tokens a lightning indexer picks. The indexer scores every cached token with index_n_heads
// heads of index_head_dim (keys stored at kv_dtype, one per token per layer) and has its own
// projections.
#include <algorithm>

#include "../formulas.h"
#include "attention.h"

namespace shallowsim::attention {

namespace {

// Indexer projections per token: queries from the q latent, one key, and the head weights.
double IndexerParams(const Model& m) {
  return m.q_lora_rank * m.index_n_heads * m.index_head_dim + m.dim * m.index_head_dim +
         m.dim * m.index_n_heads;
}

double Params(const Model& m) { return kMla.params(m) + IndexerParams(m); }

double IndexElems(const Model& m, double context) { return context * m.index_head_dim; }

Groups Decode(const Model& m, double context) {
  const double attended = std::min(context, m.index_topk);
  Work work = kMla.decode(m, attended).items[0].work;
  work.gemm += 2 * IndexerParams(m) / 1e9;
  work.index = 2 * m.index_n_heads * m.index_head_dim * context / 1e9;
  work.index_kv = IndexElems(m, context);
  Groups g;
  g.Add(m.n_layers, work, m);
  g.draft = work;
  return g;
}

Groups Prefill(const Model& m, double q, double kv, double cached) {
  const formulas::MlaWork w = formulas::MlaNonAbsorbed(m, q, std::min(kv, m.index_topk), cached);
  // The projections run for every kv token (the down-projection only for the uncached ones).
  const formulas::MlaWork all = formulas::MlaNonAbsorbed(m, q, kv, cached);
  Work work;
  work.gemm = all.gemm + 2 * q * IndexerParams(m) / 1e9;
  work.out_proj = 2 * q * m.n_heads * m.v_head_dim * m.dim / 1e9;
  work.attn = w.attn;
  const double per_pair = 2 * m.n_heads * (m.qk_rope_head_dim + m.qk_nope_head_dim + m.v_head_dim);
  work.causal = per_pair * CausalPairs(q, kv, m.index_topk) / 1e9;
  work.index = 2 * m.index_n_heads * m.index_head_dim * CausalPairs(q, kv, 0) / 1e9;
  work.kv = kMla.kv_elems(m, kv);
  work.index_kv = IndexElems(m, kv);
  Groups g;
  g.Add(m.n_layers, work, m);
  return g;
}

}  // namespace

const Family kDsa = {
    .kind = AttentionKind::kDsa,
    .label = {"MLA + DSA (DeepSeek sparse attention)", "MLA + DSA（DeepSeek 稀疏注意力）"},
    .params = Params,
    .kv_elems = [](const Model& m, double c) { return kMla.kv_elems(m, c); },
    .index_elems = IndexElems,
    .decode = Decode,
    .prefill = Prefill,
    .kv_share = [](const Model& m, double t) { return kMla.kv_share(m, t); }};

}  // namespace shallowsim::attention
