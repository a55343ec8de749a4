#include "shallowsim/plan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>

#include "engine/decode_rows.h"
#include "order.h"
#include "shallowsim/calibration.h"
#include "shallowsim/decode.h"
#include "shallowsim/number_text.h"
#include "shallowsim/prefill.h"
#include "shallowsim/schema.h"
#include "shallowsim/serve.h"
#include "shallowsim/uncertainty.h"
#include "shallowsim/views.h"
#include "text.h"
#include "workload.h"

namespace shallowsim {

namespace {

using detail::PrefillShaped;
using detail::Shaped;
using detail::ViewLink;
using detail::WorkloadDecode;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The most a disaggregated prefill pool is loaded (as serve caps it).
constexpr double kMaxPrefillLoad = 0.99;
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

// The decode scenario of a workload (workload.h) over the planner's batch grid.
Config DecodeConfig(const Config& c) {
  Config d = WorkloadDecode(c);
  d.scenario.bs = BatchGrid();
  return d;
}

// A prefill instance that meets ttft_ms: its TP × DP and the batch with the most input per GPU.
struct PrefillOption {
  double tp = 0, dp = 0, tokens = 0, tps = 0;
  double forward_ms = 0;  // one prefill forward of the batch
  double kv_ms = 0;       // one prompt's KV crossing to the decode pool
};

struct PrefillPick {
  bool ok = false;                     // a configuration meets ttft_ms
  bool fits = false;                   // some configuration fits in memory
  double best_ttft = kInf;             // the shortest TTFT of any that fits
  double tps = 0;                      // input tokens/s per GPU of the best (for the frontier)
  std::vector<PrefillOption> options;  // per TP × DP
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
        if (pick.options.empty() || pick.options.back().tp != tp || pick.options.back().dp != dp) {
          pick.options.push_back({tp, dp, tokens, row.prefill_tps, row.sum});
        } else if (row.prefill_tps > pick.options.back().tps) {
          pick.options.back() = {tp, dp, tokens, row.prefill_tps, row.sum};
        }
        // Best: the highest input rate per GPU; with load, the fewest GPUs (then the rate).
        const double instances = s.load > 0 ? std::ceil(input_rate / (row.prefill_tps * n)) : kNaN;
        const double gpus = s.load > 0 ? instances * n : 0;
        if (!pick.ok || gpus < best_gpus || (gpus == best_gpus && row.prefill_tps > pick.tps)) {
          pick.ok = true;
          best_gpus = gpus;
          pick.tps = row.prefill_tps;
        }
      }
    }
  }
  return pick;
}

