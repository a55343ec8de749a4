// How a method times a kernel: the calibrated rooflines (calibration.h GemmFit) beside the seed's
// formulas (formulas.h). Internal to the core.
#pragma once

#include <algorithm>
#include <cmath>

#include "method.h"

namespace shallowsim::engine {

// An FP8 activation row carries one FP32 scale per 128 elements (DeepEP dispatch: 7168 + 224 B).
inline constexpr double kFp8RowBytes = 1.0 + 4.0 / 128;

inline double Ms(double bytes, double gb_per_s) { return bytes / 1e6 / gb_per_s; }  // → ms

// The share of tensor-core tiles that m rows fill.
inline double TileShare(double m, double block) {
  if (m <= 0) return 1;
  return m / (block * std::ceil(m / block));
}

// A GEMM's roofline (calibration.h GemmFit): the longer of streaming the weights and computing,
// plus the kernels' fixed time.
inline double GemmMs(double gflop, double weight_bytes, double peak_tflops, double rows,
                     double hbm_gbs, const GemmFit& fit, double compute, double kernels) {
  const double memory = Ms(weight_bytes, hbm_gbs * fit.bw);
  const double math = gflop / (peak_tflops * compute * TileShare(rows, fit.block_m));
  return std::max(memory, math) + kernels * fit.floor_ms;
}

// QUIRKS Q5 kept: rows per expert read as the seed's bucket (next power of two strictly above).
inline double BucketRows(double m) {
  double p = 1;
  while (p <= std::floor(m) && p < 1e300) p *= 2;
  return p;
}

// An all-to-all of `bytes` per GPU over `ep` GPUs: the share bound for GPUs in the same scale-up
// domain on NVLink, the rest on the NIC, both at once (Q14); kept, the seed's one link.
inline double AllToAllMs(double bytes, double ep, const Gpu& gpu, const Calibration& cal,
                         const Fixes& fix, double experts_per_gpu, double n_experts) {
  if (ep <= 1) return 0;
  const double nvlink = gpu.nvlink_bw * cal.nvlink, nic = gpu.pcie_bw * cal.nic;
  if (!fix.q14) {
    double bw = nvlink;
    if (gpu.gpu_per_node == 8) {
      bw = n_experts / experts_per_gpu == 8 ? nvlink : nic;
    } else if ((gpu.gpu_per_node == 72 || gpu.gpu_per_node == 144 || gpu.gpu_per_node == 576) &&
               ep > gpu.gpu_per_node) {
      bw = nic;
    }
    return cal.a2a_floor_ms + Ms(bytes, bw);
  }
  const double domain = std::min(gpu.gpu_per_node, ep);
  const double local = bytes * (domain - 1) / ep, remote = bytes * (ep - domain) / ep;
  return cal.a2a_floor_ms + std::max(Ms(local, nvlink), Ms(remote, nic));
}

// Ring all-reduce of `bytes` over t GPUs on NVLink.
inline double AllReduceMs(double bytes, double t, const Gpu& gpu, const Calibration& cal) {
  if (t <= 1) return 0;
  return cal.allreduce_floor_ms + Ms(2 * (t - 1) / t * bytes, gpu.nvlink_bw * cal.nvlink);
}

}  // namespace shallowsim::engine
