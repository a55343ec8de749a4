#include "shallowsim/reality.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include "reality_data.h"
#include "shallowsim/calibration.h"
#include "shallowsim/columns.h"
#include "shallowsim/decode.h"
#include "shallowsim/model.h"
#include "shallowsim/number_text.h"
#include "shallowsim/prefill.h"
#include "shallowsim/schema.h"
#include "shallowsim/serve.h"
#include "text.h"

namespace shallowsim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Prefill batches the sources do not state: SGLang's own (16,384 tokens per GPU per batch, the
// H100 blog of 2025-05-05, the one source that states it).
constexpr double kAssumedPrefillTokens = 16384;
// Input length of the production prefill figure, not stated (DeepSeek's decode mean KV 4,989).
constexpr double kAssumedIsl = 4096;

// RFC 4180 fields of one record; `at` moves past it.
std::vector<std::string> Record(std::string_view text, size_t& at) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (quoted) {
      if (c == '"' && at + 1 < text.size() && text[at + 1] == '"') {
        field += '"';
        ++at;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      ++at;
      break;
    } else if (c != '\r') {
      field += c;
    }
  }
  fields.push_back(std::move(field));
  return fields;
}

double Number(const std::string& s) {
  const std::optional<double> v = ReadDecimal(s);
  return v ? *v : kNaN;
}

std::vector<Deployment> Parse(std::string_view text) {
  std::vector<Deployment> out;
  size_t at = 0;
  const std::vector<std::string> header = Record(text, at);
  const auto col = [&](std::string_view name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  while (at < text.size()) {
    const std::vector<std::string> f = Record(text, at);
    if (f.size() != header.size()) continue;
    // A column the file lacks reads as empty.
    const auto s = [&](std::string_view name) {
      const size_t c = col(name);
      return c < f.size() ? f[c] : std::string();
    };
    const auto n = [&](std::string_view name) { return Number(s(name)); };
    out.push_back({s("id"),         s("tier"),      s("phase"),        s("source"),
                   s("date"),       s("hardware"),  s("gpu"),          s("hw"),
                   n("ep"),         n("tp"),        n("dp"),           n("bs_per_gpu"),
                   n("isl"),        n("osl"),       n("kv_len"),       n("mtp"),
                   n("mtp_accept"), s("moe_dtype"), s("kv_dtype"),     n("mbs"),
                   n("measured"),   s("unit"),      n("per_user_tps"), s("notes"),
                   n("in_sample"),  s("link"),      s("framework"),    n("prefill_tokens")});
  }
  return out;
}

std::string ModeKeys(const Config& base, std::string_view mode, const std::string& framework) {
  std::string keys = "&mode=" + std::string(mode);
  if (mode == "calibrated") keys += "&cal=" + std::string(CalibrationOf(base).id);
  if (mode == "calibrated" && !framework.empty()) keys += "&framework=" + framework;
  return keys;
}

// The deployment's scenario as a config in `mode` (without the batch for decode).
std::optional<Config> ScenarioOf(const Deployment& d, const Config& base, std::string_view mode) {
  if (!d.link.empty()) {
    ParseResult r = ParseLink(d.link + ModeKeys(base, mode, d.framework));
    if (!r.ok()) return std::nullopt;
    return std::move(*r.config);
  }
  std::string link = "v=1" + ModeKeys(base, mode, d.framework);
  if (!d.hw.empty()) link += "&hw=" + d.hw;
  link += "&gpus=" + d.gpu + "&moe_dtype=" + d.moe_dtype + "&kv_dtype=" + d.kv_dtype;
  const auto num = [&](const char* key, double v) {
    if (std::isfinite(v)) link += std::string("&") + key + "=" + FormatNumber(v);
  };
  if (d.phase == "decode") {
    num("ep", d.ep);
    num("decode_tp", d.tp);
    num("mbs", d.mbs);
    num("seq_len", d.kv_len);
    num("decode_len", std::max(0.0, d.isl + d.osl - d.kv_len));
    num("mtp", d.mtp);
    num("mtp_accept", d.mtp_accept);
    link += "&view=decode";
  } else {
    num("seq_len", std::isfinite(d.isl) ? d.isl : kAssumedIsl);
    num("tp", d.tp);
    num("dp", d.dp);
    num("mbs", d.mbs);
    link += "&kv_cache_rate=0&view=prefill";
  }
  ParseResult r = ParseLink(link);
  if (!r.ok()) return std::nullopt;
  return std::move(*r.config);
}

std::optional<double> DecodeTotal(const Config& c) {
  const DecodeTable t = Decode(c);
  if (t.rows.empty()) return std::nullopt;
  return t.rows.front().total;
}

}  // namespace