struct DecodePick {
  bool ok = false;
  bool fits = false;
  DecodeRow row;      // the best row meeting tpot_ms
  DecodeRow fastest;  // the row with the shortest TPOT (for the miss message)
  double best_gpus = kInf;
  std::vector<DecodeRow> options;  // every batch meeting tpot_ms (grid, and each EP × TP's best)
  std::vector<DecodeRow> bests;    // per EP × TP: the largest Total meeting tpot_ms
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
    // Every row meeting the target is a candidate: a smaller batch's shorter step leaves TTFT
    // more room, so the best decode Total is not always the best deployment.
    p.options.push_back(row);
    const size_t slot = (static_cast<size_t>(at.gpu) * n_ep + at.ep) * n_tp + at.tp;
    if (!found[slot] || row.total > best[slot].total) best[slot] = row;
    found[slot] = 1;
  };
  detail::ForEachRowOf(d, gpus, scratch, grid_row);
  std::vector<double> grid_best(best.size());
  for (size_t slot = 0; slot < best.size(); ++slot) grid_best[slot] = best[slot].batch;
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
    if (row.batch != grid_best[slot])
      p.options.push_back(row);  // a whole batch between grid points
    p.bests.push_back(row);
    const double instances = load > 0 ? std::ceil(load / (row.total * row.ep)) : kNaN;
    const double n = load > 0 ? instances * row.ep : 0;
    if (!p.ok || n < p.best_gpus || (n == p.best_gpus && row.total > p.row.total)) {
      p.ok = true;
      p.row = row;
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
  const std::array<double, kPlanWidth> values = {kNaN,
                                                 kNaN,
                                                 r.prefill_tp,
                                                 r.prefill_dp,
                                                 r.prefill_tokens,
                                                 r.decode_ep,
                                                 r.decode_tp,
                                                 r.batch,
                                                 r.max_batch,
                                                 r.ttft_ms,
                                                 r.tpot_ms,
                                                 r.tps_user,
                                                 r.prefill_tps,
                                                 r.decode_tps,
                                                 r.pd_ratio,
                                                 r.output_tps_per_gpu,
                                                 r.total_tps_per_gpu,
                                                 r.usd_per_gpu_hr,
                                                 r.usd_per_m_output,
                                                 r.gpus,
                                                 r.prefill_instances,
                                                 r.decode_instances,
                                                 r.usd_per_hour,
                                                 r.uncertainty_pct,
                                                 r.ideal_output_tps_per_gpu,
                                                 kNaN,
                                                 kNaN,
                                                 r.mtp,
                                                 kNaN,
                                                 kNaN,
                                                 kNaN};
  return column < values.size() ? values[column] : kNaN;
}

std::string_view PlanText(const PlanTable& t, const PlanRow& r, size_t column) {
  switch (column) {
    case 0:
      return t.gpus[static_cast<size_t>(r.gpu)];
    case 1:
      return NameOf(r.serving);
    case 25:
      return r.moe;
    case 26:
      return r.kv;
    case 28:
      return r.decode_link;
    case 29:
      return r.prefill_link;
    case 30:
      return r.serve_link;
    case 31:
      return r.limit;
    default:
      return {};
  }
}

