// Column descriptors of the reality check and the planner. Meanings in English and Chinese.
#include <array>

#include "column_kit.h"
#include "shallowsim/columns.h"
#include "shallowsim/plan.h"
#include "shallowsim/serve.h"

namespace shallowsim {

namespace {

using namespace column_kit;  // NOLINT(google-build-using-namespace): the descriptors' vocabulary

// The reality check (reality.h): one row per published deployment.
constexpr std::array<Column, 27> kReality = {{
    Label("id", {"The deployment (core/data/deployments.csv).", "部署编号。"}),
    Label("tier", {"A: controlled benchmark, conditions stated; B: usable with care.",
                   "A：受控基准，条件明确；B：需谨慎使用。"}),
    Label("in_sample", {"1: the row's source also supplied a constant of the calibration (or "
                        "informed one of its choices), so the row does not test it; 0: out of "
                        "sample.",
                        "1：该行的来源也提供了校准常数（或影响了其建模选择），因此不能检验它；"
                        "0：样本外。"}),
    Label("phase",
          {"decode (output tokens/s per GPU), prefill (input tokens/s per GPU) or serve "
           "(an end-to-end benchmark: see unit).",
           "decode（每卡输出 token/s）、prefill（每卡输入 token/s）或 serve（端到端基准：见 "
           "unit）。"}),
    Label("model", {"The model preset the scenario runs (the link's model=).",
                    "场景所用的模型预设（链接中的 model=）。"}),
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
    Label("Serving", {"Which deployment won: agg (one instance serves prefill and decode) or "
                      "disagg (prefill and decode pools).",
                      "胜出的部署方式：agg（单实例同时做 prefill 与 decode）或 disagg（prefill 与 "
                      "decode 分池）。"}),
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
            {"Time to first token of the sized deployment: disagg, the prefill forward with its "
             "queue (M/D/1 at the prefill pool's load: a plan sizes for a rate), the KV transfer "
             "and a decode step; agg, the serving benchmark's.",
             "规划部署的首 token 时延：PD 分离为 prefill 前向及其排队（按 prefill 池负载的 "
             "M/D/1：规划按速率定规模）、KV 传输与一个 decode 步；聚合部署取服务基准的结果。"},
            "forward × (1 + ρ / (2(1 − ρ))) + KV transfer + decode step"),
    Measure("TPOT_ms", "ms", Better::kLower, 2,
            {"Time per output token at the mean context isl + osl/2.",
             "平均上下文 isl + osl/2 下每个输出 token 的时延。"}),
    Measure("TPS_user", "tok/s", Better::kHigher, 1,
            {"Output tokens per second per request.", "每个请求每秒输出 token 数。"},
            "1000 / TPOT_ms"),
    Measure("PrefillTPS_per_GPU", "tok/s/GPU", Better::kHigher, 0,
            {"Input tokens per second per prefill GPU (agg: none, prefill shares the instance).",
             "每张 prefill 卡每秒处理的输入 token（agg：无，prefill 与 decode 共用实例）。"},
            {}, true),
    Measure("DecodeTPS_per_GPU", "tok/s/GPU", Better::kHigher, 0,
            {"Output tokens per second per decode GPU.", "每张 decode 卡每秒输出 token。"},
            "Batch × TPS_user"),
    Measure("PD_ratio", "", Better::kNone, 3,
            {"Prefill GPUs per decode GPU, so that prefill produces the input decode consumes "
             "(agg: 0).",
             "每张 decode 卡配的 prefill 卡数，使 prefill 产出恰好满足 decode 所需输入。"},
            "DecodeTPS_per_GPU × (isl/osl) / PrefillTPS_per_GPU"),
    Measure("OutputTPS_per_GPU", "tok/s/GPU", Better::kHigher, 0,
            {"Output tokens per second per GPU of the sized deployment (GPUs: whole instances; "
             "IdealOutputTPS_per_GPU is the fractionally rate-matched figure).",
             "按整数实例配置的部署（GPUs）每卡每秒输出 token（IdealOutputTPS_per_GPU 为按小数卡数"
             "匹配的理想值）。"},
            "delivered output / GPUs"),
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
          {"GPUs of the sized deployment: one decode instance and the whole prefill instances "
           "it needs; with load=, the instances that sustain it; with gpus_total, the most "
           "output the budget holds. agg: its instances.",
           "部署的 GPU 数：一个 decode 实例及其所需的整数个 prefill 实例；给定 load= 时为维持该负载"
           "的实例；给定 gpus_total 时为预算内产出最多的配置。agg：其实例。"}),
    Input("PrefillInstances", "instances",
          {"Prefill instances (agg: 0).", "prefill 实例数（agg：0）。"}),
    Input("DecodeInstances", "instances",
          {"Decode instances (agg: instances).", "decode 实例数（agg：实例数）。"}),
    Measure("USD_per_hour", "USD/h", Better::kLower, 0,
            {"The deployment's cost per hour.", "部署每小时成本。"}, "GPUs × USD_per_GPU_hr"),
    Measure("Uncertainty_pct", "%", Better::kNone, 0,
            {"± the median error of the model on published measurements of this regime, in the "
             "link's mode (uncertainty.h).",
             "± 该模式下本模型在同类公开实测上的误差中位数。"},
            {}, true),
    Measure("IdealOutputTPS_per_GPU", "tok/s/GPU", Better::kHigher, 0,
            {"Ideal: prefill and decode rate-matched with fractional GPUs (not a deployment).",
             "理想值：以小数卡数匹配 prefill 与 decode（并非可部署的配置）。"},
            "DecodeTPS_per_GPU / (1 + PD_ratio)"),
    Label("MoE", {"Expert weights the row assumes (moe_dtype; auto: fp4 where the GPU has it).",
                  "该行假设的专家权重精度（moe_dtype；auto：GPU 支持则 fp4）。"}),
    Label("KV", {"KV-cache element the row assumes.", "该行假设的 KV-Cache 元素类型。"}),
    Count("MTP", "tokens",
          {"MTP draft tokens per step the row assumes.", "该行假设的每步 MTP 草稿 token 数。"}),
    Label("decode_link",
          {"The decode row of the plan (decode view).", "方案的 decode 行（decode 视图）。"}),
    Label("prefill_link",
          {"The prefill row of the plan (prefill view).", "方案的 prefill 行（prefill 视图）。"}),
    Label("serve_link",
          {"The sized deployment as a serving benchmark at its concurrency (serve view).",
           "按方案规模、以其并发数运行的服务基准（serve 视图）。"}),
    Label("Limit",
          {"What stops a larger decode batch: memory (the KV cache), tpot (the TPOT target) or "
           "sizing (a smaller batch delivers more per GPU: its shorter step leaves the prefill "
           "queue room under the TTFT target, or its prefill instances round better); agg: "
           "memory or targets (TPOT or TTFT).",
           "限制 decode 批大小的因素：memory（KV-Cache）、tpot（TPOT 目标）或 sizing（更小的批"
           "次每卡产出更多：步长更短给 prefill 排队留出 TTFT 余量，或 prefill 实例取整更合适）；"
           "聚合部署：memory 或 targets（TPOT 或 TTFT）。"}),
}};

