// Imports a Hugging Face config.json (model_config.h). Each supported architecture is one entry of
// Architectures(): the config.json fields that set model keys, the facts of the architecture
// that no field states, and the rules that count layers in per-layer lists or refuse what
// ShallowSim cannot model. Ranges are the schema's: values go into a Config and Validate judges
// them, its messages rewritten with the config.json names.
#include "shallowsim/model_config.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <string>

#include "json_read.h"
#include "shallowsim/number_text.h"
#include "shallowsim/schema.h"
#include "text.h"

namespace shallowsim {

namespace {

using json::Type;
using text::Show;

constexpr std::string_view kErrorKey = "model-config";

enum class Need : uint8_t {
  kRequired,  // absent or null is an error
  kOptional,  // absent or null = `absent`: the architecture's default in transformers
  kIfDense,   // required when some layer is dense (its FFN size is read only then)
};

// One config.json field that sets one model key (a whole number, or true/false for 0/1 keys).
struct FieldMap {
  std::string_view json;
  std::string_view key;  // the link key: its schema Field holds the range
  Need need = Need::kRequired;
  double absent = 0;
};

// A fact of the architecture that no config.json field states.
struct Fact {
  std::string_view key;
  double value = 0;
};

struct Import;
using Rule = void (*)(Import&);

struct Architecture {
  std::string_view name;                      // an entry of `architectures`
  std::vector<std::string_view> model_types;  // the `model_type`s it goes with
  AttentionKind attention = AttentionKind::kMla;
  std::vector<FieldMap> fields;
  std::vector<Fact> facts;
  std::vector<Rule> rules;                // run after the fields, in order
  std::vector<std::string_view> presets;  // the presets it may be; empty = any of its attention
};

// A model key set by the import, and the config.json field it comes from ("" for a fact).
struct Assignment {
  const Field* field = nullptr;
  double value = 0;
  std::string_view json;
};

// One import in progress.
struct Import {
  const json::Value& root;
  const Architecture& arch;
  std::vector<Assignment> set;
  std::vector<std::string> errors;  // each starts with the config.json field

