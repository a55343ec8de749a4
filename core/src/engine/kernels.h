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

// An all-to-all of `bytes` per GPU over `ep` GPUs, without its fixed time: the share bound for
// GPUs in the same scale-up domain on NVLink, the rest on the NIC, both at once (Q14); kept, the
// seed's one link.
inline double AllToAllRoofMs(double bytes, double ep, const Gpu& gpu, const Calibration& cal,
                             const Fixes& fix, double experts_per_gpu, double n_experts) {
  const double nvlink = gpu.nvlink_bw * cal.nvlink, nic = gpu.pcie_bw * cal.nic;
  if (!fix.q14) {
    double bw = nvlink;
    if (gpu.gpu_per_node == 8) {
      bw = n_experts / experts_per_gpu == 8 ? nvlink : nic;
    } else if ((gpu.gpu_per_node == 72 || gpu.gpu_per_node == 144 || gpu.gpu_per_node == 576) &&
               ep > gpu.gpu_per_node) {
      bw = nic;
    }
    return Ms(bytes, bw);
  }
  const double domain = std::min(gpu.gpu_per_node, ep);
  const double local = bytes * (domain - 1) / ep, remote = bytes * (ep - domain) / ep;
  return std::max(Ms(local, nvlink), Ms(remote, nic));
}
inline double AllToAllMs(double bytes, double ep, const Gpu& gpu, const Calibration& cal,
                         const Fixes& fix, double experts_per_gpu, double n_experts) {
  if (ep <= 1) return 0;
  return cal.a2a_floor_ms + AllToAllRoofMs(bytes, ep, gpu, cal, fix, experts_per_gpu, n_experts);
}

// Ring all-reduce of `bytes` over t GPUs on NVLink.
inline double AllReduceMs(double bytes, double t, const Gpu& gpu, const Calibration& cal) {
  if (t <= 1) return 0;
  return cal.allreduce_floor_ms + Ms(2 * (t - 1) / t * bytes, gpu.nvlink_bw * cal.nvlink);
}

// A kernel's time in two parts: the rooflines, which a serving system slows by in_situ, and the
// kernels' fixed times (calibration.h in_situ_floors).
struct Cost {
  double roof = 0;
  double floor = 0;
  Cost& operator+=(const Cost& o) {
    roof += o.roof;
    floor += o.floor;
    return *this;
  }
};
// The time in a serving system.
inline double InSitu(const Calibration& cal, const Cost& c) {
  const double floors = cal.in_situ_floors < 0 ? cal.in_situ : cal.in_situ_floors;
  return c.roof * cal.in_situ + c.floor * floors;
}

inline Cost GemmCost(double gflop, double weight_bytes, double peak_tflops, double rows,
                     double hbm_gbs, const GemmFit& fit, double compute, double kernels) {
  const double memory = Ms(weight_bytes, hbm_gbs * fit.bw);
  const double math = gflop / (peak_tflops * compute * TileShare(rows, fit.block_m));
  return {std::max(memory, math), kernels * fit.floor_ms};
}

inline Cost AllReduceCost(double bytes, double t, const Gpu& gpu, const Calibration& cal) {
  if (t <= 1) return {};
  return {Ms(2 * (t - 1) / t * bytes, gpu.nvlink_bw * cal.nvlink), cal.allreduce_floor_ms};
}

enum class Phase { kDispatch, kCombine };

// The fixed time of one all-to-all phase over `ep` GPUs (calibration.h A2aFloor).
inline double A2aFloorMs(const Calibration& cal, const Gpu& gpu, double ep, Phase phase) {
  if (cal.a2a_box.dispatch <= 0) return cal.a2a_floor_ms;
  const A2aFloor* f = &cal.a2a_rdma_64;
  if (ep <= gpu.gpu_per_node) {
    f = gpu.gpu_per_node >= 72 ? &cal.a2a_rack : gpu.fp4 > 0 ? &cal.a2a_box_fp4 : &cal.a2a_box;
  } else if (ep <= 16) {
    f = &cal.a2a_rdma_16;
  } else if (ep <= 32) {
    f = &cal.a2a_rdma_32;
  }
  return phase == Phase::kDispatch ? f->dispatch : f->combine;
}

// AllToAllMs as a Cost, the floor of its phase.
inline Cost AllToAllCost(double bytes, double ep, const Gpu& gpu, const Calibration& cal,
                         const Fixes& fix, double experts_per_gpu, double n_experts, Phase phase) {
  if (ep <= 1) return {};
  return {AllToAllRoofMs(bytes, ep, gpu, cal, fix, experts_per_gpu, n_experts),
          A2aFloorMs(cal, gpu, ep, phase)};
}

// The decode attention kernel's KV stream / HBM bandwidth for `requests` per call (calibration.h
// KvStream); `flat` where the calibration has no table or the GPU's kernels are not NVIDIA's.
inline double KvStreamShare(const Calibration& cal, const Gpu& gpu, double kv_bytes,
                            double requests, double flat) {
  const bool blackwell = gpu.fp4 > 0;
  const KvStream& t = blackwell ? (kv_bytes == 1 ? cal.kv_blackwell_fp8 : cal.kv_blackwell_bf16)
                                : (kv_bytes == 1 ? cal.kv_hopper_fp8 : cal.kv_hopper_bf16);
  if (t.b1 <= 0 || InKernelClass(cal, gpu)) return flat;
  const double x = std::log2(std::max(requests, 1.0));  // 0 at 1, 2 at 4, 4 at 16
  if (x <= 2) return t.b1 + (t.b4 - t.b1) * x / 2;
  if (x <= 4) return t.b4 + (t.b16 - t.b4) * (x - 2) / 2;
  return t.b16;
}

// The share of a GPU's experts that `tokens` routed tokens reach, each choosing k of E experts
// uniformly (the expected number of distinct experts E·(1 − (1 − k/E)^n); group-limited routing
// leaves the expectation unchanged).
inline double TouchedShare(double k, double e, double tokens) {
  if (tokens <= 0) return 0;
  return 1 - std::pow(1 - std::min(k / e, 1.0), tokens);
}

}  // namespace shallowsim::engine
