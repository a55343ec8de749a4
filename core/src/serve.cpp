#include "shallowsim/serve.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

#include "engine/decode_rows.h"
#include "shallowsim/calibration.h"
#include "shallowsim/decode.h"
#include "shallowsim/model_facts.h"
#include "shallowsim/number_text.h"
#include "shallowsim/plan.h"
#include "shallowsim/prefill.h"
#include "shallowsim/uncertainty.h"
#include "workload.h"

namespace shallowsim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Prompt tokens one prefill forward holds at most when prefill_tokens is 0: SGLang's
// --chunked-prefill-size default on GPUs of 160 GB or more (8192 below); vLLM and TRT-LLM use 8192
// (docs/SERVE.md cites the sources).
double DefaultChunk(const Gpu& gpu) { return gpu.mem >= 160 ? 16384 : 8192; }
// The KV cache leaves the prefill GPUs at this share of their links (DeepEP's measured share of
// NVLink and of the NIC, calibration 2026-12: 0.78 and 0.85).
constexpr double kKvLinkShare = 0.85;
constexpr int kFixedPointSteps = 12;
// A prefill pool busy this share of the time bounds a closed loop's rate (Bound "prefill").
constexpr double kSaturated = 0.95;

using detail::PrefillShaped;
using detail::Shaped;

// The decode scenario of a workload (workload.h), its view keys at their defaults.
Config DecodeBase(const Config& c) {
  Config d = detail::WorkloadDecode(c);
  d.view = View{};
  return d;
}

std::optional<DecodeRow> DecodeAt(const Config& x, const Gpu& gpu) {
  std::optional<DecodeRow> out;
  detail::DecodeScratch scratch;
  auto visit = [&](const DecodeRow& r, detail::RowIndex) { out = r; };
  detail::ForEachRowOf(x, {gpu}, scratch, visit);
  return out;
}

double Accept(const Config& c) { return MtpAccept(c.scenario); }

// What the decode side of a deployment gives at `running` requests per decode GPU.
struct DecodeStep {
  bool ok = false;
  DecodeRow row;
  double step_ms = 0;  // one step: every running request gains `accept` tokens
};
DecodeStep StepAt(const Config& base, const Gpu& gpu, double per_gpu, double ep, double tp) {
  DecodeStep out;
  const std::optional<DecodeRow> row = DecodeAt(Shaped(base, gpu, per_gpu, ep, tp), gpu);
  if (!row) return out;
  out.ok = true;
  out.row = *row;
  out.step_ms = row->tpot * Accept(base);
  return out;
}

// The largest batch per decode GPU the memory holds (whole requests over the instance).
double RunningCap(const Config& base, const Gpu& gpu, double ep, double tp, double gpus) {
  const double per_gpu = MaxBatchOf(base, gpu, ep, tp);
  return std::max(0.0, std::floor(per_gpu * gpus)) / gpus;
}

void Finish(ServeRow& row, const Config& c, const Gpu& gpu, double x_per_ms) {
  const Scenario& s = c.scenario;
  row.output_tps_per_gpu = x_per_ms * 1000 * s.osl / row.gpus;
  row.total_tps_per_gpu = x_per_ms * 1000 * (s.isl + s.osl) / row.gpus;
  row.tps_user = 1000 / row.tpot_ms;
  row.usd_per_m_output = UsdPerMillion(PriceOf(c, gpu.name).usd, row.output_tps_per_gpu);
  row.uncertainty_pct = kNaN;  // Serve() and Plan() fill it in (uncertainty.h)
}

// The requests a deployment runs at once: what memory holds, or the server's max_running cap
// (per instance, `instances` of them) where that is lower. The rest of the concurrency queues.
struct Slots {
  double n = 0;
  bool capped = false;  // max_running, not memory, sets them
};
Slots SlotsOf(const Scenario& s, double memory, double instances) {
  if (s.max_running > 0 && s.max_running * instances < memory) {
    return {s.max_running * instances, true};
  }
  return {memory, false};
}

}  // namespace