namespace {

// The links of a disaggregated row: its decode row, its prefill batch, and one instance's sized
// deployment as a serving benchmark at the concurrency the decode pool holds.
void DisaggLinks(const Config& c, const Gpu& gpu, PlanRow& row) {
  row.decode_link =
      ViewLink(Shaped(WorkloadDecode(c), gpu, row.batch, row.decode_ep, row.decode_tp), "decode");
  const Config p = PrefillShaped(c, gpu, row.prefill_tp, row.prefill_dp, row.prefill_tokens);
  row.prefill_link = ViewLink(p, "prefill");
  Config v = c;
  v.gpus = {gpu.name};
  v.scenario.serving = Serving::kDisagg;
  v.scenario.tp = row.prefill_tp;
  v.scenario.dp = row.prefill_dp;
  v.scenario.prefill_gpus = row.prefill_instances * row.prefill_tp * row.prefill_dp;
  v.scenario.decode_gpus = row.decode_instances * row.decode_ep;
  v.scenario.ep = {row.decode_ep};
  v.scenario.decode_tp = {row.decode_tp};
  v.scenario.concurrency = std::round(row.batch * v.scenario.decode_gpus);
  v.scenario.prefill_tokens = p.scenario.prefill_tokens;
  v.scenario.serve_tbo = c.scenario.mbs >= 2 ? 1 : 0;
  v.scenario.gpus_total = 0;
  v.scenario.load = 0;
  row.serve_link = ViewLink(v, "serve");
}

// A deployment of whole instances and what it delivers.
struct Sized {
  bool ok = false;
  double nd = 0, np = 0;  // decode (agg: the) instances, prefill instances
  double gpus = 0;
  double delivered = 0;  // output tokens/s
  double rho = 0;        // disagg: the prefill pool's load
};

// Disaggregated: decode instances of `d_gpus` GPUs each giving `dtps` output tokens/s per GPU,
// prefill instances of `p_gpus` giving `ptps` input tokens/s per GPU, loaded to at most rho_max
// (so that queueing keeps TTFT on target). Without a budget or a load: one decode instance and
// the whole prefill instances it needs; with load=, the instances that sustain it; with
// gpus_total, the most output the budget holds.
Sized SizeDisagg(const Scenario& s, double d_gpus, double dtps, double p_gpus, double ptps,
                 double rho_max) {
  const double in_per_out = s.isl / s.osl;
  const auto prefill_for = [&](double decode_out) {
    return std::max(1.0, std::ceil(decode_out * in_per_out / (p_gpus * ptps * rho_max) - 1e-9));
  };
  const auto make = [&](double nd, double np) {
    Sized z;
    z.nd = nd;
    z.np = np;
    z.gpus = nd * d_gpus + np * p_gpus;
    z.delivered = nd * d_gpus * dtps;
    z.rho = z.delivered * in_per_out / (np * p_gpus * ptps);
    z.ok = nd >= 1 && np >= 1 && z.rho <= rho_max * (1 + 1e-9);
    return z;
  };
  if (s.gpus_total > 0) {
    Sized best;
    const double most = std::min(4096.0, std::floor((s.gpus_total - p_gpus) / d_gpus));
    for (double nd = 1; nd <= most; ++nd) {
      const double np = prefill_for(nd * d_gpus * dtps);
      if (nd * d_gpus + np * p_gpus > s.gpus_total) break;  // more decode needs more prefill
      best = make(nd, np);
    }
    return best;
  }
  if (s.load > 0) {
    const double nd = std::ceil(s.load / (d_gpus * dtps) - 1e-9);
    return make(nd, prefill_for(nd * d_gpus * dtps));
  }
  return make(1, prefill_for(d_gpus * dtps));
}

Sized SizeAgg(const Scenario& s, double n, double out_per_gpu) {
  Sized z;
  z.nd = s.gpus_total > 0 ? std::floor(s.gpus_total / n)
         : s.load > 0     ? std::ceil(s.load / (n * out_per_gpu) - 1e-9)
                          : 1;
  z.ok = z.nd >= 1;
  z.gpus = z.nd * n;
  z.delivered = z.gpus * out_per_gpu;
  return z;
}

// Which of two deployments is better: with a budget the most output, with a load the fewest
// GPUs (then the cheapest hour), else the most output per GPU.
bool Better(const Scenario& s, const PlanRow& a, const PlanRow& b) {
  if (s.gpus_total > 0) {
    const double da = a.output_tps_per_gpu * a.gpus, db = b.output_tps_per_gpu * b.gpus;
    return da > db || (da == db && a.gpus < b.gpus);
  }
  if (s.load > 0) return a.usd_per_hour < b.usd_per_hour;
  return a.output_tps_per_gpu > b.output_tps_per_gpu;
}

void Fill(PlanRow& row, const Config& c, const Gpu& gpu, const Sized& z) {
  const Scenario& s = c.scenario;
  const Price price = PriceOf(c, gpu.name);
  row.gpus = z.gpus;
  row.output_tps_per_gpu = z.delivered / z.gpus;
  row.total_tps_per_gpu = row.output_tps_per_gpu * (s.isl + s.osl) / s.osl;
  row.usd_per_gpu_hr = price.usd;
  row.usd_per_m_output = UsdPerMillion(price.usd, row.output_tps_per_gpu);
  row.usd_per_hour = z.gpus * price.usd;
  row.moe = Fp4Experts(s.moe_dtype, gpu) ? "fp4" : "fp8";
  row.kv = std::string(NameOf(s.kv_dtype));
  row.mtp = s.mtp;
  row.uncertainty_pct =
      UncertaintyPct(c, RegimeOf(gpu, row.batch, s.isl + s.osl, NameOf(row.serving), c.preset));
}

// The best aggregated instance of one GPU: attention TP with experts EP or TP, or attention DP
// with EP, over 8 GPUs (4 or 8 in a rack), at the most requests that meet both targets.
// Why no aggregated instance meets the targets: memory, or the fastest it gets (one request).
struct AggMiss {
  bool fits = false;
  double tpot = kInf, ttft = kInf;
};

std::optional<PlanRow> PlanAgg(const Config& c, const Gpu& gpu, AggMiss* why) {
  const Scenario& s = c.scenario;
  std::optional<PlanRow> best;
  std::vector<double> sizes = {8};
  if (gpu.gpu_per_node >= 72) sizes = {4, 8};
  if (gpu.gpu_per_node < 8) sizes = {gpu.gpu_per_node};
  for (double n : sizes) {
    if (s.gpus_total > 0 && n > s.gpus_total) continue;
    for (int layout = 0; layout < 3; ++layout) {
      Config a = c;
      a.scenario.serving = Serving::kAgg;
      a.scenario.serve_tp = n;
      a.scenario.serve_dpa = layout == 2 ? 1 : 0;
      a.scenario.serve_ep = layout == 1 ? 1 : n;
      // The same overlap as the disaggregated rows: mbs micro-batches (two-batch overlap at 2).
      a.scenario.serve_tbo = c.scenario.mbs >= 2 ? 1 : 0;
      a.scenario.max_running = 0;  // the planner sizes the batch itself (serve's cap stays there)
      // The most requests in flight whose TPOT and TTFT meet the targets (both grow with them).
      const ServePoint top = ServeAgg(a, gpu, 0);
      if (!top.ok) continue;
      why->fits = true;
      if (const ServePoint one = ServeAgg(a, gpu, 1); one.ok) {
        why->tpot = std::min(why->tpot, one.row.tpot_ms);
        why->ttft = std::min(why->ttft, one.row.ttft_ms);
      }
      const auto meets = [&](const ServePoint& p) {
        return p.ok && p.row.tpot_ms <= s.tpot_ms && p.row.ttft_ms <= s.ttft_ms;
      };
      double lo = 0, hi = top.row.concurrency;
      ServePoint at;
      if (meets(top)) {
        lo = hi;
        at = top;
      } else {
        while (hi - lo > std::max(1.0, lo / 16)) {  // within 1/16 of the best
          const double mid = std::floor((lo + hi) / 2);
          const ServePoint p = ServeAgg(a, gpu, std::max(mid, 1.0));
          if (meets(p)) {
            lo = mid;
            at = p;
          } else {
            hi = mid;
          }
        }
      }
      if (!at.ok) continue;
      const ServeRow& r = at.row;
      PlanRow row;
      row.serving = Serving::kAgg;
      row.prefill_tp = layout == 2 ? 1 : n;
      row.prefill_dp = layout == 2 ? n : 1;
      row.prefill_tokens =
          s.prefill_tokens > 0 ? s.prefill_tokens : (gpu.mem >= 160 ? 16384 : 8192);
      row.decode_ep = n;
      row.decode_tp = r.decode_tp;
      row.batch = r.batch_per_gpu;
      row.max_batch = top.row.batch_per_gpu;
      row.ttft_ms = r.ttft_ms;
      row.tpot_ms = r.tpot_ms;
      row.tps_user = r.tps_user;
      row.prefill_tps = kNaN;
      row.decode_tps = r.output_tps_per_gpu;
      row.pd_ratio = 0;
      // The most requests in flight: memory holds no more, or more would miss TPOT or TTFT.
      row.limit = meets(top) ? "memory" : "targets";
      row.ideal_output_tps_per_gpu = r.output_tps_per_gpu;
      const Sized z = SizeAgg(s, n, r.output_tps_per_gpu);
      if (!z.ok) continue;
      row.prefill_instances = 0;
      row.decode_instances = z.nd;
      row.decode_link = r.decode_link;
      row.prefill_link = r.prefill_link;
      a.scenario.concurrency = r.concurrency;
      a.gpus = {gpu.name};
      row.serve_link = ViewLink(a, "serve");
      Fill(row, c, gpu, z);
      if (!best || Better(s, row, *best)) best = row;
    }
  }
  return best;
}

}  // namespace