const std::vector<Deployment>& Deployments() {
  static const std::vector<Deployment> rows = Parse(detail::kDeploymentsCsv);
  return rows;
}

double ErrorPct(double predicted, double measured) {
  return (predicted - measured) / measured * 100;
}

namespace {

// What a serve row predicts of a benchmark: its input + output or its output tokens per GPU.
std::optional<double> ServeValue(const Config& c, const Deployment& d) {
  const ServeTable t = Serve(c);
  if (t.rows.empty()) return std::nullopt;
  const ServeRow& r = t.rows.front();
  return d.unit.find("input+output") != std::string::npos ? r.total_tps_per_gpu
                                                          : r.output_tps_per_gpu;
}

// A row given by its link: the decode, prefill or serve table's first row.
void PredictFromLink(RealityRow& row, const Deployment& d, const Config& ref, const Config& cal) {
  row.isl = std::isfinite(d.isl) ? d.isl : ref.scenario.isl;
  row.batch = d.bs_per_gpu;
  const auto predict = [&](const Config& c) -> std::optional<double> {
    if (d.phase == "serve") return ServeValue(c, d);
    if (d.phase == "prefill") {
      const std::vector<PrefillRow> p = PrefillTable(c);
      if (p.empty()) return std::nullopt;
      return p.front().prefill_tps;
    }
    return DecodeTotal(c);
  };
  row.reference = predict(ref);
  row.calibrated = predict(cal);
  row.link = EncodeLink(cal);
  row.model = cal.preset;
}

}  // namespace

std::vector<RealityRow> Reality(const Config& config) {
  std::vector<RealityRow> out;
  for (const Deployment& d : Deployments()) {
    RealityRow row;
    row.deployment = &d;
    std::optional<Config> ref = ScenarioOf(d, config, "reference");
    std::optional<Config> cal = ScenarioOf(d, config, "calibrated");
    if (!ref || !cal) continue;
    if (!d.link.empty()) {
      PredictFromLink(row, d, *ref, *cal);
      out.push_back(std::move(row));
      continue;
    }
    if (d.phase == "decode") {
      row.isl = d.isl;
      row.batch = d.bs_per_gpu;
      if (!std::isfinite(row.batch)) {
        // Not stated: the largest batch that fits in both modes, as the sources fill the KV cache.
        const Gpu gpu = SelectedGpus(*ref).front();
        row.batch = std::floor(
            std::min(MaxBatchOf(*ref, gpu, d.ep, d.tp), MaxBatchOf(*cal, gpu, d.ep, d.tp)));
        row.assumed = "batch " + FormatNumber(row.batch) + " (not stated): the largest that fits";
      }
      for (Config* c : {&*ref, &*cal}) c->scenario.bs = {row.batch};
      if (row.batch >= 1) {
        row.reference = DecodeTotal(*ref);
        row.calibrated = DecodeTotal(*cal);
      }
    } else {
      row.isl = std::isfinite(d.isl) ? d.isl : kAssumedIsl;
      if (!std::isfinite(d.isl)) row.assumed = "input length 4096 (not stated); ";
      row.batch = std::isfinite(d.prefill_tokens) ? d.prefill_tokens : kAssumedPrefillTokens;
      if (!std::isfinite(d.prefill_tokens)) row.assumed += "16384 tokens per batch (not stated)";
      cal->scenario.prefill_tokens = row.batch;
      ref->scenario.prefill_tokens = row.batch;
      row.reference = PrefillTable(*ref).front().prefill_tps;
      row.calibrated = PrefillTable(*cal).front().prefill_tps;
    }
    Config shown = *cal;
    if (d.phase == "decode") shown.scenario.bs = {row.batch};
    row.link = EncodeLink(shown);
    row.model = cal->preset;
    out.push_back(std::move(row));
  }
  return out;
}

std::string_view RealityText(const RealityRow& row, size_t column) {
  const Deployment& d = *row.deployment;
  const std::string_view name = RealityColumns()[column].name;
  if (name == "id") return d.id;
  if (name == "tier") return d.tier;
  if (name == "in_sample") return d.in_sample == 1 ? "1" : "0";
  if (name == "phase") return d.phase;
  if (name == "model") return row.model;
  if (name == "GPU") return d.gpu;
  if (name == "moe_dtype") return d.moe_dtype;
  if (name == "kv_dtype") return d.kv_dtype;
  if (name == "unit") return d.unit;
  if (name == "assumed") return row.assumed;
  if (name == "source") return d.source;
  if (name == "link") return row.link;
  return {};
}

