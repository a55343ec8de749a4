#include "shallowsim/sweep.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/decode_rows.h"
#include "order.h"
#include "shallowsim/columns.h"
#include "shallowsim/number_text.h"
#include "shallowsim/schema.h"

namespace shallowsim {

std::vector<double> SweepPoints(const SweepSpec& spec) {
  std::vector<double> points;
  if (!(spec.step > 0) || !(spec.from <= spec.to)) return points;
  const double count = std::min(std::floor((spec.to - spec.from) / spec.step + kSweepTolerance) + 1,
                                kMaxSweepPoints);
  points.reserve(static_cast<size_t>(count));
  for (double i = 0; i < count; ++i) points.push_back(spec.from + i * spec.step);
  return points;
}

std::vector<ConfigError> SweepEach(const Config& base, const SweepSpec& spec,
                                   const SweepVisitor& visit) {
  Config config = base;
  config.view.sweep = spec;
  // Validate() checks the whole config, that the key is sweepable and the range at `from` and
  // `to`.
  if (std::vector<ConfigError> errors = Validate(config); !errors.empty()) return errors;
  const Field* field = FindField(spec.param);

  const std::vector<Gpu> gpus = SelectedGpus(config);
  const Scenario& s = config.scenario;  // lists do not change: only scalars are swept
  const size_t n_bs = s.bs.size(), n_ep = s.ep.size();
  const size_t n_groups = gpus.size() * n_bs * n_ep;
  std::vector<DecodeRow> best(n_groups);
  std::vector<char> seen(n_groups);
  std::vector<DecodeRow> point_rows;
  point_rows.reserve(n_groups);
  detail::DecodeScratch scratch;
  for (double value : SweepPoints(spec)) {
    SetNumber(config, *field, value);
    // Between from and to only the checks that relate two keys can fail.
    if (std::vector<ConfigError> errors = CrossFieldErrors(config); !errors.empty()) {
      for (ConfigError& e : errors) {
        e.message = "at " + spec.param + " = " + FormatNumber(value) + ": " + e.message;
      }
      return errors;
    }
    std::fill(seen.begin(), seen.end(), 0);
    detail::ForEachRow<detail::RowsWanted::kBestTpOfEach>(
        config, gpus, scratch, [&](const DecodeRow& row, detail::RowIndex at) {
          const size_t slot = (static_cast<size_t>(at.gpu) * n_bs + at.bs) * n_ep + at.ep;
          best[slot] = row;
          seen[slot] = 1;
        });
    point_rows.clear();
    for (size_t slot = 0; slot < n_groups; ++slot) {
      if (seen[slot]) point_rows.push_back(best[slot]);
    }
    visit(value, point_rows);
  }
  return {};
}

SweepResult Sweep(const Config& base, const SweepSpec& spec) {
  SweepResult result;
  const std::vector<Gpu> gpus = SelectedGpus(base);
  for (const Gpu& g : gpus) result.table.gpus.push_back(g.name);
  result.table.param = spec.param;
  const Scenario& s = base.scenario;
  result.table.rows.reserve(SweepPoints(spec).size() * gpus.size() * s.bs.size() * s.ep.size());
  std::vector<double> totals;
  result.errors = SweepEach(base, spec, [&](double value, const std::vector<DecodeRow>& rows) {
    // Total descending; group order among equal Totals.
    totals.clear();
    for (const DecodeRow& r : rows) totals.push_back(r.total);
    for (uint32_t i : detail::StableOrder(totals, /*descending=*/true)) {
      result.table.rows.push_back({value, rows[i]});
    }
  });
  if (!result.ok()) result.table.rows.clear();
  return result;
}

SweepSeries SweepSeriesOf(const Config& link_config) {
  SweepSeries out;
  Config config = link_config;
  for (double e : config.view.sweep_ep) {
    std::vector<double>& ep = config.scenario.ep;
    if (std::find(ep.begin(), ep.end(), e) == ep.end()) ep.push_back(e);
  }
  std::vector<double>& bs = config.scenario.bs;
  if (std::find(bs.begin(), bs.end(), config.view.sweep_bs) == bs.end()) {
    bs.push_back(config.view.sweep_bs);
  }
  const SweepSpec& spec = config.view.sweep;
  out.param = spec.param;
  out.metrics = config.view.metric;
  out.batch = config.view.sweep_bs;
  out.x = SweepPoints(spec);
  out.gpus = GpuNames(SelectedGpus(config));
  out.eps = config.view.sweep_ep;
  std::vector<size_t> metrics;
  for (const std::string& m : out.metrics) {
    metrics.push_back(static_cast<size_t>(ColumnIndex(DecodeColumns(), m)));
  }
  const size_t n_points = out.x.size(), n_ep = out.eps.size();
  const size_t plane = out.gpus.size() * n_ep * n_points;
  out.y.assign(metrics.size() * plane, 0.0);
  out.tp.assign(plane, 0.0);
  out.present.assign(plane, 0);
  size_t point = 0;
  out.errors = SweepEach(config, spec, [&](double, const std::vector<DecodeRow>& rows) {
    for (const DecodeRow& r : rows) {
      if (r.batch != out.batch) continue;
      size_t e = 0;
      while (e < n_ep && out.eps[e] != r.ep) ++e;
      if (e == n_ep) continue;  // an EP of the table that is not plotted
      const size_t at = (static_cast<size_t>(r.gpu) * n_ep + e) * n_points + point;
      for (size_t m = 0; m < metrics.size(); ++m)
        out.y[m * plane + at] = DecodeValue(r, metrics[m]);
      out.tp[at] = r.tp;
      out.present[at] = 1;
    }
    ++point;
  });
  return out;
}

}  // namespace shallowsim
