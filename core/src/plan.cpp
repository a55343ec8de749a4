#include "shallowsim/plan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "engine/decode_rows.h"
#include "order.h"
#include "shallowsim/decode.h"
#include "shallowsim/number_text.h"
#include "shallowsim/prefill.h"
#include "shallowsim/schema.h"
#include "shallowsim/views.h"
#include "text.h"

namespace shallowsim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
// Decode batches per GPU the planner tries: every whole number to 16, then 8 steps per octave
// (16, 18, …, 30, 32, 36, …) up to 4096; memory decides where each GPU stops.
const std::vector<double>& BatchGrid() {
  static const std::vector<double> grid = [] {
    std::vector<double> out;
    for (double b = 1; b <= 4096;) {
      out.push_back(b);
      b += std::max(1.0, std::exp2(std::floor(std::log2(b)) - 3));
    }
    return out;
  }();
  return grid;
}

// The decode scenario of a workload: attention reads the mean KV length of a request's decode
// (isl + ⌊osl/2⌋, whole tokens so that the decode view's link reproduces it); the memory check
// holds its longest (isl + osl).
Config DecodeConfig(const Config& c) {
  Config d = c;
  Scenario& s = d.scenario;
  const double half = std::floor(s.osl / 2);
  s.seq_len = s.isl + half;
  s.decode_len = s.osl - half;
  s.bs = BatchGrid();
  s.tps_limit = 0;
  return d;
}

struct PrefillPick {
  bool ok = false;          // a configuration meets ttft_ms
  bool fits = false;        // some configuration fits in memory
  double best_ttft = kInf;  // the shortest TTFT of any that fits
  double tp = 0, dp = 0, tokens = 0, ttft = 0, tps = 0;
  double instances = kNaN;  // with load
};

// Every prefill configuration of one GPU that fits in memory: attention TP 1–8 (within a node),
// DP a power of two up to 64 with TP·DP ≤ the routed experts; in calibrated mode batches of
// 1, 2, 4, … prompts up to kMaxPrefillTokens per TP group (the reference has one prompt).
PrefillPick PickPrefill(const Config& c, const Gpu& gpu) {
  const Scenario& s = c.scenario;
  Config p = c;
  p.scenario.seq_len = s.isl;
  p.scenario.decode_len = 0;
  const bool batches = c.mode == Mode::kCalibrated;
  const double input_rate = s.load * s.isl / s.osl;  // input tokens/s the prefill pool serves
  PrefillPick pick;
  double best_gpus = kInf;
  for (double tp = 1; tp <= 8 && tp <= gpu.gpu_per_node; tp *= 2) {
    for (double dp = 1; dp <= 64 && tp * dp <= c.model.n_routed_experts; dp *= 2) {
      const double n = tp * dp;
      p.scenario.tp = tp;
      p.scenario.dp = dp;
      const double room = MaxBatchOf(p, gpu, n, tp);  // prompts per GPU that fit
      for (double prompts = 1;; prompts *= 2) {
        const double tokens = prompts * s.isl;
        if (prompts > 1 && (!batches || tokens > kMaxPrefillTokens)) break;
        if (!(prompts / tp <= room)) break;
        pick.fits = true;
        p.scenario.prefill_tokens = batches ? tokens : 0;
        const PrefillRow row = PrefillOf(p, gpu);
        const double ttft = kTtftQueueFactor * row.sum;
        pick.best_ttft = std::min(pick.best_ttft, ttft);
        if (!(ttft <= s.ttft_ms)) continue;
        // Best: the highest input rate per GPU; with load, the fewest GPUs (then the rate).
        const double instances = s.load > 0 ? std::ceil(input_rate / (row.prefill_tps * n)) : kNaN;
        const double gpus = s.load > 0 ? instances * n : 0;
        if (!pick.ok || gpus < best_gpus || (gpus == best_gpus && row.prefill_tps > pick.tps)) {
          pick.ok = true;
          best_gpus = gpus;
          pick.tp = tp;
          pick.dp = dp;
          pick.tokens = tokens;
          pick.ttft = ttft;
          pick.tps = row.prefill_tps;
          pick.instances = instances;
        }
      }
    }
  }
  return pick;
}

struct DecodePick {
  bool ok = false;
  bool fits = false;
  DecodeRow row;            // the best row meeting tpot_ms
  DecodeRow fastest;        // the row with the shortest TPOT (for the miss message)
  double instances = kNaN;  // with load
  double best_gpus = kInf;
};

