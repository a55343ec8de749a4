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
// Catalog "reference": what the reference's figures agree and disagree with.
constexpr std::array<Source, 12> kReferenceSources = {{
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
     "TB/s, 72-GPU domain. Disagrees: 152 SMs enabled (catalog 160); 186 GB per GPU in the "
     "datasheet table (catalog 192, the nominal)."},
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

// Catalog 2026-12: where each figure comes from, and what is still assumed.
constexpr std::array<Source, 17> kSources2026_12 = {{
    {"DGX-B300",
     "NVIDIA HGX page, HGX B300 (same GPU as DGX B300): FP16/FP8 36/72 PF sparse and FP4 108 PF "
     "dense per 8 GPUs = 2,250/4,500/13,500 dense; NVLink 1.8 TB/s (900 per direction); "
     "networking 1.6 TB/s per 8 GPUs = CX8 800 Gb/s each. Blackwell Ultra: 288 GB, 8 TB/s "
     "(the HGX page's 2.1 TB per 8 GPUs is the usable part). 148 SMs enabled (device queries; "
     "160 is the full die)."},
    {"DGX-B200",
     "NVIDIA HGX page, HGX B200: 2,250/4,500/9,000 dense, 1.4 TB (180 GB), NVLink 1.8 TB/s, "
     "networking 0.8 TB/s per 8 GPUs = ConnectX-7 400 Gb/s each. 148 SMs enabled (device "
     "queries)."},
    {"GB200-NVL72",
     "NVIDIA GB200 NVL72 page: 360/720 PF sparse FP16/FP8 and 720 PF dense FP4 per 72 GPUs = "
     "2,500/5,000/10,000; 372 GB and 16 TB/s per 2-GPU superchip = 186 GB, 8 TB/s; NVLink 130 "
     "TB/s / 72. 152 SMs enabled (device queries)."},
    {"GB300-NVL72",
     "NVIDIA GB300 NVL72 page: 360/720 PF sparse FP16/FP8 and 1,080 PF dense FP4 per 72 GPUs = "
     "2,500/5,000/15,000; 576 TB/s / 72 = 8 TB/s; NVLink 130 TB/s / 72; CX8 800 Gb/s per GPU. "
     "Blackwell Ultra: 288 GB. 152 SMs enabled (device queries)."},
    {"Rubin-NVL144",
     "Per die (2 per Rubin GPU). NVIDIA Vera Rubin NVL72 page, per GPU: 4/17.5/35 PF dense "
     "FP16/FP8/NVFP4, 288 GB HBM4, 19.2 TB/s, scale-out 0.4 TB/s both directions. NVLink 6 3.6 "
     "TB/s per GPU (HGX page; the NVL72 table says 3). Assumed: 110 SMs and 12 for "
     "communication per die (unpublished)."},
    {"RubinU-NVL576",
     "Unchanged from the reference: GTC 2025 roadmap, per die (4 per package); fp8 5 EF / 576 = "
     "8,681 (catalog 13,000); SMs and FP16 unpublished."},
    {"H200",
     "NVIDIA H200: 132 SMs, 989/1,979 TFLOPS dense FP16/FP8, 141 GB HBM3e, 4.8 TB/s, NVLink 900 "
     "GB/s (450 per direction), CX7 400 Gb/s. As the reference."},
    {"H800",
     "H100 SXM silicon (3.35 TB/s; CloudMatrix384 paper Table 9) with NVLink cut to 400 GB/s "
     "(200 per direction) and eight 400G IB NICs per node (DeepSeek ISCA'25); 20 SMs for "
     "communication (DeepSeek-V3)."},
    {"H20",
     "As the reference: 148/296 TFLOPS dense FP16/FP8, 96 GB HBM3, 4.0 TB/s, NVLink 900 GB/s "
     "(vendor reports; not on an NVIDIA datasheet); 78 SMs from a benchmark listing; NIC "
     "assumed 400 Gb/s."},
    {"H20-3E", "As the reference: an H20 with 141 GB HBM3e at 4.8 TB/s; no datasheet found."},
    {"MI300X",
     "AMD ROCm spec table: 304 CUs, 1,307.4/2,614.9 TFLOPS dense FP16/FP8, 192 GB HBM3, 5.3 "
     "TB/s, Infinity Fabric 7 × 64 GB/s = 448 per direction. comm_sm (30) has no public source."},
    {"MI308X",
     "As the reference: no AMD datasheet; must stay under the US export cap (~600 TFLOPS FP8). "
     "Developer notes report 80 CUs (catalog 304); memory figures assumed as MI300X."},
    {"H100",
     "NVIDIA H100 page, H100 SXM: 1,979/3,958 TFLOPS FP16/FP8 with sparsity (989/1,979 dense), "
     "80 GB, 3.35 TB/s, NVLink 900 GB/s (450 per direction), HGX/DGX of 8; 132 SMs; 400G NIC per "
     "GPU (NVIDIA HGX reference architecture). comm_sm 20 as H800 (same die)."},
    {"MI325X",
     "AMD ROCm GPU specs: 304 CUs, 256 GB HBM3E; AMD: 6 TB/s, 1.3/2.6 PF dense FP16/FP8 (the "
     "MI300X's CUs at 2.1 GHz); Infinity Fabric 7 links as MI300X (448 per direction). "
     "Assumed: comm_sm 30 as MI300X; 400G NIC per GPU."},
    {"MI355X",
     "AMD ROCm MI350 architecture page: 256 CUs, 2.5/5.0 PF dense FP16/FP8, 10 PF MXFP4 (and "
     "MXFP6, which the catalog cannot hold), 288 GB HBM3E, 8 TB/s, 7 Infinity Fabric links at "
     "38.4 Gb/s (7 × 76.8 = 537.6 GB/s per direction), 8 per node; Pollara 400G NIC per GPU "
     "(ROCm MoRI guide). Assumed: comm_sm 32 (one XCD)."},
    {"Ascend-910C",
     "Per package (two dies; each die half of every figure). CloudMatrix384 paper (arXiv "
     "2506.12708v2 §3.3): 24 AI Cube cores per die, 128 GB, 3.2 TB/s, UB 392 GB/s per direction, "
     "RoCE 400 Gb/s per NPU, 8 NPUs per node. Atlas 800T A3: 6.0 PF FP16 / 12.0 POPS INT8 per 8 "
     "NPUs. No FP8 in hardware: fp8 holds the INT8 rate (1,504), for W8A8-INT8 serving. comm_sm "
     "0: dispatch/combine run on SDMA and vector cores (paper §4.3.2)."},
    {"CloudMatrix384",
     "Per Ascend 910C package, as Ascend-910C, in one 384-NPU Unified Bus domain (CloudMatrix384 "
     "paper §3.2–3.3: non-blocking two-tier UB, 392 GB/s per NPU per direction, under 3 % loss "
     "between nodes). gpu_per_node 384: every all-to-all up to EP 384 stays on UB."},
}};

std::span<const Source> SourcesOf(std::string_view catalog) {
  if (catalog == "2026-12") return kSources2026_12;
  if (catalog == kReferenceCatalog) return kReferenceSources;
  return {};
}

// FP8 TFLOPS per SM (CU) of the known generations: H20 3.8, MI300X 8.6, Hopper 15, CDNA4 19.7,
// Blackwell 30–34 (docs/HARDWARE.md). FP4 came with CDNA4 and Blackwell: the FP4 line sits
// between Hopper, the fastest generation without it, and CDNA4, the slowest with it.
constexpr double kMinFp8PerSm = 2, kMaxFp8PerSm = 60, kNoFp4BelowFp8PerSm = 17;

std::string Fixed1(double v) { return FormatFixed(v, 1); }

}  // namespace

std::string_view CatalogSource(std::string_view catalog, std::string_view gpu) {
  for (const Source& s : SourcesOf(catalog)) {
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
                  "(Hopper 15, MI300X 8.6, H20 3.8; with FP4: CDNA4 19.7, Blackwell 30–34): the "
                  "model then runs experts at the FP4 rate and halves their weights (set fp4 = "
                  "0?)");
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
  const std::vector<Gpu> builtin = BuiltinCatalog(c.catalog);
  const std::string catalog_origin =
      c.catalog == kReferenceCatalog ? "catalog" : "catalog " + c.catalog;
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
    r.origin = !replaced    ? catalog_origin
               : in_catalog ? "hw= (replaces the catalog's)"
                            : "hw= (added)";
    const Price p = PriceOf(c, g.name);
    r.price = p.usd;
    r.price_source = std::string(p.source);
    r.source = replaced ? "the link's hw= row" : std::string(CatalogSource(c.catalog, g.name));
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
