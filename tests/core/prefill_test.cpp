// SPEC §3: prefill, one fact per test, with the worked numbers of the seed document.
#include "shallowsim/prefill.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace shallowsim {
namespace {

using testing::ConfigOf;

const Gpu& Find(const std::vector<Gpu>& gpus, const std::string& name) {
  for (const Gpu& g : gpus) {
    if (g.name == name) return g;
  }
  throw std::runtime_error("no GPU " + name);
}

PrefillRow PrefillOf(const std::string& gpu, const std::string& link = "v=1") {
  const Config c = ConfigOf(link);
  return Prefill(c.model, Find(ResolvedCatalog(c), gpu), c.scenario);
}

// The seed table's link: the first datasheet (B300 parts at 9600 GB/s).
constexpr const char* kSeed =
    "v=1&hw=DGX-B300,160,20,3375,7500,15000,288,9600,900,100,8&"
    "hw=GB300-NVL72,160,20,3750,7500,15000,288,9600,900,100,72";

TEST(Prefill, SeedTableH200) {
  const PrefillRow r = PrefillOf("H200");
  EXPECT_NEAR(r.mla, 5.848370, 5e-7);
  EXPECT_NEAR(r.dense_mlp, 2.527005, 5e-7);
  EXPECT_NEAR(r.tp_mla, 1.683756, 5e-7);
  EXPECT_NEAR(r.shared_expert, 0.077915, 5e-7);
  EXPECT_NEAR(r.combine, 1.107479, 5e-7);
  EXPECT_NEAR(r.overlap1, -0.654192, 5e-7);
  EXPECT_NEAR(r.routed_expert, 0.623321, 5e-7);
  EXPECT_NEAR(r.dispatch, 0.314370, 5e-7);
  EXPECT_NEAR(r.overlap2, -0.308951, 5e-7);
}

TEST(Prefill, SeedTableH800) {
  const PrefillRow r = PrefillOf("H800");
  EXPECT_NEAR(r.mla, 5.857117, 5e-7);
  EXPECT_NEAR(r.tp_mla, 1.881772, 5e-7);
  EXPECT_NEAR(r.overlap1, -0.854267, 5e-7);
}

TEST(Prefill, SeedTableDgxB300UsesFp4GemmWithoutWeightLoad) {
  // QUIRKS Q3: on FP4 GPUs the MLA time has no weight-load term and no discount on GEMMs.
  const PrefillRow r = PrefillOf("DGX-B300", kSeed);
  EXPECT_NEAR(r.mla, 1.534450, 5e-7);
  EXPECT_NEAR(r.dense_mlp, 0.357764, 5e-7);
  EXPECT_NEAR(r.combine, 0.578740, 5e-7);
  EXPECT_NEAR(r.overlap1, 0.037997, 5e-7);
  EXPECT_NEAR(r.overlap2, 0.071799, 5e-7);
}

TEST(Prefill, SeedTableDgxB200) {
  const PrefillRow r = PrefillOf("DGX-B200", kSeed);
  EXPECT_NEAR(r.mla, 2.310493, 5e-7);
  EXPECT_NEAR(r.routed_expert, 0.164760, 5e-7);
  EXPECT_NEAR(r.overlap2, 0.017425, 5e-7);
}

TEST(Prefill, DispatchIsAQuarterOfCombineBeforeStatics) {
  // QUIRKS Q1: dispatch carries half the volume, combine twice.
  const Config c = ConfigOf("v=1&prefill_a2a_static=0");
  const PrefillRow r = Prefill(c.model, Find(ResolvedCatalog(c), "H20"), c.scenario);
  EXPECT_DOUBLE_EQ(r.combine, 4 * r.dispatch);
}

TEST(Prefill, BoxOfEightAllToAllUsesEightNics) {
  // 8-GPU box: size = 3·(8/tp)·seq·k/8·dim MiB over 8·pcie_eff.
  const PrefillRow r = PrefillOf("H800", "v=1&prefill_a2a_static=0");
  const double size = 3.0 * (8.0 / 4) * 4383 * 8 / 8 * 7168 / 1048576;
  EXPECT_DOUBLE_EQ(r.combine, 2 * size / (8 * 50 * 0.85));
}

TEST(Prefill, RackAllToAllSkipsLocalExperts) {
  // NVL72: e = ceil(256/72) = 4 local experts; the rest go over NVLink.
  const PrefillRow r = PrefillOf("GB200-NVL72", "v=1&prefill_a2a_static=0");
  const double size = ((256.0 - 4) / 256) * 8 * 4383 / 4 * 7168 / 1048576;
  EXPECT_DOUBLE_EQ(r.dispatch, size / 2 / (900 * 0.85));
}

TEST(Prefill, RoutedWeightLoadsAreFractionalWhenTpDpDoesNotDivideE) {
  // QUIRKS Q2: tp 8, dp 9 loads 256/9/8 = 3.56 experts' weights, not 4 (which gives 0.3117).
  const PrefillRow r = PrefillOf("H200", "v=1&tp=8&dp=9");
  const double gemm = 1979 * 0.85 * (132.0 - 20) / 132;
  const double load = (3.0 * 7168 * 2048 / 1048576) / (4800 * 0.85);
  const double gflop = 3 * (4383.0 * 9 * 8 / 72) * 7168 * 2048 * 2 / 1e9;
  EXPECT_NEAR(r.routed_expert, gflop / gemm + load * (256.0 / 9 / 8), 1e-12);
  EXPECT_NEAR(r.routed_expert, 0.3071, 5e-5);
}

TEST(Prefill, TpOneHasNoAllReduce) {
  const PrefillRow r = PrefillOf("H200", "v=1&tp=1&dp=32");
  EXPECT_DOUBLE_EQ(r.tp_mla, r.mla + 0.05);
}

TEST(Prefill, SummaryAddsPositiveOverlapsOnly) {
  const PrefillRow r = PrefillOf("DGX-B300", kSeed);
  const double n_sparse = 58, n_dense = 3;
  EXPECT_DOUBLE_EQ(r.compute, n_dense * (r.mla + r.dense_mlp) +
                                  n_sparse * (r.tp_mla + r.shared_expert + r.routed_expert));
  EXPECT_DOUBLE_EQ(r.comm, n_sparse * (r.combine + r.dispatch));
  EXPECT_DOUBLE_EQ(r.sum, r.compute + n_sparse * (r.overlap1 + r.overlap2));  // both > 0
  EXPECT_NEAR(r.prefill_tps, 4383.0 / 4 * 1000 / r.sum, 1e-9);
  EXPECT_NEAR(r.prefill_tps, 21998.476913844861, 1e-8);
}

TEST(Prefill, SummaryIgnoresNegativeOverlaps) {
  const PrefillRow r = PrefillOf("H200");
  EXPECT_EQ(r.sum, r.compute);
}

TEST(Prefill, TableFollowsTheGpusKey) {
  const std::vector<PrefillRow> rows = PrefillTable(ConfigOf("v=1&gpus=H20,DGX-B300"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].gpu, "H20");
  EXPECT_EQ(rows[1].gpu, "DGX-B300");
  EXPECT_EQ(PrefillTable(ConfigOf("v=1")).size(), 12u);
}

TEST(Prefill, CommSmsAreReservedInPrefillOnly) {
  const Gpu h200 = BuiltinCatalog()[6];
  ASSERT_EQ(h200.name, "H200");
  EXPECT_DOUBLE_EQ(EffectiveRates(h200, 0.85, true).fp16, 989 * 0.85 * 112 / 132);
  EXPECT_DOUBLE_EQ(EffectiveRates(h200, 0.85, false).fp16, 989 * 0.85);
  EXPECT_DOUBLE_EQ(EffectiveRates(h200, 0.85, false).gemm, 1979 * 0.85);  // no FP4
  EXPECT_DOUBLE_EQ(EffectiveRates(BuiltinCatalog()[0], 0.85, false).gemm, 15000 * 0.85);
}

}  // namespace
}  // namespace shallowsim
