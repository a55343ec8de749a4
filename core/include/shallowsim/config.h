// The configuration: scenario inputs, the schema that describes every key, validation and the
// share-link codec (SPEC §1, §6). Defaults are written once, in the struct initializers below;
// the schema, the CLI and the page read them from a default-constructed Config.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "shallowsim/hardware.h"
#include "shallowsim/model.h"

namespace shallowsim {

// SPEC §1.3. Counts are whole numbers held as double (see Model).
struct Scenario {
  double seq_len = 4383;                                 // tokens: prefill length, decode KV length
  double decode_len = 1210;                              // generated tokens (memory check)
  double kv_cache_rate = 0.563;                          // prefix-cache hit rate in prefill
  double tp = 4;                                         // prefill attention TP
  double dp = 8;                                         // prefill DP
  std::vector<double> bs = {16, 32, 64, 128, 256, 512};  // decode batch sizes per GPU
  std::vector<double> ep = {8, 16, 36, 72, 144, 320};    // decode EP sizes
  std::vector<double> decode_tp = {1, 4, 8};             // decode attention TP values
  double mbs = 2;                                        // decode micro-batches
  double fp8_combine = 1;            // 0/1: FP8 combine in decode on FP4-capable GPUs
  double tps_limit = 0;              // drop decode rows with TPS <= this
  double discount = 0.85;            // datasheet-to-achievable factor
  double mla_discount = 0.7;         // MLA kernel efficiency
  double min_ar_time = 0.015;        // ms
  double mla_static = 0.05;          // ms
  double prefill_a2a_static = 0.05;  // ms
  double decode_a2a_static = 0.005;  // ms per micro-batch
  double mem_util = 0.9;             // usable fraction of GPU memory

  friend bool operator==(const Scenario&, const Scenario&) = default;
};

// A one-parameter sweep: key:from:to:step, `to` included (SPEC §5).
struct SweepSpec {
  std::string param = "seq_len";
  double from = 1024;
  double to = 16352;
  double step = 32;

  friend bool operator==(const SweepSpec&, const SweepSpec&) = default;
};

// What the page shows; part of the link, ignored (but validated) by the CLI (SPEC §6).
struct View {
  std::string view = "prefill";
  SweepSpec sweep;
  std::vector<std::string> metric = {"Total"};        // decode columns plotted by the sweep
  double sweep_bs = 128;                              // the batch size the sweep plots
  std::vector<double> sweep_ep = {36, 72, 144, 320};  // EP lines of the sweep (within ep)
  std::string sweep_group = "gpu";  // gpu: a panel per GPU, a line per EP; ep: the reverse
  double tps_floor = 0;             // frontier: the per-user TPS an interactive service needs
  std::string lang = "en";
  std::string base;  // A/B: the baseline's canonical fragment; empty = no comparison

  friend bool operator==(const View&, const View&) = default;
};

struct Config {
  std::string preset = std::string(kDefaultPreset);
  Model model;
  Scenario scenario;
  std::vector<Gpu> hw;            // `hw=` rows: added GPUs or replaced catalog entries, in order
  std::vector<std::string> gpus;  // GPUs shown, in order; empty = every GPU of the catalog
  View view;

  friend bool operator==(const Config&, const Config&) = default;
};

// The catalog with the config's `hw=` rows applied: replacements in place, additions appended.
std::vector<Gpu> ResolvedCatalog(const Config& config);
// The GPUs the tables show, in order (`gpus`, or the whole resolved catalog).
std::vector<Gpu> SelectedGpus(const Config& config);

// ---- The schema: one descriptor per link key -------------------------------------------------
enum class FieldKind {
  kInt,         // whole number
  kFloat,       // real number
  kBool,        // 0 or 1
  kIntList,     // comma-separated whole numbers
  kNameList,    // comma-separated GPU names
  kChoice,      // one of a fixed list of words
  kChoiceList,  // comma-separated words of a fixed list
  kHwRows,      // repeatable `hw=NAME,sm,...` rows
  kSweep,       // key:from:to:step
  kLink,        // a whole config as a percent-encoded fragment (the A/B baseline)
};

using NumberRef = std::variant<std::monostate, double Model::*, double Scenario::*, double View::*>;
using ListRef =
    std::variant<std::monostate, std::vector<double> Scenario::*, std::vector<double> View::*>;
using TextRef = std::variant<std::monostate, std::string Config::*, std::string View::*>;
using NamesRef = std::variant<std::monostate, std::vector<std::string> Config::*,
                              std::vector<std::string> View::*>;

struct Field {
  std::string_view key;
  FieldKind kind;
  std::string_view group;  // Scenario, Model, Hardware, Advanced, View
  double min = 0;          // numeric range (of each item, for lists)
  double max = 0;
  bool min_exclusive = false;
  std::string_view unit;
  std::string_view help_en;
  std::string_view help_zh;
  NumberRef number{};
  ListRef list{};
  TextRef text{};
  NamesRef names{};
};

// Every link key except `v` and `hw`-row internals, in form order.
const std::vector<Field>& Schema();
const Field* FindField(std::string_view key);
// A sweep may vary any whole or real number that is not view state.
bool IsSweepable(const Field& field);
// Allowed words of a kChoice field (model presets, views, metrics, languages).
std::vector<std::string> Choices(const Field& field);

inline constexpr int kLinkVersion = 1;
inline constexpr size_t kMaxLinkBytes = 8192;
inline constexpr size_t kMaxListItems = 64;
inline constexpr size_t kMaxHwRows = 64;
inline constexpr double kMaxSweepPoints = 4096;

// Field accessors used by the codec, the sweep and the bindings.
double GetNumber(const Config& config, const Field& field);
void SetNumber(Config& config, const Field& field, double value);
const std::vector<double>& GetList(const Config& config, const Field& field);
std::vector<double>& MutableList(Config& config, const Field& field);
// The value of a field as it is written in a link (`hw` rows joined by '&hw=').
std::string FieldText(const Config& config, const Field& field);

// ---- Validation and the codec ----------------------------------------------------------------
struct ConfigError {
  std::string key;      // the link key (or "link" for the link as a whole)
  std::string message;  // what is wrong and what is allowed
  friend bool operator==(const ConfigError&, const ConfigError&) = default;
};

struct ParseResult {
  std::optional<Config> config;     // set only when errors is empty
  std::vector<ConfigError> errors;  // one per problem
  bool ok() const { return errors.empty(); }
};

// The error for results that are not finite (the schema's ranges are chosen so that this does
// not happen; front ends check their output anyway and report it with this one message).
inline ConfigError OverflowError() {
  return {"link", "the results overflow (a value is not finite); use smaller inputs"};
}

// Range and cross-field checks of a config built in code (the link parser runs these too).
std::vector<ConfigError> Validate(const Config& config);
// The checks that relate two keys (n_dense_layers <= n_layers, n_activated_experts <=
// n_routed_experts); part of Validate, cheap enough to run at every sweep point.
std::vector<ConfigError> CrossFieldErrors(const Config& config);

// A whole URL, a `#fragment`, a `?query` or a bare `k=v&...` string → a validated config.
ParseResult ParseLink(std::string_view link);
// The canonical fragment without '#': `v=1` then every key whose value differs from the
// default, in schema order.
std::string EncodeLink(const Config& config);

// Shortest decimal text that reads back as the same double.
std::string FormatNumber(double value);

}  // namespace shallowsim
