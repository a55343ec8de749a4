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
  };
}

}  // namespace shallowsim::detail
