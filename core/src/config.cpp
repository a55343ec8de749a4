#include "shallowsim/config.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "shallowsim/table.h"

namespace shallowsim {

namespace {

using K = FieldKind;

constexpr double kBig = 1e6;

// One line per key. Ranges keep every result finite (see tests/core/property_test.cpp).
std::vector<Field> MakeSchema() {
  std::vector<Field> f;
  auto add = [&](Field field) { f.push_back(field); };
  // Scenario
  add({"seq_len", K::kInt, "Scenario", 1, 1048576, false, "tokens",
       "Context length: prefill length and the KV length read in decode",
       "上下文长度：prefill 长度，decode 时读取的 KV 长度", &Scenario::seq_len});
  add({"decode_len", K::kInt, "Scenario", 0, 1048576, false, "tokens",
       "Generated tokens per request (KV-cache memory check)",
       "每个请求生成的 token 数（用于 KV-Cache 显存检查）", &Scenario::decode_len});
  add({"kv_cache_rate", K::kFloat, "Scenario", 0, 1, false, "fraction",
       "Prefix-cache hit rate in prefill (share of KV not recomputed)",
       "prefill 前缀缓存命中率（无需重算的 KV 比例）", &Scenario::kv_cache_rate});
  add({"tp", K::kInt, "Scenario", 1, 1024, false, "GPUs", "Prefill attention tensor parallel",
       "prefill 注意力张量并行度", &Scenario::tp});
  add({"dp", K::kInt, "Scenario", 1, 65536, false, "GPUs", "Prefill data parallel",
       "prefill 数据并行度", &Scenario::dp});
  add({"bs",
       K::kIntList,
       "Scenario",
       1,
       1048576,
       false,
       "requests",
       "Decode batch sizes per GPU (comma-separated)",
       "decode 每卡批大小（逗号分隔）",
       {},
       &Scenario::bs});
  add({"ep",
       K::kIntList,
       "Scenario",
       1,
       65536,
       false,
       "GPUs",
       "Decode expert-parallel sizes (comma-separated)",
       "decode 专家并行规模（逗号分隔）",
       {},
       &Scenario::ep});
  add({"decode_tp",
       K::kIntList,
       "Scenario",
       1,
       1024,
       false,
       "GPUs",
       "Decode attention TP values (comma-separated)",
       "decode 注意力 TP 取值（逗号分隔）",
       {},
       &Scenario::decode_tp});
  add({"mbs", K::kInt, "Scenario", 1, 1024, false, "micro-batches",
       "Decode micro-batches (2 = two-batch overlap)", "decode 微批数（2 = 双批次重叠）",
       &Scenario::mbs});
  add({"fp8_combine", K::kBool, "Scenario", 0, 1, false, "0/1",
       "FP8 combine in decode (only on FP4-capable GPUs)",
       "decode 阶段 combine 使用 FP8（仅限支持 FP4 的 GPU）", &Scenario::fp8_combine});
  add({"tps_limit", K::kFloat, "Scenario", 0, 1e12, false, "tok/s",
       "Drop decode rows whose TPS (per user) is at or below this",
       "丢弃 TPS（每用户）不高于此值的 decode 行", &Scenario::tps_limit});
  // Model
  add({"model",
       K::kChoice,
       "Model",
       0,
       0,
       false,
       "",
       "Model preset; model keys override it",
       "模型预设；单独的模型参数会覆盖它",
       {},
       {},
       &Config::preset});
  add({"dim", K::kInt, "Model", 1, 65536, false, "", "Hidden size", "隐藏层维度", &Model::dim});
  add({"inter_dim", K::kInt, "Model", 1, 1048576, false, "", "Dense-layer FFN size",
       "Dense 层 FFN 维度", &Model::inter_dim});
  add({"moe_inter_dim", K::kInt, "Model", 1, 1048576, false, "", "One expert's FFN size",
       "单个专家 FFN 维度", &Model::moe_inter_dim});
  add({"n_layers", K::kInt, "Model", 1, 1024, false, "layers", "Transformer layers",
       "Transformer 层数", &Model::n_layers});
  add({"n_dense_layers", K::kInt, "Model", 0, 1024, false, "layers",
       "Leading dense layers; the rest are MoE", "前置 Dense 层数；其余为 MoE 层",
       &Model::n_dense_layers});
  add({"n_heads", K::kInt, "Model", 1, 1024, false, "heads", "Attention heads", "注意力头数",
       &Model::n_heads});
  add({"n_routed_experts", K::kInt, "Model", 1, 4096, false, "experts", "Routed experts (E)",
       "路由专家数 (E)", &Model::n_routed_experts});
  add({"n_shared_experts", K::kInt, "Model", 0, 64, false, "experts",
       "Shared experts (not read by the model: one is always charged)",
       "共享专家数（模型不读取：始终按 1 个计算）", &Model::n_shared_experts});
  add({"n_activated_experts", K::kInt, "Model", 1, 4096, false, "experts",
       "Routed experts per token (k)", "每个 token 激活的路由专家数 (k)",
       &Model::n_activated_experts});
  add({"q_lora_rank", K::kInt, "Model", 1, 65536, false, "", "Query low-rank dimension",
       "Query 低秩维度", &Model::q_lora_rank});
  add({"kv_lora_rank", K::kInt, "Model", 1, 65536, false, "", "KV low-rank dimension (latent)",
       "KV 低秩（潜在）维度", &Model::kv_lora_rank});
  add({"qk_nope_head_dim", K::kInt, "Model", 1, 4096, false, "",
       "Per-head query/key dimension without RoPE", "每头不含 RoPE 的 QK 维度",
       &Model::qk_nope_head_dim});
  add({"qk_rope_head_dim", K::kInt, "Model", 0, 4096, false, "",
       "Per-head query/key RoPE dimension", "每头 RoPE 的 QK 维度", &Model::qk_rope_head_dim});
  add({"v_head_dim", K::kInt, "Model", 1, 4096, false, "", "Per-head value dimension",
       "每头 V 维度", &Model::v_head_dim});
  add({"mla_params_m", K::kFloat, "Model", 0, kBig, false, "M params",
       "MLA parameters per layer (memory check only)", "每层 MLA 参数量（仅用于显存检查）",
       &Model::mla_params_m});
  add({"expert_params_m", K::kFloat, "Model", 0, kBig, false, "M params",
       "Parameters of one expert (memory check only)", "单个专家参数量（仅用于显存检查）",
       &Model::expert_params_m});
  add({"other_params_gb", K::kFloat, "Model", 0, kBig, false, "GB",
       "Embeddings and other weights (memory check only)", "Embedding 及其他权重（仅用于显存检查）",
       &Model::other_params_gb});
  // Hardware
  add({"gpus",
       K::kNameList,
       "Hardware",
       0,
       0,
       false,
       "",
       "GPUs shown in the tables, in order (default: all)",
       "表格中显示的 GPU 及顺序（默认：全部）",
       {},
       {},
       {},
       &Config::gpus});
  add({"hw", K::kHwRows, "Hardware", 0, 0, false, "",
       "Add or replace a GPU: NAME,sm,comm_sm,fp16,fp8,fp4,mem,mem_bw,nvlink_bw,pcie_bw,"
       "gpu_per_node (TFLOPS, GB, GB/s)",
       "新增或替换 GPU：名称,sm,comm_sm,fp16,fp8,fp4,显存,显存带宽,nvlink带宽,pcie带宽,"
       "每节点GPU数（TFLOPS、GB、GB/s）"});
  // Advanced
  add({"discount", K::kFloat, "Advanced", 0.01, 1, false, "fraction",
       "Datasheet-to-achievable factor for compute and bandwidth", "算力与带宽的可达折扣系数",
       &Scenario::discount});
  add({"mla_discount", K::kFloat, "Advanced", 0.01, 1, false, "fraction", "MLA kernel efficiency",
       "MLA 内核效率", &Scenario::mla_discount});
  add({"min_ar_time", K::kFloat, "Advanced", 0, kBig, false, "ms", "All-reduce fixed latency",
       "All-reduce 固定延迟", &Scenario::min_ar_time});
  add({"mla_static", K::kFloat, "Advanced", 0, kBig, false, "ms", "MLA kernel fixed time",
       "MLA 内核固定耗时", &Scenario::mla_static});
  add({"prefill_a2a_static", K::kFloat, "Advanced", 0, kBig, false, "ms",
       "Prefill all-to-all fixed latency", "prefill all-to-all 固定延迟",
       &Scenario::prefill_a2a_static});
  add({"decode_a2a_static", K::kFloat, "Advanced", 0, kBig, false, "ms",
       "Decode all-to-all fixed latency per micro-batch", "decode 每个微批 all-to-all 固定延迟",
       &Scenario::decode_a2a_static});
  add({"mem_util", K::kFloat, "Advanced", 0.01, 1, false, "fraction",
       "Usable fraction of GPU memory", "GPU 显存可用比例", &Scenario::mem_util});
  // View
  add({"view",
       K::kChoice,
       "View",
       0,
       0,
       false,
       "",
       "Which view the page opens",
       "页面打开的视图",
       {},
       {},
       &View::view});
  add({"sweep", K::kSweep, "View", 0, 0, false, "", "Sweep: key:from:to:step (to included)",
       "扫描：参数:起点:终点:步长（含终点）"});
  add({"metric",
       K::kChoiceList,
       "View",
       0,
       0,
       false,
       "",
       "Decode columns plotted by the sweep (comma-separated)",
       "扫描图的纵轴（decode 列，逗号分隔）",
       {},
       {},
       {},
       &View::metric});
  add({"sweep_bs", K::kInt, "View", 1, 1048576, false, "requests",
       "Batch size plotted by the sweep", "扫描图使用的批大小", &View::sweep_bs});
  add({"sweep_ep",
       K::kIntList,
       "View",
       1,
       65536,
       false,
       "GPUs",
       "EP sizes drawn as lines by the sweep",
       "扫描图中绘制的 EP 规模",
       {},
       &View::sweep_ep});
  add({"sweep_group",
       K::kChoice,
       "View",
       0,
       0,
       false,
       "",
       "Sweep panels: one per GPU with a line per EP, or one per EP with a line per GPU",
       "扫描图分面：每个 GPU 一张图（每个 EP 一条线），或每个 EP 一张图（每个 GPU 一条线）",
       {},
       {},
       &View::sweep_group});
  add({"tps_floor", K::kFloat, "View", 0, 1e12, false, "tok/s",
       "Frontier: the per-user TPS an interactive service needs",
       "前沿图：交互式服务所需的每用户 TPS 下限", &View::tps_floor});
  add({"lang",
       K::kChoice,
       "View",
       0,
       0,
       false,
       "",
       "Page language",
       "页面语言",
       {},
       {},
       &View::lang});
  add({"base", K::kLink, "View", 0, 0, false, "",
       "A/B baseline: another configuration's fragment, compared with this one",
       "A/B 基线：另一组配置的链接片段，与当前配置对比"});
  return f;
}

// ---- small text helpers ----------------------------------------------------------------------

// Quote user text for a message: printable ASCII kept, other bytes as \xNN, long text cut.
std::string Show(std::string_view text) {
  constexpr size_t kMax = 40;
  std::string out = "'";
  for (size_t i = 0; i < text.size() && i < kMax; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  out += "'";
  if (text.size() > kMax) out += " (" + std::to_string(text.size()) + " bytes, cut)";
  return out;
}

// A key as it appears at the start of an error line: escaped and cut like Show, unquoted.
std::string ShowKey(std::string_view key) {
  std::string shown = Show(key);
  const size_t close = shown.rfind('\'');
  return shown.substr(1, close - 1) + shown.substr(close + 1);
}

// Edit distance between two short keys (for "did you mean").
size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string UnknownKeyMessage(std::string_view key);  // after Schema()

// "has 70 items; at most 64 allowed"
std::string TooMany(size_t count, size_t max, std::string_view what) {
  return "has " + std::to_string(count) + " " + std::string(what) + "; at most " +
         std::to_string(max) + " allowed";
}

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(sep, start);
    if (at == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int hi = HexDigit(text[i + 1]);
    const int lo = HexDigit(text[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

// Decimal numbers only: [-]digits[.digits][e[+-]digits]. No spaces, hex, inf or nan.
bool IsDecimal(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

// Parses a number, or explains why not. -0 reads as 0.
std::optional<double> ParseNumber(std::string_view text, std::string* why) {
  if (text.empty()) {
    *why = "is empty; expected a number";
    return std::nullopt;
  }
  if (text.size() > 64 || !IsDecimal(text)) {
    *why = Show(text) + " is not a decimal number";
    return std::nullopt;
  }
  const std::string copy(text);
  const double v = std::strtod(copy.c_str(), nullptr);
  if (!std::isfinite(v)) {
    *why = Show(text) + " is too large";
    return std::nullopt;
  }
  return v == 0 ? 0.0 : v;
}

bool IsGpuName(std::string_view name) {
  if (name.empty() || name.size() > 32) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string RangeText(const Field& f) {
  std::string lo = FormatNumber(f.min), hi = FormatNumber(f.max);
  if (f.kind == K::kBool) return "0 or 1";
  std::string what = f.kind == K::kInt || f.kind == K::kIntList ? "a whole number " : "a number ";
  return what + (f.min_exclusive ? "> " + lo + " and <= " + hi : "from " + lo + " to " + hi);
}

// Checks one number against a field's range; empty when it fits.
std::string CheckRange(const Field& f, double v) {
  const bool whole = f.kind == K::kInt || f.kind == K::kIntList || f.kind == K::kBool;
  const bool below = f.min_exclusive ? v <= f.min : v < f.min;
  if (!std::isfinite(v) || below || v > f.max || (whole && v != std::floor(v))) {
    return FormatNumber(v) + " is out of range; allowed: " + RangeText(f);
  }
  return {};
}

// Allowed ranges of the numeric fields of an `hw=` row (sm, comm_sm, ... gpu_per_node).
struct HwRange {
  double min, max;
  bool whole;
};
constexpr HwRange kHwRanges[kGpuNumericFields] = {
    {1, 1e6, true},      {0, 1e6, true},      {0.001, 1e7, false}, {0.001, 1e7, false},
    {0, 1e7, false},     {0.001, 1e6, false}, {0.001, 1e7, false}, {0.001, 1e7, false},
    {0.001, 1e7, false}, {1, 1e6, true}};

std::vector<std::string> GpuErrors(const Gpu& g) {
  std::vector<std::string> out;
  if (!IsGpuName(g.name)) {
    out.push_back("name " + Show(g.name) + " is not allowed; use 1-32 of A-Z a-z 0-9 . _ -");
  }
  for (int i = 0; i < kGpuNumericFields; ++i) {
    const double v = GpuField(g, i);
    const HwRange& r = kHwRanges[i];
    const std::string name(kGpuFieldNames[i + 1]);
    if (!std::isfinite(v) || v < r.min || v > r.max || (r.whole && v != std::floor(v))) {
      out.push_back(name + " = " + FormatNumber(v) +
                    " is out of range; allowed: " + (r.whole ? "a whole number " : "a number ") +
                    "from " + FormatNumber(r.min) + " to " + FormatNumber(r.max));
    }
  }
  if (g.fp4 != 0 && g.fp4 < 0.001) out.push_back("fp4 must be 0 (unsupported) or >= 0.001");
  if (g.comm_sm >= g.sm) {
    out.push_back("comm_sm = " + FormatNumber(g.comm_sm) +
                  " must be less than sm = " + FormatNumber(g.sm));
  }
  return out;
}

std::vector<std::string> GpuNames(const std::vector<Gpu>& gpus) {
  std::vector<std::string> names;
  names.reserve(gpus.size());
  for (const Gpu& g : gpus) names.push_back(g.name);
  return names;
}

std::string SweepText(const SweepSpec& s) {
  return s.param + ":" + FormatNumber(s.from) + ":" + FormatNumber(s.to) + ":" +
         FormatNumber(s.step);
}

std::string HwText(const Gpu& g) {
  std::string out = g.name;
  for (int i = 0; i < kGpuNumericFields; ++i) out += "," + FormatNumber(GpuField(g, i));
  return out;
}

}  // namespace

// ---- catalog ---------------------------------------------------------------------------------

std::vector<Gpu> ResolvedCatalog(const Config& config) {
  std::vector<Gpu> catalog = BuiltinCatalog();
  for (const Gpu& row : config.hw) {
    auto it = std::find_if(catalog.begin(), catalog.end(),
                           [&](const Gpu& g) { return g.name == row.name; });
    if (it != catalog.end()) {
      *it = row;
    } else {
      catalog.push_back(row);
    }
  }
  return catalog;
}

std::vector<Gpu> SelectedGpus(const Config& config) {
  std::vector<Gpu> catalog = ResolvedCatalog(config);
  if (config.gpus.empty()) return catalog;
  std::vector<Gpu> out;
  out.reserve(config.gpus.size());
  for (const std::string& name : config.gpus) {
    for (const Gpu& g : catalog) {
      if (g.name == name) out.push_back(g);
    }
  }
  return out;
}

// ---- schema ----------------------------------------------------------------------------------

const std::vector<Field>& Schema() {
  static const std::vector<Field> schema = MakeSchema();  // immutable, built once
  return schema;
}

bool IsSweepable(const Field& f) {
  return (f.kind == K::kInt || f.kind == K::kFloat) && f.group != "View";
}

const Field* FindField(std::string_view key) {
  for (const Field& f : Schema()) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

namespace {
std::string UnknownKeyMessage(std::string_view key) {
  std::string_view best;
  size_t best_distance = 3;  // suggest only close matches
  if (key.size() <= 64) {
    for (const Field& f : Schema()) {
      const size_t d = Distance(key, f.key);
      if (d < best_distance) {
        best = f.key;
        best_distance = d;
      }
    }
  }
  if (!best.empty()) return "unknown key; did you mean " + std::string(best) + "?";
  return "unknown key; not a ShallowSim setting (the form lists every key)";
}
}  // namespace

std::vector<std::string> Choices(const Field& field) {
  if (field.key == "model") {
    std::vector<std::string> out;
    for (const Preset& p : Presets()) out.emplace_back(p.name);
    return out;
  }
  if (field.key == "view") {
    return {"prefill", "decode", "leaderboard", "maxbatch", "sweep", "frontier"};
  }
  if (field.key == "sweep_group") return {"gpu", "ep"};
  if (field.key == "metric") {
    std::vector<std::string> out;
    for (size_t i = 4; i < kDecodeColumns.size(); ++i) out.emplace_back(kDecodeColumns[i]);
    return out;
  }
  if (field.key == "lang") return {"en", "zh"};
  return {};
}

double GetNumber(const Config& c, const Field& f) {
  return std::visit(
      [&](auto member) -> double {
        using M = decltype(member);
        if constexpr (std::is_same_v<M, double Model::*>) return c.model.*member;
        if constexpr (std::is_same_v<M, double Scenario::*>) return c.scenario.*member;
        if constexpr (std::is_same_v<M, double View::*>) return c.view.*member;
        return 0.0;
      },
      f.number);
}

const std::vector<double>& GetList(const Config& c, const Field& f) {
  if (auto* m = std::get_if<std::vector<double> Scenario::*>(&f.list)) return c.scenario.**m;
  return c.view.*std::get<std::vector<double> View::*>(f.list);
}

std::vector<double>& MutableList(Config& c, const Field& f) {
  if (auto* m = std::get_if<std::vector<double> Scenario::*>(&f.list)) return c.scenario.**m;
  return c.view.*std::get<std::vector<double> View::*>(f.list);
}

void SetNumber(Config& c, const Field& f, double value) {
  std::visit(
      [&](auto member) {
        using M = decltype(member);
        if constexpr (std::is_same_v<M, double Model::*>) c.model.*member = value;
        if constexpr (std::is_same_v<M, double Scenario::*>) c.scenario.*member = value;
        if constexpr (std::is_same_v<M, double View::*>) c.view.*member = value;
      },
      f.number);
}

namespace {
std::string* TextOf(Config& c, const Field& f) {
  if (auto* m = std::get_if<std::string Config::*>(&f.text)) return &(c.**m);
  if (auto* m = std::get_if<std::string View::*>(&f.text)) return &(c.view.**m);
  return nullptr;
}
const std::string& TextOf(const Config& c, const Field& f) {
  return *TextOf(const_cast<Config&>(c), f);  // same member, read only
}
std::vector<std::string>& NamesOf(Config& c, const Field& f) {
  if (auto* m = std::get_if<std::vector<std::string> Config::*>(&f.names)) return c.**m;
  return c.view.*std::get<std::vector<std::string> View::*>(f.names);
}
const std::vector<std::string>& NamesOf(const Config& c, const Field& f) {
  return NamesOf(const_cast<Config&>(c), f);  // same member, read only
}

// A fragment as the value of one key: everything but unreserved characters escaped.
std::string PercentEncode(std::string_view text) {
  std::string out;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ',' || c == ':') {
      out += ch;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}
}  // namespace

std::string FieldText(const Config& c, const Field& f) {
  switch (f.kind) {
    case K::kInt:
    case K::kFloat:
    case K::kBool:
      return FormatNumber(GetNumber(c, f));
    case K::kIntList: {
      std::vector<std::string> items;
      for (double v : GetList(c, f)) items.push_back(FormatNumber(v));
      return Join(items, ",");
    }
    case K::kNameList:
    case K::kChoiceList:
      return Join(NamesOf(c, f), ",");
    case K::kChoice:
      return TextOf(c, f);
    case K::kLink:
      return PercentEncode(c.view.base);
    case K::kHwRows: {
      std::vector<std::string> rows;
      for (const Gpu& g : c.hw) rows.push_back(HwText(g));
      return Join(rows, "&hw=");
    }
    case K::kSweep:
      return SweepText(c.view.sweep);
  }
  return {};
}

// ---- validation ------------------------------------------------------------------------------

std::vector<ConfigError> Validate(const Config& c) {
  std::vector<ConfigError> errors;
  auto error = [&](std::string_view key, std::string message) {
    errors.push_back({std::string(key), std::move(message)});
  };
  for (const Field& f : Schema()) {
    switch (f.kind) {
      case K::kInt:
      case K::kFloat:
      case K::kBool: {
        std::string why = CheckRange(f, GetNumber(c, f));
        if (!why.empty()) error(f.key, why);
        break;
      }
      case K::kIntList: {
        const std::vector<double>& items = GetList(c, f);
        if (items.empty()) error(f.key, "is empty; give at least one value");
        if (items.size() > kMaxListItems) {
          error(f.key, TooMany(items.size(), kMaxListItems, "items"));
          break;
        }
        for (size_t i = 0; i < items.size(); ++i) {
          std::string why = CheckRange(f, items[i]);
          if (!why.empty()) error(f.key, "item " + std::to_string(i + 1) + ": " + why);
        }
        break;
      }
      case K::kChoice: {
        const std::string& value = TextOf(c, f);
        const std::vector<std::string> allowed = Choices(f);
        if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
          error(f.key, Show(value) + " is not known; allowed: " + Join(allowed, ", "));
        }
        break;
      }
      case K::kHwRows: {
        if (c.hw.size() > kMaxHwRows) {
          error(f.key, TooMany(c.hw.size(), kMaxHwRows, "rows"));
          break;
        }
        for (size_t i = 0; i < c.hw.size(); ++i) {
          for (const std::string& why : GpuErrors(c.hw[i])) {
            error(f.key, "row " + std::to_string(i + 1) + " (" + Show(c.hw[i].name) + "): " + why);
          }
          for (size_t j = 0; j < i; ++j) {
            if (c.hw[j].name == c.hw[i].name) {
              error(f.key, "row " + std::to_string(i + 1) + ": GPU " + Show(c.hw[i].name) +
                               " is already defined by row " + std::to_string(j + 1));
            }
          }
        }
        break;
      }
      case K::kChoiceList: {
        const std::vector<std::string>& items = NamesOf(c, f);
        const std::vector<std::string> allowed = Choices(f);
        if (items.empty()) error(f.key, "is empty; give at least one of: " + Join(allowed, ", "));
        for (size_t i = 0; i < items.size() && i < kMaxListItems; ++i) {
          if (std::find(allowed.begin(), allowed.end(), items[i]) == allowed.end()) {
            error(f.key, Show(items[i]) + " is not known; allowed: " + Join(allowed, ", "));
          } else if (std::find(items.begin(), items.begin() + i, items[i]) != items.begin() + i) {
            error(f.key, Show(items[i]) + " is listed twice");
          }
        }
        if (items.size() > kMaxListItems)
          error(f.key, TooMany(items.size(), kMaxListItems, "items"));
        break;
      }
      case K::kLink: {
        if (c.view.base.empty()) break;
        const ParseResult inner = ParseLink(c.view.base);
        for (const ConfigError& e : inner.errors) error(f.key, e.key + ": " + e.message);
        if (inner.ok() && !inner.config->view.base.empty()) {
          error(f.key, "a baseline cannot carry a baseline of its own");
        }
        break;
      }
      case K::kNameList: {
        if (c.gpus.size() > kMaxListItems) {
          error(f.key, TooMany(c.gpus.size(), kMaxListItems, "items"));
          break;
        }
        const std::vector<std::string> known = GpuNames(ResolvedCatalog(c));
        for (size_t i = 0; i < c.gpus.size(); ++i) {
          const std::string& name = c.gpus[i];
          if (std::find(known.begin(), known.end(), name) == known.end()) {
            error(f.key, "unknown GPU " + Show(name) + "; known: " + Join(known, ", ") +
                             " (add one with hw=)");
          } else if (std::find(c.gpus.begin(), c.gpus.begin() + i, name) != c.gpus.begin() + i) {
            error(f.key, "GPU " + Show(name) + " is listed twice");
          }
        }
        break;
      }
      case K::kSweep: {
        const SweepSpec& s = c.view.sweep;
        const Field* target = FindField(s.param);
        if (target == nullptr || !IsSweepable(*target)) {
          std::vector<std::string> keys;
          for (const Field& g : Schema()) {
            if (IsSweepable(g)) keys.emplace_back(g.key);
          }
          error(f.key, "cannot sweep " + Show(s.param) + "; sweepable keys: " + Join(keys, ", "));
          break;
        }
        if (!(s.step > 0) || !std::isfinite(s.step)) {
          error(f.key, "step " + FormatNumber(s.step) + " must be greater than 0");
          break;
        }
        if (!(s.from <= s.to)) {
          error(f.key,
                "from " + FormatNumber(s.from) + " must not exceed to " + FormatNumber(s.to));
          break;
        }
        for (double v : {s.from, s.to}) {
          std::string why = CheckRange(*target, v);
          if (!why.empty()) error(f.key, std::string(target->key) + " " + why);
        }
        if (target->kind == K::kInt && s.step != std::floor(s.step)) {
          error(f.key, "step " + FormatNumber(s.step) + " must be a whole number for " +
                           std::string(target->key));
        }
        if ((s.to - s.from) / s.step + 1 > kMaxSweepPoints) {
          error(f.key,
                "has more than " + FormatNumber(kMaxSweepPoints) + " points; use a larger step");
        }
        break;
      }
    }
  }
  std::vector<ConfigError> cross = CrossFieldErrors(c);
  errors.insert(errors.end(), cross.begin(), cross.end());
  return errors;
}

std::vector<ConfigError> CrossFieldErrors(const Config& c) {
  std::vector<ConfigError> errors;
  // Compares a to b only when both are in their own ranges (else Validate reports them alone).
  auto exceeds = [&](std::string_view a, std::string_view b) {
    const Field& fa = *FindField(a);
    const Field& fb = *FindField(b);
    const double va = GetNumber(c, fa), vb = GetNumber(c, fb);
    if (CheckRange(fa, va).empty() && CheckRange(fb, vb).empty() && va > vb) {
      errors.push_back({std::string(a), FormatNumber(va) + " exceeds " + std::string(b) + " = " +
                                            FormatNumber(vb)});
    }
  };
  exceeds("n_dense_layers", "n_layers");
  exceeds("n_activated_experts", "n_routed_experts");
  return errors;
}

// ---- the codec -------------------------------------------------------------------------------

ParseResult ParseLink(std::string_view link) {
  ParseResult result;
  auto error = [&](std::string_view key, std::string message) {
    result.errors.push_back({std::string(key), std::move(message)});
  };

  // Whole URL → fragment (or query); '#...' and '?...' → the part after the mark.
  std::string_view text = link;
  if (const size_t hash = text.find('#'); hash != std::string_view::npos) {
    text = text.substr(hash + 1);
  } else if (const size_t q = text.find('?'); q != std::string_view::npos) {
    text = text.substr(q + 1);
  } else if (text.find("://") != std::string_view::npos) {
    text = {};
  }
  if (text.size() > kMaxLinkBytes) {
    error("link", "is " + std::to_string(text.size()) + " bytes long; at most " +
                      std::to_string(kMaxLinkBytes) + " allowed");
    return result;
  }

  // key → value (hw collects its rows); syntax errors are reported per segment.
  std::map<std::string, std::string> values;
  std::vector<std::string> hw_rows;
  for (std::string_view segment : Split(text, '&')) {
    if (segment.empty()) continue;
    const size_t eq = segment.find('=');
    const std::optional<std::string> key = PercentDecode(segment.substr(0, eq));
    if (!key) {
      error(ShowKey(segment.substr(0, eq)), "bad percent-encoding in the key");
      continue;
    }
    if (key->empty()) {
      error("link", "a segment has an empty key: " + Show(segment) + "; write key=value");
      continue;
    }
    if (eq == std::string_view::npos) {
      error(*key, "has no value; write " + *key + "=value");
      continue;
    }
    const std::optional<std::string> value = PercentDecode(segment.substr(eq + 1));
    if (!value) {
      error(*key, "bad percent-encoding in " + Show(segment.substr(eq + 1)));
      continue;
    }
    if (*key == "hw") {
      hw_rows.push_back(*value);
      continue;
    }
    if (*key != "v" && FindField(*key) == nullptr) {
      error(ShowKey(*key), UnknownKeyMessage(*key));
      continue;
    }
    if (!values.emplace(*key, *value).second) {
      error(*key, "appears more than once; give each key once");
    }
  }

  // The schema version decides how to read the rest: a bad or newer one is the only error
  // reported (a newer link may use keys this version does not know).
  if (auto it = values.find("v"); it != values.end()) {
    std::string why;
    const std::optional<double> v = ParseNumber(it->second, &why);
    if (!v || *v != std::floor(*v) || *v < 1) {
      result.errors = {
          {"v", Show(it->second) + " is not a link version; this ShallowSim reads v=1"}};
      return result;
    }
    if (*v > kLinkVersion) {
      result.errors = {{"v", "link version " + FormatNumber(*v) +
                                 " is newer than this ShallowSim, which reads v=1; open it with "
                                 "a newer one"}};
      return result;
    }
  }

  Config c;
  if (auto it = values.find("model"); it != values.end()) {
    c.preset = it->second;
    if (const std::optional<Model> preset = FindPreset(c.preset)) c.model = *preset;
  }
  if (hw_rows.size() > kMaxHwRows) {
    error("hw", TooMany(hw_rows.size(), kMaxHwRows, "rows"));
    return result;
  }
  for (size_t r = 0; r < hw_rows.size(); ++r) {
    const std::vector<std::string_view> parts = Split(hw_rows[r], ',');
    const std::string where = "row " + std::to_string(r + 1) + ": ";
    if (parts.size() != kGpuNumericFields + 1) {
      error("hw", where + "has " + std::to_string(parts.size()) + " fields; expected " +
                      std::to_string(kGpuNumericFields + 1) +
                      " (NAME,sm,comm_sm,fp16,fp8,fp4,mem,mem_bw,nvlink_bw,pcie_bw,gpu_per_node)");
      continue;
    }
    Gpu g;
    g.name = std::string(parts[0]);
    bool ok = true;
    for (int i = 0; i < kGpuNumericFields; ++i) {
      std::string why;
      const std::optional<double> v = ParseNumber(parts[i + 1], &why);
      if (!v) {
        error("hw", where + std::string(kGpuFieldNames[i + 1]) + " " + why);
        ok = false;
      } else {
        SetGpuField(g, i, *v);
      }
    }
    if (ok) c.hw.push_back(g);
  }

  for (const auto& [key, value] : values) {
    if (key == "v" || key == "model") continue;
    const Field& f = *FindField(key);
    std::string why;
    switch (f.kind) {
      case K::kInt:
      case K::kFloat:
      case K::kBool:
        if (const std::optional<double> v = ParseNumber(value, &why)) {
          SetNumber(c, f, *v);
        } else {
          error(key, why);
        }
        break;
      case K::kIntList: {
        const std::vector<std::string_view> parts = Split(value, ',');
        if (parts.size() > kMaxListItems) {
          error(key, TooMany(parts.size(), kMaxListItems, "items"));
          break;
        }
        std::vector<double> items;
        bool ok = true;
        for (size_t i = 0; i < parts.size(); ++i) {
          if (const std::optional<double> v = ParseNumber(parts[i], &why)) {
            items.push_back(*v);
          } else {
            error(key, "item " + std::to_string(i + 1) + " " + why);
            ok = false;
          }
        }
        if (ok) MutableList(c, f) = std::move(items);
        break;
      }
      case K::kNameList:
      case K::kChoiceList: {
        const std::vector<std::string_view> parts = Split(value, ',');
        if (parts.size() > kMaxListItems) {
          error(key, TooMany(parts.size(), kMaxListItems, "items"));
          break;
        }
        bool ok = true;
        for (size_t i = 0; i < parts.size(); ++i) {
          if (parts[i].empty()) {
            error(key, "item " + std::to_string(i + 1) + " is empty");
            ok = false;
          }
        }
        if (ok) {
          std::vector<std::string>& names = NamesOf(c, f);
          names.clear();
          for (std::string_view p : parts) names.emplace_back(p);
        }
        break;
      }
      case K::kChoice:
        *TextOf(c, f) = value;
        break;
      case K::kLink: {
        // The baseline is a whole link of its own, validated and kept in canonical form;
        // an empty value means no baseline.
        if (value.empty()) break;
        const ParseResult inner = ParseLink(value);
        for (const ConfigError& e : inner.errors) error(key, e.key + ": " + e.message);
        if (!inner.ok()) break;
        if (!inner.config->view.base.empty()) {
          error(key, "a baseline cannot carry a baseline of its own");
          break;
        }
        c.view.base = EncodeLink(*inner.config);
        break;
      }
      case K::kSweep: {
        const std::vector<std::string_view> parts = Split(value, ':');
        if (parts.size() != 4) {
          error(key, Show(value) + " is not key:from:to:step (e.g. seq_len:1024:16352:32)");
          break;
        }
        SweepSpec s;
        s.param = std::string(parts[0]);
        bool ok = true;
        double* targets[3] = {&s.from, &s.to, &s.step};
        const char* names[3] = {"from", "to", "step"};
        for (int i = 0; i < 3; ++i) {
          if (const std::optional<double> v = ParseNumber(parts[i + 1], &why)) {
            *targets[i] = *v;
          } else {
            error(key, std::string(names[i]) + " " + why);
            ok = false;
          }
        }
        if (ok) c.view.sweep = s;
        break;
      }
      case K::kHwRows:
        break;
    }
  }

  // Range and cross-field checks too, so one pass reports every problem; a key that failed
  // to parse kept its default and is not reported twice.
  for (ConfigError& e : Validate(c)) {
    const bool reported = std::any_of(result.errors.begin(), result.errors.end(),
                                      [&](const ConfigError& seen) { return seen.key == e.key; });
    if (!reported) result.errors.push_back(std::move(e));
  }
  if (!result.errors.empty()) return result;
  // Canonical form: listing every GPU in catalog order is the same as not listing any.
  if (c.gpus == GpuNames(ResolvedCatalog(c))) c.gpus.clear();
  result.config = std::move(c);
  return result;
}

std::string EncodeLink(const Config& c) {
  const Config defaults;
  Config base;  // defaults with the config's preset, so model keys are compared to the preset
  base.preset = c.preset;
  if (const std::optional<Model> preset = FindPreset(c.preset)) base.model = *preset;
  std::string out = "v=" + std::to_string(kLinkVersion);
  for (const Field& f : Schema()) {
    if (f.kind == K::kHwRows && c.hw.empty()) continue;
    if (f.kind == K::kNameList && (c.gpus.empty() || c.gpus == GpuNames(ResolvedCatalog(c)))) {
      continue;
    }
    const std::string text = FieldText(c, f);
    if (f.kind != K::kHwRows && f.kind != K::kNameList &&
        text == FieldText(f.group == "Model" && f.kind != K::kChoice ? base : defaults, f)) {
      continue;
    }
    out += "&" + std::string(f.key) + "=" + text;
  }
  return out;
}

std::string FormatNumber(double value) {
  char buf[40];
  // Whole numbers in plain digits (300, not 3e+02); otherwise the shortest exact %g.
  if (value == std::floor(value) && std::abs(value) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", value);
    return buf;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  return buf;
}

}  // namespace shallowsim
