// The schema table, part the serving knobs and the model mode: one descriptor per link key, in
// canonical order (docs/LINKS.md rule 6). Every default is the reference's behaviour, so links
// made before these keys existed keep their numbers.
#include "schema_fields.h"

namespace shallowsim::detail {

namespace {
using K = FieldKind;
}  // namespace

// How published systems run (docs/CALIBRATION.md cites the figures).
std::vector<Field> ServingFields() {
  return {
      {.key = "mtp",
       .kind = K::kInt,
       .group = "Serving",
       .min = 0,
       .max = 8,
       .unit = "tokens",
       .help =
           {"MTP draft tokens per decode step (0 = off). A step verifies 1 + mtp tokens per "
            "request and runs the MTP layer mtp times",
            "每个 decode 步的 MTP 草稿 token 数（0 = 关闭）。每步为每个请求验证 1 + mtp 个 token，"
            "并运行 MTP 层 mtp 次"},
       .number = &Scenario::mtp},
      {.key = "mtp_accept",
       .kind = K::kFloat,
       .group = "Serving",
       .min = 0,
       .max = 9,
       .unit = "tokens/step",
       .help = {"Tokens emitted per request per step, the bonus token included (1 to 1 + mtp); "
                "0 = the published figure for this mtp (1.85, 2.5, 2.85, …); TPOT = step / this",
                "每步每个请求产出的 token 数（含额外 token，1 到 1 + mtp）；0 = 该 mtp "
                "的公开数据（1.85、"
                "2.5、2.85……）；TPOT = 单步耗时 / 该值"},
       .number = &Scenario::mtp_accept,
       .no_sweep = true},
      {.key = "kv_dtype",
       .kind = K::kChoice,
       .group = "Serving",
       .help = {"KV-cache element: fp8 (1 byte, the reference) or bf16 (2 bytes): the KV read in "
                "attention and the memory that limits the batch",
                "KV-Cache 元素类型：fp8（1 字节，参考模型）或 bf16（2 字节）：影响注意力读取 KV "
                "与限制批大小的显存"},
       .choice = EnumField<&Scenario::kv_dtype>()},
      {.key = "moe_dtype",
       .kind = K::kChoice,
       .group = "Serving",
       .help = {"Expert weights: auto (the reference: FP4 where the GPU has it, else FP8), fp8, or "
                "fp4 (NVFP4; weight-only on GPUs without FP4)",
                "专家权重：auto（参考模型：GPU 支持则用 FP4，否则 FP8）、fp8，或 "
                "fp4（NVFP4；不支持 FP4 的 "
                "GPU 上仅权重量化）"},
       .choice = EnumField<&Scenario::moe_dtype>()},
      {.key = "ep_imbalance",
       .kind = K::kFloat,
       .group = "Serving",
       .min = 0,
       .max = 64,
       .unit = "×",
       .help =
           {"Expert load of the busiest EP rank over the mean (≥ 1); 0 = the mode's own: 1 in "
            "reference (perfect balance), the measured EPLB figure in calibrated (1.12). Without "
            "EPLB (as InferenceX's DeepSeek-R1 recipes run): 2.56, TensorRT-LLM blog 4",
            "最忙 EP rank 的专家负载与平均值之比（≥ 1）；0 = 按模式：reference 为 1（完全均衡），"
            "calibrated 为实测 EPLB 数值（1.12）。不做 EPLB 时（如 InferenceX 的 DeepSeek-R1 "
            "配置）：2.56，TensorRT-LLM 技术博客 4"},
       .number = &Scenario::ep_imbalance,
       .reference_sweep = "ep_imbalance:1:2:0.05"},
      {.key = "prefill_tokens",
       .kind = K::kInt,
       .group = "Serving",
       .min = 0,
       .max = 1048576,
       .unit = "tokens",
       .help =
           {"Tokens per GPU per prefill batch (calibrated mode; a multiple of seq_len is "
            "several sequences); 0 = seq_len, one sequence as the reference",
            "每卡每个 prefill 批次的 token 数（calibrated 模式；为 seq_len 的倍数即多个序列）；0 = "
            "seq_len，与参考模型一样每批一个序列"},
       .number = &Scenario::prefill_tokens},
      {.key = "moe_comm",
       .kind = K::kChoice,
       .group = "Serving",
       .help =
           {"How MoE tokens reach their experts: a2a (dispatch/combine all-to-all between EP "
            "ranks, attention data-parallel: DeepEP) or allreduce (attention TP over the "
            "instance; every GPU holds every token and an all-reduce combines the experts: "
            "MoE TP, or EP without DP attention, as vLLM/SGLang/TRT-LLM run TP8)",
            "MoE token 如何到达专家：a2a（EP rank 间 dispatch/combine all-to-all，注意力数据并行："
            "DeepEP）或 allreduce（注意力在整个实例上 TP；每卡持有全部 token，专家输出由 "
            "all-reduce 合并：MoE TP，或无 DP 注意力的 EP，即 vLLM/SGLang/TRT-LLM 的 TP8）"},
       .choice = EnumField<&Scenario::moe_comm>()},
      {.key = "moe_tp",
       .kind = K::kInt,
       .group = "Serving",
       .min = 1,
       .max = 1024,
       .unit = "GPUs",
       .help = {"Experts tensor-parallel over this many GPUs of the EP group: 1 = expert parallel "
                "(whole experts per GPU); = ep: MoE TP (\"TP8 EP1\": a slice of every expert on "
                "every GPU, no expert imbalance)",
                "专家在 EP 组内按此 GPU 数做张量并行：1 = 专家并行（每卡持有完整专家）；= ep：MoE "
                "TP（“TP8 EP1”：每卡持有每个专家的一片，无专家负载不均）"},
       .number = &Scenario::moe_tp},
  };
}

// Which model computes the numbers (calibration.h).
std::vector<Field> ModeFields() {
  return {
      {.key = "mode",
       .kind = K::kChoice,
       .group = "Mode",
       .help = {"reference: the original ShallowSim, exactly; calibrated: its quirks corrected and "
                "its guessed efficiencies replaced by published kernel measurements",
                "reference：与原版 ShallowSim "
                "完全一致；calibrated：修正其怪异之处，并以公开的内核实测数据"
                "替换其猜测的效率"},
       .choice = EnumField<&Config::mode>()},
      {.key = "cal",
       .kind = K::kChoice,
       .group = "Mode",
       .help =
           {"The calibration (calibrated mode); a link names the one it was made with, so it "
            "keeps its numbers when newer calibrations come",
            "所用校准版本（calibrated 模式）；链接会记下生成时的版本，因此新校准发布后数字不变"},
       .text = &Config::cal},
      {.key = "framework",
       .kind = K::kChoice,
       .group = "Mode",
       .help = {"Calibrated mode, from cal=2026-12d: the serving framework whose measured kernels "
                "and scheduling time the step where they differ (docs/CALIBRATION.md); auto = the "
                "calibration's defaults (vLLM's and SGLang's where they agree). No effect in "
                "reference mode",
                "calibrated 模式（cal=2026-12d 起）：按该服务框架实测的内核与调度计时（见 "
                "docs/CALIBRATION.md）；auto = 校准的默认值（vLLM 与 SGLang 一致之处）。reference "
                "模式下无影响"},
       .choice = EnumField<&Scenario::framework>()},
      {.key = "keep",
       .kind = K::kChoiceList,
       .group = "Mode",
       .may_be_empty = true,
       .help = {"Calibrated mode: reference behaviours to keep instead of correcting (e.g. Q4,Q10)",
                "calibrated 模式：保留而不修正的参考模型行为（如 Q4,Q10）"},
       .names = &Config::keep},
  };
}

}  // namespace shallowsim::detail