// The best decode row per GPU meeting tpot_ms: the largest Total; with load, the fewest GPUs
// (then the largest Total). Also each GPU's fastest row. The batch grid is searched first; then,
// for each (EP, TP), every whole batch between its best grid batch and the next grid batch, so
// the plan's batch is the best whole number, not a grid point.
std::vector<DecodePick> PickDecode(const Config& c, const std::vector<Gpu>& gpus) {
  Config d = DecodeConfig(c);
  const double load = c.scenario.load, target = c.scenario.tpot_ms;
  const size_t n_ep = d.scenario.ep.size(), n_tp = d.scenario.decode_tp.size();
  std::vector<DecodePick> picks(gpus.size());
  // Per GPU × EP × TP: the grid row with the largest Total meeting the target.
  std::vector<DecodeRow> best(gpus.size() * n_ep * n_tp);
  std::vector<char> found(best.size());
  detail::DecodeScratch scratch;
  auto grid_row = [&](const DecodeRow& row, detail::RowIndex at) {
    DecodePick& p = picks[static_cast<size_t>(at.gpu)];
    if (!p.fits || row.tpot < p.fastest.tpot) p.fastest = row;
    p.fits = true;
    if (!(row.tpot <= target)) return;
    const size_t slot = (static_cast<size_t>(at.gpu) * n_ep + at.ep) * n_tp + at.tp;
    if (!found[slot] || row.total > best[slot].total) best[slot] = row;
    found[slot] = 1;
  };
  detail::ForEachRowOf(d, gpus, scratch, grid_row);
  const std::vector<double>& grid = BatchGrid();
  const std::vector<double> eps = d.scenario.ep, tps = d.scenario.decode_tp;
  for (size_t slot = 0; slot < best.size(); ++slot) {
    if (!found[slot]) continue;
    const size_t g = slot / (n_ep * n_tp);
    // The whole batches up to the next grid batch, for this GPU, EP and TP only.
    const double b = best[slot].batch;
    const auto next = std::upper_bound(grid.begin(), grid.end(), b);
    if (next != grid.end() && *next - b > 1) {
      d.scenario.bs.clear();
      for (double x = b + 1; x < *next; ++x) d.scenario.bs.push_back(x);
      d.scenario.ep = {eps[(slot / n_tp) % n_ep]};
      d.scenario.decode_tp = {tps[slot % n_tp]};
      auto gap_row = [&](const DecodeRow& row, detail::RowIndex) {
        if (row.tpot <= target && row.total > best[slot].total) {
          best[slot] = row;
          best[slot].gpu = static_cast<int>(g);
        }
      };
      detail::ForEachRowOf(d, {gpus[g]}, scratch, gap_row);
    }
    DecodePick& p = picks[g];
    const DecodeRow& row = best[slot];
    const double instances = load > 0 ? std::ceil(load / (row.total * row.ep)) : kNaN;
    const double n = load > 0 ? instances * row.ep : 0;
    if (!p.ok || n < p.best_gpus || (n == p.best_gpus && row.total > p.row.total)) {
      p.ok = true;
      p.row = row;
      p.instances = instances;
      p.best_gpus = n;
    }
  }
  return picks;
}

std::string Ms(double v) { return FormatFixed(v, v < 100 ? 1 : 0) + " ms"; }

// The largest decode batch per GPU that fits over the config's EP and TP values.
std::string MemoryMiss(const Config& d, const Gpu& gpu, double* best) {
  *best = -kInf;
  double at_ep = 0, at_tp = 0;
  for (double ep : d.scenario.ep) {
    for (double tp : d.scenario.decode_tp) {
      const double b = MaxBatchOf(d, gpu, ep, tp);
      if (b > *best) {
        *best = b;
        at_ep = ep;
        at_tp = tp;
      }
    }
  }
  const double context = d.scenario.seq_len + d.scenario.decode_len;
  return "one request's KV cache (" + FormatNumber(context) +
         " tokens) does not fit beside the weights at any EP/TP: the most that fits is " +
         FormatFixed(std::max(*best, 0.0), 2) + " requests per GPU (EP " + FormatNumber(at_ep) +
         ", TP " + FormatNumber(at_tp) + "); raise mem_util, use more EP, or shorten isl/osl";
}

}  // namespace

// ---- Rate matching -----------------------------------------------------------------------------

