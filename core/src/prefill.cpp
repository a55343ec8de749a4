#include "shallowsim/prefill.h"

#include <algorithm>
#include <cmath>

#include "calibrated.h"
#include "formulas.h"

namespace shallowsim {

using namespace formulas;

PrefillRow Prefill(const Model& m, const Gpu& gpu, const Scenario& s) {
  const Rates r = EffectiveRates(gpu, s.discount, /*reserve_comm_sm=*/true);
  const double seq = s.seq_len, tp = s.tp, dp = s.dp;
  const double k = m.n_activated_experts, e = m.n_routed_experts;
  PrefillRow row;
  row.gpu = gpu.name;

  const MlaWork work = MlaNonAbsorbed(m, seq, seq, s.kv_cache_rate);
  row.mla = MlaTime(work, r, MlaWeightsMiB(m), s.mla_discount);
  row.dense_mlp = DenseMlp(seq, m, r);
  row.tp_mla = TpTime(row.mla, tp, AllReduce(seq, m, r, s.min_ar_time), s.mla_static);

  const double n = tp * dp;
  const double load = ExpertWeightsMiB(m) / r.mem_bw;
  // moe_dtype: auto = the GEMM rate (FP4 where the GPU has it); fp8; fp4 where the GPU has it.
  const double moe_rate = s.moe_dtype == "fp8"                   ? r.fp8
                          : s.moe_dtype == "fp4" && r.fp4 != 0.0 ? r.fp4
                          : s.moe_dtype == "fp4"                 ? r.fp8
                                                                 : r.gemm;
  row.shared_expert = ExpertGflop(dp * seq / n, m) / moe_rate + load;
  row.routed_expert = ExpertGflop(seq * dp * k / n, m) / moe_rate + load * (e / dp / tp);

  double size = 0, bw = 0;  // MiB, GB/s
  if (gpu.gpu_per_node == 8) {
    size = 3 * (8 / tp) * seq * k / 8 * m.dim / kMiB;
    bw = 8 * r.pcie;
  } else {
    const double local = std::ceil(e / gpu.gpu_per_node);
    size = ((e - local) / e) * k * seq / tp * m.dim / kMiB;
    bw = r.nvlink;
  }
  // QUIRKS Q1: dispatch is half the volume, combine twice, on every GPU.
  row.dispatch = (size / 2) / bw + s.prefill_a2a_static;
  row.combine = (2 * size) / bw + s.prefill_a2a_static;
  PrefillTotals(row, m, seq / tp);
  return row;
}

PrefillRow PrefillOf(const Config& config, const Gpu& gpu) {
  return config.mode == "calibrated" ? calibrated::PrefillRowOf(config, gpu)
                                     : Prefill(config.model, gpu, config.scenario);
}

std::vector<PrefillRow> PrefillTable(const Config& config) {
  std::vector<PrefillRow> rows;
  for (const Gpu& gpu : SelectedGpus(config)) rows.push_back(PrefillOf(config, gpu));
  return rows;
}

}  // namespace shallowsim
