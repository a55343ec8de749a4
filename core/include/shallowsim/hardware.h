// Hardware catalog, the fields of a `hw=` row, and effective rates (SPEC §1.2).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "shallowsim/bilingual.h"

namespace shallowsim {

// One accelerator as the reference datasheet describes it.
struct Gpu {
  std::string name;
  double sm = 0;            // streaming multiprocessors
  double comm_sm = 0;       // SMs reserved for communication in prefill
  double fp16 = 0;          // TFLOPS
  double fp8 = 0;           // TFLOPS
  double fp4 = 0;           // TFLOPS, 0 = unsupported
  double mem = 0;           // GB
  double mem_bw = 0;        // GB/s
  double nvlink_bw = 0;     // GB/s, scale-up
  double pcie_bw = 0;       // GB/s, scale-out NIC per GPU
  double gpu_per_node = 0;  // 8 = DGX/HGX box; 72/144/576 = NVL rack

  friend bool operator==(const Gpu&, const Gpu&) = default;
};

// A version of the built-in catalog. A link names the one it computes with (`catalog=`), so a
// correction or a new GPU ships as a new version and never changes an old link's numbers; a link
// without the key reads the reference's (docs/LINKS.md, docs/HARDWARE.md). Versions are never
// edited once shipped.
struct CatalogVersion {
  std::string_view id;  // catalog=
  Text about;           // what it holds, against the version before it
};
// The id a link without `catalog=` reads: the reference's datasheet (SPEC §1.2).
inline constexpr std::string_view kReferenceCatalog = "reference";
// Every version, oldest first; the first is the reference's.
std::span<const CatalogVersion> CatalogVersions();
bool IsCatalogId(std::string_view id);

// The built-in GPUs of catalog `id`, in catalog order (empty for an unknown id).
std::vector<Gpu> BuiltinCatalog(std::string_view id);
// The reference's 12 GPUs (SPEC §1.2): BuiltinCatalog(kReferenceCatalog).
std::vector<Gpu> BuiltinCatalog();

// One field of a `hw=` row, in link order: the name, then the numbers. The one place their
// names, units, ranges and meanings are written (validation, the form and `schema` read it).
struct HwField {
  std::string_view key;
  std::string_view unit;
  double min = 0;  // allowed range (numbers only)
  double max = 0;
  bool whole = false;  // a whole number
  Text meaning;
  double Gpu::*member = nullptr;  // nullptr for the name
};

// The 11 fields of a `hw=` row: name, sm, comm_sm, fp16, fp8, fp4, mem, mem_bw, nvlink_bw,
// pcie_bw, gpu_per_node.
std::span<const HwField> HwFields();
inline constexpr size_t kMaxGpuNameChars = 32;
// 1–32 of A-Z a-z 0-9 . _ -
bool IsGpuName(std::string_view name);

// Achievable rates after the datasheet discount (SPEC §1.2).
struct Rates {
  double fp16 = 0;    // TFLOPS
  double fp8 = 0;     // TFLOPS
  double fp4 = 0;     // TFLOPS, 0 = unsupported
  double mem_bw = 0;  // GB/s
  double nvlink = 0;  // GB/s
  double pcie = 0;    // GB/s
  double gemm = 0;    // TFLOPS used by MLP/MoE GEMMs: fp4 if supported, else fp8
};

// SPEC §1.2: prefill reserves comm_sm SMs for communication; decode uses all SMs.
Rates EffectiveRates(const Gpu& gpu, double discount, bool reserve_comm_sm);

}  // namespace shallowsim
