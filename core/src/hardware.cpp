#include "shallowsim/hardware.h"

#include <algorithm>
#include <array>

namespace shallowsim {

namespace {

// Catalog versions: never edit one once shipped (links name them); a correction or a new GPU is a
// new version appended to kCatalogVersions. Figures: TFLOPS dense; scale-up (nvlink_bw) per GPU,
// one direction; NIC per GPU (docs/HARDWARE.md has every figure's source).

// SPEC §1.2, golden/gpu_catalog.csv: the reference's datasheet, as published.
std::vector<Gpu> ReferenceRows() {
  return {
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
}

// 2026-12: the reference's rows corrected to the vendors' published figures (same names, same
// order), then the hardware of 2026. The Ascend rows are per package (two dies); their fp8 is the
// INT8 rate (no FP8 in hardware; W8A8-INT8 serving, as CloudMatrix-Infer runs).
std::vector<Gpu> Rows2026_12() {
  return {
      {"DGX-B300", 148, 20, 2250, 4500, 13500, 288, 8000, 900, 100, 8},
      {"DGX-B200", 148, 20, 2250, 4500, 9000, 180, 8000, 900, 50, 8},
      {"GB200-NVL72", 152, 20, 2500, 5000, 10000, 186, 8000, 900, 100, 72},
      {"GB300-NVL72", 152, 20, 2500, 5000, 15000, 288, 8000, 900, 100, 72},
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
      {"Ascend-910C", 48, 0, 752, 1504, 0, 128, 3200, 392, 50, 8},
      {"CloudMatrix384", 48, 0, 752, 1504, 0, 128, 3200, 392, 50, 384},
  };
}

// The versions, oldest first, and each one's rows (same order).
constexpr std::array<CatalogVersion, 2> kCatalogVersions = {{
    {kReferenceCatalog,
     {"The reference's datasheet (SPEC §1.2): 12 GPUs, as the original ShallowSim has them",
      "参考模型的数据表（SPEC §1.2）：12 款 GPU，与原版 ShallowSim 一致"}},
    {"2026-12",
     {"The reference's 12 GPUs corrected to the vendors' published figures (B300, GB300, B200, "
      "GB200, Rubin, H800, MI300X), then H100, MI325X, MI355X, Ascend-910C and CloudMatrix384",
      "参考模型的 12 款 GPU 按厂商公开数据修正（B300、GB300、B200、GB200、Rubin、H800、"
      "MI300X），并新增 H100、MI325X、MI355X、Ascend-910C 与 CloudMatrix384"}},
}};
constexpr std::array<std::vector<Gpu> (*)(), kCatalogVersions.size()> kCatalogRows = {ReferenceRows,
                                                                                      Rows2026_12};

}  // namespace

std::span<const CatalogVersion> CatalogVersions() { return kCatalogVersions; }

bool IsCatalogId(std::string_view id) {
  return std::any_of(kCatalogVersions.begin(), kCatalogVersions.end(),
                     [&](const CatalogVersion& v) { return v.id == id; });
}

std::vector<Gpu> BuiltinCatalog(std::string_view id) {
  for (size_t i = 0; i < kCatalogVersions.size(); ++i) {
    if (kCatalogVersions[i].id == id) return kCatalogRows[i]();
  }
  return {};
}

std::vector<Gpu> BuiltinCatalog() { return ReferenceRows(); }

namespace {
// Ranges keep every result finite (tests/core/property_test.cpp draws from them).
constexpr std::array<HwField, 11> kHwFields = {{
    {.key = "name",
     .meaning = {"GPU name: 1–32 of A-Z a-z 0-9 . _ -; a catalog name replaces that entry",
                 "GPU 名称：1–32 个 A-Z a-z 0-9 . _ - 字符；与目录同名则替换该条目"}},
    {.key = "sm",
     .unit = "SMs",
     .min = 1,
     .max = 1e6,
     .whole = true,
     .meaning = {"Streaming multiprocessors (compute units on AMD, AI Cube cores on Ascend)",
                 "SM 数（AMD 为 CU 数，昇腾为 AI Cube 核数）"},
     .member = &Gpu::sm},
    {.key = "comm_sm",
     .unit = "SMs",
     .min = 0,
     .max = 1e6,
     .whole = true,
     .meaning = {"SMs reserved for communication in prefill (less than sm)",
                 "prefill 中预留给通信的 SM 数（须小于 sm）"},
     .member = &Gpu::comm_sm},
    {.key = "fp16",
     .unit = "TFLOPS",
     .min = 0.001,
     .max = 1e7,
     .meaning = {"Dense FP16/BF16 tensor throughput (without sparsity)",
                 "FP16/BF16 稠密张量算力（不含稀疏）"},
     .member = &Gpu::fp16},
    {.key = "fp8",
     .unit = "TFLOPS",
     .min = 0.001,
     .max = 1e7,
     .meaning =
         {"Dense FP8 tensor throughput (without sparsity); the INT8 rate on GPUs without "
          "FP8 (Ascend: W8A8-INT8 serving)",
          "FP8 稠密张量算力（不含稀疏）；无 FP8 的 GPU 填 INT8 算力（昇腾：W8A8-INT8 推理）"},
     .member = &Gpu::fp8},
    {.key = "fp4",
     .unit = "TFLOPS",
     .min = 0,
     .max = 1e7,
     .meaning = {"Dense FP4 tensor throughput; 0 = no FP4 (Hopper, CDNA3)",
                 "FP4 稠密张量算力；0 = 不支持 FP4（Hopper、CDNA3）"},
     .member = &Gpu::fp4},
    {.key = "mem",
     .unit = "GB",
     .min = 0.001,
     .max = 1e6,
     .meaning = {"HBM capacity per GPU", "每卡 HBM 容量"},
     .member = &Gpu::mem},
    {.key = "mem_bw",
     .unit = "GB/s",
     .min = 0.001,
     .max = 1e7,
     .meaning = {"HBM bandwidth per GPU", "每卡 HBM 带宽"},
     .member = &Gpu::mem_bw},
    {.key = "nvlink_bw",
     .unit = "GB/s",
     .min = 0.001,
     .max = 1e7,
     .meaning = {"Scale-up bandwidth per GPU, one direction (NVLink, xGMI)",
                 "每卡单向 scale-up 带宽（NVLink、xGMI）"},
     .member = &Gpu::nvlink_bw},
    {.key = "pcie_bw",
     .unit = "GB/s",
     .min = 0.001,
     .max = 1e7,
     .meaning = {"Scale-out NIC bandwidth per GPU (400 Gb/s = 50 GB/s)",
                 "每卡 scale-out 网卡带宽（400 Gb/s = 50 GB/s）"},
     .member = &Gpu::pcie_bw},
    {.key = "gpu_per_node",
     .unit = "GPUs",
     .min = 1,
     .max = 1e6,
     .whole = true,
     .meaning = {"GPUs in one scale-up domain: 8 = HGX/DGX box; 72, 144, 576 = NVL rack (decode "
                 "traffic beyond the rack takes the NIC); any other value keeps all decode traffic "
                 "on the scale-up link",
                 "一个 scale-up 域内的 GPU 数：8 = HGX/DGX 整机；72、144、576 = NVL 机柜（decode "
                 "超出机柜的"
                 "流量走网卡）；其他取值时 decode 流量全部走 scale-up 链路"},
     .member = &Gpu::gpu_per_node},
}};
}  // namespace

std::span<const HwField> HwFields() { return kHwFields; }

bool IsGpuName(std::string_view name) {
  if (name.empty() || name.size() > kMaxGpuNameChars) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

Rates EffectiveRates(const Gpu& gpu, double discount, bool reserve_comm_sm) {
  const double comm_sm = reserve_comm_sm ? gpu.comm_sm : 0.0;
  const auto compute = [&](double peak) { return peak * discount * (gpu.sm - comm_sm) / gpu.sm; };
  Rates r;
  r.fp16 = compute(gpu.fp16);
  r.fp8 = compute(gpu.fp8);
  r.fp4 = compute(gpu.fp4);
  r.mem_bw = gpu.mem_bw * discount;
  r.nvlink = gpu.nvlink_bw * discount;
  r.pcie = gpu.pcie_bw * discount;
  r.gemm = r.fp4 != 0 ? r.fp4 : r.fp8;
  return r;
}

}  // namespace shallowsim
