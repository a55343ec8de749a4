// SPEC §4: decode rows, the memory limit and the grouped-GEMM efficiency.
#include "shallowsim/decode.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "test_util.h"

namespace shallowsim {
namespace {

using testing::ConfigOf;
using testing::OnlyRow;

TEST(Decode, WorkedExampleGb300Bs128Ep72Tp1) {
  const DecodeRow r = OnlyRow("v=1&gpus=GB300-NVL72&bs=128&ep=72&decode_tp=1");
  EXPECT_NEAR(r.dense_mla, 0.129876, 5e-7);
  EXPECT_NEAR(r.tpot, 13.95818, 5e-6);
  EXPECT_NEAR(r.total, 9170.2499, 5e-5);
  EXPECT_EQ(r.comm_impact, 0);
}

TEST(Decode, NextPow2IsStrictlyAbove) {
  EXPECT_EQ(NextPow2Above(0), 1);
  EXPECT_EQ(NextPow2Above(1), 2);
  EXPECT_EQ(NextPow2Above(5), 8);
  EXPECT_EQ(NextPow2Above(8), 16);
  EXPECT_EQ(NextPow2Above(65535), 65536);
  EXPECT_EQ(NextPow2Above(1e12), 1099511627776.0);
}

TEST(Decode, EfficiencyTables) {
  EXPECT_EQ(GemmEfficiency("GB300-NVL72", 8), 0.05);
  EXPECT_EQ(GemmEfficiency("GB300-NVL72", 16), 0.08);
  EXPECT_EQ(GemmEfficiency("GB300-NVL72", 128), 0.35);
  EXPECT_EQ(GemmEfficiency("GB300-NVL72", 512), 0.6);
  EXPECT_EQ(GemmEfficiency("GB300-NVL72", 1024), 0.7);
  EXPECT_EQ(GemmEfficiency("GB300-NVL72", 1 << 20), 0.7);  // keys above 65536 do not fail
  EXPECT_EQ(GemmEfficiency("H20", 4), 0.06);
  EXPECT_EQ(GemmEfficiency("H20", 64), 0.8);
  EXPECT_EQ(GemmEfficiency("H20", 256), 1.0);
}

TEST(Decode, H20TableAppliesToEveryNameContainingH20) {
  // QUIRKS Q4: H200 and H20-3E use the H20 table.
  EXPECT_EQ(GemmEfficiency("H200", 64), GemmEfficiency("H20", 64));
  EXPECT_EQ(GemmEfficiency("H20-3E", 64), 0.8);
  EXPECT_EQ(GemmEfficiency("H800", 64), 0.2);
}

TEST(Decode, ExactPowerOfTwoUsesTheNextBucket) {
  // QUIRKS Q5: GB300 bs 64, EP 72: 32·8/4 = 64 tokens per expert → bucket 128 → 0.35.
  const DecodeRow r = OnlyRow("v=1&gpus=GB300-NVL72&bs=64&ep=72&decode_tp=1");
  EXPECT_NEAR(r.routed_expert, 0.0348, 5e-5);
}

TEST(Decode, MaxBatchLimitsRows) {
  const Config c = ConfigOf("v=1");
  const Gpu h800 = BuiltinCatalog()[7];
  ASSERT_EQ(h800.name, "H800");
  // EP 8 on 80 GB: 33 experts per GPU do not fit at all.
  EXPECT_LT(MaxBatch(c.model, h800, c.scenario, 8, 1), 0);
  const double fits = MaxBatch(c.model, h800, c.scenario, 320, 1);
  EXPECT_GT(fits, 0);
  const DecodeTable t = Decode(ConfigOf("v=1&gpus=H800&ep=320&decode_tp=1&bs=1,1000000"));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].batch, 1);
}

TEST(Decode, MaxBatchFormula) {
  const Config c = ConfigOf("v=1");
  const Gpu gb300 = BuiltinCatalog()[3];
  const double x = 4 + 1, t = 4;
  const double free_gb = 288 * 0.9 - 2.91 - 187.17 * 61 / t / 1024 - 44.05 * 58 * x / 1024;
  const double kv = (4383.0 + 1210) * 576 * 61 * t;
  EXPECT_DOUBLE_EQ(MaxBatch(c.model, gb300, c.scenario, 72, t), free_gb * 1073741824.0 / kv);
  const MaxBatchTable table = MaxBatchTableOf(ConfigOf("v=1&gpus=GB300-NVL72&ep=72&decode_tp=4"));
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].max_batch, std::floor(free_gb * 1073741824.0 / kv));
}

TEST(Decode, RowOrderIsEpGpuBatchTp) {
  const DecodeTable t =
      Decode(ConfigOf("v=1&gpus=GB300-NVL72,RubinU-NVL576&ep=144,72&bs=32,16&decode_tp=4,1"));
  ASSERT_EQ(t.rows.size(), 16u);
  EXPECT_EQ(t.rows[0].ep, 144);
  EXPECT_EQ(t.gpus[t.rows[0].gpu], "GB300-NVL72");
  EXPECT_EQ(t.rows[0].batch, 32);
  EXPECT_EQ(t.rows[0].tp, 4);
  EXPECT_EQ(t.rows[1].tp, 1);
  EXPECT_EQ(t.rows[2].batch, 16);
  EXPECT_EQ(t.gpus[t.rows[4].gpu], "RubinU-NVL576");
  EXPECT_EQ(t.rows[8].ep, 72);
}