  void Set(std::string_view key, double value, std::string_view json) {
    set.push_back({FindField(key), value, json});
  }
  std::optional<double> Get(std::string_view key) const {
    for (auto it = set.rbegin(); it != set.rend(); ++it) {
      if (it->field->key == key) return it->value;
    }
    return std::nullopt;
  }
  void Error(std::string_view json, const std::string& message) {
    errors.push_back(std::string(json) + ": " + message);
  }
  // n_layers when it is a whole number in its range (the rules that walk the layers need it;
  // Validate reports it otherwise).
  std::optional<size_t> Layers() const {
    const std::optional<double> n = Get("n_layers");
    const Field& f = *FindField("n_layers");
    if (!n || *n != std::floor(*n) || *n < f.min || *n > f.max) return std::nullopt;
    return static_cast<size_t>(*n);
  }
};

// ---- Messages ----------------------------------------------------------------------------------

std::string Describe(const json::Value& v) {
  switch (v.type) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return v.boolean ? "true" : "false";
    case Type::kNumber:
      return FormatNumber(v.number);
    case Type::kString:
      return "the string " + Show(v.text);
    case Type::kArray:
      return "an array";
    case Type::kObject:
      return "an object";
  }
  return "a value";
}

// What a key allows, in JSON words, from its schema Field.
std::string Allowed(const Field& f) {
  if (f.kind == FieldKind::kBool) return "true or false";
  const std::string what = f.kind == FieldKind::kInt ? "a whole number" : "a number";
  return what + " from " + FormatNumber(f.min) + " to " + FormatNumber(f.max);
}

bool IsWhole(double v) { return std::isfinite(v) && v == std::floor(v); }

// `message` with the model keys the import set replaced by their config.json fields.
std::string InJsonNames(const std::string& message, const Import& im) {
  std::string out;
  size_t i = 0;
  while (i < message.size()) {
    const auto word_char = [&](size_t at) {
      const char c = message[at];
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    if (!word_char(i)) {
      out += message[i++];
      continue;
    }
    size_t end = i;
    while (end < message.size() && word_char(end)) ++end;
    const std::string_view word = std::string_view(message).substr(i, end - i);
    std::string_view name = word;
    for (const Assignment& a : im.set) {
      if (a.field->key == word && !a.json.empty()) name = a.json;
    }
    out += name;
    i = end;
  }
  return out;
}

// ---- Fields --------------------------------------------------------------------------------

void ReadField(Import& im, const FieldMap& m, Need need) {
  const Field& f = *FindField(m.key);
  const json::Value* v = im.root.Find(m.json);
  if (v == nullptr || v->type == Type::kNull) {
    if (need == Need::kOptional) {
      im.Set(m.key, m.absent, m.json);
    } else if (v == nullptr) {
      im.Error(m.json, "missing; " + std::string(im.arch.name) + " needs it: " + Allowed(f));
    } else {
      im.Error(m.json, "null; allowed: " + Allowed(f));
    }
    return;
  }
  const bool boolean = f.kind == FieldKind::kBool;
  if (v->type != (boolean ? Type::kBool : Type::kNumber)) {
    im.Error(m.json, Describe(*v) + " is not " + (boolean ? "true or false" : "a number") +
                         "; allowed: " + Allowed(f));
    return;
  }
  im.Set(m.key, boolean ? (v->boolean ? 1 : 0) : v->number, m.json);
}

// ---- Rules ---------------------------------------------------------------------------------

// The array `name`, or nullptr (with an error unless `optional` and absent or null).
const json::Value* List(Import& im, std::string_view name, bool optional) {
  const json::Value* v = im.root.Find(name);
  if (v == nullptr || v->type == Type::kNull) {
    if (!optional) {
      im.Error(name, (v == nullptr ? "missing; " + std::string(im.arch.name) + " needs it"
                                   : std::string("null; allowed")) +
                         ": an array with one entry per layer");
    }
    return nullptr;
  }
  if (v->type != Type::kArray) {
    im.Error(name, Describe(*v) + " is not an array; allowed: an array with one entry per layer");
    return nullptr;
  }
  return v;
}

std::string Entry(std::string_view name, size_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

// A boolean switch that must be off (absent, null or false).
void MustBeOff(Import& im, std::string_view name, std::string_view why) {
  const json::Value* v = im.root.Find(name);
  if (v == nullptr || v->type == Type::kNull || (v->type == Type::kBool && !v->boolean)) return;
  im.Error(name, Describe(*v) + " is not supported (" + std::string(why) + "); allowed: false");
}

// DeepSeek: every layer after the first first_k_dense_replace is MoE.
void MoeEveryLayer(Import& im) {
  const json::Value* v = im.root.Find("moe_layer_freq");
  if (v == nullptr || v->type == Type::kNull || (v->type == Type::kNumber && v->number == 1)) {
    return;
  }
  im.Error("moe_layer_freq", Describe(*v) +
                                 " is not supported (ShallowSim's MoE layers follow the dense "
                                 "ones without gaps); allowed: 1");
}

// DeepSeek-V4: one compression ratio per layer, then one per MTP layer: 4 = CSA, 128 = HCA,
// 0 = the sliding window only.
void CompressRatios(Import& im) {
  const std::optional<size_t> layers = im.Layers();
  const json::Value* list = List(im, "compress_ratios", false);
  if (!layers || list == nullptr) return;
  if (list->items.size() < *layers) {
    im.Error("compress_ratios", "has " + std::to_string(list->items.size()) +
                                    " entries; allowed: one per layer (num_hidden_layers = " +
                                    std::to_string(*layers) + "), then one per MTP layer");
    return;
  }
  double csa = 0, hca = 0;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const json::Value& r = list->items[i];
    const bool known =
        r.type == Type::kNumber && (r.number == 0 || r.number == 4 || r.number == 128);
    if (!known) {
      im.Error(Entry("compress_ratios", i),
               Describe(r) +
                   " is not supported; allowed: 0 (sliding window only), 4 (CSA), 128 "
                   "(HCA)");
      return;
    }
    if (i < *layers && r.number == 4) ++csa;
    if (i < *layers && r.number == 128) ++hca;
  }
  im.Set("n_csa_layers", csa, "compress_ratios");
  im.Set("csa_ratio", 4, "compress_ratios");
  im.Set("n_hca_layers", hca, "compress_ratios");
  im.Set("hca_ratio", 128, "compress_ratios");
}

// GPT-OSS: one attention type per layer; the sliding ones use sliding_window.
void LayerTypes(Import& im) {
  const std::optional<size_t> layers = im.Layers();
  const json::Value* list = List(im, "layer_types", false);
  if (!layers || list == nullptr) return;
  if (list->items.size() != *layers) {
    im.Error("layer_types", "has " + std::to_string(list->items.size()) +
                                " entries; allowed: one per layer (num_hidden_layers = " +
                                std::to_string(*layers) + ")");
    return;
  }
  double sliding = 0;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const json::Value& t = list->items[i];
    const bool is_sliding = t.type == Type::kString && t.text == "sliding_attention";
    if (!is_sliding && !(t.type == Type::kString && t.text == "full_attention")) {
      im.Error(Entry("layer_types", i),
               Describe(t) + " is not supported; allowed: sliding_attention, full_attention");
      return;
    }
    sliding += is_sliding ? 1 : 0;
  }
  im.Set("n_swa_layers", sliding, "layer_types");
}

// Qwen3-MoE: layer i is MoE when (i + 1) is a multiple of decoder_sparse_step and i is not in
// mlp_only_layers (transformers' defaults: 1 and none).
void QwenSparseLayers(Import& im) {
  const std::optional<size_t> layers = im.Layers();
  if (!layers) return;
  double step = 1;
  if (const json::Value* v = im.root.Find("decoder_sparse_step");
      v != nullptr && v->type != Type::kNull) {
    if (v->type != Type::kNumber || !IsWhole(v->number) || v->number < 1) {
      im.Error("decoder_sparse_step", Describe(*v) +
                                          " is not allowed; allowed: a whole number "
                                          "from 1 (1 = every layer MoE)");
      return;
    }
    step = v->number;
  }
  std::vector<bool> dense(*layers, false);
  if (const json::Value* list = List(im, "mlp_only_layers", true)) {
    for (size_t i = 0; i < list->items.size(); ++i) {
      const json::Value& l = list->items[i];
      if (l.type != Type::kNumber || !IsWhole(l.number) || l.number < 0 ||
          l.number >= static_cast<double>(*layers)) {
        im.Error(Entry("mlp_only_layers", i),
                 Describe(l) + " is not a layer; allowed: a whole number from 0 to " +
                     std::to_string(*layers - 1));
        return;
      }
      dense[static_cast<size_t>(l.number)] = true;
    }
  }
  double n_dense = 0;
  for (size_t i = 0; i < *layers; ++i) {
    if (dense[i] || std::fmod(static_cast<double>(i + 1), step) != 0) ++n_dense;
  }
  im.Set("n_dense_layers", n_dense, "mlp_only_layers");
}

// Qwen3: full attention on every layer.
void NoSlidingWindow(Import& im) {
  MustBeOff(im, "use_sliding_window", "ShallowSim reads Qwen3 with full attention on every layer");
}

// MiniMax-M2: softmax attention on every layer (0 would be MiniMax-M1's lightning attention).
void SoftmaxEveryLayer(Import& im) {
  const json::Value* list = List(im, "attn_type_list", true);
  if (list == nullptr) return;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const json::Value& t = list->items[i];
    if (t.type != Type::kNumber || t.number != 1) {
      im.Error(Entry("attn_type_list", i),
               Describe(t) +
                   " is not supported (0 is lightning attention); allowed: 1 (softmax "
                   "attention)");
      return;
    }
  }
  if (const std::optional<size_t> layers = im.Layers(); layers && list->items.size() != *layers) {
    im.Error("attn_type_list", "has " + std::to_string(list->items.size()) +
                                   " entries; allowed: one per layer (num_hidden_layers = " +
                                   std::to_string(*layers) + ")");
  }
}

