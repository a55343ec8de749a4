// The reality check: published deployments of MoE models (core/data/deployments.csv) against the
// model's predictions in reference and calibrated mode.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shallowsim/config.h"

namespace shallowsim {

// One row of deployments.csv (core/data/README.md explains the columns); absent numbers are NaN.
struct Deployment {
  std::string id, tier, phase, source, date, hardware, gpu, hw;
  double ep, tp, dp, bs_per_gpu, isl, osl, kv_len, mtp, mtp_accept;
  std::string moe_dtype, kv_dtype;
  double mbs, measured;
  std::string unit;
  double per_user_tps;
  std::string notes;  // not embedded (core/data/README.md): empty in the built core, as are
                      // date, hardware and per_user_tps
  double in_sample;   // 1: the row's source also supplied a constant (or informed a choice)
  std::string link;   // the scenario as a link (mode and calibration aside); "" = from the columns
  std::string framework;  // the serving framework measured (framework=, calibrated mode); "" = auto
  double prefill_tokens = 0;  // prefill rows: tokens per GPU per batch as stated (NaN: not stated)
};
// The embedded CSV, parsed (empty on a malformed file: tests/core check it parses).
const std::vector<Deployment>& Deployments();

struct RealityRow {
  const Deployment* deployment = nullptr;
  double batch = 0;     // decode: requests per GPU; prefill: tokens per TP group
  double isl = 0;       // input length used
  std::string assumed;  // what the source does not state and the model assumed ("" = none)
  std::optional<double> reference;  // the prediction (measured's unit); empty = does not fit
  std::optional<double> calibrated;
  std::string link;   // the scenario in calibrated mode, in the decode or prefill view
  std::string model;  // the preset the scenario runs (`model=`; deepseek-v3 when unnamed)
};

// Every deployment, predicted with `config`'s calibration (its cal=, or the latest).
std::vector<RealityRow> Reality(const Config& config);

// Column c of RealityColumns() (columns.h) of a row: the text of a text column, else its number
// (NaN: no value). The writers and the bindings read rows through these.
std::string_view RealityText(const RealityRow& row, size_t column);
double RealityNumber(const RealityRow& row, size_t column);

// (predicted − measured) / measured, in percent.
double ErrorPct(double predicted, double measured);

// What one correction of calibrated mode does to a config's tables when it alone is switched off
// (keep=): how many decode rows (present both ways) and prefill GPUs change, and the median
// relative change (percent) of their Total and PrefillTPS.
struct CorrectionEffect {
  std::string id;
  size_t decode_rows = 0, decode_changed = 0;
  double decode_total_pct = 0;  // median over the changed rows
  size_t prefill_gpus = 0, prefill_changed = 0;
  double prefill_tps_pct = 0;  // median over the changed GPUs
};
std::vector<CorrectionEffect> CorrectionEffects(const Config& config);

struct RealityStats {
  size_t rows = 0;              // rows with a prediction in both modes
  double median_reference = 0;  // median |error| %, reference mode
  double median_calibrated = 0;
  double worst_reference = 0;  // largest |error| %
  double worst_calibrated = 0;
};
// Which rows a statistic counts.
struct RealityFilter {
  std::string_view tiers = "AB";  // "A", or "AB"
  bool out_of_sample = false;     // only rows whose source supplied no constant
  std::string_view phase;         // "" = every phase; else decode, prefill or serve
  std::string_view model;         // "" = every model; else a preset name (RealityRow::model)
};
// Statistics over the rows a filter keeps.
RealityStats StatsOf(const std::vector<RealityRow>& rows, const RealityFilter& filter);
// Statistics over the rows of the given tiers ("A", or "AB").
inline RealityStats StatsOf(const std::vector<RealityRow>& rows, std::string_view tiers) {
  return StatsOf(rows, RealityFilter{.tiers = tiers});
}
// The models the rows run, each once, in the order of the shipped presets (Presets()).
std::vector<std::string> RealityModels(const std::vector<RealityRow>& rows);

}  // namespace shallowsim