TEST(Decode, TpsLimitDropsSlowRows) {
  const DecodeTable all = Decode(ConfigOf("v=1"));
  const DecodeTable fast = Decode(ConfigOf("v=1&tps_limit=50"));
  const size_t expected = std::count_if(all.rows.begin(), all.rows.end(),
                                        [](const DecodeRow& r) { return r.tps > 50; });
  EXPECT_EQ(fast.rows.size(), expected);
  EXPECT_LT(fast.rows.size(), all.rows.size());
  EXPECT_EQ(all.rows.size(), 855u);
}

TEST(Decode, DeltaAddsUnhiddenCommunication) {
  for (const DecodeRow& r : Decode(ConfigOf("v=1")).rows) {
    EXPECT_EQ(r.delta > 0, r.tpot > r.tpot_o);
    EXPECT_EQ(r.delta > 0, r.comm_impact > 0);
    EXPECT_DOUBLE_EQ(r.total, 1000 / r.tpot * r.batch);
  }
}

TEST(Decode, Fp8CombineHalvesCombineOnFp4GpusOnly) {
  const DecodeRow b300 =
      OnlyRow("v=1&gpus=GB300-NVL72&bs=128&ep=72&decode_tp=1&decode_a2a_static=0");
  const DecodeRow b300_bf16 =
      OnlyRow("v=1&gpus=GB300-NVL72&bs=128&ep=72&decode_tp=1&decode_a2a_static=0&fp8_combine=0");
  EXPECT_DOUBLE_EQ(b300.combine, b300.dispatch);
  EXPECT_DOUBLE_EQ(b300_bf16.combine, 2 * b300.dispatch);
  const DecodeRow h200 = OnlyRow("v=1&gpus=H200&bs=16&ep=320&decode_tp=1&decode_a2a_static=0");
  EXPECT_DOUBLE_EQ(h200.combine, 2 * h200.dispatch);
}

TEST(Decode, RackBeyondItsDomainUsesTheNic) {
  // QUIRKS Q14: NVL72 with EP 144 sends all-to-all over the NIC.
  const DecodeRow inside =
      OnlyRow("v=1&gpus=GB300-NVL72&bs=16&ep=72&decode_tp=1&decode_a2a_static=0");
  const DecodeRow beyond =
      OnlyRow("v=1&gpus=GB300-NVL72&bs=16&ep=144&decode_tp=1&decode_a2a_static=0");
  const double d = 16.0 * 7168 * 8 / 1048576;
  EXPECT_DOUBLE_EQ(inside.dispatch, d / (900 * 0.85));
  EXPECT_DOUBLE_EQ(beyond.dispatch, d / (100 * 0.85));
}

TEST(Decode, BoxOfEightUsesNvlinkOnlyWhenItHoldsAllExperts) {
  const DecodeRow ep8 = OnlyRow("v=1&gpus=MI300X&bs=16&ep=8&decode_tp=1&decode_a2a_static=0");
  const DecodeRow ep9 =
      OnlyRow("v=1&gpus=MI300X&bs=16&ep=9&decode_tp=1&decode_a2a_static=0&mem_util=1");
  const double d = 16.0 * 7168 * 8 / 1048576;
  EXPECT_DOUBLE_EQ(ep8.dispatch, d / (448 * 0.85));
  EXPECT_DOUBLE_EQ(ep9.dispatch, d / (50 * 0.85));
}

}  // namespace
}  // namespace shallowsim

namespace shallowsim {
namespace {

// FitNotes: a GPU whose smallest batch fits nowhere, with numbers that check out: the stated
// mem_util makes that batch fit, the stated context too, and the sum is what it says.
TEST(FitNotes, ExplainTheMemoryShortfallWithNumbersThatHold) {
  for (const char* mode : {"reference", "calibrated"}) {
    const Config c = testing::ConfigOf(std::string("#v=1&mem_util=0.1&gpus=H800,H20,GB200-NVL72"
                                                   "&mode=") +
                                       mode);
    const std::vector<FitNote> notes = FitNotes(c);
    ASSERT_FALSE(notes.empty()) << mode;
    const DecodeTable table = Decode(c);
    for (const FitNote& n : notes) {
      for (const DecodeRow& r : table.rows) EXPECT_NE(table.gpus[r.gpu], n.gpu) << "no row";
      EXPECT_GT(n.fixed_gb + n.min_batch * n.kv_gb, n.usable_gb) << n.gpu;
      EXPECT_NE(n.message.find("nothing fits"), std::string::npos);
      EXPECT_NE(n.message.find("mem_util 0.1"), std::string::npos) << n.message;
      ASSERT_LE(n.mem_util_needed, 1) << n.gpu;
      Config more = c;
      more.scenario.mem_util = std::ceil(n.mem_util_needed * 1000) / 1000;
      more.gpus = {n.gpu};
      more.scenario.ep = {n.ep};
      more.scenario.decode_tp = {n.tp};
      more.scenario.bs = {n.min_batch};
      EXPECT_EQ(Decode(more).rows.size(), 1u) << mode << " " << n.gpu;
      more.scenario.mem_util = n.mem_util_needed * 0.99;
      EXPECT_EQ(Decode(more).rows.size(), 0u) << mode << " " << n.gpu;
      if (n.max_context > 0) {
        Config shorter = c;
        shorter.gpus = {n.gpu};
        shorter.scenario.decode_len = 0;
        shorter.scenario.seq_len = n.max_context;
        shorter.scenario.ep = {n.ep};
        shorter.scenario.decode_tp = {n.tp};
        shorter.scenario.bs = {n.min_batch};
        EXPECT_EQ(Decode(shorter).rows.size(), 1u) << mode << " " << n.gpu;
      }
    }
  }
  // Nothing to explain when every GPU has a row.
  EXPECT_TRUE(FitNotes(testing::ConfigOf("#v=1")).empty());
}

}  // namespace
}  // namespace shallowsim
