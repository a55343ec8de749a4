#include "shallowsim/decode.h"

#include <cmath>

#include "decode_rows.h"

namespace shallowsim {

double MaxBatch(const Model& m, const Gpu& gpu, const Scenario& s, double ep, double tp) {
  const double g = std::ceil(m.n_routed_experts / ep);
  const double x = g + 1;  // routed experts plus the shared one
  const double free_gb = gpu.mem * s.mem_util - m.other_params_gb -
                         m.mla_params_m * m.n_layers / tp / 1024 -
                         m.expert_params_m * m.n_sparse_layers() * x / 1024;
  const double kv_bytes =
      (s.seq_len + s.decode_len) * (m.kv_lora_rank + m.qk_rope_head_dim) * m.n_layers * tp;
  return free_gb * formulas::kGiB / kv_bytes;
}

double NextPow2Above(double n) {
  double p = 1;
  while (p <= n && p < 1e300) p *= 2;
  return p;
}

double GemmEfficiency(std::string_view gpu_name, double bucket) {
  return detail::GemmEfficiencyOfTable(detail::UsesH20Table(gpu_name), bucket);
}

double detail::GemmEfficiencyOfTable(bool h20_table, double bucket) {
  if (h20_table) {
    if (bucket <= 4) return 0.06;
    if (bucket <= 8) return 0.12;
    if (bucket <= 16) return 0.25;
    if (bucket <= 32) return 0.45;
    if (bucket <= 64) return 0.8;
    if (bucket <= 128) return 0.9;
    return 1.0;
  }
  if (bucket <= 8) return 0.05;
  if (bucket <= 16) return 0.08;
  if (bucket <= 32) return 0.1;
  if (bucket <= 64) return 0.2;
  if (bucket <= 128) return 0.35;
  if (bucket <= 256) return 0.4;
  if (bucket <= 512) return 0.6;
  return 0.7;
}

DecodeTable Decode(const Config& config) {
  DecodeTable table;
  const std::vector<Gpu> gpus = SelectedGpus(config);
  for (const Gpu& g : gpus) table.gpus.push_back(g.name);
  const Scenario& s = config.scenario;
  table.rows.reserve(s.ep.size() * gpus.size() * s.bs.size() * s.decode_tp.size());
  detail::DecodeScratch scratch;
  detail::ForEachDecodeRow<detail::RowsWanted::kAll>(
      config.model, gpus, s, scratch,
      [&](const DecodeRow& row, detail::RowIndex) { table.rows.push_back(row); });
  return table;
}

MaxBatchTable MaxBatchTableOf(const Config& config) {
  MaxBatchTable table;
  const std::vector<Gpu> gpus = SelectedGpus(config);
  for (size_t gi = 0; gi < gpus.size(); ++gi) {
    table.gpus.push_back(gpus[gi].name);
    for (double ep : config.scenario.ep) {
      for (double tp : config.scenario.decode_tp) {
        const double max_bs = MaxBatch(config.model, gpus[gi], config.scenario, ep, tp);
        table.rows.push_back({static_cast<int>(gi), ep, tp, std::max(0.0, std::floor(max_bs))});
      }
    }
  }
  return table;
}

}  // namespace shallowsim
