// Model dimensions and presets (SPEC §1.1).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "shallowsim/enums.h"

namespace shallowsim {

// A MoE transformer: its attention family (core/src/attention/) and its FFN. Counts are whole
// numbers held as double: every formula works in double, and products of these counts stay exact
// below 2^53 within the schema's ranges. The defaults are DeepSeek-V3 (SPEC §1.1); the keys a
// family does not read keep their defaults.
struct Model {
  double dim = 7168;
  double inter_dim = 18432;
  double moe_inter_dim = 2048;
  double n_layers = 61;
  double n_dense_layers = 3;
  double n_heads = 128;
  double n_routed_experts = 256;
  double n_shared_experts = 1;  // reference mode charges one whatever this says (QUIRKS Q11)
  double n_activated_experts = 8;
  double q_lora_rank = 1536;
  double kv_lora_rank = 512;
  double qk_nope_head_dim = 128;
  double qk_rope_head_dim = 64;
  double v_head_dim = 128;
  // Memory constants (SPEC §1.1, QUIRKS Q12): the reference's fixed DeepSeek-V3 values; kDerived
  // = computed from the dimensions (params.h), as the presets after the seed's three do.
  double mla_params_m = 187.17;    // attention parameters per layer, millions
  double expert_params_m = 44.05;  // one expert, millions
  double other_params_gb = 2.91;   // embeddings and the rest, GB

  // ---- Attention families (docs/MODELS.md) ----
  AttentionKind attention = AttentionKind::kMla;
  double n_kv_heads = 0;      // GQA: key/value heads; 0 = n_heads (MHA)
  double head_dim = 0;        // GQA, hybrid: per-head dimension; 0 = dim / n_heads
  double sliding_window = 0;  // tokens a windowed layer attends to; 0 = none
  double n_swa_layers = 0;    // GQA: layers with the sliding window (the rest attend to all)
  double attn_sinks = 0;      // GQA: learned attention sinks (0/1; weights only)
  // The indexer of DeepSeek Sparse Attention (dsa) and of V4's compressed layers (hybrid).
  double index_topk = 2048;     // entries each query attends to
  double index_n_heads = 64;    // indexer heads
  double index_head_dim = 128;  // indexer key dimension
  // V4's hybrid attention: compressed-sparse (CSA) and heavily-compressed (HCA) layers; the rest
  // attend to their sliding window only. Every layer also attends to its window.
  double n_csa_layers = 0;
  double csa_ratio = 4;  // raw tokens per compressed entry
  double n_hca_layers = 0;
  double hca_ratio = 128;
  double o_groups = 0;     // grouped output projection: groups (0 = one dense o_proj)
  double o_lora_rank = 0;  // grouped output projection: rank per group

  // ---- FFN and the rest ----
  double shared_inter_dim = 0;  // one shared expert's FFN size; 0 = moe_inter_dim
  double vocab_size = 129280;   // embeddings (derived parameter counts)
  double tie_embeddings = 0;    // 0/1: the LM head shares the embedding weights
  // 0/1: the checkpoint's 4-bit experts are MXFP4 (an 8-bit power-of-two scale per 32 weights:
  // GPT-OSS, DeepSeek-V4), not NVFP4; calibrated mode from 2026-12e times FP4 experts on Blackwell
  // and the MI355X (moe_dtype=fp4, or auto) by that format's kernels. Bytes per weight are NVFP4's
  // in every case.
  double mxfp4_experts = 0;
  // DeepSeek-V4's manifold-constrained hyper-connections (mHC): the residual stream is hc_mult
  // copies wide, mixed before and after every attention and FFN block (0 or 1: a plain residual).
  // Calibrated mode from 2026-12f times its kernels; weights and KV are unaffected.
  double hc_mult = 0;

  double n_sparse_layers() const { return n_layers - n_dense_layers; }
  friend bool operator==(const Model&, const Model&) = default;
};

// The memory constants' value meaning "derived from the dimensions".
inline constexpr double kDerived = -1;

struct Preset {
  std::string_view name;
  std::string_view family;       // the picker's group ("DeepSeek", "Qwen3", …)
  std::string_view description;  // name, size and what sets it apart
  Model model;
};

// The shipped presets; the first is the default.
//  - deepseek-v3 (= DeepSeek-R1): the reference's model, with its fixed memory constants.
//  - kimi-k2: E=384, H=64, one dense layer, rest as V3. Memory constants computed once from its
//    dimensions (SPEC §1.1): mla_params_m = MLA weights / 1e6 (101.12), expert_params_m =
//    3·dim·moe_inter / 1e6 (44.04), other_params_gb = (2·vocab·dim + n_dense·3·dim·inter) / 1e9
//    with vocab 163840 (2.745; routers not counted).
//  - deepseek-v2: dimensions of DeepSeek-V2; constants computed the same way with vocab 102400
//    (149.23, 23.59, 1.237).
//  - the presets added with the attention families (docs/MODELS.md) derive their constants
//    (kDerived): engine/method.h.
std::vector<Preset> Presets();
// The preset a link names, as a link naming calibration `cal` reads it (empty: the latest): the
// DeepSeek-V4 presets' experts are MXFP4 from calibration 2026-12f on; a link naming an older
// calibration reads them as they were (mxfp4_experts 0), so it keeps its numbers.
std::optional<Model> FindPreset(std::string_view name, std::string_view cal = {});
inline constexpr std::string_view kDefaultPreset = "deepseek-v3";

}  // namespace shallowsim