double OwnForwardsStepMs(double decode_ms, double forward, double arriving, double ms_per_token,
                         double ranks) {
  // Per step of the decode batch (every request gains its tokens), a rank prefills `arriving`
  // prompt tokens in forwards of `forward` tokens: p = arriving / forward of them. An iteration
  // lasts as long as its slowest rank ([TRTLLM] blog 10), so a prefill forward on any rank lasts
  // max(prefill, decode) for every rank; in its own the rank gains no token, in another's it
  // decodes. Of the one forward per step that gains its tokens, a share q = min(1, (ranks-1)·p)
  // is another rank's prefill (another rank prefills that often), the rest a decode forward.
  const double p = arriving / forward;
  const double prefill_forward = std::max(forward * ms_per_token, decode_ms);
  const double q = std::min(1.0, (ranks - 1) * p);
  return p * prefill_forward + q * prefill_forward + (1 - q) * decode_ms;
}

ServePoint ServeAgg(const Config& c, const Gpu& gpu, double concurrency) {
  const Scenario& s = c.scenario;
  ServePoint out;
  const double n = s.serve_tp;
  const bool dpa = s.serve_dpa != 0;
  const bool moe_tp = s.serve_ep == 1 && n > 1;
  // Decode: attention DP (each GPU its requests, experts by all-to-all) or TP over the instance
  // (every GPU holds every token; an all-reduce combines the experts, sharded or whole).
  Config base = DecodeBase(c);
  Scenario& d = base.scenario;
  d.moe_comm = dpa && !moe_tp ? MoeComm::kA2a : MoeComm::kAllReduce;
  d.moe_tp = moe_tp ? n : 1;
  // Two micro-batches only where asked for and where there is an all-to-all to hide.
  d.mbs = s.serve_tbo != 0 && d.moe_comm == MoeComm::kA2a ? 2 : 1;
  const double tp = dpa ? 1 : n;
  const double cap = RunningCap(base, gpu, n, tp, n);  // requests per GPU
  if (!(cap > 0)) {
    out.why = "agg: one request's KV cache (" + FormatNumber(s.isl + s.osl) +
              " tokens) does not fit beside the weights on " + FormatNumber(n) + " GPUs";
    return out;
  }
  // The slots: memory's limit, or the server's cap on running requests where it is lower.
  const auto [slots, capped] = SlotsOf(s, cap * n, 1);
  const double total = concurrency > 0 ? concurrency : slots;
  // Prefill on the same GPUs, one chunk of prompts per forward.
  const double accept = Accept(c);
  const double chunk = s.prefill_tokens > 0 ? s.prefill_tokens : DefaultChunk(gpu);
  const double pre_tp = dpa ? 1 : n, pre_dp = dpa ? n : 1;
  Config pre = PrefillShaped(c, gpu, pre_tp, pre_dp, 0);
  pre.scenario.moe_comm = d.moe_comm;
  pre.scenario.moe_tp = d.moe_tp;
  pre.scenario.mbs = d.mbs;
  // From 2026-12g a prompt is prefilled whole on the attention-DP rank that holds it, and with
  // serve_align=0 each rank prefills in forwards of its own (calibration.h dpa_prefill_ranks).
  const bool by_rank =
      dpa && n > 1 && c.mode == Mode::kCalibrated && CalibrationOf(c).dpa_prefill_ranks;
  const bool own_forwards = by_rank && s.serve_align == 0;
  // Mean field (AIConfigurator's mixed steps, averaged): with B requests decoding, each step
  // also prefills the B·accept/osl prompts that replace the requests it completes.
  double running = std::min(total, slots), x = 0;  // requests decoding; completions per ms
  DecodeStep step;
  PrefillRow pre_row;
  double ttft = 0, tpot = 0, per_token = 0;
  for (int i = 0; i < kFixedPointSteps; ++i) {
    const double per_gpu = std::max(running, 1.0) / n;
    step = StepAt(base, gpu, per_gpu, n, tp);
    if (!step.ok) {
      out.why = "agg: the decode batch does not fit";
      return out;
    }
    // Prompt tokens per prefill forward: those that arrive during a step, at least one prompt,
    // at most a chunk per TP group (a longer prompt runs a chunk at a time).
    const double arriving = running * accept / s.osl * s.isl;
    // A forward's prompt tokens per rank: from 2026-12g at least one whole prompt on each rank.
    const double forward = by_rank ? std::min(std::max(arriving / pre_dp, s.isl), chunk) * pre_dp
                                   : std::min(std::max(arriving, s.isl), chunk * pre_dp);
    pre.scenario.prefill_tokens = c.mode == Mode::kCalibrated ? forward / pre_dp : 0;
    pre_row = PrefillOf(pre, gpu);
    per_token = 1000 / (pre_row.prefill_tps * n);  // ms of the instance per prompt token
    // The ranks prefill together (the instance's time per prompt token), or each in its own
    // forwards while the others wait.
    const double step_ms = own_forwards
                               ? OwnForwardsStepMs(step.step_ms, forward / pre_dp, arriving / n,
                                                   1000 / pre_row.prefill_tps, n)
                               : step.step_ms + arriving * per_token;
    tpot = step_ms / accept;
    // TTFT: the step in progress, then the prompt's chunks, a decode step between two.
    const double chunks = std::ceil(s.isl / chunk);
    ttft = step.step_ms / 2 + chunks * std::min(forward, chunk * pre_dp) * per_token +
           (chunks - 1) * step.step_ms;
    const double life = ttft + s.osl * tpot;
    x = total / life;
    if (total > slots) {  // memory- or scheduler-bound: the rest wait for a slot
      x = slots / (s.osl * tpot);
      ttft = total / x - s.osl * tpot;
    }
    running = std::min(slots, x * s.osl * tpot);
  }
  ServeRow& row = out.row;
  row.serving = Serving::kAgg;
  row.gpus = n;
  row.decode_gpus = n;
  row.decode_ep = n;
  row.decode_tp = tp;
  row.concurrency = total;
  row.batch_per_gpu = running / n;
  row.ttft_ms = ttft;
  row.tpot_ms = tpot;
  row.bound = total > slots ? (capped ? "max_running" : "memory") : "decode";
  row.decode_link = detail::ViewLink(Shaped(base, gpu, running / n, n, tp), "decode");
  row.prefill_link = detail::ViewLink(pre, "prefill");
  Finish(row, c, gpu, x);
  out.ok = true;
  return out;
}

