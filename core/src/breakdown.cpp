#include "shallowsim/breakdown.h"

#include <algorithm>

namespace shallowsim {

const std::array<PartInfo, kParts>& Parts() {
  static constexpr std::array<PartInfo, kParts> kInfo = {{
      {"attention",
       {"Attention", "注意力"},
       {"The model's attention (MLA, DSA, GQA or V4's): its projections, the attention core, the "
        "KV read and the TP all-reduce, all layers.",
        "模型的注意力（MLA、DSA、GQA 或 V4）：投影、注意力计算、KV 读取与 TP "
        "all-reduce，全部层。"}},
      {"dense_mlp", {"Dense MLP", "稠密 MLP"}, {"The MLP of the dense layers.", "稠密层的 MLP。"}},
      {"shared_expert",
       {"Shared expert", "共享专家"},
       {"The shared expert of every MoE layer.", "每个 MoE 层的共享专家。"}},
      {"routed_expert",
       {"Routed experts", "路由专家"},
       {"The routed experts' grouped GEMMs and weight loads.", "路由专家的分组 GEMM 与权重加载。"}},
      {"exposed_comm",
       {"Exposed all-to-all", "未掩盖的 all-to-all"},
       {"Dispatch and combine time not hidden behind compute.",
        "未被计算掩盖的 dispatch 与 combine 时间。"}},
      {"lm_head",
       {"LM head", "LM head"},
       {"The vocabulary projection of each step's tokens (decode, calibrated mode from "
        "cal=2026-12g).",
        "每步 token 的词表投影（decode，校准模式 cal=2026-12g 起）。"}},
  }};
  return kInfo;
}

PartTimes PrefillParts(const PrefillRow& r, const Model& m) {
  const double dense = m.n_dense_layers, sparse = m.n_sparse_layers();
  return {dense * r.mla + sparse * r.tp_mla,
          dense * r.dense_mlp,
          sparse * r.shared_expert,
          sparse * r.routed_expert,
          sparse * (std::max(r.overlap1, 0.0) + std::max(r.overlap2, 0.0)),
          0};
}

PartTimes DecodeParts(const DecodeRow& r, const Model& m) {
  const double dense = m.n_dense_layers, sparse = m.n_sparse_layers();
  return {dense * r.dense_mla + sparse * r.sparse_mla,
          dense * r.dense_mlp,
          sparse * r.shared_expert,
          sparse * r.routed_expert,
          sparse * std::max(r.delta, 0.0),
          r.lm_head};
}

}  // namespace shallowsim