Matched RateMatch(double decode_tps, double prefill_tps, double isl, double osl) {
  Matched m;
  // A decode GPU emits decode_tps output tokens/s, so it finishes decode_tps/osl requests/s,
  // whose prompts are decode_tps·isl/osl input tokens/s: the prefill GPUs that produce them.
  m.pd_ratio = decode_tps * (isl / osl) / prefill_tps;
  m.output_tps_per_gpu = decode_tps / (1 + m.pd_ratio);
  m.total_tps_per_gpu = m.output_tps_per_gpu * (isl + osl) / osl;
  return m;
}

double UsdPerMillion(double usd_per_gpu_hr, double tps_per_gpu) {
  return usd_per_gpu_hr * 1e6 / (3600 * tps_per_gpu);
}

// ---- The plan
// ------------------------------------------------------------------------------------

double PlanValue(const PlanRow& r, size_t column) {
  const std::array<double, kPlanWidth - 1> values = {r.prefill_tp,        r.prefill_dp,
                                                     r.prefill_tokens,    r.decode_ep,
                                                     r.decode_tp,         r.batch,
                                                     r.max_batch,         r.ttft_ms,
                                                     r.tpot_ms,           r.tps_user,
                                                     r.prefill_tps,       r.decode_tps,
                                                     r.pd_ratio,          r.output_tps_per_gpu,
                                                     r.total_tps_per_gpu, r.usd_per_gpu_hr,
                                                     r.usd_per_m_output,  r.gpus,
                                                     r.prefill_instances, r.decode_instances,
                                                     r.usd_per_hour};
  return column >= 1 && column <= values.size() ? values[column - 1] : kNaN;
}

PlanTable Plan(const Config& c) {
  const Scenario& s = c.scenario;
  const std::vector<Gpu> gpus = SelectedGpus(c);
  PlanTable out;
  out.gpus = GpuNames(gpus);
  const std::vector<DecodePick> decode = PickDecode(c, gpus);
  const Config d = DecodeConfig(c);
  const double context = d.scenario.seq_len;
  for (size_t g = 0; g < gpus.size(); ++g) {
    const Gpu& gpu = gpus[g];
    const PrefillPick prefill = PickPrefill(c, gpu);
    const DecodePick& dec = decode[g];
    const auto miss = [&](std::string key, double best, std::string message) {
      out.misses.push_back({gpu.name, std::move(key), best, gpu.name + ": " + std::move(message)});
    };
    if (!prefill.fits) {
      miss("mem_util", 0,
           "prefill: the weights and one " + FormatNumber(s.isl) +
               "-token prompt do not fit at any TP (1–8) × DP (1–64)");
    } else if (!prefill.ok) {
      miss("ttft_ms", prefill.best_ttft,
           "TTFT ≥ " + Ms(prefill.best_ttft) + " with any prefill TP/DP (" + FormatNumber(s.isl) +
               "-token prompt); target " + Ms(s.ttft_ms));
    }
    if (!dec.fits) {
      double best = 0;
      std::string message = MemoryMiss(d, gpu, &best);
      miss("mem_util", best, "decode: " + message);
    } else if (!dec.ok) {
      const DecodeRow& f = dec.fastest;
      miss("tpot_ms", f.tpot,
           "TPOT ≥ " + Ms(f.tpot) + " at any batch at this context (" + FormatNumber(context) +
               " tokens; fastest: batch " + FormatNumber(f.batch) + ", EP " + FormatNumber(f.ep) +
               ", TP " + FormatNumber(f.tp) + "); target " + Ms(s.tpot_ms));
    }
    if (!prefill.ok || !dec.ok) continue;

    const DecodeRow& r = dec.row;
    const Matched m = RateMatch(r.total, prefill.tps, s.isl, s.osl);
    const Price price = PriceOf(c, gpu.name);
    PlanRow row;
    row.gpu = static_cast<int>(g);
    row.prefill_tp = prefill.tp;
    row.prefill_dp = prefill.dp;
    row.prefill_tokens = prefill.tokens;
    row.decode_ep = r.ep;
    row.decode_tp = r.tp;
    row.batch = r.batch;
    row.max_batch = std::max(0.0, std::floor(MaxBatchOf(d, gpu, r.ep, r.tp)));
    row.ttft_ms = prefill.ttft;
    row.tpot_ms = r.tpot;
    row.tps_user = r.tps;
    row.prefill_tps = prefill.tps;
    row.decode_tps = r.total;
    row.pd_ratio = m.pd_ratio;
    row.output_tps_per_gpu = m.output_tps_per_gpu;
    row.total_tps_per_gpu = m.total_tps_per_gpu;
    row.usd_per_gpu_hr = price.usd;
    row.usd_per_m_output = UsdPerMillion(price.usd, m.output_tps_per_gpu);
    row.gpus = row.prefill_instances = row.decode_instances = row.usd_per_hour = kNaN;
    if (s.load > 0) {
      row.prefill_instances = prefill.instances;
      row.decode_instances = dec.instances;
      row.gpus = prefill.instances * prefill.tp * prefill.dp + dec.instances * r.ep;
      row.usd_per_hour = row.gpus * price.usd;
    }
    out.rows.push_back(row);
  }
  // Best first: the most output per GPU (with load, the cheapest fleet); then sort= if it names
  // a plan column.
  std::vector<double> keys;
  for (const PlanRow& r : out.rows) {
    keys.push_back(s.load > 0 ? -r.usd_per_hour : r.output_tps_per_gpu);
  }
  detail::Permute(out.rows, detail::StableOrder(keys, /*descending=*/true));
  return ShownPlan(c, out);
}