double KvTransferMs(const Config& c, const Gpu& gpu, double prefill_tp) {
  // The KV cache of a prompt crosses from its TP group to the decode GPUs.
  const ModelFacts facts = FactsOf(c);
  const double kv_bytes =
      c.scenario.isl * facts.kv_bytes_per_token + facts.kv_fixed_mib * (1 << 20);
  const bool same_domain = gpu.gpu_per_node >= 72;
  const double link = (same_domain ? gpu.nvlink_bw : gpu.pcie_bw) * kKvLinkShare * prefill_tp;
  return kv_bytes / 1e6 / link;
}

double QueuedTtftMs(double forward_ms, double rho, double kv_ms, double step_ms) {
  return forward_ms * (1 + rho / (2 * (1 - rho))) + kv_ms + step_ms;
}

ClosedLoop ClosedLoopMva(double n, double service, double delay) {
  constexpr double kExactUpTo = 100000;
  ClosedLoop out;
  if (!(n > 0) || !(service >= 0) || !std::isfinite(service) || !(delay >= 0) ||
      !std::isfinite(delay)) {
    return out;
  }
  // Exact MVA up to the whole number of requests (at most kExactUpTo): r, the time at the
  // server, and `queued`, the requests there, for `whole` requests in the loop.
  double queued = 0, r = 0;
  const double whole = std::min(std::floor(n), kExactUpTo);
  for (double k = 1; k <= whole; ++k) {
    r = service * (1 + queued);
    queued = k / (r + delay) * r;
  }
  if (n <= kExactUpTo) {
    // A fractional request: between `whole` and one more, linearly.
    if (n > whole) {
      const double next = service * (1 + queued);
      r = whole > 0 ? r + (n - whole) * (next - r) : next;
    }
  } else {
    // Past the exact range: no less than the saturated loop's n · service − delay, the limit the
    // exact recursion approaches (an unsaturated pool keeps the time it had).
    r = std::max(r, n * service - delay);
  }
  out.queue_ms = r;
  out.throughput = n / (r + delay);
  return out;
}

