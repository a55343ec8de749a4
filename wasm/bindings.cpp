// The wasm boundary: the only embind code. Call flow:
//   JS (web/src/engine) ──compute(link, tables)──▶ ParseLink ─▶ core tables ─▶ plain JS objects
// Every call returns data (`{ok, errors, …}`); nothing throws and nothing needs .delete():
// numbers cross as one Float64Array per table (row-major, GPU column left out), GPU names as
// strings with an Int32Array of indexes.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "shallowsim/config.h"
#include "shallowsim/decode.h"
#include "shallowsim/prefill.h"
#include "shallowsim/sweep.h"
#include "shallowsim/views.h"

namespace {

using emscripten::val;
using namespace shallowsim;

val Strings(const std::vector<std::string>& items) {
  val out = val::array();
  for (size_t i = 0; i < items.size(); ++i) out.set(i, items[i]);
  return out;
}

template <class Array, class T>
val Typed(const std::vector<T>& data) {
  // Copy out of wasm memory so the view stays valid after memory grows.
  return val::global(Array::kName)
      .new_(emscripten::typed_memory_view(data.size(), data.data()))
      .template call<val>("slice");
}
struct F64 {
  static constexpr const char* kName = "Float64Array";
};
struct I32 {
  static constexpr const char* kName = "Int32Array";
};

val Errors(const std::vector<ConfigError>& errors) {
  val out = val::array();
  for (size_t i = 0; i < errors.size(); ++i) {
    val e = val::object();
    e.set("key", errors[i].key);
    e.set("message", errors[i].message);
    out.set(i, e);
  }
  return out;
}

// A table for JS: {columns, gpus, gpu: Int32Array, values: Float64Array, rows}.
template <class Row, class Value>
val TableVal(const std::vector<std::string_view>& columns, const std::vector<std::string>& gpus,
             const std::vector<Row>& rows, Value value, bool* finite) {
  const size_t width = columns.size() - 1;
  std::vector<double> values;
  values.reserve(rows.size() * width);
  std::vector<int> gpu;
  gpu.reserve(rows.size());
  for (const Row& r : rows) {
    gpu.push_back(r.gpu);
    for (size_t c = 1; c <= width; ++c) {
      const double v = value(r, c);
      if (!std::isfinite(v)) *finite = false;
      values.push_back(v);
    }
  }
  val out = val::object();
  val cols = val::array();
  for (size_t i = 0; i < columns.size(); ++i) cols.set(i, std::string(columns[i]));
  out.set("columns", cols);
  out.set("gpus", Strings(gpus));
  out.set("gpu", Typed<I32>(gpu));
  out.set("values", Typed<F64>(values));
  out.set("rows", static_cast<double>(rows.size()));
  return out;
}

struct PrefillWithIndex {
  int gpu;
  const PrefillRow* row;
};

val DecodeVal(const DecodeTable& t, bool* finite) {
  return TableVal(
      {kDecodeColumns.begin(), kDecodeColumns.end()}, t.gpus, t.rows,
      [](const DecodeRow& r, size_t c) { return DecodeValue(r, c); }, finite);
}

// Every key's value as link text, for the form.
val FieldsVal(const Config& c) {
  val out = val::object();
  for (const Field& f : Schema()) out.set(std::string(f.key), FieldText(c, f));
  val hw = val::array();
  for (size_t i = 0; i < c.hw.size(); ++i) {
    val row = val::array();
    row.set(0, c.hw[i].name);
    for (int k = 0; k < kGpuNumericFields; ++k) row.set(k + 1, GpuField(c.hw[i], k));
    hw.set(i, row);
  }
  out.set("hw", hw);
  return out;
}

val Failure(const std::vector<ConfigError>& errors) {
  val out = val::object();
  out.set("ok", false);
  out.set("errors", Errors(errors));
  return out;
}

// compute(link, tables): tables lists any of prefill, decode, leaderboard, maxbatch, frontier.
val Compute(const std::string& link, val tables) {
  const ParseResult parsed = ParseLink(link);
  if (!parsed.ok()) return Failure(parsed.errors);
  const Config& config = *parsed.config;
  val out = val::object();
  out.set("ok", true);
  out.set("errors", val::array());
  out.set("canonical", EncodeLink(config));
  out.set("fields", FieldsVal(config));
  out.set("gpus", Strings([&] {
            std::vector<std::string> names;
            for (const Gpu& g : SelectedGpus(config)) names.push_back(g.name);
            return names;
          }()));
  bool finite = true;
  const auto wants = [&](const char* name) {
    return tables.call<bool>("includes", std::string(name));
  };
  if (wants("prefill")) {
    const std::vector<PrefillRow> rows = PrefillTable(config);
    std::vector<PrefillWithIndex> indexed;
    for (size_t i = 0; i < rows.size(); ++i) indexed.push_back({static_cast<int>(i), &rows[i]});
    std::vector<std::string> names;
    for (const PrefillRow& r : rows) names.push_back(r.gpu);
    out.set(
        "prefill",
        TableVal(
            {kPrefillColumns.begin(), kPrefillColumns.end()}, names, indexed,
            [](const PrefillWithIndex& r, size_t c) { return PrefillValue(*r.row, c); }, &finite));
  }
  if (wants("decode") || wants("leaderboard") || wants("frontier")) {
    const DecodeTable decode = Decode(config);
    if (wants("decode")) out.set("decode", DecodeVal(decode, &finite));
    if (wants("leaderboard")) out.set("leaderboard", DecodeVal(Leaderboard(decode), &finite));
    if (wants("frontier")) out.set("frontier", DecodeVal(Frontier(decode), &finite));
  }
  if (wants("maxbatch")) {
    const MaxBatchTable t = MaxBatchTableOf(config);
    out.set("maxbatch", TableVal(
                            {kMaxBatchColumns.begin(), kMaxBatchColumns.end()}, t.gpus, t.rows,
                            [](const MaxBatchRow& r, size_t c) {
                              return c == 1 ? r.ep : c == 2 ? r.tp : r.max_batch;
                            },
                            &finite));
  }
  if (!finite) {
    return Failure({OverflowError()});
  }
  return out;
}

// sweep(link): the link's sweep= over its config, as the full table (best row per GPU × batch
// × EP at each point, SPEC §5) with the swept value per row in `index`; for CSV export.
val SweepVal(const std::string& link) {
  const ParseResult parsed = ParseLink(link);
  if (!parsed.ok()) return Failure(parsed.errors);
  const SweepResult result = Sweep(*parsed.config, parsed.config->view.sweep);
  if (!result.ok()) return Failure(result.errors);
  std::vector<DecodeRow> rows;
  std::vector<double> index;
  rows.reserve(result.table.rows.size());
  index.reserve(result.table.rows.size());
  for (const SweepRow& r : result.table.rows) {
    rows.push_back(r.row);
    index.push_back(r.index_value);
  }
  bool finite = true;
  val out = val::object();
  out.set("ok", true);
  out.set("errors", val::array());
  out.set("param", result.table.param);
  out.set("index", Typed<F64>(index));
  out.set("table", DecodeVal({result.table.gpus, rows}, &finite));
  if (!finite) {
    return Failure({OverflowError()});
  }
  return out;
}

// sweepSeries(link): the chart's data for the link's sweep=, metric=, sweep_bs= and sweep_ep=:
// for each metric × GPU × EP line the value of the best row at each point. The whole sweep is
// computed; only the plotted values cross. `present` is 0 where the batch does not fit.
val SweepSeriesVal(const std::string& link) {
  const ParseResult parsed = ParseLink(link);
  if (!parsed.ok()) return Failure(parsed.errors);
  // The sweep runs over the config's EP and batch lists plus the plotted ones.
  Config config = *parsed.config;
  for (double e : config.view.sweep_ep) {
    std::vector<double>& ep = config.scenario.ep;
    if (std::find(ep.begin(), ep.end(), e) == ep.end()) ep.push_back(e);
  }
  std::vector<double>& bs = config.scenario.bs;
  if (std::find(bs.begin(), bs.end(), config.view.sweep_bs) == bs.end()) {
    bs.push_back(config.view.sweep_bs);
  }
  const SweepSpec& spec = config.view.sweep;
  const std::vector<double> points = SweepPoints(spec);
  const std::vector<Gpu> gpus = SelectedGpus(config);
  const std::vector<double>& eps = config.view.sweep_ep;
  const size_t n_metrics = config.view.metric.size();
  std::vector<int> metrics;
  for (const std::string& m : config.view.metric) metrics.push_back(DecodeColumnIndex(m));
  const size_t n_points = points.size(), n_ep = eps.size();
  // y[((metric · gpus + gpu) · eps + ep) · points + point]; tp and present without the metric.
  std::vector<double> y(n_metrics * gpus.size() * n_ep * n_points, 0.0);
  std::vector<double> tp(gpus.size() * n_ep * n_points, 0.0);
  std::vector<uint8_t> present(tp.size(), 0);
  const size_t plane = tp.size();
  std::vector<int> gpu_index;
  size_t point = 0;
  bool finite = true;
  const std::vector<ConfigError> errors =
      SweepEach(config, spec, [&](double, const std::vector<DecodeRow>& rows) {
        for (const DecodeRow& r : rows) {
          if (r.batch != config.view.sweep_bs) continue;
          size_t e = 0;
          while (e < n_ep && eps[e] != r.ep) ++e;
          if (e == n_ep) continue;  // an EP of the table that is not plotted
          const size_t at = (static_cast<size_t>(r.gpu) * n_ep + e) * n_points + point;
          for (size_t m = 0; m < n_metrics; ++m) {
            const double v = DecodeValue(r, static_cast<size_t>(metrics[m]));
            y[m * plane + at] = v;
            if (!std::isfinite(v)) finite = false;
          }
          tp[at] = r.tp;
          present[at] = 1;
        }
        ++point;
      });
  if (!errors.empty()) return Failure(errors);
  if (!finite) {
    return Failure({OverflowError()});
  }
  std::vector<std::string> names;
  for (const Gpu& g : gpus) names.push_back(g.name);
  val out = val::object();
  out.set("ok", true);
  out.set("errors", val::array());
  out.set("param", spec.param);
  out.set("metrics", Strings(config.view.metric));
  out.set("batch", config.view.sweep_bs);
  out.set("x", Typed<F64>(points));
  out.set("gpus", Strings(names));
  out.set("eps", Typed<F64>(eps));
  out.set("y", Typed<F64>(y));
  out.set("tp", Typed<F64>(tp));
  out.set("present", val::global("Uint8Array")
                         .new_(emscripten::typed_memory_view(present.size(), present.data()))
                         .template call<val>("slice"));
  return out;
}

val SchemaVal() {
  static const char* kKinds[] = {"int",    "float",       "bool",    "int_list", "name_list",
                                 "choice", "choice_list", "hw_rows", "sweep",    "link"};
  const Config defaults;
  val out = val::array();
  size_t i = 0;
  for (const Field& f : Schema()) {
    val v = val::object();
    v.set("key", std::string(f.key));
    v.set("kind", std::string(kKinds[static_cast<int>(f.kind)]));
    v.set("group", std::string(f.group));
    v.set("default", FieldText(defaults, f));
    v.set("min", f.min);
    v.set("max", f.max);
    v.set("minExclusive", f.min_exclusive);
    v.set("unit", std::string(f.unit));
    val help = val::object();
    help.set("en", std::string(f.help_en));
    help.set("zh", std::string(f.help_zh));
    v.set("help", help);
    v.set("choices", Strings(Choices(f)));
    out.set(i++, v);
  }
  return out;
}

val CatalogVal() {
  val out = val::array();
  const std::vector<Gpu> catalog = BuiltinCatalog();
  for (size_t i = 0; i < catalog.size(); ++i) {
    val row = val::array();
    row.set(0, catalog[i].name);
    for (int k = 0; k < kGpuNumericFields; ++k) row.set(k + 1, GpuField(catalog[i], k));
    out.set(i, row);
  }
  return out;
}

val PresetsVal() {
  val out = val::array();
  size_t i = 0;
  for (const Preset& p : Presets()) {
    val v = val::object();
    v.set("name", std::string(p.name));
    v.set("description", std::string(p.description));
    Config c;
    c.model = p.model;
    val model = val::object();
    for (const Field& f : Schema()) {
      if (f.group == "Model" && f.kind != FieldKind::kChoice) {
        model.set(std::string(f.key), GetNumber(c, f));
      }
    }
    v.set("model", model);
    out.set(i++, v);
  }
  return out;
}

val GpuFieldNames() {
  val out = val::array();
  for (size_t i = 0; i < std::size(kGpuFieldNames); ++i) out.set(i, std::string(kGpuFieldNames[i]));
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(shallowsim) {
  emscripten::function("compute", &Compute);
  emscripten::function("sweep", &SweepVal);
  emscripten::function("sweepSeries", &SweepSeriesVal);
  emscripten::function("schema", &SchemaVal);
  emscripten::function("catalog", &CatalogVal);
  emscripten::function("presets", &PresetsVal);
  emscripten::function("hwFields", &GpuFieldNames);
  emscripten::constant("linkVersion", kLinkVersion);
}
