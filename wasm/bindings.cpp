// The wasm boundary: the only embind code. Call flow:
//   web/src/engine ──compute(link, tables)──▶ ParseLink ─▶ core tables ─▶ plain JS objects
// Every call returns data (`{ok, errors, …}`); nothing throws and nothing needs .delete().
// Numbers cross as one Float64Array per table (row-major, GPU column left out), GPU names as
// strings with an Int32Array of indexes. What the faces show about the model crosses once, as
// the JSON text `shallowsim schema` prints (describe()).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "shallowsim/breakdown.h"
#include "shallowsim/calibration.h"
#include "shallowsim/catalog.h"
#include "shallowsim/columns.h"
#include "shallowsim/config.h"
#include "shallowsim/decode.h"
#include "shallowsim/describe.h"
#include "shallowsim/export.h"
#include "shallowsim/link_edit.h"
#include "shallowsim/model_config.h"
#include "shallowsim/model_facts.h"
#include "shallowsim/plan.h"
#include "shallowsim/prefill.h"
#include "shallowsim/reality.h"
#include "shallowsim/schema.h"
#include "shallowsim/serve.h"
#include "shallowsim/sweep.h"
#include "shallowsim/uncertainty.h"
#include "shallowsim/views.h"

namespace {

using emscripten::val;
using namespace shallowsim;

val Strings(const std::vector<std::string>& items) {
  val out = val::array();
  for (size_t i = 0; i < items.size(); ++i) out.set(i, items[i]);
  return out;
}

template <class T>
val Typed(const char* array, const std::vector<T>& data) {
  // Copy out of wasm memory so the view stays valid after memory grows.
  return val::global(array)
      .new_(emscripten::typed_memory_view(data.size(), data.data()))
      .template call<val>("slice");
}

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

// {ok: true, errors: []}: what every successful result starts as.
val Success() {
  val out = val::object();
  out.set("ok", true);
  out.set("errors", val::array());
  return out;
}

// Rows as objects keyed by their table's column names: text columns as strings, number columns
// as numbers (null when there is none).
template <class Row, class Text, class Number>
val RowObjects(const std::vector<Row>& rows, std::span<const Column> columns, Text text,
               Number number) {
  val list = val::array();
  for (size_t r = 0; r < rows.size(); ++r) {
    val row = val::object();
    for (size_t c = 0; c < columns.size(); ++c) {
      const std::string name(columns[c].name);
      if (columns[c].style == Style::kText) {
        row.set(name, std::string(text(rows[r], c)));
      } else {
        const double v = number(rows[r], c);
        row.set(name, std::isfinite(v) ? val(v) : val::null());
      }
    }
    list.set(r, row);
  }
  return list;
}

val Failure(const std::vector<ConfigError>& errors) {
  val out = val::object();
  out.set("ok", false);
  out.set("errors", Errors(errors));
  return out;
}

// What a config's model is (model_facts.h): one object keyed by the model table's columns.
val FactsVal(const Config& config) {
  const std::vector<ModelFacts> facts = {FactsOf(config)};
  return RowObjects(facts, ModelColumns(), ModelFactText, ModelFactNumber)[0];
}

// A table for JS: {columns, gpus, gpu: Int32Array, values: Float64Array, text, rows, total}.
// Text columns besides GPU (the plan's Serving, a row's links) are NaN in `values` and their
// strings are in text[column name], one per row.
template <class Row, class Value, class Text>
val TableVal(std::span<const Column> columns, const std::vector<std::string>& gpus,
             const std::vector<Row>& rows, size_t total, Value value, Text text, bool* finite) {
  const size_t width = columns.size() - 1;
  std::vector<double> values;
  values.reserve(rows.size() * width);
  std::vector<int> gpu;
  gpu.reserve(rows.size());
  val texts = val::object();
  for (size_t c = 1; c <= width; ++c) {
    if (columns[c].style == Style::kText) texts.set(std::string(columns[c].name), val::array());
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    gpu.push_back(rows[r].gpu);
    for (size_t c = 1; c <= width; ++c) {
      if (columns[c].style == Style::kText) {
        texts[std::string(columns[c].name)].set(r, std::string(text(rows[r], c)));
        values.push_back(std::numeric_limits<double>::quiet_NaN());
        continue;
      }
      const double v = value(rows[r], c);
      // NaN is "no value" in an optional column (JS shows it as —); anything else must be finite.
      if (!std::isfinite(v) && !(std::isnan(v) && columns[c].optional)) *finite = false;
      values.push_back(v);
    }
  }
  val out = val::object();
  val cols = val::array();
  for (size_t i = 0; i < columns.size(); ++i) cols.set(i, std::string(columns[i].name));
  out.set("columns", cols);
  out.set("gpus", Strings(gpus));
  out.set("gpu", Typed("Int32Array", gpu));
  out.set("values", Typed("Float64Array", values));
  out.set("text", texts);
  out.set("rows", static_cast<double>(rows.size()));
  out.set("total", static_cast<double>(total));
  return out;
}

// A table without text columns besides GPU.
template <class Row, class Value>
val TableVal(std::span<const Column> columns, const std::vector<std::string>& gpus,
             const std::vector<Row>& rows, size_t total, Value value, bool* finite) {
  return TableVal(
      columns, gpus, rows, total, value, [](const Row&, size_t) { return std::string_view(); },
      finite);
}

struct IndexedPrefill {
  int gpu;
  const PrefillRow* row;
};

val DecodeVal(const DecodeTable& t, size_t total, bool* finite) {
  return TableVal(
      DecodeColumns(), t.gpus, t.rows, total,
      [](const DecodeRow& r, size_t c) { return DecodeValue(r, c); }, finite);
}

bool Wants(const val& tables, const char* name) {
  return tables.call<bool>("includes", std::string(name));
}

// The tables asked for, as the config's view keys choose and order their rows.
val Tables(const Config& config, const val& tables, bool* finite) {
  val out = val::object();
  if (Wants(tables, "prefill")) {
    const std::vector<PrefillRow> rows = PrefillTable(config);
    std::vector<IndexedPrefill> indexed;
    std::vector<std::string> names;
    for (size_t i = 0; i < rows.size(); ++i) {
      indexed.push_back({static_cast<int>(i), &rows[i]});
      names.push_back(rows[i].gpu);
    }
    val prefill = TableVal(
        PrefillColumns(), names, indexed, rows.size(),
        [](const IndexedPrefill& r, size_t c) { return PrefillValue(*r.row, c); }, finite);
    std::vector<double> parts;
    for (const PrefillRow& r : rows) {
      for (double v : PrefillParts(r, config.model)) parts.push_back(v);
    }
    prefill.set("parts", Typed("Float64Array", parts));
    prefill.set("band", Typed("Float64Array", PrefillBands(config, rows)));
    out.set("prefill", prefill);
  }
  const bool filtered = FiltersRows(config.view);
  Config plain = config;
  plain.view = Unfiltered(config.view);
  if (Wants(tables, "decode") || Wants(tables, "leaderboard") || Wants(tables, "frontier")) {
    const DecodeTable decode = Decode(config);
    for (const char* name : {"decode", "leaderboard", "frontier"}) {
      if (!Wants(tables, name)) continue;
      const DecodeTable shown = ShownDecode(config, decode, name);
      const size_t total =
          filtered ? ShownDecode(plain, decode, name).rows.size() : shown.rows.size();
      val table = DecodeVal(shown, total, finite);
      std::vector<double> parts;
      parts.reserve(shown.rows.size() * kParts);
      for (const DecodeRow& r : shown.rows) {
        for (double v : DecodeParts(r, config.model)) parts.push_back(v);
      }
      table.set("parts", Typed("Float64Array", parts));
      table.set("band", Typed("Float64Array", DecodeBands(config, shown.gpus, shown.rows)));
      out.set(name, table);
    }
  }
  if (Wants(tables, "plan")) {
    const PlanTable plan = Plan(config);
    out.set("plan", TableVal(
                        PlanColumns(), plan.gpus, plan.rows, plan.rows.size(), PlanValue,
                        [&](const PlanRow& r, size_t c) { return PlanText(plan, r, c); }, finite));
  }
  if (Wants(tables, "serve")) {
    const ServeTable serve = Serve(config);
    val table = TableVal(
        ServeColumns(), serve.gpus, serve.rows, serve.rows.size(), ServeNumber,
        [&](const ServeRow& r, size_t c) { return ServeText(serve, r, c); }, finite);
    val misses = val::array();
    for (size_t i = 0; i < serve.misses.size(); ++i) {
      val m = val::object();
      m.set("gpu", serve.misses[i].gpu);
      m.set("message", serve.misses[i].message);
      misses.set(i, m);
    }
    table.set("misses", misses);
    out.set("serve", table);
  }
  if (Wants(tables, "maxbatch")) {
    const MaxBatchTable all = MaxBatchTableOf(config);
    const MaxBatchTable shown = ShownMaxBatch(config, all);
    out.set("maxbatch", TableVal(MaxBatchColumns(), shown.gpus, shown.rows, all.rows.size(),
                                 MaxBatchValue, finite));
  }
  return out;
}

// compute(link, tables): tables lists any of prefill, decode, leaderboard, maxbatch, frontier,
// plan, serve. With a baseline (base=) the same tables of the baseline, computed with this link's
// view keys, and the keys that differ.
val Compute(const std::string& link, val tables) {
  const ParseResult parsed = ParseLink(link);
  if (!parsed.ok()) return Failure(parsed.errors);
  const Config& config = *parsed.config;
  bool finite = true;
  val out = Success();
  out.set("canonical", EncodeLink(config));
  out.set("gpus", Strings(GpuNames(SelectedGpus(config))));
  out.set("tables", Tables(config, tables, &finite));
  // Why a GPU has no decode row (memory), with the numbers.
  val fit = val::array();
  const std::vector<FitNote> notes = FitNotes(config);
  for (size_t i = 0; i < notes.size(); ++i) {
    const FitNote& n = notes[i];
    val v = val::object();
    v.set("gpu", n.gpu);
    v.set("message", n.message);
    v.set("usableGb", n.usable_gb);
    v.set("fixedGb", n.fixed_gb);
    v.set("kvGb", n.kv_gb);
    v.set("maxBatch", n.max_batch);
    v.set("memUtilNeeded", n.mem_util_needed);
    v.set("maxContext", n.max_context);
    fit.set(i, v);
  }
  out.set("fit", fit);
  // What the model is: parameters, KV bytes per token, weights (the model panel).
  out.set("model", FactsVal(config));
  // What is odd about the link's own hw= rows (catalog.h GpuWarnings).
  val warnings = val::array();
  size_t n_warned = 0;
  for (const Gpu& g : config.hw) {
    const std::vector<std::string> list = GpuWarnings(g);
    if (list.empty()) continue;
    val v = val::object();
    v.set("gpu", g.name);
    v.set("warnings", Strings(list));
    warnings.set(n_warned++, v);
  }
  out.set("hwWarnings", warnings);
  out.set("baseline", val::null());
  if (const std::string base = BaselineLink(config); !base.empty()) {
    const ParseResult b = ParseLink(base);
    val baseline = b.ok() ? Success() : Failure(b.errors);
    if (b.ok()) baseline.set("tables", Tables(*b.config, tables, &finite));
    baseline.set("link", base);
    out.set("baseline", baseline);
  }
  val changes = val::array();
  const std::vector<ConfigChange> list = ConfigChanges(config);
  for (size_t i = 0; i < list.size(); ++i) {
    val c = val::object();
    c.set("key", list[i].key);
    c.set("base", list[i].base);
    c.set("current", list[i].current);
    changes.set(i, c);
  }
  out.set("changes", changes);
  out.set("pin", PinnedBase(config));
  if (!finite) return Failure({OverflowError()});
  return out;
}

// exportTable(link, table, format): a download, the text
// `shallowsim <table> LINK --format <format> --digits shortest` prints.
val ExportVal(const std::string& link, const std::string& table, const std::string& format) {
  const ParseResult parsed = ParseLink(link);
  if (!parsed.ok()) return Failure(parsed.errors);
  const std::optional<Format> f = FormatOf(format);
  const auto& tables = ExportTables();
  if (!f || std::find(tables.begin(), tables.end(), table) == tables.end()) {
    return Failure({{"export", "no table '" + table + "' in format '" + format + "'"}});
  }
  const Export e = ExportTable(*parsed.config, table, *f, Digits::kShortest);
  if (!e.ok()) return Failure(e.errors);
  val out = Success();
  out.set("text", e.text);
  return out;
}

// fields(link): every key's text as a form shows it (valid link or not), `hw` one row per line.
val FieldsVal(const std::string& link) {
  val out = val::object();
  for (const auto& [key, text] : FieldTexts(link)) out.set(key, text);
  return out;
}

// sweepSeries(link): the chart's data for the link's sweep=, metric=, sweep_bs= and sweep_ep=:
// for each metric × GPU × EP line the value of the best row at each point. The whole sweep is
// computed; only the plotted values cross. `present` is 0 where the batch does not fit.
val SweepSeriesVal(const std::string& link) {
  const ParseResult parsed = ParseLink(link);
  if (!parsed.ok()) return Failure(parsed.errors);
  const SweepSeries s = SweepSeriesOf(*parsed.config);
  if (!s.ok()) return Failure(s.errors);
  for (double v : s.y) {
    if (!std::isfinite(v)) return Failure({OverflowError()});
  }
  val out = Success();
  out.set("param", s.param);
  out.set("metrics", Strings(s.metrics));
  out.set("batch", s.batch);
  out.set("x", Typed("Float64Array", s.x));
  out.set("gpus", Strings(s.gpus));
  out.set("eps", Typed("Float64Array", s.eps));
  out.set("y", Typed("Float64Array", s.y));
  out.set("tp", Typed("Float64Array", s.tp));
  out.set("present", Typed("Uint8Array", s.present));
  return out;
}

// reality(link): every published deployment with both modes' predictions, as row objects keyed by
// the reality table's column names (null: no value), and the error statistics per tier, over
// every row and over the out-of-sample rows.
val RealityVal(const std::string& link) {
  const ParseResult parsed = ParseLink(link);
  if (!parsed.ok()) return Failure(parsed.errors);
  const std::vector<RealityRow> rows = Reality(*parsed.config);
  const val list = RowObjects(rows, RealityColumns(), RealityText, RealityNumber);
  // Per tier over every row (stats) and over the rows whose source supplied no constant
  // (outOfSample: the headline).
  const auto stats_of = [&](bool out_of_sample) {
    val stats = val::object();
    for (const char* tiers : {"A", "AB"}) {
      const RealityStats s = StatsOf(rows, {.tiers = tiers, .out_of_sample = out_of_sample});
      val v = val::object();
      v.set("rows", static_cast<double>(s.rows));
      v.set("reference", s.median_reference);
      v.set("calibrated", s.median_calibrated);
      v.set("worstReference", s.worst_reference);
      v.set("worstCalibrated", s.worst_calibrated);
      stats.set(tiers, v);
    }
    return stats;
  };
  val out = Success();
  out.set("calibration", std::string(CalibrationOf(*parsed.config).id));
  out.set("rows", list);
  out.set("stats", stats_of(false));
  out.set("outOfSample", stats_of(true));
  return out;
}

// planDetails(link): what the plan view draws besides its table: the targets each GPU misses,
// the price of each GPU with its source, the throughput/cost frontier per GPU and the P:D ratio
// as isl/osl varies.
val PlanDetailsVal(const std::string& link) {
  const ParseResult parsed = ParseLink(link);
  if (!parsed.ok()) return Failure(parsed.errors);
  const Config& config = *parsed.config;
  const PlanTable plan = Plan(config);
  val misses = val::array();
  for (size_t i = 0; i < plan.misses.size(); ++i) {
    const PlanMiss& m = plan.misses[i];
    val v = val::object();
    v.set("gpu", m.gpu);
    v.set("key", m.key);
    v.set("best", m.best);
    v.set("message", m.message);
    misses.set(i, v);
  }
  val prices = val::array();
  for (size_t i = 0; i < plan.gpus.size(); ++i) {
    const Price p = PriceOf(config, plan.gpus[i]);
    val v = val::object();
    v.set("gpu", plan.gpus[i]);
    v.set("usd", p.usd);
    v.set("source", std::string(p.source));
    prices.set(i, v);
  }
  val frontier = val::array();
  const std::vector<PlanCurve> curves = PlanFrontier(config);
  for (size_t i = 0; i < curves.size(); ++i) {
    val v = val::object();
    v.set("gpu", curves[i].gpu);
    v.set("tpsUser", Typed("Float64Array", curves[i].tps_user));
    v.set("output", Typed("Float64Array", curves[i].output_tps_per_gpu));
    v.set("usd", Typed("Float64Array", curves[i].usd_per_m_output));
    frontier.set(i, v);
  }
  const PlanRatios ratios = PlanRatioCurve(config);
  val pd = val::array();
  for (size_t g = 0; g < ratios.pd.size(); ++g) pd.set(g, Typed("Float64Array", ratios.pd[g]));
  val ratio = val::object();
  ratio.set("x", Typed("Float64Array", ratios.ratios));
  ratio.set("gpus", Strings(ratios.gpus));
  ratio.set("pd", pd);
  val out = Success();
  out.set("misses", misses);
  out.set("prices", prices);
  out.set("frontier", frontier);
  out.set("ratios", ratio);
  return out;
}

// catalog(link): every GPU of the resolved catalog as row objects keyed by the catalog table's
// columns (catalog.h).
val CatalogVal(const std::string& link) {
  const ParseResult parsed = ParseLink(link);
  if (!parsed.ok()) return Failure(parsed.errors);
  const val list =
      RowObjects(CatalogTable(*parsed.config), CatalogColumns(), CatalogText, CatalogNumber);
  val out = Success();
  out.set("rows", list);
  return out;
}

// effects(link): what each correction of calibrated mode does to the link's tables.
val EffectsVal(const std::string& link) {
  const ParseResult parsed = ParseLink(link);
  if (!parsed.ok()) return Failure(parsed.errors);
  val list = val::array();
  const std::vector<CorrectionEffect> effects = CorrectionEffects(*parsed.config);
  for (size_t i = 0; i < effects.size(); ++i) {
    const CorrectionEffect& e = effects[i];
    val v = val::object();
    v.set("id", e.id);
    v.set("decodeRows", static_cast<double>(e.decode_rows));
    v.set("decodeChanged", static_cast<double>(e.decode_changed));
    v.set("decodeTotalPct", e.decode_total_pct);
    v.set("prefillGpus", static_cast<double>(e.prefill_gpus));
    v.set("prefillChanged", static_cast<double>(e.prefill_changed));
    v.set("prefillTpsPct", e.prefill_tps_pct);
    list.set(i, v);
  }
  val out = Success();
  out.set("effects", list);
  return out;
}

// model(link): what the link's model is (model_facts.h) as one object keyed by the model
// table's columns.
val ModelVal(const std::string& link) {
  const ParseResult parsed = ParseLink(link);
  if (!parsed.ok()) return Failure(parsed.errors);
  val out = Success();
  out.set("facts", FactsVal(*parsed.config));
  return out;
}

// importModelConfig(link, json): the link with its model replaced by a Hugging Face config.json
// (model_config.h), or the errors that say which field is wrong.
val ImportModelConfigVal(const std::string& link, const std::string& json) {
  const ParseResult parsed = ParseLink(link);
  if (!parsed.ok()) return Failure(parsed.errors);
  // ImportModelConfig refuses text over kMaxModelConfigBytes itself (json_read.h limits).
  const ParseResult imported = ImportModelConfig(json, *parsed.config);
  if (!imported.ok()) return Failure(imported.errors);
  val out = Success();
  out.set("link", EncodeLink(*imported.config));
  return out;
}

// edit(link, key, value): the link after a form edit (link_edit.h).
std::string Edit(const std::string& link, const std::string& key, const std::string& value) {
  return EditLink(link, key, value);
}

}  // namespace

EMSCRIPTEN_BINDINGS(shallowsim) {
  emscripten::function("describe", &DescribeJson);
  emscripten::function("fields", &FieldsVal);
  emscripten::function("edit", &Edit);
  emscripten::function("compute", &Compute);
  emscripten::function("exportTable", &ExportVal);
  emscripten::function("sweepSeries", &SweepSeriesVal);
  emscripten::function("reality", &RealityVal);
  emscripten::function("effects", &EffectsVal);
  emscripten::function("planDetails", &PlanDetailsVal);
  emscripten::function("catalog", &CatalogVal);
  emscripten::function("model", &ModelVal);
  emscripten::function("importModelConfig", &ImportModelConfigVal);
}
