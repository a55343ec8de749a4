// The registry of attention families and the helpers they share (attention.h).
#include "attention.h"

#include <algorithm>
#include <cmath>

namespace shallowsim::attention {

void Groups::Add(double layers, const Work& work, const Model& m) {
  if (layers <= 0 || size == kMaxGroups) return;
  // The leading dense layers take their share of each kind (every shipped family with dense
  // layers has one kind of attention).
  const double dense = layers * m.n_dense_layers / m.n_layers;
  items[size++] = {dense, layers - dense, work};
}

double HeadDim(const Model& m) { return m.head_dim > 0 ? m.head_dim : m.dim / m.n_heads; }

double KvHeads(const Model& m) { return m.n_kv_heads > 0 ? m.n_kv_heads : m.n_heads; }

double CausalPairs(double q, double kv, double window) {
  q = std::min(q, kv);
  const double first = kv - q + 1;  // position of the first query (1-based)
  if (window <= 0 || window >= kv) return (first + kv) * q / 2;
  if (first > window) return q * window;
  return (first + window) * (window - first + 1) / 2 + (kv - window) * window;
}

const Family& FamilyOf(const Model& m) {
  switch (m.attention) {
    case AttentionKind::kMla:
      return kMla;
    case AttentionKind::kDsa:
      return kDsa;
    case AttentionKind::kHybrid:
      return kHybrid;
    case AttentionKind::kGqa:
      return kGqa;
  }
  return kMla;
}

}  // namespace shallowsim::attention
