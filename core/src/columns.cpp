// Column descriptors. Meanings follow the seed document (seed/shallowsim-metrics.md), in English
// and Chinese.
#include "shallowsim/columns.h"

#include <array>

#include "column_kit.h"
#include "shallowsim/hardware.h"
#include "shallowsim/plan.h"
#include "shallowsim/table.h"

namespace shallowsim {

using namespace column_kit;  // NOLINT(google-build-using-namespace): the descriptors' vocabulary

namespace {

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

std::span<const Column> PrefillColumns() { return kPrefill; }
std::span<const Column> DecodeColumns() { return kDecode; }
std::span<const Column> MaxBatchColumns() { return kMaxBatch; }

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
  static const std::array<TableInfo, 10> tables = {{
      {.key = "prefill", .columns = kPrefill},
      {.key = "decode",
       .columns = kDecode,
       .headline = {"GPU", "EP", "TP", "BatchSize", "TPOT", "TPS", "Total", "Comm_Impact"}},
      {.key = "maxbatch", .columns = kMaxBatch},
      {.key = "sweep", .columns = kSweep},
      {.key = "series", .columns = kSeries},
      {.key = "plan",
       .columns = PlanColumns(),
       .headline = {"GPU", "Serving", "OutputTPS_per_GPU", "Uncertainty_pct", "USD_per_M_output",
                    "GPUs", "USD_per_hour", "TPS_user", "TTFT_ms", "TPOT_ms"}},
      {.key = "catalog",
       .columns = CatalogColumns(),
       .headline = {"GPU", "fp8", "fp4", "mem", "mem_bw", "nvlink_bw", "pcie_bw", "gpu_per_node"}},
      {.key = "model", .columns = ModelColumns()},
      {.key = "serve",
       .columns = ServeColumns(),
       .headline = {"GPU", "Serving", "TotalTPS_per_GPU", "Uncertainty_pct", "OutputTPS_per_GPU",
                    "TPS_user", "TTFT_ms", "GPUs"}},
      {.key = "reality",
       .columns = RealityColumns(),
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
