// Where the time goes (breakdown.h): the parts sum to the prefill Sum and to the decode TPOT
// (without MTP), in both modes, for every row of the default tables.
#include "shallowsim/breakdown.h"

#include <gtest/gtest.h>

#include <numeric>

#include "shallowsim/decode.h"
#include "shallowsim/prefill.h"
#include "test_util.h"

namespace shallowsim {
namespace {

double SumOf(const PartTimes& p) { return std::accumulate(p.begin(), p.end(), 0.0); }

TEST(Breakdown, PartsSumToTheWhole) {
  for (const char* link : {"#v=1", "#v=1&mode=calibrated", "#v=1&seq_len=16384&tp=8&dp=4",
                           "#v=1&mode=calibrated&kv_dtype=bf16&ep_imbalance=1.3"}) {
    const Config c = testing::ConfigOf(link);
    for (const PrefillRow& r : PrefillTable(c)) {
      const PartTimes p = PrefillParts(r, c.model);
      EXPECT_NEAR(SumOf(p), r.sum, 1e-12 * r.sum) << link << " " << r.gpu;
      for (double v : p) EXPECT_GE(v, 0) << link << " " << r.gpu;
    }
    const DecodeTable d = Decode(c);
    ASSERT_FALSE(d.rows.empty());
    for (const DecodeRow& r : d.rows) {
      const PartTimes p = DecodeParts(r, c.model);
      EXPECT_NEAR(SumOf(p), r.tpot, 1e-9 * r.tpot) << link << " " << d.gpus[r.gpu];
      for (double v : p) EXPECT_GE(v, 0);
    }
  }
}

TEST(Breakdown, HandComputedPrefill) {
  // 3 dense and 58 MoE layers: attention = 3·MLA + 58·TP_MLA, and so on.
  PrefillRow r;
  r.mla = 1;
  r.dense_mlp = 2;
  r.tp_mla = 0.5;
  r.shared_expert = 0.25;
  r.routed_expert = 0.75;
  r.overlap1 = 0.1;
  r.overlap2 = -0.2;
  const PartTimes p = PrefillParts(r, Model{});
  EXPECT_DOUBLE_EQ(p[0], 3 * 1 + 58 * 0.5);
  EXPECT_DOUBLE_EQ(p[1], 3 * 2);
  EXPECT_DOUBLE_EQ(p[2], 58 * 0.25);
  EXPECT_DOUBLE_EQ(p[3], 58 * 0.75);
  EXPECT_DOUBLE_EQ(p[4], 58 * 0.1) << "only the part not hidden";
  EXPECT_EQ(Parts()[4].key, "exposed_comm");
}

}  // namespace
}  // namespace shallowsim
