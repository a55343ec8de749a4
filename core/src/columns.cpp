// Column descriptors. Meanings follow the seed document (seed/shallowsim-metrics.md), in English
// and Chinese.
#include "shallowsim/columns.h"

#include <array>

#include "shallowsim/hardware.h"
#include "shallowsim/plan.h"
#include "shallowsim/table.h"

namespace shallowsim {

namespace {

constexpr Text kGpuMeaning = {
    "Accelerator or rack model. In “NVLxxx” the number is about the GPUs in the NVLink domain "
    "(NVL72 = 72 Blackwell GPUs, NVL576 = Rubin Ultra).",
    "使用的加速卡／机柜型号。“NVLxxx”里的数字≈机柜中的 GPU 总数（NVL72 = 72 颗 Blackwell，NVL576 = "
    "Rubin Ultra）。"};
constexpr Column kGpu = {.name = "GPU", .style = Style::kText, .meaning = kGpuMeaning};

constexpr auto Ms(std::string_view name, Text meaning, std::string_view formula = {}) {
  return Column{.name = name,
                .unit = "ms",
                .better = Better::kLower,
                .decimals = 3,
                .meaning = meaning,
                .formula = formula};
}

constexpr std::array<Column, kPrefillWidth> kPrefill = {{
    kGpu,
    Ms("MLA", {"Dense-layer MLA time (no TP), per layer.", "Dense 层 MLA 耗时（每层）。"}),
    Ms("DenseMLP", {"Dense-layer FFN time, per layer.", "Dense 层 FFN 耗时（每层）。"}),
    Ms("TP_MLA", {"MoE-layer MLA time with attention TP = tp (plus all-reduce), per layer.",
                  "MoE 层 MLA 耗时（注意力 TP = tp，含 all-reduce），每层。"}),
    Ms("SharedExpert", {"Shared-expert time per MoE layer.", "MoE 层共享专家耗时（每层）。"}),
    Ms("Combine", {"Expert → token all-to-all per MoE layer.", "每层专家 → Token 的 All-to-All。"}),
    Ms("Overlap1",
       {"Combine time left over after TP_MLA + SharedExpert (positive = exposed).",
        "combine 阶段通信剩余（为正 = 未被掩盖）。"},
       "Combine − (TP_MLA + SharedExpert)"),
    Ms("RoutedExpert", {"Routed-experts time per MoE layer.", "MoE 层路由专家耗时（每层）。"}),
    Ms("Dispatch",
       {"Token → expert all-to-all per MoE layer.", "每层 Token → 专家的 All-to-All。"}),
    Ms("Overlap2",
       {"Dispatch time left over after RoutedExpert (positive = exposed).",
        "dispatch 阶段通信剩余（为正 = 未被掩盖）。"},
       "Dispatch − RoutedExpert"),
    Ms("Compute", {"Compute time over all layers.", "全部层的计算时间。"},
       "n_dense·(MLA + DenseMLP) + n_sparse·(TP_MLA + SharedExpert + RoutedExpert)"),
    Ms("Comm", {"All-to-all time over all MoE layers.", "全部 MoE 层的 all-to-all 通信时间。"},
       "n_sparse·(Combine + Dispatch)"),
    Ms("Sum",
       {"Prefill time: compute plus the communication that is not hidden.",
        "prefill 总耗时：计算加上未被掩盖的通信。"},
       "Compute + n_sparse·(max(Overlap1, 0) + max(Overlap2, 0))"),
    {.name = "PrefillTPS",
     .unit = "tok/s/GPU",
     .better = Better::kHigher,
     .decimals = 0,
     .meaning = {"Prefill tokens per second per GPU.", "每卡每秒 prefill 的 token 数。"},
     .formula = "seq_len / tp · 1000 / Sum"},
}};

constexpr Column Count(std::string_view name, std::string_view unit, Text meaning) {
  return Column{
      .name = name, .unit = unit, .style = Style::kInteger, .decimals = 0, .meaning = meaning};
}

constexpr Column kTp = Count(
    "TP", "GPUs",
    {"Tensor parallel degree of decode attention: how many GPUs one weight matrix is split over.",
     "Tensor Parallel 分片数：同一权重矩阵被切成几块在不同 GPU 上并行乘。"});
constexpr Column kEp =
    Count("EP", "GPUs",
          {"Expert parallel size: how many GPUs the routed experts are spread over.",
           "Expert Parallel 分片数：路由专家分布在多少张 GPU 上。"});

constexpr std::array<Column, kDecodeWidth> kDecode = {{
    kGpu,
    kTp,
    kEp,
    Count("BatchSize", "requests",
          {"Concurrent sequences per GPU in each decode step; sets the overlap and the KV-cache "
           "size.",
           "每次 decode 的并发样本/句子数（每卡），直接影响并行度与 KV-Cache 大小。"}),
    Ms("DenseMLA",
       {"Attention time per dense layer, including reading the KV cache.",
        "Dense 区每层 Multi-Head-Attn 时延（含 KV 读带宽）。"},
       "MLA + LoadKV"),
    Ms("DenseMLP", {"FFN time per dense layer.", "Dense 区每层 FFN 时延。"}),
    Ms("SparseMLA",
       {"Attention time per MoE layer, including the KV read and TP (with its all-reduce).",
        "Sparse 区（MoE 区）每层 Attn 时延（含 KV 读带宽 + TP 并行）。"},
       "MLA / TP + all-reduce + LoadKV"),
    Ms("Combine",
       {"Expert → token all-to-all (FP16; FP8 when fp8_combine is on and the GPU supports FP4).",
        "专家 → Token 的 All-to-All（FP16；开启 fp8_combine 且 GPU 支持 FP4 时为 FP8）。"}),
    Ms("SharedExpert", {"Shared-expert time per MoE layer.", "MoE 里共享专家的单层耗时。"}),
    Ms("RoutedExpert", {"Routed-experts time per MoE layer.", "MoE 里路由专家的单层耗时。"}),
    Ms("Dispatch",
       {"Token → expert all-to-all (FP8/FP4).", "Token → 专家的 All-to-All（FP4/8）。"}),
    Ms("COMP_SUM", {"Pure compute per MoE layer.", "Sparse 区单层“纯计算”总和。"},
       "SparseMLA + SharedExpert + RoutedExpert"),
    Ms("COMM_SUM", {"Both all-to-alls per MoE layer.", "Sparse 区单层两次通信总和。"},
       "Dispatch + Combine"),
    Ms("Delta",
       {"Communication per layer left over after the compute it overlaps with. Positive (red) = "
        "exposed communication, added n_sparse times to TPOT.",
        "每层通信时长超过可并行计算部分的剩余量。为正（标红）= 通信未被掩盖，按 n_sparse 层计入 "
        "TPOT。"},
       "COMM_SUM − (SparseMLA + SharedExpert)"),
    Ms("TPOT",
       {"Time per output token (after the first), paying for communication that is not hidden.",
        "真实的每个输出 token 耗时（不含首 token），Δ > 0 时补偿不可重叠的通信。"},
       "TPOT_O + Delta × n_sparse if Delta > 0, else TPOT_O"),
    Ms("TPOT_O",
       {"Ideal time per output token, as if all communication were hidden by compute.",
        "Time Per Output Token 的理想耗时（假设通信全被计算隐藏）。"},
       "(DenseMLA + DenseMLP) × n_dense + COMP_SUM × n_sparse"),
    {.name = "TPS",
     .unit = "tok/s/user",
     .better = Better::kHigher,
     .decimals = 1,
     .meaning = {"Tokens per second per user (real).", "真实的每用户 token/s。"},
     .formula = "1000 / TPOT"},
    {.name = "TPS_O",
     .unit = "tok/s/user",
     .better = Better::kHigher,
     .decimals = 1,
     .meaning = {"Tokens per second per user (ideal).", "理想的每用户 token/s。"},
     .formula = "1000 / TPOT_O"},
    {.name = "Total",
     .unit = "tok/s/GPU",
     .better = Better::kHigher,
     .decimals = 0,
     .meaning = {"Output throughput per GPU (real).", "真实的单卡总吞吐。"},
     .formula = "TPS × BatchSize"},
    {.name = "Total_O",
     .unit = "tok/s/GPU",
     .better = Better::kHigher,
     .decimals = 0,
     .meaning = {"Output throughput per GPU (ideal).", "理想的单卡总吞吐（batch × TPS_O）。"},
     .formula = "TPS_O × BatchSize"},
    {.name = "Comm_Impact",
     .unit = "%",
     .style = Style::kFraction,
     .better = Better::kLower,
     .decimals = 1,
     .meaning = {"Throughput lost to communication: how much faster it would be with perfect "
                 "overlap.",
                 "通信对总体吞吐的削弱比例：如果把通信优化到极致，仍可再快 X%。"},
     .formula = "(Total_O − Total) / Total_O"},
}};

constexpr std::array<Column, 4> kMaxBatch = {{
    kGpu,
    kEp,
    kTp,
    {.name = "MaxBatch",
     .unit = "requests",
     .style = Style::kInteger,
     .better = Better::kHigher,
     .decimals = 0,
     .meaning =
         {"Largest batch per GPU whose KV cache (seq_len + decode_len) fits in mem × "
          "mem_util after the weights.",
          "扣除权重后，KV-Cache（seq_len + decode_len）能放进 mem × mem_util 的最大每卡批大小。"}},
}};

constexpr std::array<Column, kDecodeWidth + 1> SweepColumns() {
  std::array<Column, kDecodeWidth + 1> out{};
  out[0] = {.name = "index_value",
            .decimals = 6,
            .meaning = {"The swept input's value at this point.", "该点上被扫描参数的取值。"}};
  for (size_t i = 0; i < kDecode.size(); ++i) out[i + 1] = kDecode[i];
  return out;
}
constexpr std::array<Column, kDecodeWidth + 1> kSweep = SweepColumns();

// What the sweep charts plot (sweep.h SweepSeries), one row per point of each line.
constexpr std::array<Column, 7> kSeries = {{
    {.name = "index_value",
     .decimals = 6,
     .meaning = {"The swept input's value at this point.", "该点上被扫描参数的取值。"}},
    kGpu,
    kEp,
    {.name = "BatchSize",
     .unit = "requests",
     .style = Style::kInteger,
     .decimals = 0,
     .meaning = {"The plotted batch per GPU (sweep_bs).", "绘制的每卡批大小（sweep_bs）。"}},
    {.name = "TP",
     .unit = "GPUs",
     .style = Style::kInteger,
     .decimals = 0,
     .meaning = {"The decode TP of the best row at this point.", "该点最优行的 decode TP。"}},
    {.name = "metric",
     .style = Style::kText,
     .meaning = {"The plotted column (metric=).", "绘制的列（metric=）。"}},
    {.name = "value", .decimals = 3, .meaning = {"Its value at this point.", "该点的取值。"}},
}};

constexpr Column Label(std::string_view name, Text meaning) {
  return Column{.name = name, .style = Style::kText, .meaning = meaning};
}
constexpr Column Input(std::string_view name, std::string_view unit, Text meaning,
                       bool optional = false) {
  return Column{.name = name,
                .unit = unit,
                .style = Style::kInteger,
                .decimals = 0,
                .meaning = meaning,
                .optional = optional};
}
constexpr Column Rate(std::string_view name, Text meaning, bool optional) {
  return Column{.name = name,
                .unit = "tok/s/GPU",
                .better = Better::kNone,
                .decimals = 0,
                .meaning = meaning,
                .optional = optional};
}
constexpr Column ErrorPct(std::string_view name, Text meaning) {
  return Column{.name = name,
                .unit = "%",
                .better = Better::kNone,
                .decimals = 1,
                .meaning = meaning,
                .formula = "(predicted − measured) / measured × 100",
                .optional = true};
}

// The reality check (reality.h): one row per published deployment.
constexpr std::array<Column, 25> kReality = {{
    Label("id", {"The deployment (core/data/deployments.csv).", "部署编号。"}),
    Label("tier", {"A: controlled benchmark, conditions stated; B: usable with care.",
                   "A：受控基准，条件明确；B：需谨慎使用。"}),
    Label("phase", {"decode (output tokens/s per GPU) or prefill (input tokens/s per GPU).",
                    "decode（每卡输出 token/s）或 prefill（每卡输入 token/s）。"}),
    kGpu,
    Input("EP", "GPUs", {"Expert parallel size of one instance.", "单个实例的专家并行规模。"},
          true),
    Input("TP", "GPUs", {"Attention TP.", "注意力 TP。"}, true),
    Input("DP", "GPUs", {"Attention DP.", "注意力 DP。"}, true),
    Input("batch", "",
          {"Decode: requests per GPU; prefill: tokens per batch (assumed where not stated).",
           "decode：每卡请求数；prefill：每批 token 数（未说明时为假设值）。"},
          true),
    Input("isl", "tokens", {"Input length.", "输入长度。"}, true),
    Input("osl", "tokens", {"Output length.", "输出长度。"}, true),
    Input("kv_len", "tokens",
          {"Mean KV length read per decode step.", "每个 decode 步平均读取的 KV 长度。"}, true),
    Input("mtp", "tokens", {"MTP draft tokens per step.", "每步 MTP 草稿 token 数。"}, true),
    {.name = "mtp_accept",
     .unit = "tokens/step",
     .decimals = 2,
     .meaning = {"Tokens emitted per request per step.", "每步每个请求产出的 token 数。"},
     .optional = true},
    Label("moe_dtype", {"Expert weight format.", "专家权重格式。"}),
    Label("kv_dtype", {"KV-cache element.", "KV-Cache 元素类型。"}),
    Input("mbs", "micro-batches", {"Micro-batches overlapped.", "重叠的微批数。"}, true),
    Rate("measured", {"Measured throughput per GPU.", "实测每卡吞吐。"}, false),
    Rate("reference",
         {"Predicted in reference mode (empty: the batch does not fit).",
          "reference 模式预测值（空：放不下该批大小）。"},
         true),
    Rate("calibrated",
         {"Predicted in calibrated mode (empty: the batch does not fit).",
          "calibrated 模式预测值（空：放不下该批大小）。"},
         true),
    ErrorPct("err_reference_pct", {"Reference mode's error.", "reference 模式误差。"}),
    ErrorPct("err_calibrated_pct", {"Calibrated mode's error.", "calibrated 模式误差。"}),
    Label("unit", {"What `measured` counts.", "measured 的含义。"}),
    Label("assumed", {"What the source does not state and the model assumed.",
                      "来源未说明、由模型假设的内容。"}),
    Label("source", {"Where the figure was published.", "数据出处。"}),
    Label("link", {"The scenario in calibrated mode.", "calibrated 模式下的场景链接。"}),
}};

constexpr std::array<PrefillLine, 9> kPrefillLayout = {{
    {"MLA", "MLA", Layers::kDense, {"Dense-layer MLA time", "Dense层MLA耗时"}},
    {"DenseMLP", "DenseMLP", Layers::kDense, {"Dense-layer MLP time", "Dense层MLP耗时"}},
    {"TP_MLA", "TP_MLA", Layers::kSparse, {"MoE-layer MLA time", "MoE层MLA耗时"}},
    {"SharedExpert",
     "Shared Expert",
     Layers::kSparse,
     {"Shared expert compute", "Shared Expert计算时间"}},
    {"Combine", "Combine", Layers::kSparse, {"MoE all-to-all (combine)", "MoE all2all"}},
    {"Overlap1", "Overlap1", Layers::kSparse, {"Combine left over", "combine阶段通信剩余"}},
    {"RoutedExpert",
     "Routed Expert",
     Layers::kSparse,
     {"Routed experts compute", "Routed Expert计算时间"}},
    {"Dispatch", "Dispatch", Layers::kSparse, {"MoE all-to-all (dispatch)", "MoE all2all"}},
    {"Overlap2", "Overlap2", Layers::kSparse, {"Dispatch left over", "dispatch阶段通信剩余"}},
}};
constexpr std::array<PrefillLine, 4> kPrefillSummary = {{
    {"Compute", "Compute (ms)", Layers::kNone, {"Compute, all layers (ms)", "全部层计算时间 (ms)"}},
    {"Comm", "Comm (ms)", Layers::kNone, {"All-to-all, all layers (ms)", "全部层通信时间 (ms)"}},
    {"Sum", "Sum (ms)", Layers::kNone, {"Prefill time (ms)", "prefill 总耗时 (ms)"}},
    {"PrefillTPS", "PrefillTPS (tok/s/GPU)", Layers::kNone, {"Tokens/s per GPU", "每卡 token/s"}},
}};

}  // namespace

// The plan (plan.h): one row per GPU that meets the targets.
constexpr Column Measure(std::string_view name, std::string_view unit, Better better, int decimals,
                         Text meaning, std::string_view formula = {}, bool optional = false) {
  return Column{.name = name,
                .unit = unit,
                .better = better,
                .decimals = decimals,
                .meaning = meaning,
                .formula = formula,
                .optional = optional};
}
constexpr std::array<Column, kPlanWidth> kPlan = {{
    kGpu,
    Count("PrefillTP", "GPUs",
          {"Attention TP of a prefill instance.", "prefill 实例的注意力 TP。"}),
    Count("PrefillDP", "GPUs",
          {"Attention DP of a prefill instance; it has PrefillTP × PrefillDP GPUs (its EP).",
           "prefill 实例的注意力 DP；实例共 PrefillTP × PrefillDP 张卡（即其 EP）。"}),
    Count("PrefillTokens", "tokens",
          {"Tokens per TP group in one prefill batch (a multiple of isl).",
           "一个 prefill 批次中每个 TP 组的 token 数（isl 的整数倍）。"}),
    Count("DecodeEP", "GPUs",
          {"GPUs of a decode instance (expert parallel).", "decode 实例的 GPU 数（专家并行）。"}),
    Count("DecodeTP", "GPUs", {"Attention TP in decode.", "decode 的注意力 TP。"}),
    Count("Batch", "requests", {"Requests per decode GPU.", "每张 decode 卡的并发请求数。"}),
    Count("MaxBatch", "requests",
          {"Requests per decode GPU whose KV cache (isl + osl) fits at this EP and TP; Batch = "
           "MaxBatch: memory, not the TPOT target, limits the batch.",
           "该 EP 与 TP 下 KV-Cache（isl + osl）放得下的每卡请求数；Batch = MaxBatch "
           "表示限制批大小的是显存而非 TPOT 目标。"}),
    Measure("TTFT_ms", "ms", Better::kLower, 0,
            {"Time to first token: 1.8 × the prefill time of the request's batch.",
             "首 token 时延：1.8 × 请求所在批次的 prefill 时间。"},
            "1.8 × prefill Sum"),
    Measure("TPOT_ms", "ms", Better::kLower, 2,
            {"Time per output token at the mean context isl + osl/2.",
             "平均上下文 isl + osl/2 下每个输出 token 的时延。"}),
    Measure("TPS_user", "tok/s", Better::kHigher, 1,
            {"Output tokens per second per request.", "每个请求每秒输出 token 数。"},
            "1000 / TPOT_ms"),
    Measure("PrefillTPS_per_GPU", "tok/s/GPU", Better::kHigher, 0,
            {"Input tokens per second per prefill GPU.", "每张 prefill 卡每秒处理的输入 token。"}),
    Measure("DecodeTPS_per_GPU", "tok/s/GPU", Better::kHigher, 0,
            {"Output tokens per second per decode GPU.", "每张 decode 卡每秒输出 token。"},
            "Batch × TPS_user"),
    Measure("PD_ratio", "", Better::kNone, 3,
            {"Prefill GPUs per decode GPU, so that prefill produces the input decode consumes.",
             "每张 decode 卡配的 prefill 卡数，使 prefill 产出恰好满足 decode 所需输入。"},
            "DecodeTPS_per_GPU × (isl/osl) / PrefillTPS_per_GPU"),
    Measure("OutputTPS_per_GPU", "tok/s/GPU", Better::kHigher, 0,
            {"Output tokens per second per GPU of the deployment (prefill + decode GPUs).",
             "整个部署（prefill + decode 卡）每卡每秒输出 token。"},
            "DecodeTPS_per_GPU / (1 + PD_ratio)"),
    Measure("TotalTPS_per_GPU", "tok/s/GPU", Better::kHigher, 0,
            {"Input + output tokens per second per GPU of the deployment (the basis public "
             "benchmarks use).",
             "整个部署每卡每秒输入 + 输出 token（公开基准采用的口径）。"},
            "OutputTPS_per_GPU × (isl + osl) / osl"),
    Measure("USD_per_GPU_hr", "USD/GPU-h", Better::kNone, 2,
            {"Price per GPU-hour (price=, or the built-in owning cost).",
             "每 GPU 小时价格（price=，或内置持有成本）。"}),
    Measure("USD_per_M_output", "USD/M tok", Better::kLower, 3,
            {"Cost of a million output tokens.", "每百万输出 token 的成本。"},
            "USD_per_GPU_hr × 10^6 / (3600 × OutputTPS_per_GPU)"),
    Input("GPUs", "GPUs",
          {"With load=: GPUs of the deployment, in whole instances.",
           "给定 load= 时：部署的 GPU 总数（整数个实例）。"},
          true),
    Input("PrefillInstances", "instances",
          {"With load=: prefill instances.", "给定 load= 时：prefill 实例数。"}, true),
    Input("DecodeInstances", "instances",
          {"With load=: decode instances.", "给定 load= 时：decode 实例数。"}, true),
    Measure("USD_per_hour", "USD/h", Better::kLower, 0,
            {"With load=: the deployment's cost per hour.", "给定 load= 时：部署每小时成本。"},
            "GPUs × USD_per_GPU_hr", true),
}};

std::span<const Column> PrefillColumns() { return kPrefill; }
std::span<const Column> DecodeColumns() { return kDecode; }
std::span<const Column> MaxBatchColumns() { return kMaxBatch; }
std::span<const Column> RealityColumns() { return kReality; }
std::span<const Column> PlanColumns() { return kPlan; }

std::span<const Column> CatalogColumns() {
  // GPU and where the row comes from, every hw= figure (HwFields: the one descriptor of them),
  // the price, then the notes.
  static const std::vector<Column> columns = [] {
    std::vector<Column> out = {
        kGpu, Label("origin", {"catalog, or the link's hw= row (added or replacing one).",
                               "内置目录，或链接中的 hw= 行（新增或替换）。"})};
    for (const HwField& h : HwFields()) {
      if (!h.member) continue;
      out.push_back({.name = h.key,
                     .unit = h.unit,
                     .style = h.whole ? Style::kInteger : Style::kDecimal,
                     .decimals = 0,
                     .meaning = h.meaning});
    }
    out.push_back({.name = "USD_per_GPU_hr",
                   .unit = "USD/GPU-h",
                   .decimals = 2,
                   .meaning = {"The price the planner uses.", "规划视图使用的价格。"}});
    out.push_back(Label("price_source", {"Where the price comes from.", "价格来源。"}));
    out.push_back(Label("warnings", {"What is physically odd about these figures, as the model "
                                     "uses them.",
                                     "这些数据在模型中的使用方式下存在的物理上不合理之处。"}));
    out.push_back(Label("source", {"Where the figures come from; which disagree with the "
                                   "published ones (docs/HARDWARE.md).",
                                   "数据来源；与公开数据不一致之处（docs/HARDWARE.md）。"}));
    return out;
  }();
  return columns;
}

std::span<const TableInfo> Tables() {
  static const std::array<TableInfo, 8> tables = {{
      {.key = "prefill", .columns = kPrefill},
      {.key = "decode",
       .columns = kDecode,
       .headline = {"GPU", "EP", "TP", "BatchSize", "TPOT", "TPS", "Total", "Comm_Impact"}},
      {.key = "maxbatch", .columns = kMaxBatch},
      {.key = "sweep", .columns = kSweep},
      {.key = "series", .columns = kSeries},
      {.key = "plan",
       .columns = kPlan,
       .headline = {"GPU", "OutputTPS_per_GPU", "USD_per_M_output", "TPS_user", "TTFT_ms",
                    "TPOT_ms", "PD_ratio", "DecodeEP", "DecodeTP", "Batch"}},
      {.key = "catalog",
       .columns = CatalogColumns(),
       .headline = {"GPU", "fp8", "fp4", "mem", "mem_bw", "nvlink_bw", "pcie_bw", "gpu_per_node"}},
      {.key = "reality",
       .columns = kReality,
       .headline = {"id", "tier", "GPU", "measured", "reference", "calibrated", "err_reference_pct",
                    "err_calibrated_pct"}},
  }};
  return tables;
}

const TableInfo* FindTable(std::string_view key) {
  for (const TableInfo& t : Tables()) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

int ColumnIndex(std::span<const Column> columns, std::string_view name) {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::span<const PrefillLine> PrefillLayout() { return kPrefillLayout; }
std::span<const PrefillLine> PrefillSummaryLayout() { return kPrefillSummary; }

}  // namespace shallowsim
