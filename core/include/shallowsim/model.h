// Model dimensions and presets (SPEC §1.1).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace shallowsim {

// An MLA + MoE transformer. Counts are whole numbers held as double: every formula works in
// double, and products of these counts stay exact below 2^53 within the schema's ranges.
struct Model {
  double dim = 7168;
  double inter_dim = 18432;
  double moe_inter_dim = 2048;
  double n_layers = 61;
  double n_dense_layers = 3;
  double n_heads = 128;
  double n_routed_experts = 256;
  double n_shared_experts = 1;  // never read by the formulas (QUIRKS Q11)
  double n_activated_experts = 8;
  double q_lora_rank = 1536;
  double kv_lora_rank = 512;
  double qk_nope_head_dim = 128;
  double qk_rope_head_dim = 64;
  double v_head_dim = 128;
  double mla_params_m = 187.17;    // MLA parameters per layer, millions (memory check only)
  double expert_params_m = 44.05;  // one expert, millions (memory check only)
  double other_params_gb = 2.91;   // embeddings and the rest, GB (memory check only)

  double n_sparse_layers() const { return n_layers - n_dense_layers; }
  friend bool operator==(const Model&, const Model&) = default;
};

struct Preset {
  std::string_view name;
  std::string_view description;
  Model model;
};

// The shipped presets; the first is the default.
//  - deepseek-v3 (= DeepSeek-R1): the reference's model, with its fixed memory constants.
//  - kimi-k2: E=384, H=64, one dense layer, rest as V3. Memory constants derived from its
//    dimensions: mla_params_m = MLA weights / 1e6 (101.12), expert_params_m = 3·dim·moe_inter
//    / 1e6 (44.04), other_params_gb = (2·vocab·dim + n_dense·3·dim·inter) / 1e9 with vocab
//    163840 (2.745).
//  - deepseek-v2: dimensions of DeepSeek-V2; constants derived the same way with vocab 102400
//    (149.23, 23.59, 1.237).
std::vector<Preset> Presets();
std::optional<Model> FindPreset(std::string_view name);
inline constexpr std::string_view kDefaultPreset = "deepseek-v3";

}  // namespace shallowsim
