// Sweeps over one numeric input (SPEC §5).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "shallowsim/config.h"
#include "shallowsim/table.h"

namespace shallowsim {

struct SweepRow {
  double index_value = 0;  // the swept input's value at this point
  DecodeRow row;
};

struct SweepTable {
  std::string param;
  std::vector<std::string> gpus;  // DecodeRow::gpu indexes this
  std::vector<SweepRow> rows;     // per point: best row per (GPU, BatchSize, EP), Total desc
};

struct SweepResult {
  SweepTable table;
  std::vector<ConfigError> errors;  // a point whose config is invalid stops the sweep
  bool ok() const { return errors.empty(); }
};

// The values of a sweep: from, from+step, … up to `to` (included within 1e-9 of a step).
std::vector<double> SweepPoints(const SweepSpec& spec);

// Receives each point of a sweep: the swept value and the best row per (GPU, BatchSize, EP)
// in group order (GPU, then batch, then EP, as listed); groups whose batch does not fit in
// memory are left out. The rows are only valid during the call.
using SweepVisitor = std::function<void(double value, const std::vector<DecodeRow>& best)>;

// SPEC §5 without building a table: validates, then calls visit at each point. Returns the
// errors of an invalid config or point (visit may have seen earlier points).
std::vector<ConfigError> SweepEach(const Config& base, const SweepSpec& spec,
                                   const SweepVisitor& visit);

// SPEC §5: at each point, the best row per (GPU, BatchSize, EP) (first in decode row order
// among exact ties); rows of a point sorted by Total descending.
SweepResult Sweep(const Config& base, const SweepSpec& spec);

// What the sweep view plots (metric=, sweep_bs=, sweep_ep=): for each metric × GPU × plotted EP,
// the best row's value at each point, the TP of that row, and whether the batch fits there.
// The sweep runs over the config's EP and batch lists plus the plotted ones.
struct SweepSeries {
  std::string param;
  std::vector<std::string> metrics;
  double batch = 0;
  std::vector<double> x;  // the points
  std::vector<std::string> gpus;
  std::vector<double> eps;
  // y[((metric · gpus + gpu) · eps + ep) · points + point]; tp and present without the metric.
  std::vector<double> y;
  std::vector<double> tp;
  std::vector<uint8_t> present;  // 0: the batch does not fit at that point (a gap)
  std::vector<ConfigError> errors;
  bool ok() const { return errors.empty(); }
};
SweepSeries SweepSeriesOf(const Config& config);

}  // namespace shallowsim
