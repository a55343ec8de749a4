// The hardware view (catalog.h): every GPU with its origin, price and sources; warnings for
// figures the model would use in an unexpected way, and none for the plain ones. The catalog's
// versions (catalog=): the reference's table exactly for old links, 2026-12's rows, the codec.
#include "shallowsim/catalog.h"

#include <gtest/gtest.h>

#include "shallowsim/columns.h"
#include "shallowsim/schema.h"
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

// CDNA4 has FP4 at 19.7 FP8 TFLOPS per CU: the FP4 line sits between it and Hopper (15.0).
TEST(GpuWarnings, Fp4LineBetweenHopperAndCdna4) {
  Gpu mi355x = Hopper();
  mi355x.sm = 256;
  mi355x.fp16 = 2517;
  mi355x.fp8 = 5033;
  mi355x.fp4 = 10066;
  EXPECT_TRUE(GpuWarnings(mi355x).empty());
  Gpu hopper_fp4 = Hopper();
  hopper_fp4.fp4 = 3958;
  ASSERT_EQ(GpuWarnings(hopper_fp4).size(), 1u);
  EXPECT_NE(GpuWarnings(hopper_fp4)[0].find("fp4 = 3958"), std::string::npos);
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

// ---- Catalog versions (catalog=, docs/LINKS.md) ----------------------------------------------

// One row as written down from the published tables (docs/HARDWARE.md), not read back from the
// catalog code: name, sm, comm_sm, fp16, fp8, fp4, mem, mem_bw, nvlink_bw, pcie_bw, gpu_per_node.
struct Row {
  const char* name;
  double sm, comm_sm, fp16, fp8, fp4, mem, mem_bw, nvlink_bw, pcie_bw, gpu_per_node;
};

// The reference's datasheet: SPEC §1.2, golden/gpu_catalog.csv.
constexpr Row kReference[] = {
    {"DGX-B300", 160, 20, 3375, 7500, 15000, 288, 8000, 900, 100, 8},
    {"DGX-B200", 160, 20, 2250, 4500, 9000, 180, 8000, 900, 100, 8},
    {"GB200-NVL72", 160, 20, 2500, 5000, 10000, 192, 8000, 900, 100, 72},
    {"GB300-NVL72", 160, 20, 3750, 7500, 15000, 288, 8000, 900, 100, 72},
    {"Rubin-NVL144", 110, 12, 6400, 12800, 25600, 144, 6500, 900, 100, 144},
    {"RubinU-NVL576", 110, 12, 6500, 13000, 26000, 256, 8000, 1350, 100, 576},
    {"H200", 132, 20, 989, 1979, 0, 141, 4800, 450, 50, 8},
    {"H800", 132, 20, 989, 1979, 0, 80, 4000, 200, 50, 8},
    {"H20", 78, 10, 148, 296, 0, 96, 4000, 450, 50, 8},
    {"H20-3E", 78, 10, 148, 296, 0, 141, 4800, 450, 50, 8},
    {"MI300X", 304, 30, 1307, 2614, 0, 192, 5300, 448, 50, 8},
    {"MI308X", 304, 30, 190, 380, 0, 192, 5300, 448, 50, 8},
};

// Catalog 2026-12 (docs/HARDWARE.md cites each figure).
constexpr Row k2026_12[] = {
    // HGX page: 36/72 PF sparse, 108 PF dense FP4 per 8 GPUs; 148 SMs enabled.
    {"DGX-B300", 148, 20, 2250, 4500, 13500, 288, 8000, 900, 100, 8},
    // HGX B200: CX7 400 Gb/s (0.8 TB/s per 8 GPUs, both directions).
    {"DGX-B200", 148, 20, 2250, 4500, 9000, 180, 8000, 900, 50, 8},
    // GB200 NVL72 page: 372 GB per 2-GPU superchip.
    {"GB200-NVL72", 152, 20, 2500, 5000, 10000, 186, 8000, 900, 100, 72},
    // GB300 NVL72 page: 360/720 PF sparse FP16/FP8, 1,080 PF dense FP4 per 72 GPUs.
    {"GB300-NVL72", 152, 20, 2500, 5000, 15000, 288, 8000, 900, 100, 72},
    // Vera Rubin NVL72 page, per GPU / 2 dies: 4/17.5/35 PF dense, 19.2 TB/s.
    {"Rubin-NVL144", 110, 12, 2000, 8750, 17500, 144, 9600, 900, 100, 144},
    {"RubinU-NVL576", 110, 12, 6500, 13000, 26000, 256, 8000, 1350, 100, 576},
    {"H200", 132, 20, 989, 1979, 0, 141, 4800, 450, 50, 8},
    {"H800", 132, 20, 989, 1979, 0, 80, 3350, 200, 50, 8},
    {"H20", 78, 10, 148, 296, 0, 96, 4000, 450, 50, 8},
    {"H20-3E", 78, 10, 148, 296, 0, 141, 4800, 450, 50, 8},
    {"MI300X", 304, 30, 1307, 2615, 0, 192, 5300, 448, 50, 8},
    {"MI308X", 304, 30, 190, 380, 0, 192, 5300, 448, 50, 8},
    {"H100", 132, 20, 989, 1979, 0, 80, 3350, 450, 50, 8},
    {"MI325X", 304, 30, 1307, 2615, 0, 256, 6000, 448, 50, 8},
    {"MI355X", 256, 32, 2517, 5033, 10066, 288, 8000, 537.6, 50, 8},
    // Per package (2 dies); fp8 = INT8 (no FP8 in hardware).
    {"Ascend-910C", 48, 0, 752, 1504, 0, 128, 3200, 392, 50, 8},
    {"CloudMatrix384", 48, 0, 752, 1504, 0, 128, 3200, 392, 50, 384},
};

template <size_t N>
void ExpectRows(const std::vector<Gpu>& got, const Row (&want)[N], const std::string& what) {
  ASSERT_EQ(got.size(), N) << what;
  for (size_t i = 0; i < N; ++i) {
    const Row& w = want[i];
    const Gpu& g = got[i];
    SCOPED_TRACE(what + " row " + std::to_string(i) + " " + w.name);
    EXPECT_EQ(g.name, w.name);
    EXPECT_EQ(g.sm, w.sm);
    EXPECT_EQ(g.comm_sm, w.comm_sm);
    EXPECT_EQ(g.fp16, w.fp16);
    EXPECT_EQ(g.fp8, w.fp8);
    EXPECT_EQ(g.fp4, w.fp4);
    EXPECT_EQ(g.mem, w.mem);
    EXPECT_EQ(g.mem_bw, w.mem_bw);
    EXPECT_EQ(g.nvlink_bw, w.nvlink_bw);
    EXPECT_EQ(g.pcie_bw, w.pcie_bw);
    EXPECT_EQ(g.gpu_per_node, w.gpu_per_node);
  }
}

TEST(CatalogVersion, TheReferenceAndThe2026One) {
  ASSERT_EQ(CatalogVersions().size(), 2u);
  EXPECT_EQ(CatalogVersions()[0].id, "reference");
  EXPECT_EQ(CatalogVersions()[1].id, "2026-12");
  EXPECT_EQ(Config{}.catalog, "reference");
  EXPECT_EQ(Choices(*FindField("catalog")), (std::vector<std::string>{"reference", "2026-12"}));
  EXPECT_TRUE(BuiltinCatalog("2027").empty());
}

// A link without catalog= (every link made before the key existed) reads the reference's table,
// row by row; so does one naming it.
TEST(CatalogVersion, OldLinksReadTheReferenceTableExactly) {
  ExpectRows(ResolvedCatalog(testing::ConfigOf("v=1")), kReference, "v=1");
  ExpectRows(ResolvedCatalog(testing::ConfigOf("#v=1&seq_len=8192&gpus=H200")), kReference,
             "an old link");
  ExpectRows(ResolvedCatalog(testing::ConfigOf("v=1&catalog=reference")), kReference,
             "catalog=reference");
  ExpectRows(BuiltinCatalog(), kReference, "BuiltinCatalog()");
  // The default selection is the whole catalog, as before.
  EXPECT_EQ(SelectedGpus(testing::ConfigOf("v=1")).size(), std::size(kReference));
}

TEST(CatalogVersion, The2026RowsWithTheirFigures) {
  const Config c = testing::ConfigOf("v=1&catalog=2026-12");
  ExpectRows(ResolvedCatalog(c), k2026_12, "catalog=2026-12");
  ExpectRows(BuiltinCatalog("2026-12"), k2026_12, "BuiltinCatalog(2026-12)");
  // Empty gpus= is every GPU of the link's catalog: the new ones too.
  EXPECT_EQ(SelectedGpus(c).size(), std::size(k2026_12));
  // New GPUs by name.
  const Config named = testing::ConfigOf("v=1&catalog=2026-12&gpus=CloudMatrix384,H100");
  ASSERT_EQ(SelectedGpus(named).size(), 2u);
  EXPECT_EQ(SelectedGpus(named)[0].gpu_per_node, 384);
  EXPECT_EQ(SelectedGpus(named)[1].mem_bw, 3350);
}

// The codec writes catalog= whenever it is not the reference's, after the Hardware group's older
// keys; naming the reference is the same as not naming it.
TEST(CatalogVersion, CanonicalLinksRoundTrip) {
  const std::string link = "#v=1&catalog=2026-12&gpus=H100,MI355X&seq_len=8192";
  const Config c = testing::ConfigOf(link);
  EXPECT_EQ(c.catalog, "2026-12");
  const std::string canonical = EncodeLink(c);
  EXPECT_EQ(canonical, "v=1&seq_len=8192&gpus=H100,MI355X&catalog=2026-12");
  EXPECT_EQ(testing::ConfigOf(canonical), c);
  EXPECT_EQ(EncodeLink(testing::ConfigOf("v=1&catalog=2026-12")), "v=1&catalog=2026-12");
  EXPECT_EQ(EncodeLink(testing::ConfigOf("v=1&catalog=reference&seq_len=8192")),
            "v=1&seq_len=8192");
  // Listing every GPU of the link's catalog in order is the default, in either version.
  std::string all;
  for (const Row& r : k2026_12) all += (all.empty() ? "" : ",") + std::string(r.name);
  EXPECT_EQ(EncodeLink(testing::ConfigOf("v=1&catalog=2026-12&gpus=" + all)),
            "v=1&catalog=2026-12");
}

TEST(CatalogVersion, UnknownIdIsOneSpecificError) {
  const ParseResult r = ParseLink("v=1&catalog=2027&gpus=H200");
  ASSERT_FALSE(r.ok());
  std::string all;
  for (const ConfigError& e : r.errors) all += e.key + ": " + e.message + "\n";
  ASSERT_EQ(r.errors.size(), 1u) << all;
  EXPECT_EQ(r.errors[0].key, "catalog");
  EXPECT_EQ(r.errors[0].message, "'2027' is not known; allowed: reference, 2026-12");
  EXPECT_EQ(ParseLink("v=1&catalog=").errors.size(), 1u);
}

// A GPU only a newer version has is unknown to an old link, and the message says where it is.
TEST(CatalogVersion, NewGpuInAnOldLinkSaysWhichCatalogHasIt) {
  const ParseResult r = ParseLink("v=1&gpus=H200,MI355X");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].key, "gpus");
  EXPECT_NE(r.errors[0].message.find("unknown GPU 'MI355X'"), std::string::npos);
  EXPECT_NE(r.errors[0].message.find("catalog=2026-12"), std::string::npos);
}