ServePoint ServeDisagg(const Config& c, const Gpu& gpu, double concurrency) {
  const Scenario& s = c.scenario;
  ServePoint out;
  Config base = DecodeBase(c);
  base.scenario.mbs = s.serve_tbo != 0 ? 2 : 1;
  const Scenario& d = base.scenario;
  const double tp = d.decode_tp.size() == 1 ? d.decode_tp[0] : 1;
  // The decode instance: ep when the link gives one value, else the pool, else the smallest EP
  // of the list that holds a request.
  double ep = 0;
  if (d.ep.size() == 1) {
    ep = d.ep[0];
  } else if (s.decode_gpus > 0) {
    ep = s.decode_gpus;
  } else {
    for (double e : d.ep) {
      if (RunningCap(base, gpu, e, tp, e) > 0 && (ep == 0 || e < ep)) ep = e;
    }
  }
  if (!(ep > 0) || !(RunningCap(base, gpu, ep, tp, ep) > 0)) {
    out.why = "disagg: one request's KV cache (" + FormatNumber(s.isl + s.osl) +
              " tokens) does not fit beside the weights at any EP of the link";
    return out;
  }
  const double pool = s.decode_gpus > 0 ? s.decode_gpus : ep;
  const double cap = RunningCap(base, gpu, ep, tp, pool);  // requests per decode GPU
  // The slots: memory's limit, or the server's cap on running requests (per decode instance).
  const auto [slots, capped] = SlotsOf(s, cap * pool, std::max(1.0, std::floor(pool / ep)));
  const double total = concurrency > 0 ? concurrency : slots;
  const double accept = Accept(c);
  // Prefill instances of tp × dp GPUs; a forward holds prefill_tokens per TP group (else a prompt).
  const double ptp = s.tp, pdp = s.dp, instance = ptp * pdp;
  const double forward = s.prefill_tokens > 0 ? s.prefill_tokens : s.isl;
  Config pre = PrefillShaped(c, gpu, ptp, pdp, 0);
  pre.scenario.mbs = base.scenario.mbs;
  // A prefill instance with attention TP over all its GPUs holds every token on each: its
  // experts are combined by an all-reduce.
  pre.scenario.moe_comm = pdp == 1 && ptp > 1 ? MoeComm::kAllReduce : MoeComm::kA2a;
  pre.scenario.moe_tp = 1;
  const double kv_ms = KvTransferMs(c, gpu, ptp);
  const bool closed_loop = c.mode == Mode::kCalibrated && CalibrationOf(c).closed_loop_mva;

  double running = std::min(total, slots), x = 0, prefill_gpus = s.prefill_gpus;
  DecodeStep step;
  PrefillRow pre_row;
  double ttft = 0, tpot = 0;
  std::string bound = "decode";
  for (int i = 0; i < kFixedPointSteps; ++i) {
    step = StepAt(base, gpu, std::max(running, 1.0) / pool, ep, tp);
    if (!step.ok) {
      out.why = "disagg: the decode batch does not fit";
      return out;
    }
    tpot = step.step_ms / accept;
    // One prefill forward per TP group: prefill_tokens when the link gives it, else one prompt
    // (measured disaggregated pools deliver about that: docs/SERVE.md).
    const double rate = x > 0 ? x : total / (s.osl * tpot);  // completions per ms
    pre.scenario.prefill_tokens = c.mode == Mode::kCalibrated ? forward : 0;
    pre_row = PrefillOf(pre, gpu);
    const double tokens_per_ms = pre_row.prefill_tps / 1000;  // per prefill GPU
    if (s.prefill_gpus <= 0) {  // whole instances enough for the decode pool's demand
      prefill_gpus = instance * std::max(1.0, std::ceil(rate * s.isl / (tokens_per_ms * instance)));
    }
    const double capacity = tokens_per_ms * prefill_gpus / s.isl;  // prompts per ms
    // A prompt waits for the batch in progress (M/D/1) and runs in the next.
    const double own = pre_row.sum;  // ms of the forward that holds it
    if (closed_loop) {
      // From 2026-12i the benchmark's closed loop (calibration.h): the pool serves a prompt every
      // 1 / capacity ms; the rest of its forward, the KV transfer, a decode step and the decode
      // itself are the loop's delay.
      const double service = 1 / capacity;
      const double after = std::max(own - service, 0.0) + kv_ms + step.step_ms;
      const ClosedLoop loop = ClosedLoopMva(total, service, after + s.osl * tpot);
      x = loop.throughput;
      ttft = loop.queue_ms + after;
      bound = x >= kSaturated * capacity ? "prefill" : "decode";
    } else {
      ttft = QueuedTtftMs(own, std::min(rate / capacity, 0.99), kv_ms, step.step_ms);
      x = total / (ttft + s.osl * tpot);
      bound = "decode";
      if (x > capacity) {  // the prefill pool sets the rate; prompts queue
        x = capacity;
        ttft = std::max(ttft, total / x - s.osl * tpot);
        bound = "prefill";
      }
    }
    if (total > slots && x * s.osl * tpot >= slots) {  // memory or the cap: wait for a slot
      x = std::min(x, slots / (s.osl * tpot));
      ttft = total / x - s.osl * tpot;
      bound = capped ? "max_running" : "memory";
    }
    running = std::min(slots, x * s.osl * tpot);
  }
  ServeRow& row = out.row;
  row.serving = Serving::kDisagg;
  row.prefill_gpus = prefill_gpus;
  row.decode_gpus = pool;
  row.gpus = prefill_gpus + pool;
  row.decode_ep = ep;
  row.decode_tp = tp;
  row.concurrency = total;
  row.batch_per_gpu = running / pool;
  row.ttft_ms = ttft;
  row.tpot_ms = tpot;
  row.bound = bound;
  row.decode_link = detail::ViewLink(Shaped(base, gpu, running / pool, ep, tp), "decode");
  row.prefill_link = detail::ViewLink(pre, "prefill");
  Finish(row, c, gpu, x);
  out.ok = true;
  return out;
}

