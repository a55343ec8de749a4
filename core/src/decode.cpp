#include "shallowsim/decode.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/decode_rows.h"
#include "shallowsim/number_text.h"

namespace shallowsim {

namespace detail {

void ForEachRowOf(const Config& c, const std::vector<Gpu>& gpus, DecodeScratch& scratch,
                  RowVisitor visit) {
  ForEachRow<RowsWanted::kAll>(c, gpus, scratch, visit);
}

}  // namespace detail

double MaxBatch(const Model& m, const Gpu& gpu, const Scenario& s, double ep, double tp) {
  Config c;
  c.model = m;
  c.scenario = s;
  return MaxBatchOf(c, gpu, ep, tp);
}

double MaxBatchOf(const Config& config, const Gpu& gpu, double ep, double tp) {
  return engine::MaxBatch(engine::MethodOf(config), gpu, ep, tp);
}

double NextPow2Above(double n) {
  double p = 1;
  while (p <= n && p < 1e300) p *= 2;
  return p;
}

double GemmEfficiency(std::string_view gpu_name, double bucket) {
  return detail::GemmEfficiencyOfTable(gpu_name.find("H20") != std::string_view::npos, bucket);
}

DecodeTable Decode(const Config& config) {
  DecodeTable table;
  const std::vector<Gpu> gpus = SelectedGpus(config);
  for (const Gpu& g : gpus) table.gpus.push_back(g.name);
  const Scenario& s = config.scenario;
  table.rows.reserve(s.ep.size() * gpus.size() * s.bs.size() * s.decode_tp.size());
  detail::DecodeScratch scratch;
  auto keep = [&](const DecodeRow& row, detail::RowIndex) { table.rows.push_back(row); };
  detail::ForEachRowOf(config, gpus, scratch, keep);
  return table;
}

MaxBatchTable MaxBatchTableOf(const Config& config) {
  MaxBatchTable table;
  const std::vector<Gpu> gpus = SelectedGpus(config);
  for (size_t gi = 0; gi < gpus.size(); ++gi) {
    table.gpus.push_back(gpus[gi].name);
    for (double ep : config.scenario.ep) {
      for (double tp : config.scenario.decode_tp) {
        const double max_bs = MaxBatchOf(config, gpus[gi], ep, tp);
        table.rows.push_back({static_cast<int>(gi), ep, tp, std::max(0.0, std::floor(max_bs))});
      }
    }
  }
  return table;
}

std::vector<FitNote> FitNotes(const Config& config) {
  std::vector<FitNote> out;
  const Scenario& s = config.scenario;
  if (s.bs.empty() || s.ep.empty() || s.decode_tp.empty()) return out;
  const double min_batch = *std::min_element(s.bs.begin(), s.bs.end());
  const double context = s.seq_len + s.decode_len;
  Config other = config;
  other.scenario.mem_util = s.mem_util + 0.5;
  for (const Gpu& gpu : SelectedGpus(config)) {
    // Max batch is linear in usable memory: (mem·u − fixed) / kv. Two utilisations give the
    // fixed memory and the KV of one request in whichever mode computes them. The EP/TP shown
    // is the one closest to fitting the smallest batch.
    FitNote n;
    bool fits = false, first = true;
    for (double ep : s.ep) {
      for (double tp : s.decode_tp) {
        const double b = MaxBatchOf(config, gpu, ep, tp);
        if (min_batch <= b) fits = true;
        const double kv = gpu.mem * 0.5 / (MaxBatchOf(other, gpu, ep, tp) - b);
        const double fixed = gpu.mem * s.mem_util - b * kv;
        const double needed = (fixed + min_batch * kv) / gpu.mem;
        if (first || needed < n.mem_util_needed) {
          first = false;
          n.ep = ep;
          n.tp = tp;
          n.kv_gb = kv;
          n.fixed_gb = fixed;
          n.mem_util_needed = needed;
          n.max_batch = std::max(0.0, std::floor(b));
        }
      }
    }
    if (fits) continue;
    n.gpu = gpu.name;
    n.usable_gb = gpu.mem * s.mem_util;
    n.min_batch = min_batch;
    n.max_context =
        std::max(0.0, std::floor((n.usable_gb - n.fixed_gb) / (min_batch * n.kv_gb / context)));
    const auto gb = [](double v) { return FormatFixed(v, v < 10 ? 2 : 1) + " GB"; };
    std::string m = gpu.name + ": nothing fits — weights and fixed memory " + gb(n.fixed_gb) +
                    " per GPU (at EP " + FormatNumber(n.ep) + ", TP " + FormatNumber(n.tp) +
                    ") + " + FormatNumber(min_batch) + " × " + gb(n.kv_gb) +
                    " of KV cache per request (" + FormatNumber(context) +
                    " tokens) = " + gb(n.fixed_gb + min_batch * n.kv_gb) + " > " + gb(n.usable_gb) +
                    " usable (" + FormatNumber(gpu.mem) + " GB × mem_util " +
                    FormatNumber(s.mem_util) + "). ";
    if (n.fixed_gb >= n.usable_gb) {
      m += "The weights alone do not fit";
    } else {
      m += "Fits: " + FormatNumber(n.max_batch) + " requests per GPU at this context, or " +
           FormatNumber(min_batch) + " requests up to " + FormatNumber(n.max_context) +
           " tokens each";
    }
    m += n.mem_util_needed <= 1
             ? "; batch " + FormatNumber(min_batch) + " needs mem_util ≥ " +
                   FormatFixed(std::ceil(n.mem_util_needed * 1000) / 1000, 3) + "."
             : "; batch " + FormatNumber(min_batch) + " does not fit on this GPU at any mem_util.";
    n.message = std::move(m);
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace shallowsim
