// Importing a Hugging Face config.json (model_config.h) and the strict JSON reader under it: every
// preset's config.json gives exactly that preset's link; a changed one gives the closest preset
// and the keys that differ; hostile text gets one specific error per problem.
#include "shallowsim/model_config.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "../../core/src/json_read.h"
#include "shallowsim/decode.h"
#include "shallowsim/model_facts.h"
#include "test_util.h"

namespace shallowsim {
namespace {

using testing::ConfigOf;

std::string Fixture(std::string_view preset) {
  std::ifstream in(std::string(SHALLOWSIM_MODEL_CONFIGS) + "/" + std::string(preset) + ".json",
                   std::ios::binary);
  EXPECT_TRUE(in) << preset;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// `text` with the first `from` replaced by `to` (the test fails when `from` is not there).
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The canonical link of an import over the default config ("" when it fails).
std::string LinkOf(std::string_view json, const Config& base = {}) {
  const ParseResult r = ImportModelConfig(json, base);
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].message);
  return r.ok() ? EncodeLink(*r.config) : "";
}

// The import's errors, each "key: message".
std::vector<std::string> Errors(std::string_view json) {
  const ParseResult r = ImportModelConfig(json, Config{});
  EXPECT_EQ(r.ok(), r.config.has_value());
  std::vector<std::string> out;
  for (const ConfigError& e : r.errors) out.push_back(e.key + ": " + e.message);
  return out;
}

// Exactly one error, keyed model-config, whose message contains `words`.
void ExpectError(std::string_view json, const std::string& words) {
  const std::vector<std::string> errors = Errors(json);
  ASSERT_EQ(errors.size(), 1u) << ::testing::PrintToString(errors);
  EXPECT_EQ(errors[0].rfind("model-config: ", 0), 0u) << errors[0];
  EXPECT_NE(errors[0].find(words), std::string::npos) << errors[0] << "\nwant: " << words;
}

// ---- The presets -------------------------------------------------------------------------------

TEST(ModelConfig, EachPresetsConfigJsonIsExactlyThatPreset) {
  for (const Preset& p : Presets()) {
    const ParseResult r = ImportModelConfig(Fixture(p.name), Config{});
    ASSERT_TRUE(r.ok()) << p.name << ": " << r.errors[0].message;
    EXPECT_EQ(r.config->preset, p.name);
    EXPECT_EQ(r.config->model, p.model) << p.name;  // the memory constants too
    const std::string want = p.name == kDefaultPreset ? "v=1" : "v=1&model=" + std::string(p.name);
    EXPECT_EQ(EncodeLink(*r.config), want);
  }
}

TEST(ModelConfig, KeepsTheRestOfTheBaseConfig) {
  const Config base = ConfigOf("v=1&seq_len=8192&gpus=H800,H20&mode=calibrated&model=kimi-k2");
  const ParseResult r = ImportModelConfig(Fixture("gpt-oss-20b"), base);
  ASSERT_TRUE(r.ok());
  Config want = base;
  want.preset = "gpt-oss-20b";
  want.model = *FindPreset("gpt-oss-20b");
  EXPECT_EQ(*r.config, want);
}

TEST(ModelConfig, AChangedConfigIsItsClosestPresetWithTheKeysThatDiffer) {
  const std::string qwen = Fixture("qwen3-235b-a22b");
  EXPECT_EQ(LinkOf(Replace(qwen, "\"num_hidden_layers\": 94", "\"num_hidden_layers\": 48")),
            "v=1&model=qwen3-235b-a22b&n_layers=48");
  // The closest of the architecture's presets: 30B-A3B with 235B's head count.
  EXPECT_EQ(LinkOf(Replace(Fixture("qwen3-30b-a3b"), "\"num_attention_heads\": 32",
                           "\"num_attention_heads\": 64")),
            "v=1&model=qwen3-30b-a3b&n_heads=64");
  // DeepSeek-V3's fixed memory constants give way to ones derived from the dimensions.
  EXPECT_EQ(LinkOf(Replace(Fixture("deepseek-v3"), "\"num_hidden_layers\": 61",
                           "\"num_hidden_layers\": 62")),
            "v=1&n_layers=62&mla_params_m=-1&expert_params_m=-1&other_params_gb=-1");
  // Kimi-K2 is a DeepseekV3ForCausalLM too; V3 with Kimi's 64 heads is still closer to V3 (one
  // key differs) than to Kimi (three: experts, dense layers, vocabulary).
  EXPECT_EQ(LinkOf(Replace(Fixture("deepseek-v3"), "\"num_attention_heads\": 128",
                           "\"num_attention_heads\": 64")),
            "v=1&n_heads=64&mla_params_m=-1&expert_params_m=-1&other_params_gb=-1");
}

TEST(ModelConfig, CountsLayersFromPerLayerLists) {
  // V4-Flash's first two layers (window only) made CSA and HCA: 22 CSA, 21 HCA.
  const std::string flash = Fixture("deepseek-v4-flash");
  EXPECT_EQ(LinkOf(Replace(flash, "\"compress_ratios\": [\n    0,\n    0,",
                           "\"compress_ratios\": [\n    4,\n    128,")),
            "v=1&model=deepseek-v4-flash&n_csa_layers=22&n_hca_layers=21");
  // The MTP layer's entry (after num_hidden_layers) is not a layer of the model.
  const std::string pro = Fixture("deepseek-v4-pro");
  const size_t last = pro.rfind("    0\n  ]");
  ASSERT_NE(last, std::string::npos);
  EXPECT_EQ(LinkOf(pro.substr(0, last) + "    128\n  ]" + pro.substr(last + 9)),
            "v=1&model=deepseek-v4-pro");
  // GPT-OSS with every layer full attention.
  std::string oss = Fixture("gpt-oss-20b");
  for (size_t at; (at = oss.find("sliding_attention")) != std::string::npos;) {
    oss.replace(at, 17, "full_attention");
  }
  EXPECT_EQ(LinkOf(oss), "v=1&model=gpt-oss-20b&n_swa_layers=0");
  // Qwen3-MoE with two dense layers: their FFN size is read then.
  const std::string qwen = Replace(Fixture("qwen3-30b-a3b"), "\"mlp_only_layers\": []",
                                   "\"mlp_only_layers\": [0, 47, 0]");
  EXPECT_EQ(LinkOf(qwen), "v=1&model=qwen3-30b-a3b&inter_dim=6144&n_dense_layers=2");
  EXPECT_EQ(LinkOf(Replace(Fixture("qwen3-30b-a3b"), "\"decoder_sparse_step\": 1",
                           "\"decoder_sparse_step\": 2")),
            "v=1&model=qwen3-30b-a3b&inter_dim=6144&n_dense_layers=24");
}

// Mixtral and dense models have no preset: the closest GQA preset with every key the family
// reads set from the config.json; the link reads back as the same config and computes.
void ExpectComputes(const Config& c) {
  EXPECT_EQ(ConfigOf(EncodeLink(c)), c);
  const DecodeTable t = Decode(c);
  ASSERT_FALSE(t.rows.empty());
  for (const DecodeRow& r : t.rows) {
    for (size_t col = 1; col < kDecodeWidth; ++col) EXPECT_TRUE(std::isfinite(DecodeValue(r, col)));
  }
}

TEST(ModelConfig, MixtralIsGqaWithItsExperts) {
  // Mixtral-8x7B.
  const ParseResult r = ImportModelConfig(R"({
    "architectures": ["MixtralForCausalLM"], "model_type": "mixtral",
    "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
    "num_attention_heads": 32, "num_key_value_heads": 8, "num_local_experts": 8,
    "num_experts_per_tok": 2, "vocab_size": 32000, "sliding_window": null,
    "tie_word_embeddings": false, "rope_theta": 1e6})",
                                          Config{});
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
  const Model& m = r.config->model;
  EXPECT_EQ(m.attention, AttentionKind::kGqa);
  EXPECT_EQ(m.dim, 4096);
  EXPECT_EQ(m.n_layers, 32);
  EXPECT_EQ(m.n_dense_layers, 0);
  EXPECT_EQ(m.n_heads, 32);
  EXPECT_EQ(m.n_kv_heads, 8);
  EXPECT_EQ(m.head_dim, 0);  // hidden_size / num_attention_heads
  EXPECT_EQ(m.moe_inter_dim, 14336);
  EXPECT_EQ(m.n_routed_experts, 8);
  EXPECT_EQ(m.n_activated_experts, 2);
  EXPECT_EQ(m.n_shared_experts, 0);
  EXPECT_EQ(m.sliding_window, 0);
  EXPECT_EQ(m.n_swa_layers, 0);
  EXPECT_EQ(m.attn_sinks, 0);
  EXPECT_EQ(m.vocab_size, 32000);
  EXPECT_EQ(m.mla_params_m, kDerived);
  ExpectComputes(*r.config);
  EXPECT_NEAR(FactsOf(*r.config).total_params_b, 46.7, 0.5);  // Mixtral's card: 46.7B
}