// ---- The trade-off
// -------------------------------------------------------------------------------

std::vector<PlanCurve> PlanFrontier(const Config& c) {
  const Scenario& s = c.scenario;
  const std::vector<Gpu> gpus = SelectedGpus(c);
  const Config d = DecodeConfig(c);
  std::vector<std::vector<DecodeRow>> rows(gpus.size());
  detail::DecodeScratch scratch;
  auto keep = [&](const DecodeRow& row, detail::RowIndex at) {
    rows[static_cast<size_t>(at.gpu)].push_back(row);
  };
  detail::ForEachRowOf(d, gpus, scratch, keep);
  // The plan's own row (its batch a whole number between grid points) is on the curve, so that
  // at the TPOT target the curve gives the table's number.
  const std::vector<DecodePick> picks = PickDecode(c, gpus);
  std::vector<PlanCurve> out;
  for (size_t g = 0; g < gpus.size(); ++g) {
    PlanCurve curve;
    curve.gpu = gpus[g].name;
    const PrefillPick prefill = PickPrefill(c, gpus[g]);
    if (prefill.ok) {
      std::vector<DecodeRow>& list = rows[g];
      if (picks[g].ok) list.push_back(picks[g].row);
      // Fastest first; keep a row when its Total beats every faster row's.
      std::vector<double> tps;
      for (const DecodeRow& r : list) tps.push_back(r.tps);
      detail::Permute(list, detail::StableOrder(tps, /*descending=*/true));
      const double usd = PriceOf(c, curve.gpu).usd;
      double best = -kInf;
      for (const DecodeRow& r : list) {
        if (!(r.total > best)) continue;
        best = r.total;
        const Matched m = RateMatch(r.total, prefill.tps, s.isl, s.osl);
        curve.tps_user.push_back(r.tps);
        curve.output_tps_per_gpu.push_back(m.output_tps_per_gpu);
        curve.usd_per_m_output.push_back(UsdPerMillion(usd, m.output_tps_per_gpu));
      }
      std::reverse(curve.tps_user.begin(), curve.tps_user.end());
      std::reverse(curve.output_tps_per_gpu.begin(), curve.output_tps_per_gpu.end());
      std::reverse(curve.usd_per_m_output.begin(), curve.usd_per_m_output.end());
    }
    out.push_back(std::move(curve));
  }
  return out;
}

PlanRatios PlanRatioCurve(const Config& c) {
  PlanRatios out;
  const std::vector<Gpu> gpus = SelectedGpus(c);
  out.gpus = GpuNames(gpus);
  out.ratios = {0.125, 0.25, 0.5, 1, 2, 4, 8};
  out.pd.assign(gpus.size(), std::vector<double>(out.ratios.size(), kNaN));
  const double context = c.scenario.isl + c.scenario.osl;
  Config p = c;
  p.scenario.load = 0;
  p.view.sort.clear();
  p.view.only_gpu.clear();
  for (size_t i = 0; i < out.ratios.size(); ++i) {
    const double r = out.ratios[i];
    p.scenario.osl = std::max(1.0, std::round(context / (1 + r)));
    p.scenario.isl = std::max(1.0, context - p.scenario.osl);
    const PlanTable plan = Plan(p);
    for (const PlanRow& row : plan.rows) out.pd[static_cast<size_t>(row.gpu)][i] = row.pd_ratio;
  }
  return out;
}

}  // namespace shallowsim
