// Numeric safety: random configs drawn within the schema's ranges never produce NaN, ±Inf or
// negative times, in any table.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <random>

#include "shallowsim/calibration.h"
#include "shallowsim/columns.h"
#include "shallowsim/decode.h"
#include "shallowsim/prefill.h"
#include "shallowsim/sweep.h"
#include "shallowsim/views.h"
#include "test_util.h"

namespace shallowsim {
namespace {

// A value within a field's range, biased towards the ends (where overflow would show).
double Draw(std::mt19937_64& rng, double lo, double hi, bool whole) {
  std::uniform_real_distribution<double> u(0, 1);
  const double pick = u(rng);
  double v;
  if (pick < 0.15) {
    v = lo;
  } else if (pick < 0.3) {
    v = hi;
  } else if (lo > 0 && hi / lo > 1e3) {
    v = lo * std::pow(hi / lo, u(rng));  // log-uniform over wide ranges
  } else {
    v = lo + (hi - lo) * u(rng);
  }
  if (whole) v = std::round(v);
  return std::clamp(v, lo, hi);
}

Config RandomConfig(std::mt19937_64& rng) {
  Config c;
  for (const Field& f : Schema()) {
    const bool whole =
        f.kind == FieldKind::kInt || f.kind == FieldKind::kBool || f.kind == FieldKind::kIntList;
    const double lo = f.min_exclusive ? std::nextafter(f.min, f.max) : f.min;
    if (f.group == "View") continue;
    if (f.kind == FieldKind::kInt || f.kind == FieldKind::kFloat || f.kind == FieldKind::kBool) {
      SetNumber(c, f, Draw(rng, lo, f.max, whole));
    } else if (f.kind == FieldKind::kIntList) {
      std::vector<double>& items = MutableList(c, f);
      items.clear();
      for (int i = 0; i < 3; ++i) items.push_back(Draw(rng, lo, f.max, true));
    }
  }
  // The cross-field rules, then the words: either mode, each precision.
  std::uniform_real_distribution<double> unit(0, 1);
  c.scenario.mtp_accept = rng() % 2 ? 0 : 1 + unit(rng) * c.scenario.mtp;
  if (c.scenario.ep_imbalance < 1) c.scenario.ep_imbalance = 0;
  c.mode = rng() % 2 ? Mode::kCalibrated : Mode::kReference;
  if (c.mode == Mode::kCalibrated) c.cal = std::string(Calibrations().back().id);  // canonical
  c.scenario.kv_dtype = rng() % 2 ? KvDtype::kBf16 : KvDtype::kFp8;
  c.scenario.moe_dtype = std::array{MoeDtype::kAuto, MoeDtype::kFp8, MoeDtype::kFp4}[rng() % 3];
  c.model.n_dense_layers = std::min(c.model.n_dense_layers, c.model.n_layers);
  c.model.n_activated_experts = std::min(c.model.n_activated_experts, c.model.n_routed_experts);
  c.model.n_swa_layers = std::min(c.model.n_swa_layers, c.model.n_layers);
  c.model.n_kv_heads = std::min(c.model.n_kv_heads, c.model.n_heads);
  c.model.n_csa_layers = std::min(c.model.n_csa_layers, c.model.n_layers);
  c.model.n_hca_layers = std::min(c.model.n_hca_layers, c.model.n_layers - c.model.n_csa_layers);
  for (double* v : {&c.model.mla_params_m, &c.model.expert_params_m, &c.model.other_params_gb}) {
    if (*v < 0) *v = rng() % 4 == 0 ? kDerived : 0;
  }
  c.model.attention = std::array{AttentionKind::kMla, AttentionKind::kDsa, AttentionKind::kHybrid,
                                 AttentionKind::kGqa}[rng() % 4];
  if (c.model.head_dim == 0 && c.model.dim < c.model.n_heads) c.model.head_dim = 1;
  if (c.model.attention == AttentionKind::kHybrid) {
    c.model.sliding_window = std::max(c.model.sliding_window, 1.0);
  }
  // One random GPU at the edges of the hw= ranges (read from their descriptors), plus the
  // catalog.
  Gpu g{.name = "Edge"};
  for (const HwField& h : HwFields()) {
    if (h.member) g.*h.member = Draw(rng, h.min, h.max, h.whole);
  }
  g.comm_sm = std::floor(Draw(rng, 0, g.sm - 1, true));
  g.fp4 = rng() % 2 ? 0 : std::max(g.fp4, 0.001);
  c.hw.push_back(g);
  return c;
}

void ExpectSafe(double v, bool time, const std::string& what) {
  ASSERT_TRUE(std::isfinite(v)) << what;
  if (time) {
    ASSERT_GE(v, 0) << what;
  }
}

TEST(Property, RandomValidConfigsGiveFiniteNonNegativeTimes) {
  std::mt19937_64 rng(20261128);
  int decode_rows = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const Config c = RandomConfig(rng);
    ASSERT_TRUE(Validate(c).empty()) << EncodeLink(c) << ": " << Validate(c)[0].message;
    for (const PrefillRow& r : PrefillTable(c)) {
      for (size_t col = 1; col < PrefillColumns().size(); ++col) {
        const std::string name(PrefillColumns()[col].name);
        ExpectSafe(PrefillValue(r, col), name.rfind("Overlap", 0) != 0, name + " " + EncodeLink(c));
      }
      ASSERT_GT(r.sum, 0);
    }
    const DecodeTable d = Decode(c);
    decode_rows += static_cast<int>(d.rows.size());
    for (const DecodeRow& r : d.rows) {
      for (size_t col = 1; col < DecodeColumns().size(); ++col) {
        const std::string name(DecodeColumns()[col].name);
        ExpectSafe(DecodeValue(r, col), name != "Delta", name + " " + EncodeLink(c));
      }
      ASSERT_GT(r.tpot, 0);
    }
    for (const MaxBatchRow& r : MaxBatchTableOf(c).rows) ExpectSafe(r.max_batch, true, "MaxBatch");
    // The round trip holds for random configs too.
    ASSERT_EQ(testing::ConfigOf(EncodeLink(c)), c) << EncodeLink(c);
  }
  EXPECT_GT(decode_rows, 0);  // the draw reaches configs that fit in memory
}

}  // namespace
}  // namespace shallowsim
