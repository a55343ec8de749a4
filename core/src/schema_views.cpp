// The form's groups, the page's views and its languages (schema.h).
#include <array>

#include "shallowsim/schema.h"

namespace shallowsim {

std::span<const GroupInfo> Groups() {
  static constexpr std::array<GroupInfo, 8> kGroups = {{
      {.key = "Mode",
       .label = {"Model mode", "模型模式"},
       .note = {"reference reproduces the original ShallowSim; calibrated corrects its quirks and "
                "uses measured kernel efficiencies (docs/CALIBRATION.md).",
                "reference 复现原版 ShallowSim；calibrated 修正其怪异之处并使用实测内核效率。"},
       .open = true},
      {.key = "Scenario",
       .label = {"Scenario", "场景"},
       .note = {"The seed tables' lengths: seq_len (the prefill, and the KV each decode step "
                "reads) and decode_len. Plan and Serve take a request's isl and osl in their "
                "views instead.",
                "原始表格的长度：seq_len（prefill 长度，也是每个 decode 步读取的 KV 长度）与 "
                "decode_len。部署规划与服务基准改用其视图中的 isl 与 osl。"},
       .open = true},
      {.key = "Serving",
       .label = {"Serving", "部署方式"},
       .note = {"How published systems run: MTP, KV and expert precision, EP load balance.",
                "已公开系统的运行方式：MTP、KV 与专家精度、EP 负载均衡。"}},
      {.key = "Model",
       .label = {"Model", "模型"},
       .note = {"Picking a preset loads its values; any key you change overrides it.",
                "选择预设会载入其参数；单独修改的参数会覆盖预设。"}},
      {.key = "Hardware", .label = {"Hardware", "硬件"}, .open = true},
      {.key = "Advanced", .label = {"Advanced", "高级"}},
      {.key = "Plan",
       .label = {"Workload and targets", "负载与目标"},
       .note = {"What the Plan view sizes a deployment for.", "规划视图据此确定部署方案。"},
       .in_form = false},
      {.key = "View", .label = {"View", "视图"}, .in_form = false},
  }};
  return kGroups;
}

std::span<const ViewInfo> Views() {
  static const std::array<ViewInfo, 10> kViews = {{
      {.key = "prefill",
       .label = {"Prefill", "Prefill"},
       .intro = {"Per-layer times (ms) for one prefill of seq_len tokens with attention TP = tp "
                 "and DP = dp; summary rows cover all layers.",
                 "一次 seq_len 长度 prefill 的每层耗时（ms），注意力 TP = tp、DP = "
                 "dp；汇总行为全部层的合计。"},
       .table = "prefill",
       .caption = {"Prefill: per-layer times in ms", "Prefill：每层耗时（ms）"}},
      {.key = "decode",
       .label = {"Decode", "Decode"},
       .intro =
           {"Every feasible (EP, GPU, batch, decode TP) combination. Red Delta: communication "
            "is not hidden and adds to TPOT; the red shading of Comm_Impact grows with that share.",
            "所有可行的 (EP, GPU, 批大小, decode TP) 组合。Delta 标红：通信未被掩盖，计入 TPOT；"
            "Comm_Impact 的红色底纹随其占比加深。"},
       .table = "decode",
       .caption = {"Decode: every feasible configuration", "Decode：所有可行配置"},
       .match = {"TP", "EP", "BatchSize"},
       .inputs = {"tps_floor", "sort", "only_gpu", "only_ep", "only_tp", "only_bs", "cols"}},
      {.key = "leaderboard",
       .label = {"Leaderboard", "排行榜"},
       .intro = {"Best row per GPU × batch size by Total throughput per GPU; exact ties are all "
                 "kept.",
                 "每个 GPU × 批大小按单卡总吞吐 Total 取最优行；完全相同的并列行全部保留。"},
       .table = "decode",
       .caption = {"Leaderboard: best configuration per GPU and batch size",
                   "排行榜：每个 GPU 与批大小的最优配置"},
       .match = {"BatchSize"},
       .best = true,
       .inputs = {"tps_floor", "sort", "only_gpu", "only_ep", "only_tp", "only_bs", "cols"}},
      {.key = "maxbatch",
       .label = {"Max batch", "最大批大小"},
       .intro = {"Largest decode batch per GPU whose KV cache fits in memory, per EP and decode "
                 "TP.",
                 "每个 GPU 在各 EP 与 decode TP 下 KV-Cache 能放下的最大 decode 批大小。"},
       .table = "maxbatch",
       .caption = {"Maximum decode batch per GPU, EP and TP",
                   "每个 GPU、EP 与 TP 下的最大 decode 批大小"},
       .match = {"EP", "TP"},
       .inputs = {"sort", "only_gpu", "only_ep", "only_tp"}},
      {.key = "sweep",
       .label = {"Sweep", "参数扫描"},
       .intro = {"How decode throughput moves as one input varies: at each point the best decode "
                 "TP for the batch size and each EP. A gap: the batch does not fit in memory "
                 "there.",
                 "某个输入变化时 decode 吞吐如何变化：每个点取该批大小与各 EP 下最优的 decode "
                 "TP。曲线断开：该点显存放不下这个批大小。"},
       .caption = {"Sweep", "参数扫描"},
       .inputs = {"sweep", "metric", "sweep_bs", "sweep_ep", "sweep_group"}},
      {.key = "frontier",
       .label = {"Frontier", "帕累托前沿"},
       .intro =
           {"Per GPU, the Pareto frontier of TPS per user against Total per GPU over every "
            "decode row (EP × TP × batch): no other row is faster for the user and better "
            "for the fleet.",
            "每个 GPU 在所有 decode 行（EP × TP × 批大小）上每用户 TPS 与单卡 Total 的帕累托前沿："
            "没有别的行对用户更快、同时对集群更好。"},
       .table = "decode",
       .caption = {"Pareto frontier per GPU (TPS per user vs Total per GPU)",
                   "每个 GPU 的帕累托前沿（每用户 TPS 对单卡 Total）"},
       .match = {"TP", "EP", "BatchSize"},
       .inputs = {"tps_floor", "sort", "only_gpu", "only_ep", "only_tp", "only_bs", "cols"}},
      {.key = "plan",
       .label = {"Plan", "部署规划"},
       .intro = {"For this workload and these latency targets, the best deployment per GPU: "
                 "aggregated (one instance serves prefill and decode) or disaggregated (prefill "
                 "instances that meet the TTFT target, decode instances that meet the TPOT target "
                 "with the KV cache in memory), in whole instances, and what a million output "
                 "tokens cost. Throughput per GPU counts every GPU of the sized deployment; "
                 "gpus_total sizes it to a budget, load to a demand.",
                 "针对该负载与时延目标，每个 GPU 的最优部署：聚合（同一实例兼顾 prefill 与 "
                 "decode）或 PD 分离（满足 TTFT 目标的 prefill 实例、满足 TPOT 目标且 KV-Cache "
                 "放得下的 decode 实例），按整实例配置，并给出每百万输出 token 的成本。单卡吞吐按"
                 "该部署的全部 GPU 计算；gpus_total 按预算、load 按需求确定规模。"},
       .table = "plan",
       .caption = {"Plan: the best deployment per GPU", "部署规划：每个 GPU 的最优部署"},
       .match = {},
       .best = true,
       .inputs = {"isl", "osl", "ttft_ms", "tpot_ms", "serving", "gpus_total", "price", "load",
                  "sort"}},
      {.key = "serve",
       .label = {"Serve", "服务基准"},
       .intro = {"What an end-to-end serving benchmark would measure: `concurrency` requests in "
                 "flight (0 = as many as memory holds), prompts of isl tokens and outputs of osl "
                 "tokens, on one aggregated instance of serve_tp GPUs or on prefill_gpus + "
                 "decode_gpus disaggregated pools. Prefill takes time from decode, queues form, "
                 "and the slower side sets the rate.",
                 "端到端服务基准会测得什么：concurrency 个并发请求（0 = "
                 "显存能容纳的最多请求），输入 isl、输出 osl 个 token，在一个 serve_tp 卡的聚合"
                 "实例上，或在 prefill_gpus + decode_gpus 的 PD 分离资源池上。prefill 占用 "
                 "decode 的时间、请求排队，较慢的一侧决定速率。"},
       .table = "serve",
       .caption = {"Serve: an end-to-end benchmark per GPU", "服务基准：每个 GPU 的端到端结果"},
       .match = {"Serving"},
       .best = true,
       .inputs = {"isl", "osl", "concurrency", "serving", "serve_tp", "serve_ep", "serve_dpa",
                  "serve_align", "serve_tbo", "max_running", "num_prompts", "prefill_gpus",
                  "decode_gpus", "price", "sort"}},
      {.key = "catalog",
       .label = {"Hardware", "硬件"},
       .intro = {"Every GPU the tables can use: the built-in catalog and the link's hw= rows, "
                 "with each figure's source, where the catalog disagrees with published figures, "
                 "and warnings for figures the model would use in a way you may not expect. "
                 "Catalog figures are the reference's; change them with hw=.",
                 "表格可用的全部 GPU：内置目录与链接中的 hw= "
                 "行，附每项数据的来源、与公开数据不一致之处，"
                 "以及模型使用方式可能出乎意料的数据警告。目录数据沿用参考模型；可用 hw= 修改。"},
       .table = "catalog",
       .caption = {"Hardware: the catalog and hw= rows", "硬件：内置目录与 hw= 行"},
       .inputs = {"sort"}},
      {.key = "reality",
       .label = {"Reality check", "实测对照"},
       .intro = {"Published measurements — DeepSeek-V3/R1 deployments and serving benchmarks of "
                 "every preset family (GPT-OSS, Qwen3, DeepSeek-V3.2/V4, Kimi-K2, GLM, MiniMax) — "
                 "against both modes' predictions, under the conditions each source states "
                 "(batch, EP, context, precision, MTP). No constant is set from these rows' "
                 "throughputs; what a source does not state is assumed and said; in_sample marks "
                 "the rows whose source also supplied a constant.",
                 "已公开的实测——DeepSeek-V3/R1 部署以及各预设模型家族（GPT-OSS、Qwen3、"
                 "DeepSeek-V3.2/V4、Kimi-K2、GLM、MiniMax）的服务基准——与两种模式预测的对照，条件"
                 "按各来源所述（批大小、EP、上下文、精度、MTP）。没有任何常数取自这些行的吞吐；来源"
                 "未说明的内容均注明所作假设；in_sample 标出其来源也提供了常数的行。"},
       .table = "reality",
       .caption = {"Reality check: measured throughput vs the model",
                   "实测对照：实测吞吐与模型预测"}},
  }};
  return kViews;
}

const ViewInfo* FindView(std::string_view key) {
  for (const ViewInfo& v : Views()) {
    if (v.key == key) return &v;
  }
  return nullptr;
}

std::span<const Language> Languages() {
  static constexpr std::array<Language, 2> kLanguages = {{{"en", "EN"}, {"zh", "中文"}}};
  return kLanguages;
}

}  // namespace shallowsim