// The model (model_facts.h): one row, derived from the dimensions.
constexpr std::array<Column, 9> kModel = {{
    Label("Model",
          {"The preset, and whether model keys override it.", "预设，以及是否有模型参数覆盖它。"}),
    Label("Attention", {"Attention family: mla, dsa (MLA + sparse), hybrid (V4 CSA/HCA), gqa.",
                        "注意力类型：mla、dsa（MLA + 稀疏）、hybrid（V4 CSA/HCA）、gqa。"}),
    Count("Layers", "layers",
          {"Transformer layers (MTP layers not counted).", "Transformer 层数（不含 MTP 层）。"}),
    Measure("TotalParams_B", "B", Better::kNone, 1,
            {"Every weight, embeddings included, MTP layers excluded, derived from the dimensions.",
             "全部权重（含 Embedding，不含 MTP 层），由维度推算。"}),
    Measure("ActiveParams_B", "B", Better::kNone, 2,
            {"Weights one token uses: attention, dense FFN, k routed + the shared experts, routers "
             "and the LM head (the input embedding is a lookup).",
             "每个 token 用到的权重：注意力、Dense FFN、k 个路由专家 + 共享专家、路由器与 LM "
             "head（输入 Embedding 只是查表）。"}),
    Measure("KV_bytes_per_token", "B", Better::kNone, 0,
            {"KV cache per token of context, all layers, at kv_dtype (indexer keys included).",
             "每个上下文 token 的 KV-Cache（全部层，按 kv_dtype，含索引器 key）。"}),
    Measure("KV_fixed_MiB", "MiB", Better::kNone, 2,
            {"KV a request keeps whatever its length: the sliding windows.",
             "与长度无关、每个请求固定占用的 KV：滑动窗口。"}),
    Measure("Weights_GB", "GB", Better::kNone, 1,
            {"Weights at 1 byte per non-expert parameter and the experts at moe_dtype (auto: FP8; "
             "FP4-capable GPUs use the next column).",
             "非专家参数每个 1 字节，专家按 moe_dtype（auto：FP8；支持 FP4 的 GPU 用下一列）。"}),
    Measure("Weights_GB_FP4", "GB", Better::kNone, 1,
            {"The same with NVFP4 experts (4.5 bits per weight).",
             "专家为 NVFP4（每权重 4.5 bit）时的权重大小。"}),
}};

