// What a model is, derived from its dimensions (docs/MODELS.md): parameters, KV cache and
// weights, for `shallowsim model` and the page's model panel.
#pragma once

#include <string>
#include <string_view>

#include "shallowsim/config.h"

namespace shallowsim {

struct ModelFacts {
  std::string model;  // the preset; "<preset> + overrides" when model keys change it
  AttentionKind attention = AttentionKind::kMla;
  double layers = 0;
  double total_params_b = 0;      // every weight, embeddings included, MTP layers excluded
  double active_params_b = 0;     // per token: attention, dense FFN, k routed + shared experts,
                                  // routers and the LM head (the input embedding excluded)
  double kv_bytes_per_token = 0;  // KV cache per token of context, all layers, at kv_dtype
  double kv_fixed_mib = 0;        // per request on top: the windows a sliding layer keeps
  double weights_gb = 0;          // 1 byte per non-expert weight, experts at moe_dtype (auto: FP8)
  double weights_gb_fp4 = 0;      // the same with NVFP4 experts (moe_dtype=auto on FP4 GPUs)
};
ModelFacts FactsOf(const Config& config);
// The facts of a model alone (the link's kv_dtype and moe_dtype: config.h defaults).
ModelFacts FactsOfModel(const Model& model);

// Column c of ModelColumns() (columns.h).
std::string_view ModelFactText(const ModelFacts& facts, size_t column);
double ModelFactNumber(const ModelFacts& facts, size_t column);

}  // namespace shallowsim
