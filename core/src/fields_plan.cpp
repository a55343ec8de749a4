// The schema table, part the planner's workload and targets (plan.h): one descriptor per link
// key, in canonical order. docs/PLANNER.md says where each default comes from.
#include "schema_fields.h"

namespace shallowsim::detail {

namespace {
using K = FieldKind;
}  // namespace

std::vector<Field> PlanFields() {
  return {
      {.key = "isl",
       .kind = K::kInt,
       .group = "Plan",
       .min = 1,
       .max = 1048576,
       .unit = "tokens",
       .help = {"Input (prompt) tokens per request. Default 1024: the chat workload public "
                "benchmarks (InferenceMAX) use",
                "每个请求的输入（提示）token 数。默认 1024：公开基准（InferenceMAX）的对话负载"},
       .number = &Scenario::isl,
       .no_sweep = true},
      {.key = "osl",
       .kind = K::kInt,
       .group = "Plan",
       .min = 1,
       .max = 1048576,
       .unit = "tokens",
       .help = {"Output tokens per request. Decode attention reads isl + osl/2 tokens on "
                "average; the KV cache must hold isl + osl",
                "每个请求的输出 token 数。decode 注意力平均读取 isl + osl/2 个 token；KV-Cache "
                "需容纳 isl + osl"},
       .number = &Scenario::osl,
       .no_sweep = true},
      {.key = "ttft_ms",
       .kind = K::kFloat,
       .group = "Plan",
       .min = 0,
       .max = 3600000,
       .min_exclusive = true,
       .unit = "ms",
       .help = {"Time to first token, at most: 1.8 × the prefill time of the request's batch. "
                "Default 2000: the MLPerf DeepSeek-R1 server limit",
                "首 token 时延上限：1.8 × 请求所在批次的 prefill 时间。默认 2000：MLPerf "
                "DeepSeek-R1 server 场景的限值"},
       .number = &Scenario::ttft_ms,
       .no_sweep = true},
      {.key = "tpot_ms",
       .kind = K::kFloat,
       .group = "Plan",
       .min = 0,
       .max = 3600000,
       .min_exclusive = true,
       .unit = "ms",
       .help = {"Time per output token, at most (1000/tpot_ms tokens/s per user). Default 50: "
                "20 tokens/s, between MLPerf's server (80) and AIConfigurator's default (30)",
                "每个输出 token 的时延上限（每用户 1000/tpot_ms token/s）。默认 50：20 token/s，"
                "介于 MLPerf server（80）与 AIConfigurator 默认值（30）之间"},
       .number = &Scenario::tpot_ms,
       .no_sweep = true},
      {.key = "price",
       .kind = K::kPrices,
       .group = "Plan",
       .may_be_empty = true,
       .unit = "USD/GPU-h",
       .help = {"USD per GPU-hour: one number for all GPUs, GPU:value pairs (H200:1.22), or "
                "both; empty = the built-in owning cost (SemiAnalysis TCO survey; estimates "
                "where no survey figure exists, marked)",
                "每 GPU 小时美元价格：一个数适用于所有 GPU，或 GPU:价格 对（H200:1.22），或两者；"
                "留空 = 内置持有成本（SemiAnalysis TCO 调查；无调查数据处为估计值并注明）"},
       .text = &Scenario::price},
      {.key = "load",
       .kind = K::kFloat,
       .group = "Plan",
       .min = 0,
       .max = 1e12,
       .unit = "tokens/s",
       .help = {"Output tokens/s the service must sustain; sizes the deployment in whole "
                "instances (the plan with the fewest GPUs). 0 = no sizing",
                "服务需持续输出的 token/s；按整数个实例确定部署规模（GPU 最少的方案）。0 = "
                "不计算规模"},
       .number = &Scenario::load,
       .no_sweep = true},
      {.key = "serving",
       .kind = K::kChoice,
       .group = "Plan",
       .help = {"How the deployment serves: agg (prefill and decode share one instance's GPUs, "
                "chunked prefill), disagg (prefill and decode pools), best (both; the planner "
                "keeps the better per GPU)",
                "部署方式：agg（prefill 与 decode 共用一个实例的 GPU，分块 prefill）、disagg"
                "（prefill 与 decode 分池）、best（两者；规划视图按 GPU 取更优者）"},
       .choice = EnumField<&Scenario::serving>()},
      {.key = "concurrency",
       .kind = K::kInt,
       .group = "Plan",
       .min = 0,
       .max = 1048576,
       .unit = "requests",
       .help = {"Requests in flight in the serving benchmark (its max-concurrency); 0 = as many "
                "as memory allows (an offline max-throughput run)",
                "服务基准中同时在途的请求数（max-concurrency）；0 = 显存允许的最大值（离线最大"
                "吞吐）"},
       .number = &Scenario::concurrency,
       .no_sweep = true},
      {.key = "serve_tp",
       .kind = K::kInt,
       .group = "Plan",
       .min = 1,
       .max = 1024,
       .unit = "GPUs",
       .help = {"agg: GPUs of the one instance (attention TP over them, or DP with serve_dpa=1)",
                "agg：单个实例的 GPU 数（注意力在其上做 TP，serve_dpa=1 时做 DP）"},
       .number = &Scenario::serve_tp,
       .no_sweep = true},
      {.key = "serve_ep",
       .kind = K::kInt,
       .group = "Plan",
       .min = 0,
       .max = 1024,
       .unit = "GPUs",
       .help =
           {"agg: 1 shards every expert over the instance (MoE TP, \"TP8 EP1\"); serve_tp "
            "places whole experts (EP); 0 = serve_tp",
            "agg：1 = 每个专家切分到整个实例（MoE TP，“TP8 EP1”）；serve_tp = 放置完整专家（EP）；"
            "0 = serve_tp"},
       .number = &Scenario::serve_ep,
       .no_sweep = true},
      {.key = "serve_dpa",
       .kind = K::kBool,
       .group = "Plan",
       .min = 0,
       .max = 1,
       .help = {"agg: data-parallel attention (each GPU its own requests; MoE tokens all-to-all)",
                "agg：数据并行注意力（每卡处理自己的请求；MoE token 走 all-to-all）"},
       .number = &Scenario::serve_dpa,
       .no_sweep = true},
      {.key = "serve_align",
       .kind = K::kBool,
       .group = "Plan",
       .min = 0,
       .max = 1,
       .help =
           {"agg, serve_dpa=1, calibrated from cal=2026-12g: 1 = the DP ranks prefill together "
            "(TensorRT-LLM enable_balance, SGLang --enable-prefill-delayer); 0 = each alone while "
            "the others wait (default)",
            "agg，serve_dpa=1，校准模式自 cal=2026-12g 起：1 = 各 DP rank 同时 "
            "prefill（TensorRT-LLM "
            "enable_balance、SGLang --enable-prefill-delayer）；0 = 各自 "
            "prefill，其余等待（默认）"},
       .number = &Scenario::serve_align,
       .no_sweep = true},
      {.key = "serve_tbo",
       .kind = K::kBool,
       .group = "Plan",
       .min = 0,
       .max = 1,
       .help = {"serve: two-batch overlap (1: two micro-batches hide one's all-to-all behind the "
                "other's compute, SGLang's --enable-two-batch-overlap; 0: one batch, as serving "
                "frameworks run by default). Sets mbs of the rows serve uses",
                "serve：双批重叠（1：两个微批互相掩盖 all-to-all，即 SGLang 的 "
                "--enable-two-batch-overlap；0：单批，服务框架的默认）。决定 serve 所用行的 mbs"},
       .number = &Scenario::serve_tbo,
       .no_sweep = true},
      {.key = "max_running",
       .kind = K::kInt,
       .group = "Plan",
       .min = 0,
       .max = 1048576,
       .unit = "requests",
       .help =
           {"serve: requests a server runs at once per instance (SGLang --max-running-requests, "
            "TensorRT-LLM max_batch_size); the rest queue. 0 = as many as memory allows",
            "serve：每个实例同时运行的请求数上限（SGLang --max-running-requests、TensorRT-LLM "
            "max_batch_size）；其余排队。0 = 显存允许的最大值"},
       .number = &Scenario::max_running,
       .no_sweep = true},
      {.key = "num_prompts",
       .kind = K::kInt,
       .group = "Plan",
       .min = 0,
       .max = 1e9,
       .unit = "requests",
       .help = {"serve: requests in the whole benchmark (trtllm-bench's dataset, --num-prompts); "
                "a last wave of fewer runs alone. 0 = a steady stream",
                "serve：整个基准的请求数（trtllm-bench 数据集、--num-prompts）；最后一批较少的请求"
                "单独运行。0 = 持续的请求流"},
       .number = &Scenario::num_prompts,
       .no_sweep = true},
      {.key = "prefill_gpus",
       .kind = K::kInt,
       .group = "Plan",
       .min = 0,
       .max = 1048576,
       .unit = "GPUs",
       .help =
           {"disagg: GPUs of the prefill pool (whole tp × dp instances); 0 = as many whole "
            "instances as the decode pool needs",
            "disagg：prefill 池 GPU 数（整数个 tp × dp 实例）；0 = 按 decode 池需要配整数个实例"},
       .number = &Scenario::prefill_gpus,
       .no_sweep = true},
      {.key = "decode_gpus",
       .kind = K::kInt,
       .group = "Plan",
       .min = 0,
       .max = 1048576,
       .unit = "GPUs",
       .help = {"disagg: GPUs of the decode pool (instances of ep GPUs); 0 = one instance",
                "disagg：decode 池 GPU 数（每实例 ep 张卡）；0 = 一个实例"},
       .number = &Scenario::decode_gpus,
       .no_sweep = true},
      {.key = "gpus_total",
       .kind = K::kInt,
       .group = "Plan",
       .min = 0,
       .max = 1048576,
       .unit = "GPUs",
       .help = {"plan: the GPUs you have; every plan fits in them (whole instances) and its cost "
                "is that deployment's. 0 = no budget",
                "plan：可用 GPU 总数；每个方案都在其内（整数个实例），成本按该部署计。0 = 不限"},
       .number = &Scenario::gpus_total,
       .no_sweep = true},
  };
}

}  // namespace shallowsim::detail
