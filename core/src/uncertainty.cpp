#include "shallowsim/uncertainty.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include "reality_data.h"
#include "shallowsim/calibration.h"
#include "shallowsim/number_text.h"
#include "shallowsim/reality.h"
#include "text.h"

namespace shallowsim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::string_view kAny = "*";

double Median(std::vector<double> v) {
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string ModeKey(const Config& c) {
  return c.mode == Mode::kReference ? "reference"
                                    : "calibrated:" + std::string(CalibrationOf(c).id);
}

// The groups a regime widens to, narrowest first: within the model's own rows, then over every
// model's.
std::array<Regime, 9> Widened(const Regime& r) {
  const std::string any(kAny);
  return {{r,
           {r.model, r.family, r.batch, any, r.serving},
           {r.model, r.family, any, any, r.serving},
           {r.model, any, any, any, r.serving},
           {any, r.family, r.batch, r.context, r.serving},
           {any, r.family, r.batch, any, r.serving},
           {any, r.family, any, any, r.serving},
           {any, any, any, any, r.serving},
           {any, any, any, any, any}}};
}

using Key =
    std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;
Key KeyOf(std::string_view mode, const Regime& r) {
  return {std::string(mode), r.model, r.family, r.batch, r.context, r.serving};
}

// The regime of a reality row.
std::optional<Regime> RegimeOfRow(const RealityRow& row) {
  const Deployment& d = *row.deployment;
  const ParseResult p = ParseLink(row.link);
  if (!p.ok()) return std::nullopt;
  const Config& c = *p.config;
  const std::vector<Gpu> gpus = SelectedGpus(c);
  if (gpus.empty()) return std::nullopt;
  const Scenario& s = c.scenario;
  if (d.phase == "serve") {
    return RegimeOf(gpus.front(), row.batch, s.isl + s.osl, NameOf(s.serving), c.preset);
  }
  if (d.phase == "prefill") return RegimeOf(gpus.front(), 0, s.seq_len, "prefill", c.preset);
  return RegimeOf(gpus.front(), row.batch, s.seq_len, "decode", c.preset);
}

// The embedded band table (core/data/embed_uncertainty.py): a header naming the modes after the
// regime key and its rows, then a line per regime with each mode's median |error| ("" = none,
// "median:rows" = that mode's own count). Lines come out in ComputeUncertainty's order.
}  // namespace

std::vector<UncertaintyLine> ParseEmbeddedUncertainty(std::string_view text) {
  constexpr size_t kKey = 5;  // model, family, batch, context, serving
  std::vector<UncertaintyLine> out;
  std::vector<std::string> modes;
  for (std::string_view line : text::Split(text, '\n')) {
    if (line.empty()) continue;
    const std::vector<std::string_view> f = text::Split(line, ',');
    if (f.size() < kKey + 1) continue;
    if (modes.empty()) {
      for (size_t i = kKey + 1; i < f.size(); ++i) modes.emplace_back(f[i]);
      continue;
    }
    const double rows = ReadDecimal(f[kKey]).value_or(0);
    for (size_t i = kKey + 1; i < f.size() && i - kKey - 1 < modes.size(); ++i) {
      if (f[i].empty()) continue;
      const std::vector<std::string_view> cell = text::Split(f[i], ':');
      UncertaintyLine u;
      u.mode = modes[i - kKey - 1];
      u.regime = {std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]),
                  std::string(f[4])};
      u.rows = cell.size() > 1 ? ReadDecimal(cell[1]).value_or(0) : rows;
      u.median_abs_error_pct = ReadDecimal(cell[0]).value_or(kNaN);
      out.push_back(std::move(u));
    }
  }
  std::sort(out.begin(), out.end(), [](const UncertaintyLine& a, const UncertaintyLine& b) {
    return KeyOf(a.mode, a.regime) < KeyOf(b.mode, b.regime);
  });
  return out;
}

std::string FamilyOf(const Gpu& gpu) {
  const double per_sm = gpu.sm > 0 ? gpu.fp8 / gpu.sm : 0;
  if (gpu.name.rfind("MI", 0) == 0) return "amd";
  if (gpu.name.rfind("Ascend", 0) == 0 || gpu.name.rfind("CloudMatrix", 0) == 0) return "ascend";
  if (gpu.fp4 > 0) return "blackwell";
  if (per_sm < 6) return "light";
  return "hopper";
}