// Serve (serve.h): one row per GPU and serving mode.
constexpr std::array<Column, kServeWidth> kServe = {{
    kGpu,
    Label("Serving",
          {"agg: prefill and decode share the instance; disagg: prefill and decode pools.",
           "agg：prefill 与 decode 共用实例；disagg：prefill 与 decode 分池。"}),
    Count("GPUs", "GPUs", {"GPUs of the deployment.", "部署的 GPU 数。"}),
    Count("Concurrency", "requests", {"Requests in flight.", "在途请求数。"}),
    Measure("OutputTPS_per_GPU", "tok/s/GPU", Better::kHigher, 0,
            {"Output tokens per second per GPU of the deployment.", "部署每卡每秒输出 token。"},
            "Concurrency / (TTFT + osl × TPOT) × osl / GPUs"),
    Measure("TotalTPS_per_GPU", "tok/s/GPU", Better::kHigher, 0,
            {"Input + output tokens per second per GPU of the deployment: what InferenceX's "
             "tput_per_gpu reports.",
             "部署每卡每秒输入 + 输出 token：即 InferenceX 的 tput_per_gpu。"},
            "OutputTPS_per_GPU × (isl + osl) / osl"),
    Measure("TPS_user", "tok/s", Better::kHigher, 1,
            {"Output tokens per second per request.", "每个请求每秒输出 token 数。"},
            "1000 / TPOT_ms"),
    Measure("TPOT_ms", "ms", Better::kLower, 2,
            {"Time per output token: a decode step, its share of the prompts prefilled meanwhile "
             "(agg), over the tokens a step emits (MTP).",
             "每输出 token 时延：一个 decode 步及其期间 prefill 的分摊（agg），除以每步产出 "
             "token 数（MTP）。"}),
    Measure("TTFT_ms", "ms", Better::kLower, 0,
            {"Time to first token: waiting, the prompt's prefill, the KV transfer (disagg) and the "
             "first step. A floor: published runs measure 1.5-10x more (client, tokenisation, "
             "admission; docs/CALIBRATION.md).",
             "首 token 时延：排队、该提示的 prefill、KV 传输（disagg）与第一步。这是下限：公开测量"
             "通常高 1.5–10 倍（客户端、分词、准入；见 docs/CALIBRATION.md）。"}),
    Measure("Batch_per_GPU", "requests", Better::kNone, 1,
            {"Requests decoding per decode GPU (a TP group of t GPUs holds t × this).",
             "每张 decode 卡上正在 decode 的请求数（t 卡 TP 组共 t × 该值）。"}),
    Measure(
        "Uncertainty_pct", "%", Better::kNone, 0,
        {"± the median error of the model on published measurements of this regime (GPU "
         "family, batch per GPU, context, serving mode), in the link's mode.",
         "± 该模式下本模型在同类公开实测（GPU 家族、每卡批量、上下文、部署方式）上的误差中位数。"},
        {}, true),
    Count("PrefillGPUs", "GPUs", {"disagg: the prefill pool.", "disagg：prefill 池。"}),
    Count("DecodeGPUs", "GPUs",
          {"disagg: the decode pool; agg: the instance.", "disagg：decode 池；agg：实例。"}),
    Count("DecodeEP", "GPUs",
          {"GPUs the experts spread over in decode.", "decode 中专家分布的 GPU 数。"}),
    Count("DecodeTP", "GPUs", {"Attention TP in decode.", "decode 的注意力 TP。"}),
    Label("Bound",
          {"What sets the rate: decode, prefill (the prefill pool is saturated; prompts "
           "queue), memory (requests wait for KV space) or max_running (requests wait for one "
           "of the server's max_running slots).",
           "限制速率的因素：decode、prefill（prefill 池饱和，提示排队）、memory（请求等待 "
           "KV 空间）或 max_running（请求等待服务器的 max_running 名额）。"}),
    Measure("Tail_pct", "%", Better::kLower, 1,
            {"num_prompts: throughput lost to the last, smaller wave (it runs alone).",
             "num_prompts：最后一批较少的请求单独运行所损失的吞吐。"}),
    Measure(
        "USD_per_M_output", "USD/M tok", Better::kLower, 3,
        {"Cost of a million output tokens at this deployment.", "该部署每百万输出 token 成本。"},
        "USD_per_GPU_hr × 10^6 / (3600 × OutputTPS_per_GPU)"),
    Label("decode_link",
          {"The decode row it uses (decode view).", "所用的 decode 行（decode 视图）。"}),
    Label("prefill_link",
          {"The prefill row it uses (prefill view).", "所用的 prefill 行（prefill 视图）。"}),
}};