// A Mixtral config of GPT-OSS-20B's sizes starts from the GPT-OSS-20B preset, but its experts are
// not GPT-OSS's MXFP4 ones: the import says so (the link carries mxfp4_experts=0).
TEST(ModelConfig, OnlyGptOssImportsMxfp4Experts) {
  const ParseResult r = ImportModelConfig(R"({
    "architectures": ["MixtralForCausalLM"], "model_type": "mixtral",
    "hidden_size": 2880, "intermediate_size": 2880, "num_hidden_layers": 24,
    "num_attention_heads": 64, "num_key_value_heads": 8, "head_dim": 64,
    "num_local_experts": 32, "num_experts_per_tok": 4, "vocab_size": 201088,
    "sliding_window": null, "tie_word_embeddings": false})",
                                          Config{});
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
  EXPECT_EQ(r.config->model.mxfp4_experts, 0);
  EXPECT_NE(EncodeLink(*r.config).find("mxfp4_experts=0"), std::string::npos);
  EXPECT_EQ(FindPreset("gpt-oss-20b")->mxfp4_experts, 1);
}

TEST(ModelConfig, DenseModelsHaveEveryLayerDense) {
  // Llama-3-8B (no head_dim: hidden / heads) and Qwen3-8B.
  const ParseResult llama = ImportModelConfig(R"({
    "architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 4096,
    "intermediate_size": 14336, "num_hidden_layers": 32, "num_attention_heads": 32,
    "num_key_value_heads": 8, "vocab_size": 128256, "tie_word_embeddings": false})",
                                              Config{});
  ASSERT_TRUE(llama.ok()) << llama.errors[0].message;
  EXPECT_EQ(llama.config->model.n_dense_layers, 32);
  EXPECT_EQ(llama.config->model.inter_dim, 14336);
  EXPECT_EQ(llama.config->model.head_dim, 0);
  ExpectComputes(*llama.config);
  EXPECT_NEAR(FactsOf(*llama.config).total_params_b, 8.03, 0.05);  // Llama-3-8B: 8.03B
  EXPECT_NEAR(FactsOf(*llama.config).active_params_b, 8.03, 0.6);

  const ParseResult qwen = ImportModelConfig(R"({
    "architectures": ["Qwen3ForCausalLM"], "model_type": "qwen3", "hidden_size": 4096,
    "intermediate_size": 12288, "num_hidden_layers": 36, "num_attention_heads": 32,
    "num_key_value_heads": 8, "head_dim": 128, "vocab_size": 151936,
    "tie_word_embeddings": false, "use_sliding_window": false, "sliding_window": null})",
                                             Config{});
  ASSERT_TRUE(qwen.ok()) << qwen.errors[0].message;
  EXPECT_EQ(qwen.config->model.n_dense_layers, 36);
  ExpectComputes(*qwen.config);
  EXPECT_NEAR(FactsOf(*qwen.config).total_params_b, 8.2, 0.1);  // Qwen3-8B: 8.2B

  // Without num_key_value_heads Llama is MHA (transformers' meaning of its absence).
  const ParseResult mha = ImportModelConfig(R"({
    "architectures": ["LlamaForCausalLM"], "hidden_size": 4096, "intermediate_size": 11008,
    "num_hidden_layers": 32, "num_attention_heads": 32, "vocab_size": 32000})",
                                            Config{});
  ASSERT_TRUE(mha.ok()) << mha.errors[0].message;
  EXPECT_EQ(mha.config->model.n_kv_heads, 0);
}

