#include "shallowsim/hardware.h"

namespace shallowsim {

std::vector<Gpu> BuiltinCatalog() {
  // SPEC §1.2, golden/gpu_catalog.csv.
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

namespace {
double Gpu::*const kFieldMembers[kGpuNumericFields] = {
    &Gpu::sm,  &Gpu::comm_sm, &Gpu::fp16,      &Gpu::fp8,     &Gpu::fp4,
    &Gpu::mem, &Gpu::mem_bw,  &Gpu::nvlink_bw, &Gpu::pcie_bw, &Gpu::gpu_per_node};
}  // namespace

double GpuField(const Gpu& gpu, int i) { return gpu.*kFieldMembers[i]; }
void SetGpuField(Gpu& gpu, int i, double value) { gpu.*kFieldMembers[i] = value; }

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
