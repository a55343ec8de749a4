// Hardware catalog and effective rates (SPEC §1.2).
#pragma once

#include <string>
#include <string_view>
#include <vector>

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

// The 12 built-in GPUs of the reference datasheet, in catalog order.
std::vector<Gpu> BuiltinCatalog();

// Number of numeric fields in a `hw=` row after the name.
inline constexpr int kGpuNumericFields = 10;
// Names of the fields of a `hw=` row, name first (for messages and the form).
inline constexpr std::string_view kGpuFieldNames[kGpuNumericFields + 1] = {
    "name", "sm",     "comm_sm",   "fp16",    "fp8",         "fp4",
    "mem",  "mem_bw", "nvlink_bw", "pcie_bw", "gpu_per_node"};

// Numeric field i (0-based, after the name) of a GPU, in `hw=` order.
double GpuField(const Gpu& gpu, int i);
void SetGpuField(Gpu& gpu, int i, double value);

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