// ---- Hostile config.json -----------------------------------------------------------------------

TEST(ModelConfigErrors, ARequiredFieldThatIsMissingOrNull) {
  const std::string qwen = Fixture("qwen3-235b-a22b");
  ExpectError(Replace(qwen, "\"num_key_value_heads\": 4,", ""),
              "num_key_value_heads: missing; Qwen3MoeForCausalLM needs it: a whole number from 0 "
              "to 1024");
  ExpectError(Replace(Fixture("deepseek-v2"), "\"q_lora_rank\": 1536", "\"q_lora_rank\": null"),
              "q_lora_rank: null; allowed: a whole number from 1 to 65536");
  ExpectError(Replace(Fixture("gpt-oss-120b"), "\"layer_types\"", "\"layer_kinds\""),
              "layer_types: missing; GptOssForCausalLM needs it: an array with one entry per "
              "layer");
  // Dense layers need their FFN size.
  ExpectError(Replace(Replace(qwen, "\"mlp_only_layers\": []", "\"mlp_only_layers\": [3]"),
                      "\"intermediate_size\": 12288,", ""),
              "intermediate_size: missing; Qwen3MoeForCausalLM needs it: a whole number from 1");
}

TEST(ModelConfigErrors, ValuesOutOfTheSchemasRanges) {
  const std::string v3 = Fixture("deepseek-v3");
  ExpectError(Replace(v3, "\"num_attention_heads\": 128", "\"num_attention_heads\": 0"),
              "num_attention_heads: 0 is out of range; allowed: a whole number from 1 to 1024");
  ExpectError(
      Replace(v3, "\"hidden_size\": 7168", "\"hidden_size\": 1e12"),
      "hidden_size: 1000000000000 is out of range; allowed: a whole number from 1 to 65536");
  ExpectError(Replace(v3, "\"hidden_size\": 7168", "\"hidden_size\": 7168.5"),
              "hidden_size: 7168.5 is out of range");
  ExpectError(Replace(v3, "\"vocab_size\": 129280", "\"vocab_size\": -1"),
              "vocab_size: -1 is out of range");
  ExpectError(Replace(Fixture("qwen3-30b-a3b"), "\"num_experts_per_tok\": 8",
                      "\"num_experts_per_tok\": 129"),
              "num_experts_per_tok: 129 exceeds num_experts = 128");
  ExpectError(Replace(v3, "\"first_k_dense_replace\": 3", "\"first_k_dense_replace\": 62"),
              "first_k_dense_replace: 62 exceeds num_hidden_layers = 61");
  ExpectError(
      Replace(Fixture("glm-4.6"), "\"num_key_value_heads\": 8", "\"num_key_value_heads\": 128"),
      "num_key_value_heads: 128 exceeds num_attention_heads = 96");
  // Every problem in one pass.
  const std::vector<std::string> both =
      Errors(Replace(Replace(v3, "\"num_attention_heads\": 128", "\"num_attention_heads\": 0"),
                     "\"hidden_size\": 7168", "\"hidden_size\": 1e12"));
  EXPECT_EQ(both.size(), 2u) << ::testing::PrintToString(both);
}