Regime RegimeOf(const Gpu& gpu, double batch_per_gpu, double context, std::string_view serving,
                std::string_view model) {
  Regime r;
  r.model = std::string(model);
  r.family = FamilyOf(gpu);
  r.batch = serving == "prefill" ? "prefill" : batch_per_gpu <= 32 ? "small" : "large";
  r.context = context <= 8192 ? "short" : "long";
  r.serving = std::string(serving);
  return r;
}

std::vector<UncertaintyLine> ComputeUncertainty() {
  std::vector<std::pair<std::string, Config>> modes;
  {
    Config ref;
    modes.emplace_back("reference", ref);
    for (const Calibration& cal : Calibrations()) {
      Config c;
      c.mode = Mode::kCalibrated;
      c.cal = std::string(cal.id);
      modes.emplace_back("calibrated:" + std::string(cal.id), c);
    }
  }
  std::map<Key, std::vector<double>> errors;
  for (const auto& [key, config] : modes) {
    const bool reference = config.mode == Mode::kReference;
    for (const RealityRow& row : Reality(config)) {
      const std::optional<double>& p = reference ? row.reference : row.calibrated;
      if (!p) continue;
      const std::optional<Regime> regime = RegimeOfRow(row);
      if (!regime) continue;
      const double e = std::abs(ErrorPct(*p, row.deployment->measured));
      for (const Regime& g : Widened(*regime)) errors[KeyOf(key, g)].push_back(e);
    }
  }
  std::vector<UncertaintyLine> out;
  for (const auto& [k, v] : errors) {
    // A group with fewer rows is never a band (UncertaintyPct widens past it): not shipped.
    if (static_cast<double>(v.size()) < kMinRows) continue;
    UncertaintyLine u;
    u.mode = std::get<0>(k);
    u.regime = {std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k), std::get<5>(k)};
    u.rows = static_cast<double>(v.size());
    // An error bar to a tenth of a percentage point: finer digits would be noise, and bytes.
    u.median_abs_error_pct = std::round(Median(v) * 10) / 10;
    out.push_back(std::move(u));
  }
  return out;
}

const std::vector<UncertaintyLine>& ShippedUncertainty() {
  static const std::vector<UncertaintyLine> lines =
      ParseEmbeddedUncertainty(detail::kUncertaintyCsv);
  return lines;
}

double UncertaintyPct(const Config& config, const Regime& regime) {
  const std::string mode = ModeKey(config);
  const std::vector<UncertaintyLine>& lines = ShippedUncertainty();
  for (const Regime& g : Widened(regime)) {
    for (const UncertaintyLine& u : lines) {
      if (u.mode == mode && u.regime.model == g.model && u.regime.family == g.family &&
          u.regime.batch == g.batch && u.regime.context == g.context &&
          u.regime.serving == g.serving && u.rows >= kMinRows) {
        return u.median_abs_error_pct;
      }
    }
  }
  return kNaN;
}

namespace {

// The GPUs of a config by name.
std::map<std::string, Gpu> GpusByName(const Config& config) {
  std::map<std::string, Gpu> out;
  for (const Gpu& g : SelectedGpus(config)) out.emplace(g.name, g);
  return out;
}

}  // namespace

std::vector<double> DecodeBands(const Config& config, const std::vector<std::string>& gpus,
                                const std::vector<DecodeRow>& rows) {
  const std::map<std::string, Gpu> by_name = GpusByName(config);
  // A few regimes cover every row: one lookup each.
  std::map<std::pair<int, bool>, double> seen;
  std::vector<double> out;
  out.reserve(rows.size());
  for (const DecodeRow& r : rows) {
    const bool small = r.batch <= 32;
    const auto key = std::make_pair(r.gpu, small);
    auto it = seen.find(key);
    if (it == seen.end()) {
      const auto g = by_name.find(gpus[static_cast<size_t>(r.gpu)]);
      const double band =
          g == by_name.end()
              ? kNaN
              : UncertaintyPct(config, RegimeOf(g->second, r.batch, config.scenario.seq_len,
                                                "decode", config.preset));
      it = seen.emplace(key, band).first;
    }
    out.push_back(it->second);
  }
  return out;
}

std::vector<double> PrefillBands(const Config& config, const std::vector<PrefillRow>& rows) {
  const std::map<std::string, Gpu> by_name = GpusByName(config);
  std::vector<double> out;
  for (const PrefillRow& r : rows) {
    const auto g = by_name.find(r.gpu);
    out.push_back(g == by_name.end()
                      ? kNaN
                      : UncertaintyPct(config, RegimeOf(g->second, 0, config.scenario.seq_len,
                                                        "prefill", config.preset)));
  }
  return out;
}

}  // namespace shallowsim