PlanTable Plan(const Config& c) {
  const Scenario& s = c.scenario;
  const std::vector<Gpu> gpus = SelectedGpus(c);
  PlanTable out;
  out.gpus = GpuNames(gpus);
  const bool want_disagg = s.serving != Serving::kAgg, want_agg = s.serving != Serving::kDisagg;
  const std::vector<DecodePick> decode =
      want_disagg ? PickDecode(c, gpus) : std::vector<DecodePick>(gpus.size());
  const Config d = DecodeConfig(c);
  const double context = d.scenario.seq_len;
  for (size_t g = 0; g < gpus.size(); ++g) {
    const Gpu& gpu = gpus[g];
    std::vector<PlanMiss> misses;
    const auto miss = [&](std::string key, double best, std::string message) {
      misses.push_back({gpu.name, std::move(key), best, gpu.name + ": " + std::move(message)});
    };
    std::optional<PlanRow> best;
    if (want_disagg) {
      PrefillPick prefill = PickPrefill(c, gpu);
      const DecodePick& dec = decode[g];
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
        double most = 0;
        std::string message = MemoryMiss(d, gpu, &most);
        miss("mem_util", most, "decode: " + message);
      } else if (!dec.ok) {
        const DecodeRow& f = dec.fastest;
        miss("tpot_ms", f.tpot,
             "TPOT ≥ " + Ms(f.tpot) + " at any batch at this context (" + FormatNumber(context) +
                 " tokens; fastest: batch " + FormatNumber(f.batch) + ", EP " + FormatNumber(f.ep) +
                 ", TP " + FormatNumber(f.tp) + "); target " + Ms(s.tpot_ms));
      }
      if (prefill.ok && dec.ok) {
        for (PrefillOption& p : prefill.options) p.kv_ms = KvTransferMs(c, gpu, p.tp);
        // Every decode (EP × TP) and prefill (TP × DP) pairing, sized in whole instances.
        // Each pairing is scored on what Better reads; the winner alone becomes a full row.
        const double usd = PriceOf(c, gpu.name).usd;
        struct Pairing {
          const DecodeRow* r = nullptr;
          const PrefillOption* p = nullptr;
          Sized z;
          double step_ms = 0;
          PlanRow score;
        };
        std::optional<Pairing> win;
        for (const DecodeRow& r : dec.options) {
          if (s.gpus_total > 0 && r.ep > s.gpus_total) continue;
          const double step_ms = r.tpot * MtpAccept(s);
          for (const PrefillOption& p : prefill.options) {
            // The load on the prefill pool that keeps TTFT (M/D/1, as serve) on target.
            const double room = (s.ttft_ms - p.kv_ms - step_ms) / p.forward_ms - 1;
            if (!(room > 0)) continue;
            const double rho_max = std::min(kMaxPrefillLoad, 2 * room / (1 + 2 * room));
            const Sized z = SizeDisagg(s, r.ep, r.total, p.tp * p.dp, p.tps, rho_max);
            if (!z.ok) continue;
            PlanRow score;
            score.gpus = z.gpus;
            score.output_tps_per_gpu = z.delivered / z.gpus;
            score.usd_per_hour = z.gpus * usd;
            if (!win || Better(s, score, win->score)) win = Pairing{&r, &p, z, step_ms, score};
          }
        }
        if (win) {
          const DecodeRow& r = *win->r;
          const PrefillOption& p = *win->p;
          const Sized& z = win->z;
          const Matched m = RateMatch(r.total, p.tps, s.isl, s.osl);
          PlanRow row;
          row.serving = Serving::kDisagg;
          row.prefill_tp = p.tp;
          row.prefill_dp = p.dp;
          row.prefill_tokens = p.tokens;
          row.decode_ep = r.ep;
          row.decode_tp = r.tp;
          row.batch = r.batch;
          row.max_batch = std::max(0.0, std::floor(MaxBatchOf(d, gpu, r.ep, r.tp)));
          row.ttft_ms = QueuedTtftMs(p.forward_ms, z.rho, p.kv_ms, win->step_ms);
          row.tpot_ms = r.tpot;
          row.tps_user = r.tps;
          row.prefill_tps = p.tps;
          row.decode_tps = r.total;
          row.pd_ratio = m.pd_ratio;
          row.ideal_output_tps_per_gpu = m.output_tps_per_gpu;
          row.prefill_instances = z.np;
          row.decode_instances = z.nd;
          // What stops a larger batch: memory, the TPOT target, or sizing (a smaller batch than
          // the target allows delivers more per GPU: its shorter step leaves the prefill queue
          // more room under the TTFT target, or its prefill instances round better).
          row.limit = row.batch >= row.max_batch ? "memory" : "sizing";
          for (const DecodeRow& b : dec.bests) {
            if (b.ep == r.ep && b.tp == r.tp && b.batch == r.batch && row.limit != "memory") {
              row.limit = "tpot";
            }
          }
          Fill(row, c, gpu, z);
          best = row;
        }
        if (!best && s.gpus_total > 0) {
          miss("gpus_total", s.gpus_total,
               "disagg: no prefill and decode instances meeting the targets fit in " +
                   FormatNumber(s.gpus_total) + " GPUs");
        }
      }
    }
    if (want_agg) {
      AggMiss why;
      const std::optional<PlanRow> agg = PlanAgg(c, gpu, &why);
      const std::string size =
          FormatNumber(gpu.gpu_per_node >= 72 ? 4 : std::min(8.0, gpu.gpu_per_node));
      if (agg && (!best || Better(s, *agg, *best))) {
        best = agg;
      } else if (!agg && !want_disagg) {
        if (!why.fits) {
          miss("mem_util", 0,
               "agg: one request's KV cache (" + FormatNumber(s.isl + s.osl) +
                   " tokens) does not fit beside the weights on an instance of " + size +
                   " GPUs; raise mem_util or shorten isl/osl");
        } else if (why.tpot > s.tpot_ms) {
          miss("tpot_ms", why.tpot,
               "agg: TPOT ≥ " + Ms(why.tpot) + " with one request in flight on an instance of " +
                   size + " GPUs; target " + Ms(s.tpot_ms));
        } else if (why.ttft > s.ttft_ms) {
          miss("ttft_ms", why.ttft,
               "agg: TTFT ≥ " + Ms(why.ttft) + " with one request in flight on an instance of " +
                   size + " GPUs; target " + Ms(s.ttft_ms));
        } else {
          miss("gpus_total", s.gpus_total,
               "agg: no instance of " + size +
                   " GPUs fits in gpus_total = " + FormatNumber(s.gpus_total));
        }
      }
    }
    if (!best) {
      out.misses.insert(out.misses.end(), misses.begin(), misses.end());
      continue;
    }
    if (best->serving == Serving::kDisagg) DisaggLinks(c, gpu, *best);
    best->gpu = static_cast<int>(g);
    out.rows.push_back(*best);
  }
  // Best first: the most output per GPU (with load, the cheapest fleet; with a budget, the most
  // output); then sort= if it names a plan column.
  std::vector<double> keys;
  for (const PlanRow& r : out.rows) {
    keys.push_back(s.gpus_total > 0 ? r.output_tps_per_gpu * r.gpus
                   : s.load > 0     ? -r.usd_per_hour
                                    : r.output_tps_per_gpu);
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
  p.scenario.gpus_total = 0;
  p.scenario.serving = Serving::kDisagg;  // the ratio is disaggregated serving's
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
