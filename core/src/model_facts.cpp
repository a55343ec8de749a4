#include "shallowsim/model_facts.h"

#include <cmath>
#include <limits>

#include "attention/attention.h"

namespace shallowsim {

namespace {

constexpr double kFp4Bytes = 0.5 + 1.0 / 16;  // NVFP4: 4 bits + an FP8 scale per 16

struct Counts {
  double non_expert = 0, experts = 0, active = 0;
};

Counts CountsOf(const Model& m) {
  const attention::Family& f = attention::FamilyOf(m);
  const double n_sparse = m.n_sparse_layers();
  const double expert = 3 * m.dim * m.moe_inter_dim;
  const double shared_inter = m.shared_inter_dim > 0 ? m.shared_inter_dim : m.moe_inter_dim;
  const double shared = m.n_shared_experts * 3 * m.dim * shared_inter;
  const double embedding = m.vocab_size * m.dim;
  const double head = m.tie_embeddings > 0 ? 0 : embedding;
  const double attention = f.params(m) * m.n_layers;
  const double dense_ffn = m.n_dense_layers * 3 * m.dim * m.inter_dim;
  const double routers = n_sparse * m.dim * m.n_routed_experts;
  Counts c;
  c.experts = n_sparse * m.n_routed_experts * expert;
  c.non_expert = embedding + head + attention + dense_ffn + routers + n_sparse * shared;
  c.active = attention + dense_ffn + routers +
             n_sparse * (m.n_activated_experts * expert + shared) +
             (m.tie_embeddings > 0 ? embedding : head);
  return c;
}

// KV bytes one request keeps at `context` tokens, every layer (indexer keys at kv_dtype).
double KvBytes(const Model& m, double context, double kv_bytes) {
  const attention::Family& f = attention::FamilyOf(m);
  return (f.kv_elems(m, context) + f.index_elems(m, context)) * m.n_layers * kv_bytes;
}

ModelFacts Facts(const Model& m, KvDtype kv, MoeDtype moe) {
  ModelFacts out;
  out.attention = m.attention;
  out.layers = m.n_layers;
  const Counts c = CountsOf(m);
  out.total_params_b = (c.non_expert + c.experts) / 1e9;
  out.active_params_b = c.active / 1e9;
  // The growth per token at long context, and what a request keeps whatever its length.
  const double bytes = kv == KvDtype::kBf16 ? 2 : 1;
  const double far = 1 << 20, near = 1 << 19;
  out.kv_bytes_per_token = (KvBytes(m, far, bytes) - KvBytes(m, near, bytes)) / (far - near);
  out.kv_fixed_mib =
      std::max(0.0, KvBytes(m, far, bytes) - out.kv_bytes_per_token * far) / (1 << 20);
  out.weights_gb = (c.non_expert + c.experts * (moe == MoeDtype::kFp4 ? kFp4Bytes : 1)) / 1e9;
  out.weights_gb_fp4 = (c.non_expert + c.experts * kFp4Bytes) / 1e9;
  return out;
}

}  // namespace

ModelFacts FactsOf(const Config& c) {
  ModelFacts out = Facts(c.model, c.scenario.kv_dtype, c.scenario.moe_dtype);
  const std::optional<Model> preset = FindPreset(c.preset, c.cal);
  out.model = preset && *preset == c.model ? c.preset : c.preset + " + overrides";
  return out;
}

ModelFacts FactsOfModel(const Model& m) {
  const Scenario defaults;
  return Facts(m, defaults.kv_dtype, defaults.moe_dtype);
}

std::string_view ModelFactText(const ModelFacts& f, size_t column) {
  if (column == 0) return f.model;
  if (column == 1) return NameOf(f.attention);
  return {};
}

double ModelFactNumber(const ModelFacts& f, size_t column) {
  switch (column) {
    case 2:
      return f.layers;
    case 3:
      return f.total_params_b;
    case 4:
      return f.active_params_b;
    case 5:
      return f.kv_bytes_per_token;
    case 6:
      return f.kv_fixed_mib;
    case 7:
      return f.weights_gb;
    case 8:
      return f.weights_gb_fp4;
    default:
      return std::numeric_limits<double>::quiet_NaN();
  }
}

}  // namespace shallowsim
