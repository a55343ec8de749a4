#include "shallowsim/model.h"

namespace shallowsim {

std::vector<Preset> Presets() {
  const Model v3;  // the struct's defaults are DeepSeek-V3

  Model kimi = v3;
  kimi.n_routed_experts = 384;
  kimi.n_heads = 64;
  kimi.n_dense_layers = 1;
  kimi.mla_params_m = 101.12;
  kimi.expert_params_m = 44.04;
  kimi.other_params_gb = 2.745;

  Model v2;
  v2.dim = 5120;
  v2.inter_dim = 12288;
  v2.moe_inter_dim = 1536;
  v2.n_layers = 60;
  v2.n_dense_layers = 1;
  v2.n_heads = 128;
  v2.n_routed_experts = 160;
  v2.n_shared_experts = 2;
  v2.n_activated_experts = 6;
  v2.q_lora_rank = 1536;
  v2.kv_lora_rank = 512;
  v2.qk_nope_head_dim = 128;
  v2.qk_rope_head_dim = 64;
  v2.v_head_dim = 128;
  v2.mla_params_m = 149.23;
  v2.expert_params_m = 23.59;
  v2.other_params_gb = 1.237;

  return {
      {"deepseek-v3", "DeepSeek", "DeepSeek-V3 / R1 (671B, 37B active)", v3},
      {"kimi-k2", "Kimi", "Kimi-K2 (1T, 384 experts, 64 heads)", kimi},
      {"deepseek-v2", "DeepSeek", "DeepSeek-V2 (236B, 160 experts)", v2},
  };
}

std::optional<Model> FindPreset(std::string_view name) {
  for (const Preset& p : Presets()) {
    if (p.name == name) return p.model;
  }
  return std::nullopt;
}

}  // namespace shallowsim