TEST(ModelConfigErrors, WrongTypes) {
  const std::string v3 = Fixture("deepseek-v3");
  ExpectError(Replace(v3, "\"hidden_size\": 7168", "\"hidden_size\": \"7168\""),
              "hidden_size: the string '7168' is not a number; allowed: a whole number from 1 to "
              "65536");
  ExpectError(Replace(v3, "\"hidden_size\": 7168", "\"hidden_size\": [7168]"),
              "hidden_size: an array is not a number");
  ExpectError(Replace(v3, "\"hidden_size\": 7168", "\"hidden_size\": true"),
              "hidden_size: true is not a number");
  ExpectError(Replace(v3, "\"tie_word_embeddings\": false", "\"tie_word_embeddings\": 0"),
              "tie_word_embeddings: 0 is not true or false; allowed: true or false");
  ExpectError(Replace(v3, "\"architectures\": [\n    \"DeepseekV3ForCausalLM\"\n  ]",
                      "\"architectures\": \"DeepseekV3ForCausalLM\""),
              "architectures: the string 'DeepseekV3ForCausalLM' is not supported; allowed: a "
              "list naming one of DeepseekV3ForCausalLM, ");
  ExpectError("[1, 2]", "the text is an array; a config.json is an object");
}

TEST(ModelConfigErrors, ArchitecturesItCannotRead) {
  const std::string v3 = Fixture("deepseek-v3");
  const std::vector<std::string> errors =
      Errors(Replace(v3, "DeepseekV3ForCausalLM", "LlavaForConditionalGeneration"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("architectures: the string 'LlavaForConditionalGeneration' is not "
                           "supported; allowed: "),
            std::string::npos)
      << errors[0];
  for (std::string_view a : ModelConfigArchitectures()) {
    EXPECT_NE(errors[0].find(std::string(a)), std::string::npos) << a;
  }
  ExpectError("{\"hidden_size\": 7168}", "architectures: missing; allowed: a list naming one of");
  ExpectError(Replace(v3, "\"model_type\": \"deepseek_v3\"", "\"model_type\": \"qwen3_moe\""),
              "model_type: the string 'qwen3_moe' does not go with DeepseekV3ForCausalLM; allowed: "
              "deepseek_v3, kimi_k2");
}

TEST(ModelConfigErrors, WhatShallowSimCannotModel) {
  ExpectError(Replace(Fixture("deepseek-v3"), "\"moe_layer_freq\": 1", "\"moe_layer_freq\": 2"),
              "moe_layer_freq: 2 is not supported");
  ExpectError(Replace(Fixture("qwen3-30b-a3b"), "\"use_sliding_window\": false",
                      "\"use_sliding_window\": true"),
              "use_sliding_window: true is not supported");
  ExpectError(Replace(Fixture("minimax-m2"), "\"attn_type_list\": [\n    1,",
                      "\"attn_type_list\": [\n    0,"),
              "attn_type_list[0]: 0 is not supported (0 is lightning attention); allowed: 1");
  ExpectError(Replace(Fixture("minimax-m2"), "\"shared_intermediate_size\": 0",
                      "\"shared_intermediate_size\": 1536"),
              "shared_intermediate_size: 1536 is not supported");
  ExpectError(Replace(Fixture("deepseek-v4-pro"), "\"compress_ratios\": [\n    128,",
                      "\"compress_ratios\": [\n    16,"),
              "compress_ratios[0]: 16 is not supported; allowed: 0 (sliding window only), 4 "
              "(CSA), 128 (HCA)");
  ExpectError(
      Replace(Fixture("deepseek-v4-pro"), "\"num_hidden_layers\": 61", "\"num_hidden_layers\": 63"),
      "compress_ratios: has 62 entries; allowed: one per layer (num_hidden_layers = 63)");
  ExpectError(
      Replace(Fixture("gpt-oss-20b"), "\"num_hidden_layers\": 24", "\"num_hidden_layers\": 23"),
      "layer_types: has 24 entries; allowed: one per layer (num_hidden_layers = 23)");
  ExpectError(Replace(Fixture("gpt-oss-20b"), "\"full_attention\"", "\"linear_attention\""),
              "layer_types[1]: the string 'linear_attention' is not supported; allowed: "
              "sliding_attention, full_attention");
  ExpectError(
      Replace(Fixture("qwen3-30b-a3b"), "\"mlp_only_layers\": []", "\"mlp_only_layers\": [48]"),
      "mlp_only_layers[0]: 48 is not a layer; allowed: a whole number from 0 to 47");
  ExpectError(
      Replace(Fixture("qwen3-30b-a3b"), "\"decoder_sparse_step\": 1", "\"decoder_sparse_step\": 0"),
      "decoder_sparse_step: 0 is not allowed");
}

TEST(ModelConfigErrors, TextThatIsNotJson) {
  ExpectError("", "line 1, column 1: there is no JSON value (the text is empty)");
  ExpectError("hidden_size = 7168", "line 1, column 1: unexpected 'h'; expected a value");
  ExpectError("{\"a\": 1,}", "line 1, column 9: a comma before '}' (trailing commas are not JSON)");
  ExpectError("{\"a\": 1} x", "line 1, column 10: unexpected 'x' after the JSON value");
  ExpectError("{'a': 1}", "expected a key in double quotes (strings take double quotes)");
  ExpectError("{\n  // the model\n  \"a\": 1}", "line 2, column 3: unexpected '/'");
  ExpectError("{\"a\": NaN}", "line 1, column 7: unexpected 'N'; expected a value");
  ExpectError("{\"a\": 01}", "line 1, column 7: a number with a leading zero");
  ExpectError("{\"a\": 1e999}", "'1e999' is too large for a number");
  ExpectError("{\"a\": \"\x80\"}", "a byte that is not UTF-8 in a string");
}

TEST(ModelConfigErrors, TruncatedJson) {
  // Every proper prefix of a config.json: an error, never a crash or a half-read model.
  const std::string glm = Fixture("glm-4.6");
  for (size_t n = 0; n + 1 < glm.size(); ++n) {  // the last byte is a newline
    const ParseResult r = ImportModelConfig(glm.substr(0, n), Config{});
    ASSERT_FALSE(r.ok()) << n;
    ASSERT_FALSE(r.config.has_value());
    EXPECT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].key, "model-config");
  }
  ExpectError(glm.substr(0, glm.find("\"hidden_size\": 5120") + 15),
              "line 6, column 18: the text ends; expected a value");
}

