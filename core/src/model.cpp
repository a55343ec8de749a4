// The presets: every dimension from the model's config.json or card (docs/MODELS.md cites each).
#include "shallowsim/model.h"

#include "shallowsim/calibration.h"

namespace shallowsim {

namespace {

// A preset whose memory constants are derived from its dimensions (engine/method.h).
Model Derived(Model m) {
  m.mla_params_m = kDerived;
  m.expert_params_m = kDerived;
  m.other_params_gb = kDerived;
  return m;
}

// A MoE transformer with grouped-query attention and no dense or shared FFN (Qwen3, GPT-OSS,
// MiniMax-M2); the seed's MLA keys keep their defaults, unread.
Model Gqa(double dim, double layers, double heads, double kv_heads, double head_dim, double experts,
          double active, double moe_inter, double vocab) {
  Model m;
  m.attention = AttentionKind::kGqa;
  m.dim = dim;
  m.n_layers = layers;
  m.n_dense_layers = 0;
  m.n_heads = heads;
  m.n_kv_heads = kv_heads;
  m.head_dim = head_dim;
  m.n_routed_experts = experts;
  m.n_activated_experts = active;
  m.n_shared_experts = 0;
  m.moe_inter_dim = moe_inter;
  m.vocab_size = vocab;
  return Derived(m);
}

}  // namespace

std::vector<Preset> Presets() {
  const Model v3;  // the struct's defaults are DeepSeek-V3

  Model kimi = v3;
  kimi.n_routed_experts = 384;
  kimi.n_heads = 64;
  kimi.n_dense_layers = 1;
  kimi.mla_params_m = 101.12;
  kimi.expert_params_m = 44.04;
  kimi.other_params_gb = 2.745;
  kimi.vocab_size = 163840;

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
  v2.vocab_size = 102400;

  // V3.2: V3 with DeepSeek Sparse Attention (indexer 64 heads × 128, top-2048: the defaults).
  Model v32 = Derived(v3);
  v32.attention = AttentionKind::kDsa;

  // V4: hybrid attention, one 512-wide KV head, every layer MoE.
  Model v4pro = Derived(v3);
  v4pro.attention = AttentionKind::kHybrid;
  v4pro.n_dense_layers = 0;
  v4pro.moe_inter_dim = 3072;
  v4pro.n_routed_experts = 384;
  v4pro.n_activated_experts = 6;
  v4pro.n_kv_heads = 1;
  v4pro.head_dim = 512;
  v4pro.sliding_window = 128;
  v4pro.attn_sinks = 1;
  v4pro.n_csa_layers = 30;
  v4pro.n_hca_layers = 31;
  v4pro.index_topk = 1024;
  v4pro.o_groups = 16;
  v4pro.o_lora_rank = 1024;
  v4pro.mxfp4_experts = 1;  // expert_dtype fp4: MXFP4 (LMSYS and TensorRT-LLM V4 blogs)
  v4pro.hc_mult = 4;        // config.json hc_mult

  Model v4flash = v4pro;
  v4flash.dim = 4096;
  v4flash.n_layers = 43;
  v4flash.moe_inter_dim = 2048;
  v4flash.n_heads = 64;
  v4flash.n_routed_experts = 256;
  v4flash.q_lora_rank = 1024;
  v4flash.n_csa_layers = 21;
  v4flash.n_hca_layers = 20;
  v4flash.index_topk = 512;
  v4flash.o_groups = 8;

  const Model qwen235 = Gqa(4096, 94, 64, 4, 128, 128, 8, 1536, 151936);
  const Model qwen30 = Gqa(2048, 48, 32, 4, 128, 128, 8, 768, 151936);
  const Model qwen480 = Gqa(6144, 62, 96, 8, 128, 160, 8, 2560, 151936);

  Model oss120 = Gqa(2880, 36, 64, 8, 64, 128, 4, 2880, 201088);
  oss120.sliding_window = 128;
  oss120.n_swa_layers = 18;  // every other layer, from layer 0
  oss120.attn_sinks = 1;
  oss120.mxfp4_experts = 1;  // config.json quantization_config: quant_method "mxfp4"
  Model oss20 = oss120;
  oss20.n_layers = 24;
  oss20.n_swa_layers = 12;
  oss20.n_routed_experts = 32;

  Model glm = Gqa(5120, 92, 96, 8, 128, 160, 8, 1536, 151552);
  glm.n_dense_layers = 3;
  glm.inter_dim = 12288;
  glm.n_shared_experts = 1;

  const Model minimax = Gqa(3072, 62, 48, 8, 128, 256, 8, 1536, 200064);

  return {
      {"deepseek-v3", "DeepSeek", "DeepSeek-V3 / R1 / V3.1 (671B, 37B active; MLA)", v3},
      {"kimi-k2", "Kimi", "Kimi-K2 (1T, 32B active; MLA, 384 experts, 64 heads)", kimi},
      {"deepseek-v2", "DeepSeek", "DeepSeek-V2 (236B, 21B active; MLA, 160 experts)", v2},
      {"deepseek-v3.2", "DeepSeek", "DeepSeek-V3.2 (671B, 37B active; MLA + DSA sparse, top-2048)",
       v32},
      {"deepseek-v4-pro", "DeepSeek",
       "DeepSeek-V4-Pro (1.6T, 49B active; hybrid CSA/HCA attention, 1M context)", v4pro},
      {"deepseek-v4-flash", "DeepSeek",
       "DeepSeek-V4-Flash (284B, 13B active; hybrid CSA/HCA attention, 1M context)", v4flash},
      {"qwen3-235b-a22b", "Qwen3", "Qwen3-235B-A22B (235B, 22B active; GQA 64/4)", qwen235},
      {"qwen3-30b-a3b", "Qwen3", "Qwen3-30B-A3B (30.5B, 3.3B active; GQA 32/4)", qwen30},
      {"qwen3-coder-480b-a35b", "Qwen3",
       "Qwen3-Coder-480B-A35B (480B, 35B active; GQA 96/8, 160 experts)", qwen480},
      {"gpt-oss-120b", "GPT-OSS",
       "GPT-OSS-120B (117B, 5.1B active; GQA 64/8, every other layer a 128-token window)", oss120},
      {"gpt-oss-20b", "GPT-OSS", "GPT-OSS-20B (21B, 3.6B active; GQA 64/8, 32 experts)", oss20},
      {"glm-4.6", "GLM", "GLM-4.6 (355B, 32B active; GQA 96/8, 160 experts + 1 shared)", glm},
      {"minimax-m2", "MiniMax", "MiniMax-M2 (230B, 10B active; GQA 48/8, 256 experts)", minimax},
  };
}

std::optional<Model> FindPreset(std::string_view name, std::string_view cal) {
  for (const Preset& p : Presets()) {
    if (p.name != name) continue;
    Model m = p.model;
    const Calibration* k = cal.empty() ? nullptr : FindCalibration(cal);
    if (k != nullptr && !k->mxfp4_hybrid && m.attention == AttentionKind::kHybrid) {
      m.mxfp4_experts = 0;
    }
    return m;
  }
  return std::nullopt;
}

}  // namespace shallowsim