// MiniMax-M2: no shared expert.
void NoSharedExpert(Import& im) {
  const json::Value* v = im.root.Find("shared_intermediate_size");
  if (v == nullptr || v->type == Type::kNull || (v->type == Type::kNumber && v->number == 0)) {
    return;
  }
  im.Error("shared_intermediate_size",
           Describe(*v) + " is not supported (MiniMax-M2 has no shared expert); allowed: 0");
}

// Mixtral: sliding_window, when set, applies to every layer.
void WindowOnEveryLayer(Import& im) {
  const std::optional<double> window = im.Get("sliding_window");
  const std::optional<size_t> layers = im.Layers();
  if (window && layers) {
    im.Set("n_swa_layers", *window > 0 ? static_cast<double>(*layers) : 0, "sliding_window");
  }
}

// Dense models (Llama, Qwen3): every layer is dense; the expert keys stay the preset's.
void EveryLayerDense(Import& im) {
  if (const std::optional<double> n = im.Get("n_layers")) {
    im.Set("n_dense_layers", *n, "num_hidden_layers");
  }
}

// ---- The architectures -----------------------------------------------------------------------

std::vector<FieldMap> Join(std::initializer_list<std::vector<FieldMap>> parts) {
  std::vector<FieldMap> out;
  for (const std::vector<FieldMap>& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

std::vector<Architecture> Architectures() {
  using N = Need;
  // The fields every architecture has (tie_word_embeddings: false in every transformers config
  // class here).
  const std::vector<FieldMap> body = {
      {"hidden_size", "dim"},
      {"num_hidden_layers", "n_layers"},
      {"num_attention_heads", "n_heads"},
      {"vocab_size", "vocab_size"},
      {"tie_word_embeddings", "tie_embeddings", N::kOptional, 0},
  };
  const std::vector<FieldMap> gqa = {{"num_key_value_heads", "n_kv_heads"},
                                     {"head_dim", "head_dim"}};
  // DeepSeek's (and GLM's) MoE: routed and shared experts, after first_k_dense_replace dense
  // layers.
  const std::vector<FieldMap> deepseek_experts = {
      {"moe_intermediate_size", "moe_inter_dim"},
      {"n_routed_experts", "n_routed_experts"},
      {"n_shared_experts", "n_shared_experts"},
      {"num_experts_per_tok", "n_activated_experts"},
  };
  const std::vector<FieldMap> leading_dense = {
      {"first_k_dense_replace", "n_dense_layers"},
      {"intermediate_size", "inter_dim", N::kIfDense},
  };
  // GPT-OSS, MiniMax-M2, Mixtral: intermediate_size is one expert's width.
  const std::vector<FieldMap> local_experts = {
      {"intermediate_size", "moe_inter_dim"},
      {"num_local_experts", "n_routed_experts"},
      {"num_experts_per_tok", "n_activated_experts"},
  };
  const std::vector<FieldMap> mla = {
      {"q_lora_rank", "q_lora_rank"},
      {"kv_lora_rank", "kv_lora_rank"},
      {"qk_nope_head_dim", "qk_nope_head_dim"},
      {"qk_rope_head_dim", "qk_rope_head_dim"},
      {"v_head_dim", "v_head_dim"},
  };
  const std::vector<FieldMap> indexer = {
      {"index_n_heads", "index_n_heads"},
      {"index_head_dim", "index_head_dim"},
      {"index_topk", "index_topk"},
  };
  const std::vector<FieldMap> v4_attention = {
      {"num_key_value_heads", "n_kv_heads"},
      {"head_dim", "head_dim"},
      {"q_lora_rank", "q_lora_rank"},
      {"o_lora_rank", "o_lora_rank"},
      {"o_groups", "o_groups"},
      {"sliding_window", "sliding_window"},
      {"hc_mult", "hc_mult"},
  };
  // Facts of the GQA families without windows, sinks or shared experts (and not GPT-OSS's MXFP4
  // experts, which an import may start from the GPT-OSS presets of).
  const std::vector<Fact> plain_gqa = {{"n_shared_experts", 0}, {"shared_inter_dim", 0},
                                       {"attn_sinks", 0},       {"sliding_window", 0},
                                       {"n_swa_layers", 0},     {"mxfp4_experts", 0}};
  using A = AttentionKind;
  return {
      {.name = "DeepseekV3ForCausalLM",
       .model_types = {"deepseek_v3", "kimi_k2"},
       .attention = A::kMla,
       .fields = Join({body, deepseek_experts, leading_dense, mla}),
       .facts = {{"shared_inter_dim", 0}},
       .rules = {MoeEveryLayer},
       .presets = {"deepseek-v3", "kimi-k2"}},
      {.name = "DeepseekV32ForCausalLM",
       .model_types = {"deepseek_v32"},
       .attention = A::kDsa,
       .fields = Join({body, deepseek_experts, leading_dense, mla, indexer}),
       .facts = {{"shared_inter_dim", 0}},
       .rules = {MoeEveryLayer},
       .presets = {"deepseek-v3.2"}},
      // V4's attention sinks are weights (attn_sink), not a config.json field.
      {.name = "DeepseekV4ForCausalLM",
       .model_types = {"deepseek_v4"},
       .attention = A::kHybrid,
       .fields = Join({body, deepseek_experts, v4_attention, indexer}),
       // mxfp4_experts comes from the V4 preset an import starts from, as the base link's
       // calibration reads it (model.h FindPreset).
       .facts = {{"n_dense_layers", 0}, {"shared_inter_dim", 0}, {"attn_sinks", 1}},
       .rules = {CompressRatios},
       .presets = {"deepseek-v4-pro", "deepseek-v4-flash"}},
      {.name = "DeepseekV2ForCausalLM",
       .model_types = {"deepseek_v2"},
       .attention = A::kMla,
       .fields = Join({body, deepseek_experts, leading_dense, mla}),
       .facts = {{"shared_inter_dim", 0}},
       .rules = {MoeEveryLayer},
       .presets = {"deepseek-v2"}},
      {.name = "Qwen3MoeForCausalLM",
       .model_types = {"qwen3_moe"},
       .attention = A::kGqa,
       .fields = Join({body,
                       gqa,
                       {{"moe_intermediate_size", "moe_inter_dim"},
                        {"num_experts", "n_routed_experts"},
                        {"num_experts_per_tok", "n_activated_experts"},
                        {"intermediate_size", "inter_dim", N::kIfDense}}}),
       .facts = plain_gqa,
       .rules = {NoSlidingWindow, QwenSparseLayers},
       .presets = {"qwen3-235b-a22b", "qwen3-30b-a3b", "qwen3-coder-480b-a35b"}},
      // GPT-OSS's attention sinks are weights (one logit per head), not a config.json field.
      {.name = "GptOssForCausalLM",
       .model_types = {"gpt_oss"},
       .attention = A::kGqa,
       .fields = Join({body, gqa, local_experts, {{"sliding_window", "sliding_window"}}}),
       .facts = {{"n_dense_layers", 0},
                 {"n_shared_experts", 0},
                 {"shared_inter_dim", 0},
                 {"attn_sinks", 1},
                 {"mxfp4_experts", 1}},
       .rules = {LayerTypes},
       .presets = {"gpt-oss-120b", "gpt-oss-20b"}},
      {.name = "Glm4MoeForCausalLM",
       .model_types = {"glm4_moe"},
       .attention = A::kGqa,
       .fields = Join({body, gqa, deepseek_experts, leading_dense}),
       .facts = {{"shared_inter_dim", 0},
                 {"attn_sinks", 0},
                 {"sliding_window", 0},
                 {"n_swa_layers", 0},
                 {"mxfp4_experts", 0}},
       .presets = {"glm-4.6"}},
      {.name = "MiniMaxM2ForCausalLM",
       .model_types = {"minimax_m2"},
       .attention = A::kGqa,
       .fields = Join({body, gqa, local_experts}),
       .facts = {{"n_dense_layers", 0},
                 {"n_shared_experts", 0},
                 {"shared_inter_dim", 0},
                 {"attn_sinks", 0},
                 {"sliding_window", 0},
                 {"n_swa_layers", 0},
                 {"mxfp4_experts", 0}},
       .rules = {SoftmaxEveryLayer, NoSharedExpert},
       .presets = {"minimax-m2"}},
      // No preset of their own: the closest GQA preset with the differing keys.
      {.name = "MixtralForCausalLM",
       .model_types = {"mixtral"},
       .attention = A::kGqa,
       .fields = Join({body,
                       {{"num_key_value_heads", "n_kv_heads"},
                        {"head_dim", "head_dim", N::kOptional, 0},  // null = hidden / heads
                        {"sliding_window", "sliding_window", N::kOptional, 0}},  // null = none
                       local_experts}),
       .facts = {{"n_dense_layers", 0},
                 {"n_shared_experts", 0},
                 {"shared_inter_dim", 0},
                 {"attn_sinks", 0},
                 {"mxfp4_experts", 0}},
       .rules = {WindowOnEveryLayer}},
      {.name = "LlamaForCausalLM",
       .model_types = {"llama"},
       .attention = A::kGqa,
       .fields = Join({body,
                       {{"num_key_value_heads", "n_kv_heads", N::kOptional, 0},  // null = MHA
                        {"head_dim", "head_dim", N::kOptional, 0},  // null = hidden / heads
                        {"intermediate_size", "inter_dim"}}}),
       .facts = plain_gqa,
       .rules = {EveryLayerDense}},
      {.name = "Qwen3ForCausalLM",
       .model_types = {"qwen3"},
       .attention = A::kGqa,
       .fields = Join({body, gqa, {{"intermediate_size", "inter_dim"}}}),
       .facts = plain_gqa,
       .rules = {NoSlidingWindow, EveryLayerDense}},
  };
}

// ---- Presets -----------------------------------------------------------------------------------

bool IsMemoryConstant(const Field& f) {
  const auto* member = std::get_if<double Model::*>(&f.number);
  return member != nullptr &&
         (*member == &Model::mla_params_m || *member == &Model::expert_params_m ||
          *member == &Model::other_params_gb);
}

// Model keys (but the memory constants) whose values differ.
size_t Differences(const Config& a, const Config& b) {
  size_t n = 0;
  for (const Field& f : Schema()) {
    if (f.group != "Model" || f.key == "model" || IsMemoryConstant(f)) continue;
    if (FieldText(a, f) != FieldText(b, f)) ++n;
  }
  return n;
}

std::string Names(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

std::string Names(const std::vector<Architecture>& architectures) {
  std::string out;
  for (const Architecture& a : architectures)
    out += (out.empty() ? "" : ", ") + std::string(a.name);
  return out;
}

// The architecture `architectures` names (its first supported entry); nullptr after an error.
const Architecture* FindArchitecture(const json::Value& root,
                                     const std::vector<Architecture>& known,
                                     std::vector<std::string>& errors) {
  const std::string allowed = "; allowed: a list naming one of " + Names(known);
  const json::Value* list = root.Find("architectures");
  if (list == nullptr) {
    errors.push_back("architectures: missing" + allowed);
    return nullptr;
  }
  if (list->type != Type::kArray || list->items.empty()) {
    errors.push_back(
        "architectures: " + (list->type == Type::kArray ? "an empty array" : Describe(*list)) +
        " is not supported" + allowed);
    return nullptr;
  }
  std::string named;
  for (const json::Value& item : list->items) {
    for (const Architecture& a : known) {
      if (item.type == Type::kString && item.text == a.name) return &a;
    }
    named += (named.empty() ? "" : ", ") + Describe(item);
  }
  errors.push_back("architectures: " + named + " is not supported; allowed: " + Names(known));
  return nullptr;
}

void CheckModelType(Import& im) {
  const json::Value* v = im.root.Find("model_type");
  if (v == nullptr || v->type == Type::kNull) return;
  const std::vector<std::string_view>& types = im.arch.model_types;
  if (v->type == Type::kString && std::find(types.begin(), types.end(), v->text) != types.end()) {
    return;
  }
  im.Error("model_type", Describe(*v) + " does not go with " + std::string(im.arch.name) +
                             "; allowed: " + Names(types));
}

}  // namespace

std::vector<std::string_view> ModelConfigArchitectures() {
  std::vector<std::string_view> names;
  for (const Architecture& a : Architectures()) names.push_back(a.name);
  return names;
}

ParseResult ImportModelConfig(std::string_view json_text, const Config& base) {
  ParseResult result;
  const auto fail = [&](const std::vector<std::string>& messages) {
    for (const std::string& m : messages) result.errors.push_back({std::string(kErrorKey), m});
    return result;
  };
  const json::ReadResult doc =
      json::Read(json_text, {.max_bytes = kMaxModelConfigBytes, .max_depth = kMaxModelConfigDepth});
  if (!doc.ok()) return fail({doc.error});
  if (doc.value.type != Type::kObject) {
    return fail({"the text is " + std::string(json::TypeName(doc.value.type)) +
                 "; a config.json is an object"});
  }
  const std::vector<Architecture> known = Architectures();
  std::vector<std::string> errors;
  const Architecture* arch = FindArchitecture(doc.value, known, errors);
  if (arch == nullptr) return fail(errors);

  Import im{.root = doc.value, .arch = *arch};
  CheckModelType(im);
  for (const Fact& f : arch->facts) im.Set(f.key, f.value, "");
  for (const FieldMap& m : arch->fields) {
    if (m.need != Need::kIfDense) ReadField(im, m, m.need);
  }
  for (Rule rule : arch->rules) rule(im);
  const std::optional<double> dense = im.Get("n_dense_layers");
  for (const FieldMap& m : arch->fields) {
    if (m.need == Need::kIfDense && dense && *dense > 0) ReadField(im, m, Need::kRequired);
  }

  // The preset: the architecture's (or any of its attention) with the fewest differing keys.
  bool found = false;
  Config chosen = base;
  size_t best_differences = 0;
  for (const Preset& p : Presets()) {
    const bool candidate =
        arch->presets.empty()
            ? p.model.attention == arch->attention
            : std::find(arch->presets.begin(), arch->presets.end(), p.name) != arch->presets.end();
    if (!candidate) continue;
    Config preset = base;
    preset.preset = std::string(p.name);
    // The preset as the base link's calibration reads it (model.h FindPreset).
    preset.model = FindPreset(p.name, base.cal).value_or(p.model);
    Config c = preset;
    c.model.attention = arch->attention;
    for (const Assignment& a : im.set) SetNumber(c, *a.field, a.value);
    const size_t d = Differences(c, preset);
    if (!found || d < best_differences) {
      found = true;
      best_differences = d;
      chosen = best_differences == 0 ? preset : c;
    }
  }
  if (best_differences > 0) {
    chosen.model.mla_params_m = kDerived;
    chosen.model.expert_params_m = kDerived;
    chosen.model.other_params_gb = kDerived;
  }

  // Ranges and cross-field checks are the schema's; a field already reported is not again.
  for (const ConfigError& e : Validate(chosen)) {
    const Field* f = FindField(e.key);
    if (f == nullptr || f->group != "Model") {
      result.errors.push_back(e);  // the base config's own problem
      continue;
    }
    const std::string message = InJsonNames(e.key + ": " + e.message, im);
    const std::string field = message.substr(0, message.find(':'));
    const bool reported = std::any_of(im.errors.begin(), im.errors.end(), [&](const auto& seen) {
      return seen.rfind(field + ":", 0) == 0;
    });
    if (!reported) im.errors.push_back(message);
  }
  if (!im.errors.empty() || !result.errors.empty()) {
    fail(im.errors);
    return result;
  }
  result.config = std::move(chosen);
  return result;
}

}  // namespace shallowsim
