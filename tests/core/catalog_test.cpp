// The hardware view (catalog.h): every GPU with its origin, price and sources; warnings for
// figures the model would use in an unexpected way, and none for the plain ones.
#include "shallowsim/catalog.h"

#include <gtest/gtest.h>

#include "shallowsim/columns.h"
#include "test_util.h"

namespace shallowsim {
namespace {

Gpu Hopper() {
  Gpu g;
  g.name = "X";
  g.sm = 132;
  g.comm_sm = 20;
  g.fp16 = 989;
  g.fp8 = 1979;
  g.fp4 = 0;
  g.mem = 80;
  g.mem_bw = 3350;
  g.nvlink_bw = 450;
  g.pcie_bw = 50;
  g.gpu_per_node = 8;
  return g;
}

TEST(GpuWarnings, OnlyForOddFigures) {
  EXPECT_TRUE(GpuWarnings(Hopper()).empty());
  Gpu fp4 = Hopper();
  fp4.fp4 = 15000;  // the default template's FP4 on a Hopper
  ASSERT_EQ(GpuWarnings(fp4).size(), 1u);
  EXPECT_NE(GpuWarnings(fp4)[0].find("fp4 = 15000"), std::string::npos);
  Gpu node = Hopper();
  node.gpu_per_node = 16;
  ASSERT_EQ(GpuWarnings(node).size(), 1u);
  EXPECT_NE(GpuWarnings(node)[0].find("gpu_per_node = 16"), std::string::npos);
  Gpu per_sm = Hopper();
  per_sm.sm = 10;  // 198 TFLOPS per SM
  ASSERT_EQ(GpuWarnings(per_sm).size(), 1u);
  Gpu swapped = Hopper();
  swapped.fp16 = 1979;
  swapped.fp8 = 989;
  ASSERT_EQ(GpuWarnings(swapped).size(), 1u);
  EXPECT_NE(GpuWarnings(swapped)[0].find("swapped"), std::string::npos);
  // Blackwell with FP4 is fine.
  for (const Gpu& g : BuiltinCatalog()) {
    if (g.name == "DGX-B200" || g.name == "GB200-NVL72" || g.name == "H200") {
      EXPECT_TRUE(GpuWarnings(g).empty()) << g.name;
    }
  }
}

TEST(CatalogTable, OriginsPricesSources) {
  const Config c = testing::ConfigOf(
      "#v=1&hw=H100,132,20,989,1979,0,80,3350,450,50,8&hw=H200,132,20,989,1979,0,141,4800,450,50,"
      "16&price=H100:2.5");
  const std::vector<CatalogRow> rows = CatalogTable(c);
  ASSERT_EQ(rows.size(), BuiltinCatalog().size() + 1);
  for (const CatalogRow& r : rows) {
    if (r.gpu.name == "H100") {
      EXPECT_EQ(r.origin, "hw= (added)");
      EXPECT_EQ(r.price, 2.5);
      EXPECT_TRUE(r.warnings.empty());
    } else if (r.gpu.name == "H200") {
      EXPECT_EQ(r.origin, "hw= (replaces the catalog's)");
      EXPECT_EQ(r.gpu.gpu_per_node, 16);
      EXPECT_NE(r.warnings.find("gpu_per_node"), std::string::npos);
    } else {
      EXPECT_EQ(r.origin, "catalog");
      EXPECT_FALSE(r.source.empty()) << r.gpu.name << ": every built-in GPU has a source";
    }
  }
  // The numbers are the Gpu's, column by column.
  const auto columns = CatalogColumns();
  const int fp8 = ColumnIndex(columns, "fp8");
  ASSERT_GT(fp8, 0);
  EXPECT_EQ(CatalogNumber(rows[0], static_cast<size_t>(fp8)), rows[0].gpu.fp8);
  EXPECT_EQ(CatalogText(rows[0], 0), rows[0].gpu.name);
}

}  // namespace
}  // namespace shallowsim