TEST(ModelConfigErrors, LimitsOfSizeAndDepth) {
  // Two MiB, even of valid JSON.
  const std::string v3 = Fixture("deepseek-v3");
  ExpectError(v3 + std::string(2 * 1024 * 1024 - v3.size(), ' '),
              "the text has 2097152 bytes; at most 1048576 allowed");
  // 64 levels of nesting are read; 65 are not.
  const std::string deep64 = std::string(63, '[') + std::string(63, ']');
  EXPECT_TRUE(
      ImportModelConfig(Replace(v3, "\"torch_dtype\": \"bfloat16\"", "\"torch_dtype\": " + deep64),
                        Config{})
          .ok());
  ExpectError(Replace(v3, "\"torch_dtype\": \"bfloat16\"", "\"torch_dtype\": [" + deep64 + "]"),
              "line 36, column 81: arrays and objects nest deeper than 64 levels");
  ExpectError(std::string(100000, '['), "nest deeper than 64 levels");
}

// A key twice: JSON readers disagree on which one wins (Python's json keeps the last), so the
// import refuses rather than guess.
TEST(ModelConfigErrors, DuplicateKeys) {
  const std::string v3 = Fixture("deepseek-v3");
  ExpectError(Replace(v3, "\"vocab_size\": 129280", "\"vocab_size\": 129280, \"hidden_size\": 1"),
              "line 30, column 25: the key 'hidden_size' appears twice (line 6, column 3 too)");
  ExpectError("{\"a\": {\"b\": 1, \"b\": 1}}", "line 1, column 16: the key 'b' appears twice");
  // The same key in different objects is fine.
  EXPECT_TRUE(ImportModelConfig(Replace(v3, "\"torch_dtype\": \"bfloat16\"",
                                        "\"torch_dtype\": {\"fmt\": \"e4m3\"}"),
                                Config{})
                  .ok());
}

