#include "shallowsim/catalog.h"

#include <array>
#include <cmath>
#include <limits>

#include "shallowsim/columns.h"
#include "shallowsim/number_text.h"
#include "shallowsim/plan.h"
#include "text.h"

namespace shallowsim {

namespace {

// Per GPU: the published figures each catalog value matches and those it does not
// (docs/HARDWARE.md: NVIDIA and AMD datasheets, DeepSeek's ISCA'25 paper, Chips and Cheese,
// NVIDIA AIConfigurator and SemiAnalysis InferenceX spec tables).
struct Source {
  std::string_view gpu;
  std::string_view text;
};
constexpr std::array<Source, 12> kSources = {{
    {"DGX-B300",
     "NVIDIA Blackwell Ultra: 160 SMs, 288 GB, 8 TB/s, NVLink 1.8 TB/s (900 per direction), CX8 "
     "800 Gb/s. Disagrees: fp16/fp8 published dense 2,250/4,500 TFLOPS (catalog 3,375/7,500: "
     "Blackwell Ultra raised only FP4); fp4 13,500–14,000 for HGX/DGX (catalog 15,000, the GB300 "
     "figure)."},
    {"DGX-B200",
     "NVIDIA B200 datasheet: 2.25/4.5/9 PF dense FP16/FP8/FP4, 180 GB, 7.7–8 TB/s, NVLink 1.8 "
     "TB/s. Disagrees: 148 SMs enabled (catalog 160); DGX B200 ships ConnectX-7 400 Gb/s = 50 "
     "GB/s per GPU (catalog 100)."},
    {"GB200-NVL72",
     "NVIDIA GB200 NVL72 datasheet: 2.5/5/10 PF dense FP16/FP8/FP4 per GPU, 8 TB/s, NVLink 1.8 "
     "TB/s, 72-GPU domain. Disagrees: 148 SMs (catalog 160); 186 GB per GPU in the datasheet "
     "table (catalog 192, the nominal)."},
    {"GB300-NVL72",
     "NVIDIA Blackwell Ultra: 160 SMs, 15 PF dense FP4, 288 GB, 8 TB/s, NVLink 1.8 TB/s, CX8 800 "
     "Gb/s. Disagrees: fp16/fp8 published dense 2,500/5,000 TFLOPS (catalog 3,750/7,500)."},
    {"Rubin-NVL144",
     "GTC 2025 roadmap, per die (2 per package): 3.6 EF FP4 / 144 = 25,000, 288 GB HBM4 per "
     "package, 13 TB/s per package (CES 2026: 22 TB/s), NVLink 6 260 TB/s / 144. Disagrees: fp8 "
     "1.2 EF / 144 = 8,333 (catalog 12,800); SMs and FP16 unpublished."},
    {"RubinU-NVL576",
     "GTC 2025 roadmap, per die (4 per package): 15 EF FP4 / 576 = 26,000, ~1 TB HBM4e per "
     "package, NVLink 7. Disagrees: fp8 5 EF / 576 = 8,681 (catalog 13,000); SMs and FP16 "
     "unpublished."},
    {"H200",
     "NVIDIA H200: 132 SMs, 989/1,979 TFLOPS dense FP16/FP8, 141 GB HBM3e, 4.8 TB/s, NVLink 900 "
     "GB/s (450 per direction), CX7 400 Gb/s. All figures match."},
    {"H800",
     "H100 SXM silicon with NVLink cut to 400 GB/s (200 per direction) and eight 400G IB NICs "
     "per node (DeepSeek ISCA'25); 20 SMs for communication (DeepSeek-V3). Disagrees: mem_bw is "
     "3,350 GB/s like the H100 SXM (catalog 4,000)."},
    {"H20",
     "148/296 TFLOPS dense FP16/FP8, 96 GB HBM3, 4.0 TB/s, NVLink 900 GB/s (vendor reports; not on "
     "an NVIDIA datasheet); 78 SMs from a benchmark listing; NIC assumed 400 Gb/s."},
    {"H20-3E",
     "Reported as an H20 with 141 GB HBM3e at 4.8 TB/s; no datasheet found. Compute as H20."},
    {"MI300X",
     "AMD ROCm spec table: 304 CUs, 1,307/2,615 TFLOPS dense FP16/FP8, 192 GB HBM3, 5.3 TB/s, "
     "Infinity Fabric 7 × 64 GB/s = 448 per direction. comm_sm (30) has no public source."},
    {"MI308X",
     "No AMD datasheet; must stay under the US export cap (~600 TFLOPS FP8). Developer notes "
     "report 80 CUs (catalog 304: the MI300X count); memory figures assumed as MI300X."},
}};

// FP8 TFLOPS per SM (CU) of the known generations: H20 3.8, MI300X 8.6, Hopper 15, Blackwell
// 28–34 (docs/HARDWARE.md).
constexpr double kMinFp8PerSm = 2, kMaxFp8PerSm = 60, kNoFp4BelowFp8PerSm = 20;

std::string Fixed1(double v) { return FormatFixed(v, 1); }

}  // namespace

std::string_view CatalogSource(std::string_view gpu) {
  for (const Source& s : kSources) {
    if (s.gpu == gpu) return s.text;
  }
  return {};
}

std::vector<std::string> GpuWarnings(const Gpu& g) {
  std::vector<std::string> out;
  const double per_sm = g.sm > 0 ? g.fp8 / g.sm : 0;
  if (g.fp4 > 0 && per_sm < kNoFp4BelowFp8PerSm) {
    out.push_back("fp4 = " + FormatNumber(g.fp4) + " on a GPU with " + Fixed1(per_sm) +
                  " FP8 TFLOPS per SM, the compute of a generation without FP4 tensor cores "
                  "(Hopper 15, MI300X 8.6, H20 3.8; Blackwell 28–34): the model then runs "
                  "experts at the FP4 rate and halves their weights (set fp4 = 0?)");
  }
  if (g.gpu_per_node != 8 && g.gpu_per_node != 72 && g.gpu_per_node != 144 &&
      g.gpu_per_node != 576) {
    out.push_back("gpu_per_node = " + FormatNumber(g.gpu_per_node) +
                  ": the model distinguishes only 8-GPU boxes and 72/144/576-GPU racks; any other "
                  "value sends all decode all-to-all over NVLink, even beyond the node (QUIRKS "
                  "Q14, Q15)");
  }
  if (g.sm > 0 && (per_sm < kMinFp8PerSm || per_sm > kMaxFp8PerSm)) {
    out.push_back(Fixed1(per_sm) +
                  " FP8 TFLOPS per SM is outside every known GPU (H20 3.8 to "
                  "Blackwell 34): check fp8 and sm");
  }
  if (g.fp16 > g.fp8) {
    out.push_back("fp16 (" + FormatNumber(g.fp16) + ") above fp8 (" + FormatNumber(g.fp8) +
                  "): every known GPU has fp8 = 2 × fp16; swapped?");
  }
  return out;
}

std::vector<CatalogRow> CatalogTable(const Config& c) {
  std::vector<CatalogRow> out;
  const std::vector<Gpu>& builtin = BuiltinCatalog();
  for (const Gpu& g : ResolvedCatalog(c)) {
    CatalogRow r;
    r.gpu = g;
    bool in_catalog = false, replaced = false;
    for (const Gpu& b : builtin) {
      if (b.name == g.name) in_catalog = true;
    }
    for (const Gpu& h : c.hw) {
      if (h.name == g.name) replaced = true;
    }
    r.origin = !replaced ? "catalog" : in_catalog ? "hw= (replaces the catalog's)" : "hw= (added)";
    const Price p = PriceOf(c, g.name);
    r.price = p.usd;
    r.price_source = std::string(p.source);
    r.source = replaced ? "the link's hw= row" : std::string(CatalogSource(g.name));
    r.warnings = text::Join(GpuWarnings(g), "; ");
    out.push_back(std::move(r));
  }
  return out;
}

std::string_view CatalogText(const CatalogRow& r, size_t column) {
  const std::string_view name = CatalogColumns()[column].name;
  if (name == "GPU") return r.gpu.name;
  if (name == "origin") return r.origin;
  if (name == "price_source") return r.price_source;
  if (name == "source") return r.source;
  if (name == "warnings") return r.warnings;
  return {};
}

double CatalogNumber(const CatalogRow& r, size_t column) {
  const std::string_view name = CatalogColumns()[column].name;
  for (const HwField& h : HwFields()) {
    if (h.member && h.key == name) return r.gpu.*h.member;
  }
  if (name == "USD_per_GPU_hr") return r.price;
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace shallowsim