namespace {
// One deployment's benchmark point, the way it serves.
ServePoint ServeAt(Serving mode, const Config& c, const Gpu& gpu, double concurrency) {
  return mode == Serving::kAgg ? ServeAgg(c, gpu, concurrency) : ServeDisagg(c, gpu, concurrency);
}

// A benchmark of num_prompts requests (N) rather than a steady stream: the server runs R of them
// at once (the client's concurrency, or the server's slots where it queues), so they pass in
// W = ceil(N / R) waves, the last of r = N − (W − 1)·R requests; a wave of c lasts c / x(c), x the
// completions per ms at c in flight. Throughput is N over the waves' time (trtllm-bench
// throughput queues its whole dataset; InferenceX runs 10 × concurrency, whole waves). TTFT and
// TPOT stay those of a full wave. N ≤ R: one wave, the N requests in flight.
ServePoint InWaves(const Config& c, const Gpu& gpu, ServePoint p) {
  const double n = c.scenario.num_prompts;
  if (!(n > 0)) return p;
  // The waves run on the deployment the steady state sized: a disaggregated row keeps its pools.
  Config same = c;
  if (p.row.serving == Serving::kDisagg) {
    same.scenario.prefill_gpus = p.row.prefill_gpus;
    same.scenario.decode_gpus = p.row.decode_gpus;
  }
  const Serving mode = p.row.serving;
  const auto at = [&](double concurrency) { return ServeAt(mode, same, gpu, concurrency); };
  // No more than N requests exist to be in flight.
  if (p.row.concurrency > n) {
    ServePoint fewer = at(n);
    if (!fewer.ok || fewer.row.gpus != p.row.gpus) return p;
    p = std::move(fewer);
  }
  const ServeRow& row = p.row;
  const bool queued = row.bound == "memory" || row.bound == "max_running";
  double r_all = queued ? row.batch_per_gpu * row.decode_gpus : row.concurrency;
  if (!(r_all > 0)) return p;
  // Whole requests: the slots' count may carry rounding from the per-GPU batch.
  if (std::abs(r_all - std::round(r_all)) < 1e-9 * r_all) r_all = std::round(r_all);
  if (n <= r_all) return p;  // one wave: the N requests in flight
  const double waves = std::ceil(n / r_all), last = n - (waves - 1) * r_all;
  if (last >= r_all) return p;  // whole waves: the steady state's rate
  const ServePoint tail = at(last);
  if (!tail.ok || tail.row.gpus != row.gpus || !(tail.row.output_tps_per_gpu > 0)) return p;
  // Completions per ms are proportional to output tokens/s per GPU (the same GPUs). A smaller
  // wave never completes requests faster than a full one.
  const double x_full = row.output_tps_per_gpu, x_last = tail.row.output_tps_per_gpu;
  const double factor =
      std::min(1.0, n / ((waves - 1) * r_all + last * std::max(x_full / x_last, 1.0)));
  const double x = row.output_tps_per_gpu * row.gpus / (1000 * c.scenario.osl);
  Finish(p.row, c, gpu, x * factor);
  p.row.tail_pct = (1 - factor) * 100;
  return p;
}
}  // namespace