// ---- The JSON reader ---------------------------------------------------------------------------

json::ReadResult ReadJson(std::string_view text) {
  return json::Read(text, {.max_bytes = 1 << 20, .max_depth = 64});
}

TEST(JsonRead, Values) {
  const json::ReadResult r = ReadJson(
      " {\"n\": -12.5e1, \"z\": -0, \"tiny\": 1e-400, \"t\": true, \"f\": false, \"x\": null, "
      "\"a\": [1, [], {}], \"s\": \"\"}\r\n");
  ASSERT_TRUE(r.ok()) << r.error;
  const json::Value& v = r.value;
  ASSERT_EQ(v.type, json::Type::kObject);
  EXPECT_EQ(v.keys, (std::vector<std::string>{"n", "z", "tiny", "t", "f", "x", "a", "s"}));
  EXPECT_EQ(v.Find("n")->number, -125);
  EXPECT_EQ(v.Find("z")->number, 0);
  EXPECT_EQ(v.Find("tiny")->number, 0);
  EXPECT_TRUE(v.Find("t")->boolean);
  EXPECT_EQ(v.Find("f")->type, json::Type::kBool);
  EXPECT_FALSE(v.Find("f")->boolean);
  EXPECT_EQ(v.Find("x")->type, json::Type::kNull);
  EXPECT_EQ(v.Find("a")->items.size(), 3u);
  EXPECT_EQ(v.Find("a")->items[1].type, json::Type::kArray);
  EXPECT_EQ(v.Find("a")->items[2].type, json::Type::kObject);
  EXPECT_EQ(v.Find("s")->text, "");
  EXPECT_EQ(v.Find("missing"), nullptr);
  EXPECT_EQ(v.Find("a")->offset, 80u);
}

