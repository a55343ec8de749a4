// The presets and the attention families (docs/MODELS.md): sizes derived from the dimensions
// against the model cards, KV per token against hand arithmetic, rows for every GPU.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "../../core/src/attention/attention.h"
#include "shallowsim/decode.h"
#include "shallowsim/model_facts.h"
#include "shallowsim/prefill.h"
#include "test_util.h"

namespace shallowsim {
namespace {

using testing::ConfigOf;

struct Card {
  const char* preset;
  double total_b, active_b;  // the model card's figures
  double kv_bf16;            // bytes per token, all layers, hand arithmetic (0: not checked)
};
// Cards: DeepSeek-V3 README (671B/37B), V3.2 (671B/37B), V4 card (1.6T/49B, 284B/13B), Kimi-K2
// card (1T/32B), Qwen3 cards (235B/22B, 30.5B/3.3B, 480B/35B), GPT-OSS card (116.83B/5.13B,
// 20.91B/3.61B), GLM-4.5/4.6 card (355B/32B), MiniMax-M2 (230B/10B), DeepSeek-V2 (236B/21B).
// KV: MLA 61 × (512 + 64) × 2; GQA layers × 2 × kv_heads × head_dim × 2 (GPT-OSS: the full
// layers only; its windowed ones are a fixed cost).
constexpr Card kCards[] = {
    {"deepseek-v3", 671, 37, 61 * 576 * 2},
    {"deepseek-v3.2", 671, 37, 0},
    {"deepseek-v4-pro", 1600, 49, 0},
    {"deepseek-v4-flash", 284, 13, 0},
    {"kimi-k2", 1000, 32, 61 * 576 * 2},
    {"qwen3-235b-a22b", 235, 22, 94 * 2 * 4 * 128 * 2},
    {"qwen3-30b-a3b", 30.5, 3.3, 48 * 2 * 4 * 128 * 2},
    {"qwen3-coder-480b-a35b", 480, 35, 62 * 2 * 8 * 128 * 2},
    {"gpt-oss-120b", 116.83, 5.13, 18 * 2 * 8 * 64 * 2},
    {"gpt-oss-20b", 20.91, 3.61, 12 * 2 * 8 * 64 * 2},
    {"glm-4.6", 355, 32, 92 * 2 * 8 * 128 * 2},
    {"minimax-m2", 230, 10, 62 * 2 * 8 * 128 * 2},
    {"deepseek-v2", 236, 21, 60 * 576 * 2},
};

TEST(Presets, SizesMatchTheirCards) {
  for (const Card& card : kCards) {
    const ModelFacts f = FactsOf(ConfigOf(std::string("v=1&kv_dtype=bf16&model=") + card.preset));
    EXPECT_NEAR(f.total_params_b, card.total_b, 0.03 * card.total_b) << card.preset;
    EXPECT_NEAR(f.active_params_b, card.active_b, 0.10 * card.active_b) << card.preset;
    if (card.kv_bf16 > 0) {
      EXPECT_NEAR(f.kv_bytes_per_token, card.kv_bf16, 0.02 * card.kv_bf16) << card.preset;
    }
  }
}

TEST(Presets, HybridKvFollowsItsCompressionRatios) {
  // V4-Pro: 30 CSA layers keep a 512-wide entry and a 128-wide indexer key per 4 tokens, 31 HCA
  // layers one entry per 128 tokens; every layer keeps a 128-token window (vLLM's V4 blog:
  // 9.62 GiB per 1M-token sequence at BF16).
  const ModelFacts f = FactsOf(ConfigOf("v=1&model=deepseek-v4-pro&kv_dtype=bf16"));
  EXPECT_DOUBLE_EQ(f.kv_bytes_per_token, 30 * (512.0 / 4 + 128.0 / 4) * 2 + 31 * 512.0 / 128 * 2);
  EXPECT_DOUBLE_EQ(f.kv_fixed_mib, 61 * 128 * 512 * 2 / 1048576.0);
  const double gib_at_1m =
      (f.kv_bytes_per_token * (1 << 20) + f.kv_fixed_mib * (1 << 20)) / (1 << 30);
  EXPECT_NEAR(gib_at_1m, 9.62, 0.01);
}

TEST(Presets, EveryPresetGivesRowsOnEveryGpuInBothModes) {
  for (const Card& card : kCards) {
    for (const char* mode : {"reference", "calibrated"}) {
      const Config c =
          ConfigOf(std::string("v=1&mode=") + mode + "&model=" + card.preset + "&seq_len=2048");
      const DecodeTable d = Decode(c);
      std::vector<bool> seen(d.gpus.size());
      for (const DecodeRow& r : d.rows) seen[static_cast<size_t>(r.gpu)] = true;
      for (size_t g = 0; g < seen.size(); ++g) {
        EXPECT_TRUE(seen[g]) << card.preset << " " << mode << " " << d.gpus[g];
      }
      for (const PrefillRow& r : PrefillTable(c)) {
        EXPECT_TRUE(std::isfinite(r.prefill_tps) && r.prefill_tps > 0) << card.preset << r.gpu;
      }
    }
  }
}

TEST(Attention, CausalPairsCountEachQueryOnce) {
  using attention::CausalPairs;
  EXPECT_DOUBLE_EQ(CausalPairs(4, 4, 0), 1 + 2 + 3 + 4);
  EXPECT_DOUBLE_EQ(CausalPairs(2, 5, 0), 4 + 5);              // 3 cached tokens
  EXPECT_DOUBLE_EQ(CausalPairs(5, 5, 2), 1 + 2 + 2 + 2 + 2);  // a window of 2
  EXPECT_DOUBLE_EQ(CausalPairs(2, 5, 3), 3 + 3);
  EXPECT_DOUBLE_EQ(CausalPairs(3, 5, 4), 3 + 4 + 4);
}

TEST(Attention, GqaSplitsItsKvHeadsOverTp) {
  const Config c = ConfigOf("v=1&model=qwen3-235b-a22b");  // 4 KV heads
  const attention::Family& f = attention::FamilyOf(c.model);
  EXPECT_DOUBLE_EQ(f.kv_share(c.model, 1), 1);
  EXPECT_DOUBLE_EQ(f.kv_share(c.model, 2), 0.5);
  EXPECT_DOUBLE_EQ(f.kv_share(c.model, 4), 0.25);
  EXPECT_DOUBLE_EQ(f.kv_share(c.model, 8), 0.25);  // beyond 4 ranks each keeps a whole head
  const Config mla = ConfigOf("v=1");
  EXPECT_DOUBLE_EQ(attention::FamilyOf(mla.model).kv_share(mla.model, 8), 1);  // the latent
}

TEST(Attention, SlidingLayersReadOnlyTheirWindow) {
  const Config c = ConfigOf("v=1&model=gpt-oss-120b");
  const attention::Groups g = attention::FamilyOf(c.model).decode(c.model, 8192);
  ASSERT_EQ(g.size, 2u);
  EXPECT_DOUBLE_EQ(g.items[0].work.kv, 8192 * 2 * 8 * 64);  // full attention
  EXPECT_DOUBLE_EQ(g.items[1].work.kv, 128 * 2 * 8 * 64);   // the 128-token window
  EXPECT_DOUBLE_EQ(g.items[0].moe_layers + g.items[1].moe_layers, 36);
}

TEST(Attention, DsaReadsTopKAndScoresEveryToken) {
  const Config c = ConfigOf("v=1&model=deepseek-v3.2");
  const attention::Work w = attention::FamilyOf(c.model).decode(c.model, 32768).items[0].work;
  EXPECT_DOUBLE_EQ(w.kv, 2048 * 576);         // the top-2048 latents
  EXPECT_DOUBLE_EQ(w.index_kv, 32768 * 128);  // every indexer key
  EXPECT_DOUBLE_EQ(w.index, 2 * 64 * 128 * 32768 / 1e9);
  // Below top-k it is V3's MLA plus the indexer.
  const Config v3 = ConfigOf("v=1");
  const attention::Work d = attention::FamilyOf(v3.model).decode(v3.model, 1000).items[0].work;
  const attention::Work s = attention::FamilyOf(c.model).decode(c.model, 1000).items[0].work;
  EXPECT_DOUBLE_EQ(s.attn, d.attn);
  EXPECT_GT(s.gemm, d.gemm);
}

TEST(Attention, ReferenceModeOfAGqaModelUsesTheSeedsMethod) {
  // The seed's MLA time on GQA's work: projections at FP8 / mla_discount, core and output
  // projection at BF16 / mla_discount, weights once; KV read at HBM bandwidth.
  const Config c = ConfigOf("v=1&model=qwen3-235b-a22b&gpus=H800&bs=64&ep=8&decode_tp=1");
  const DecodeRow r = testing::OnlyRow(EncodeLink(c));
  const double disc = 0.85, mla_disc = 0.7, L = 4383;
  const double fp8 = 1979 * disc, fp16 = 989 * disc, bw = 4000 * disc;
  const double qkv = 4096.0 * (64 + 8) * 128, out = 64.0 * 128 * 4096;
  const double gemm = 2 * qkv / 1e9 * 64, attn = (4 * 64 * 128 * L + 2 * out) / 1e9 * 64;
  const double total = gemm / fp8 / mla_disc + attn / fp16 / mla_disc + (qkv + out) / 1048576 / bw;
  const double load_kv = L * 2 * 4 * 128 * 64 / 1073741824.0 / bw * 1000;
  EXPECT_NEAR(r.sparse_mla, total + 0.05 + load_kv, 1e-12 * r.sparse_mla);
}

}  // namespace
}  // namespace shallowsim