ServeTable Serve(const Config& c) {
  ServeTable out;
  const std::vector<Gpu> gpus = SelectedGpus(c);
  out.gpus = GpuNames(gpus);
  for (size_t g = 0; g < gpus.size(); ++g) {
    for (Serving mode : {Serving::kAgg, Serving::kDisagg}) {
      if (c.scenario.serving != Serving::kBest && c.scenario.serving != mode) continue;
      ServePoint p = ServeAt(mode, c, gpus[g], c.scenario.concurrency);
      if (!p.ok) {
        out.misses.push_back({gpus[g].name, gpus[g].name + ": " + p.why});
        continue;
      }
      p = InWaves(c, gpus[g], std::move(p));
      p.row.gpu = static_cast<int>(g);
      p.row.uncertainty_pct =
          UncertaintyPct(c, RegimeOf(gpus[g], p.row.batch_per_gpu, c.scenario.isl + c.scenario.osl,
                                     NameOf(p.row.serving), c.preset));
      out.rows.push_back(std::move(p.row));
    }
  }
  return out;
}

double ServeNumber(const ServeRow& r, size_t column) {
  const std::array<double, kServeWidth> values = {kNaN,
                                                  kNaN,
                                                  r.gpus,
                                                  r.concurrency,
                                                  r.output_tps_per_gpu,
                                                  r.total_tps_per_gpu,
                                                  r.tps_user,
                                                  r.tpot_ms,
                                                  r.ttft_ms,
                                                  r.batch_per_gpu,
                                                  r.uncertainty_pct,
                                                  r.prefill_gpus,
                                                  r.decode_gpus,
                                                  r.decode_ep,
                                                  r.decode_tp,
                                                  kNaN,
                                                  r.tail_pct,
                                                  r.usd_per_m_output,
                                                  kNaN,
                                                  kNaN};
  return column < values.size() ? values[column] : kNaN;
}

std::string_view ServeText(const ServeTable& t, const ServeRow& r, size_t column) {
  switch (column) {
    case 0:
      return t.gpus[static_cast<size_t>(r.gpu)];
    case 1:
      return NameOf(r.serving);
    case 15:
      return r.bound;
    case 18:
      return r.decode_link;
    case 19:
      return r.prefill_link;
    default:
      return {};
  }
}

}  // namespace shallowsim