TEST(JsonRead, StringEscapes) {
  const json::ReadResult r = ReadJson(
      R"(["a\"b\\c\/d\be\ff\ng\rh\ti", "\u0041\u00e9\u4e2d\ud83d\ude00", "é中😀", "\u0000"])");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.value.items[0].text, "a\"b\\c/d\be\ff\ng\rh\ti");
  EXPECT_EQ(r.value.items[1].text, "A\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");
  EXPECT_EQ(r.value.items[2].text, r.value.items[1].text.substr(1));
  EXPECT_EQ(r.value.items[3].text, std::string(1, '\0'));
}

TEST(JsonRead, ErrorsSayWhere) {
  const std::pair<const char*, const char*> cases[] = {
      {"\"abc", "line 1, column 1: the string that starts here has no closing '\"'"},
      {"\"a\tb\"", "line 1, column 3: a control character (byte 9) in a string"},
      {"\"\\x\"", "line 1, column 2: an unknown escape: \\ then 'x'"},
      {"\"\\u12\"", "line 1, column 2: \\u needs four hex digits"},
      {"\"\\ud800\"", "a high surrogate (\\uD800) without a low one after it"},
      {"\"\\ud800\\u0041\"", "a high surrogate (\\uD800) without a low one after it"},
      {"\"\\udc00\"", "a low surrogate (\\uDC00) without a high one before it"},
      {"\"\xC0\xAF\"", "a byte that is not UTF-8"},          // overlong '/'
      {"\"\xED\xA0\x80\"", "a byte that is not UTF-8"},      // a surrogate in UTF-8
      {"\"\xF4\x90\x80\x80\"", "a byte that is not UTF-8"},  // above U+10FFFF
      {"[1,]", "line 1, column 4: a comma before ']'"},
      {"[1 2]", "line 1, column 4: unexpected '2'; expected ',' or ']'"},
      {"{\"a\" 1}", "line 1, column 6: unexpected '1'; expected ':'"},
      {"{1: 2}", "line 1, column 2: unexpected '1'; expected a key in double quotes"},
      {"-", "line 1, column 2: the text ends; expected a digit"},
      {"1.", "line 1, column 3: the text ends; expected a digit after '.'"},
      {"1e+", "the text ends; expected a digit in the exponent"},
      {"+1", "unexpected '+'; expected a value"},
      {"tru", "unexpected 't'; expected a value"},
      {"[\n  1,\n  é]", "line 3, column 3: unexpected '\\xC3\\xA9'; expected a value"},
      {"[\n\"\xC3\xA9\xC3\xA9\", x]",
       "line 2, column 7: unexpected 'x'"},  // columns count characters
      {"1 2", "line 1, column 3: unexpected '2' after the JSON value"},
  };
  for (const auto& [text, want] : cases) {
    const json::ReadResult r = ReadJson(text);
    EXPECT_FALSE(r.ok()) << text;
    EXPECT_NE(r.error.find(want), std::string::npos)
        << text << "\ngot:  " << r.error << "\nwant: " << want;
    EXPECT_EQ(r.value.type, json::Type::kNull);
  }
  // A leading byte order mark is not part of the text.
  EXPECT_TRUE(ReadJson("\xEF\xBB\xBF{}").ok());
  const json::ReadResult long_number = ReadJson("0." + std::string(70, '1'));
  EXPECT_NE(long_number.error.find("a number of 72 characters; at most 64 allowed"),
            std::string::npos)
      << long_number.error;
}

}  // namespace
}  // namespace shallowsim