// The uncertainty table (uncertainty.h).
constexpr std::array<Column, 8> kUncertainty = {{
    Label("mode", {"reference, or calibrated:<calibration>.", "reference 或 calibrated:<校准>。"}),
    Label("model", {"The model preset of the rows; * = any.", "这些行的模型预设；* = 任意。"}),
    Label("family", {"GPU family: hopper, light (H20 class), blackwell, amd, ascend; * = any.",
                     "GPU 家族：hopper、light（H20 类）、blackwell、amd、ascend；* = 任意。"}),
    Label("batch", {"small (≤ 32 requests per GPU), large, prefill; * = any.",
                    "small（每卡 ≤ 32 个请求）、large、prefill；* = 任意。"}),
    Label("context",
          {"short (≤ 8192 tokens), long; * = any.", "short（≤ 8192 token）、long；* = 任意。"}),
    Label("serving", {"decode, prefill (steps), agg, disagg (end-to-end); * = any.",
                      "decode、prefill（单步）、agg、disagg（端到端）；* = 任意。"}),
    Count("rows", "rows", {"Published measurements in the group.", "该组中的公开实测数。"}),
    Measure("median_abs_error_pct", "%", Better::kNone, 1,
            {"Median |error| of the mode on them.", "该模式在其上的误差绝对值中位数。"}),
}};

}  // namespace

std::span<const Column> UncertaintyColumns() { return kUncertainty; }
std::span<const Column> ServeColumns() { return kServe; }
std::span<const Column> ModelColumns() { return kModel; }
std::span<const Column> RealityColumns() { return kReality; }
std::span<const Column> PlanColumns() { return kPlan; }

}  // namespace shallowsim
