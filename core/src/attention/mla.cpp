// Multi-head latent attention (DeepSeek-V2/V3, Kimi-K2): SPEC §2's formulas, the reference's
// split between "gemm" and "attn" included, so the reference's tables stay bit for bit.
#include "../formulas.h"
#include "attention.h"

namespace shallowsim::attention {

namespace {

double Params(const Model& m) { return formulas::MlaWeightsMiB(m) * formulas::kMiB; }

// The cached latent: kv_lora_rank + qk_rope_head_dim per token per layer (576 for V3).
double KvElems(const Model& m, double context) {
  return context * (m.kv_lora_rank + m.qk_rope_head_dim);
}

double NoIndex(const Model&, double) { return 0; }

double OutProj(const Model& m, double q) { return 2 * q * m.n_heads * m.v_head_dim * m.dim / 1e9; }

Groups Decode(const Model& m, double context) {
  const formulas::MlaWork w = formulas::MlaAbsorbed(m, 1, context, 1);
  Work work;
  work.gemm = w.gemm;
  work.attn = w.attn;
  work.out_proj = OutProj(m, 1);
  work.kv = KvElems(m, context);
  work.causal = w.attn - work.out_proj;
  Groups g;
  g.Add(m.n_layers, work, m);
  g.draft = work;
  return g;
}

Groups Prefill(const Model& m, double q, double kv, double cached) {
  const formulas::MlaWork w = formulas::MlaNonAbsorbed(m, q, kv, cached);
  Work work;
  work.gemm = w.gemm;
  work.attn = w.attn;
  work.out_proj = OutProj(m, q);
  work.kv = KvElems(m, kv);
  work.causal = 2 * m.n_heads * (m.qk_rope_head_dim + m.qk_nope_head_dim + m.v_head_dim) *
                CausalPairs(q, kv, 0) / 1e9;
  Groups g;
  g.Add(m.n_layers, work, m);
  return g;
}

double WholeOnEveryRank(const Model&, double) { return 1; }

}  // namespace

const Family kMla = {.kind = AttentionKind::kMla,
                     .label = {"MLA (multi-head latent attention)", "MLA（多头潜在注意力）"},
                     .params = Params,
                     .kv_elems = KvElems,
                     .index_elems = NoIndex,
                     .decode = Decode,
                     .prefill = Prefill,
                     .kv_share = WholeOnEveryRank};

}  // namespace shallowsim::attention