double RealityNumber(const RealityRow& row, size_t column) {
  const Deployment& d = *row.deployment;
  const std::string_view name = RealityColumns()[column].name;
  const auto err = [&](const std::optional<double>& p) {
    return p ? ErrorPct(*p, d.measured) : kNaN;
  };
  if (name == "EP") return d.ep;
  if (name == "TP") return d.tp;
  if (name == "DP") return d.dp;
  if (name == "batch") return row.batch;
  if (name == "isl") return row.isl;
  if (name == "osl") return d.osl;
  if (name == "kv_len") return d.kv_len;
  if (name == "mtp") return d.mtp;
  if (name == "mtp_accept") return d.mtp_accept;
  if (name == "mbs") return d.mbs;
  if (name == "measured") return d.measured;
  if (name == "reference") return row.reference.value_or(kNaN);
  if (name == "calibrated") return row.calibrated.value_or(kNaN);
  if (name == "err_reference_pct") return err(row.reference);
  if (name == "err_calibrated_pct") return err(row.calibrated);
  return kNaN;
}

std::vector<CorrectionEffect> CorrectionEffects(const Config& config) {
  Config on = config;
  on.mode = Mode::kCalibrated;
  on.keep.clear();
  const DecodeTable base = Decode(on);
  const std::vector<PrefillRow> base_prefill = PrefillTable(on);
  const auto median = [](std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  };
  std::vector<CorrectionEffect> out;
  for (const Quirk& q : Quirks()) {
    if (!q.corrected) continue;
    Config off = on;
    off.keep = {std::string(q.id)};
    const DecodeTable t = Decode(off);
    std::vector<double> decode;
    size_t rows = 0;
    std::map<std::tuple<int, double, double, double>, double> totals;  // (gpu, ep, bs, tp)
    for (const DecodeRow& r : t.rows) totals[{r.gpu, r.ep, r.batch, r.tp}] = r.total;
    for (const DecodeRow& r : base.rows) {
      const auto it = totals.find({r.gpu, r.ep, r.batch, r.tp});
      if (it == totals.end()) continue;  // fits one way only
      const double change = ErrorPct(it->second, r.total);
      if (std::abs(change) > 1e-9) decode.push_back(change);
      ++rows;
    }
    std::vector<double> prefill;
    const std::vector<PrefillRow> p = PrefillTable(off);
    for (size_t i = 0; i < p.size(); ++i) {
      const double change = ErrorPct(p[i].prefill_tps, base_prefill[i].prefill_tps);
      if (std::abs(change) > 1e-9) prefill.push_back(change);
    }
    out.push_back({.id = std::string(q.id),
                   .decode_rows = rows,
                   .decode_changed = decode.size(),
                   .decode_total_pct = median(decode),
                   .prefill_gpus = p.size(),
                   .prefill_changed = prefill.size(),
                   .prefill_tps_pct = median(prefill)});
  }
  return out;
}

RealityStats StatsOf(const std::vector<RealityRow>& rows, const RealityFilter& filter) {
  std::vector<double> ref, cal;
  for (const RealityRow& r : rows) {
    if (filter.tiers.find(r.deployment->tier) == std::string_view::npos) continue;
    if (filter.out_of_sample && r.deployment->in_sample == 1) continue;
    if (!filter.phase.empty() && r.deployment->phase != filter.phase) continue;
    if (!filter.model.empty() && r.model != filter.model) continue;
    if (!r.reference || !r.calibrated) continue;
    ref.push_back(std::abs(ErrorPct(*r.reference, r.deployment->measured)));
    cal.push_back(std::abs(ErrorPct(*r.calibrated, r.deployment->measured)));
  }
  RealityStats s;
  s.rows = ref.size();
  const auto median = [](std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  };
  s.median_reference = median(ref);
  s.median_calibrated = median(cal);
  for (double v : ref) s.worst_reference = std::max(s.worst_reference, v);
  for (double v : cal) s.worst_calibrated = std::max(s.worst_calibrated, v);
  return s;
}

std::vector<std::string> RealityModels(const std::vector<RealityRow>& rows) {
  std::vector<std::string> out;
  for (const Preset& p : Presets()) {
    const auto runs = [&](const RealityRow& r) { return r.model == p.name; };
    if (std::any_of(rows.begin(), rows.end(), runs)) out.emplace_back(p.name);
  }
  return out;
}

}  // namespace shallowsim