TEST(CatalogVersion, HwRowsStillOverride) {
  const Config c = testing::ConfigOf(
      "v=1&catalog=2026-12&hw=H100,132,20,989,1979,0,80,3000,450,50,8&hw=MyGPU,100,10,500,1000,"
      "0,96,2000,300,50,8");
  const std::vector<Gpu> all = ResolvedCatalog(c);
  ASSERT_EQ(all.size(), std::size(k2026_12) + 1);
  EXPECT_EQ(all[12].name, "H100");  // in place
  EXPECT_EQ(all[12].mem_bw, 3000);
  EXPECT_EQ(all.back().name, "MyGPU");  // appended
  const std::vector<CatalogRow> rows = CatalogTable(c);
  ASSERT_EQ(rows.size(), all.size());
  EXPECT_EQ(rows[0].origin, "catalog 2026-12");
  EXPECT_EQ(rows[12].origin, "hw= (replaces the catalog's)");
  EXPECT_EQ(rows[12].source, "the link's hw= row");
  EXPECT_EQ(rows.back().origin, "hw= (added)");
  // The same hw= row adds H100 to the reference's catalog.
  const std::vector<CatalogRow> old =
      CatalogTable(testing::ConfigOf("v=1&hw=H100,132,20,989,1979,0,80,3000,450,50,8"));
  EXPECT_EQ(old.back().origin, "hw= (added)");
  EXPECT_EQ(old.front().origin, "catalog");
}

// Every built-in row of every version has its sources; warnings only where the model would use a
// figure unexpectedly (Rubin's unpublished SMs, MI308X's CU count, a 384-NPU domain).
TEST(CatalogVersion, SourcesAndWarningsOfEveryRow) {
  for (const CatalogVersion& v : CatalogVersions()) {
    Config c;
    c.catalog = std::string(v.id);
    for (const CatalogRow& r : CatalogTable(c)) {
      EXPECT_FALSE(r.source.empty()) << v.id << " " << r.gpu.name;
      const bool expected = r.gpu.name == "Rubin-NVL144" || r.gpu.name == "RubinU-NVL576" ||
                            r.gpu.name == "MI308X" || r.gpu.name == "CloudMatrix384";
      EXPECT_EQ(!r.warnings.empty(), expected) << v.id << " " << r.gpu.name << ": " << r.warnings;
    }
  }
}

}  // namespace
}  // namespace shallowsim
