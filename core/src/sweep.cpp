#include "shallowsim/sweep.h"

#include <algorithm>
#include <cmath>

#include "decode_rows.h"

namespace shallowsim {

std::vector<double> SweepPoints(const SweepSpec& spec) {
  std::vector<double> points;
  if (!(spec.step > 0) || !(spec.from <= spec.to)) return points;
  const double count = std::floor((spec.to - spec.from) / spec.step + 1e-9) + 1;
  points.reserve(static_cast<size_t>(std::min(count, kMaxSweepPoints)));
  for (double i = 0; i < count && i < kMaxSweepPoints; ++i) points.push_back(spec.from + i * spec.step);
  return points;
}

SweepResult Sweep(const Config& base, const SweepSpec& spec) {
  SweepResult result;
  const Field* field = FindField(spec.param);
  if (field == nullptr || (field->kind != FieldKind::kInt && field->kind != FieldKind::kFloat) ||
      field->group == "View") {
    result.errors.push_back({"sweep", "cannot sweep '" + spec.param + "'"});
    return result;
  }
  Config config = base;
  config.view.sweep = spec;
  if (std::vector<ConfigError> errors = Validate(config); !errors.empty()) {
    result.errors = std::move(errors);
    return result;
  }
  const std::vector<Gpu> gpus = SelectedGpus(config);
  for (const Gpu& g : gpus) result.table.gpus.push_back(g.name);
  result.table.param = spec.param;

  const Scenario& s0 = config.scenario;
  const size_t n_groups = gpus.size() * s0.bs.size() * s0.ep.size();
  std::vector<DecodeRow> best(n_groups);
  std::vector<char> seen(n_groups);
  std::vector<detail::BatchTerms> scratch;
  std::vector<SweepRow> point_rows;
  for (double value : SweepPoints(spec)) {
    SetNumber(config, *field, value);
    // Validate() checked the range at `from` and `to`; between them only the checks that
    // relate two keys can fail.
    if (std::vector<ConfigError> errors = CrossFieldErrors(config); !errors.empty()) {
      for (ConfigError& e : errors) {
        e.message = "at " + spec.param + " = " + FormatNumber(value) + ": " + e.message;
      }
      result.errors = std::move(errors);
      result.table.rows.clear();
      return result;
    }
    std::fill(seen.begin(), seen.end(), 0);
    const Scenario& s = config.scenario;
    detail::ForEachDecodeRow(
        config.model, gpus, s, scratch, [&](const DecodeRow& row, detail::RowIndex at) {
          const size_t slot = (static_cast<size_t>(at.gpu) * s.bs.size() + at.bs) * s.ep.size() + at.ep;
          if (!seen[slot] || row.total > best[slot].total) best[slot] = row;
          seen[slot] = 1;
        });
    point_rows.clear();
    for (size_t slot = 0; slot < n_groups; ++slot) {
      if (seen[slot]) point_rows.push_back({value, best[slot]});
    }
    std::stable_sort(point_rows.begin(), point_rows.end(),
                     [](const SweepRow& a, const SweepRow& b) { return a.row.total > b.row.total; });
    result.table.rows.insert(result.table.rows.end(), point_rows.begin(), point_rows.end());
  }
  return result;
}

}  // namespace shallowsim
