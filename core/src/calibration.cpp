// The quirks and the calibrations. Every constant below cites the measurement it comes from;
// docs/CALIBRATION.md gives the tables behind them. A shipped calibration is never edited: a
// better one is added with a new id, and links keep the id they were made with.
#include "shallowsim/calibration.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace shallowsim {

std::span<const Quirk> Quirks() {
  static constexpr std::array<Quirk, 16> kQuirks = {{
      {"Q1",
       {"Prefill dispatch volume is halved on every GPU, so dispatch carries ¼ of combine.",
        "Prefill 的 dispatch 通信量在所有 GPU 上都减半，因此 dispatch 只有 combine 的 ¼。"},
       {"Seed H200/H800/H20: Comm 82.5 ms instead of 97.8 ms; Sum unchanged.",
        "种子配置 H200/H800/H20：Comm 为 82.5 ms 而非 97.8 ms；Sum 不变。"},
       true,
       {"Dispatch carries FP8 tokens (1 byte per element), combine BF16 (2 bytes), on every GPU.",
        "dispatch 传输 FP8 token（每元素 1 字节），combine 为 BF16（2 字节），所有 GPU 一致。"}},
      {"Q2",
       {"Prefill routed-expert weight loads use E/dp/tp experts, fractional when tp·dp does not "
        "divide E.",
        "Prefill 路由专家权重加载按 E/dp/tp 个专家计算，tp·dp 不整除 E 时为小数。"},
       {"tp 8, dp 9: 3.56 experts instead of 4.", "tp 8、dp 9：3.56 个专家而非 4 个。"},
       true,
       {"A GPU holds ceil(E / (tp·dp)) experts.", "每卡持有 ceil(E / (tp·dp)) 个专家。"}},
      {"Q3",
       {"On FP4 GPUs the MLA time drops the weight-load term and the MLA efficiency factor on "
        "its GEMMs.",
        "在支持 FP4 的 GPU 上，MLA 耗时去掉了权重加载项，其 GEMM 也不乘 MLA 效率系数。"},
       {"DGX-B300 seed MLA 1.5345 ms instead of 1.5790 ms.",
        "种子配置 DGX-B300 MLA 为 1.5345 ms 而非 1.5790 ms。"},
       true,
       {"MLA is timed alike on every GPU: its weights are read and its kernels run at their "
        "measured efficiency.",
        "所有 GPU 上 MLA 的计时方式一致：读取其权重，内核按实测效率运行。"}},
      {"Q4",
       {"The grouped-GEMM efficiency table for “H20” also applies to H200 and H20-3E (their "
        "names contain “H20”).",
        "“H20”的 grouped-GEMM 效率表同样用于 H200 和 H20-3E（名称中含有“H20”）。"},
       {"H200 best Total per batch 4–10 % higher than with the general table.",
        "H200 各批大小的最优 Total 比通用效率表高 4–10 %。"},
       true,
       {"One roofline for every GPU: an expert GEMM takes the longer of streaming its weights "
        "and computing; nothing is picked by name.",
        "所有 GPU 用同一屋顶线模型：专家 GEMM 取“读取权重”与“计算”二者中较长者；不按名称选表。"}},
      {"Q5",
       {"The efficiency bucket is the next power of two strictly above the tokens per expert: "
        "exact powers of two use the next bucket.",
        "效率档位取严格大于每专家 token 数的下一个 2 的幂：恰为 2 的幂时落入更高一档。"},
       {"GB300 bs 64, EP 72: efficiency 0.35 instead of 0.2.",
        "GB300 bs 64、EP 72：效率 0.35 而非 0.2。"},
       true,
       {"Efficiency follows the tokens per expert continuously (the share of tensor-core tiles "
        "they fill).",
        "效率随每专家 token 数连续变化（所填满的张量核 tile 比例）。"}},
      {"Q6",
       {"The shared expert uses the routed experts’ efficiency bucket, though its GEMM has b "
        "rows.",
        "共享专家使用路由专家的效率档位，尽管其 GEMM 只有 b 行。"},
       {},
       true,
       {"The shared expert's GEMM is timed with its own rows: every token of the micro-batch.",
        "共享专家的 GEMM 按自身的行数（微批内全部 token）计时。"}},
      {"Q7",
       {"With two micro-batches, expert weights are loaded twice per step.",
        "两个微批时，专家权重每步加载两次。"},
       {"RoutedExpert over-charged by one weight load × experts per GPU.",
        "RoutedExpert 多计一次“权重加载 × 每卡专家数”。"},
       false,
       {"Kept: each micro-batch's grouped GEMM streams the expert weights from HBM again.",
        "保留：每个微批的 grouped GEMM 确实会再次从 HBM 读取专家权重。"}},
      {"Q8",
       {"FP4 weights are halved only in decode MoE loads; the dense MLP and prefill MoE load FP8 "
        "sizes.",
        "FP4 权重只在 decode MoE 加载时减半；Dense MLP 与 prefill MoE 按 FP8 大小加载。"},
       {},
       true,
       {"Expert weights have moe_dtype's size everywhere: prefill and decode, time and memory.",
        "专家权重在所有地方都按 moe_dtype 的大小计算：prefill 与 decode、时间与显存。"}},
      {"Q9",
       {"Dense-layer MLA (prefill and decode) has no kernel fixed time and no TP.",
        "Dense 层 MLA（prefill 与 decode）没有内核固定耗时，也不做 TP。"},
       {"+0.15 ms TPOT for V3 if charged.", "若计入，V3 的 TPOT +0.15 ms。"},
       true,
       {"Dense-layer attention gets the same kernel fixed times and attention TP as the MoE "
        "layers.",
        "Dense 层注意力与 MoE 层一样计入内核固定耗时与注意力 TP。"}},
      {"Q10",
       {"Decode reads a KV cache of seq_len (not seq_len + generated); prefill attention is "
        "counted non-causal (full seq²).",
        "Decode 读取的 KV 长度为 seq_len（不含已生成部分）；prefill 注意力按非因果（完整 "
        "seq²）计算。"},
       {"Causal counting would roughly halve prefill attention FLOPs.",
        "按因果计算，prefill 注意力 FLOPs 约减半。"},
       true,
       {"Prefill attention is causal (half of seq²). Decode keeps seq_len as the mean KV length "
        "read: set it to input + output / 2.",
        "prefill 注意力按因果计算（seq² 的一半）。decode 仍以 seq_len 作为平均读取的 KV "
        "长度：请设为 输入 "
        "+ 输出 / 2。"}},
      {"Q11",
       {"n_shared_experts is never read: one shared expert is charged in time and memory.",
        "n_shared_experts 从未被读取：时间与显存都按 1 个共享专家计算。"},
       {"DeepSeek-V2 (2 shared) is under-charged.", "DeepSeek-V2（2 个共享专家）被低估。"},
       true,
       {"n_shared_experts shared experts in time and memory.",
        "时间与显存都按 n_shared_experts 个共享专家计算。"}},
      {"Q12",
       {"Memory uses fixed DeepSeek-V3 constants (MLA 187.17 M, expert 44.05 M, other 2.91 GB), "
        "mixing 10^6 and 2^10.",
        "显存使用固定的 DeepSeek-V3 常数（MLA 187.17 M、专家 44.05 M、其他 2.91 GB），混用 10^6 与 "
        "2^10。"},
       {"Derived from the dimensions, V3 has 671.0 B parameters (the published 671 B).",
        "按维度推算 V3 共 671.0 B 参数（与公开的 671 B 一致）。"},
       false,
       {"Kept: the constants match the dimensions of the shipped presets.",
        "保留：这些常数与内置预设的维度相符。"}},
      {"Q13",
       {"TP: KV replicated × tp in memory, MLA weights / tp, attention time / tp + all-reduce, "
        "but MoE and all-to-all are charged for the full batch whatever tp.",
        "TP 语义：显存中 KV 复制 tp 份，MLA 权重 / tp，注意力时间 / tp + all-reduce，但 MoE 与 "
        "all-to-all 无论 tp 都按整批计算。"},
       {"The batch is neither per GPU nor per TP group consistently.",
        "批大小既不一致地按卡，也不一致地按 TP 组。"},
       true,
       {"Attention TP t: a group of t GPUs serves t × bs requests; each GPU computes its heads "
        "for all of them and reads their whole latent KV; MoE and all-to-all carry bs tokens per "
        "GPU.",
        "注意力 TP t：t 张卡组成一组服务 t × bs 个请求；每卡为全部请求计算自己负责的头，并读取它们"
        "完整的潜在 KV；MoE 与 all-to-all 每卡承载 bs 个 token。"}},
      {"Q14",
       {"8-GPU boxes use NVLink only when E / (experts per GPU) = 8 exactly; racks use the NIC "
        "for all traffic once EP exceeds the rack.",
        "8 卡机仅在 E /（每卡专家数）恰为 8 时走 NVLink；机柜在 EP 超过机柜规模后全部流量走网卡。"},
       {"EP 7 or 9 in one box uses the NIC.", "单机内 EP 7 或 9 也走网卡。"},
       true,
       {"All-to-all traffic splits by destination: the share inside the scale-up domain on "
        "NVLink, the rest on the NIC, both at once.",
        "all-to-all 流量按目的地拆分：scale-up 域内的部分走 NVLink，其余走网卡，二者并行。"}},
      {"Q15",
       {"Prefill all-to-all assumes 4 nodes on 8-GPU boxes and ignores dp there.",
        "8 卡机上的 prefill all-to-all 假设 4 个节点，并忽略 dp。"},
       {},
       true,
       {"Prefill all-to-all uses the same split over the tp·dp GPUs of the instance.",
        "prefill all-to-all 按实例中 tp·dp 张卡做同样的拆分。"}},
      {"Q16",
       {"When communication is not hidden, TP does not change TPOT: several TP rows tie exactly "
        "on Total and the leaderboard keeps them all.",
        "通信未被掩盖时 TP 不改变 TPOT：多个 TP 行的 Total 完全相同，排行榜全部保留。"},
       {},
       false,
       {"Kept: a tie is a fact of the model, not an error.", "保留：并列是模型的事实，并非错误。"}},
  }};
  return kQuirks;
}

namespace {

// Calibration 2026-12. Sources (docs/CALIBRATION.md has the tables):
//  [FlashMLA]  deepseek-ai/FlashMLA README and docs/20250422 + 20250929 deep dives, H800 SXM5
//  [DeepGEMM]  deepseek-ai/DeepGEMM README (commit 55ab91f7), PR #192, issue #114
//  [InferSim]  alibaba/InferSim bench_data (commit f2293dab): DeepGEMM and FlashInfer kernels
//  [DeepEP]    deepseek-ai/DeepEP docs/legacy.md: normal and low-latency kernels, H800 + CX7
//  [TRTLLM]    NVIDIA/TensorRT-LLM tech blogs 1, 4, 10 and 18
//  [InferSim]  also its README: its simulation against deepseek-ai/profile-data
//  [FlashInfer] flashinfer-ai/flashinfer PR #2503 (NVFP4 grouped GEMM, Blackwell)
//  [SGL-GB200] lm-sys blog 2025-09-25 (per-kernel ratios only), [Ant] lm-sys blog 2025-09-26
//              (per-kernel speedups only); [vLLM] vllm-project/vllm PR #41778 (B200 MLA kernels)
constexpr Calibration k2026_12 = {
    .id = "2026-12",
    .mla_bw = 0.87,             // [FlashMLA] 3000 GB/s of 3350 (H800); H100 2826 GB/s = 0.84
    .mla_bw_fp4_gpus = 0.26,    // [vLLM] PR #41778: trtllm-gen MLA on B200, 2.1 of 8 TB/s
    .mla_compute = 0.65,        // [FlashMLA] 660 TFLOPS of 989 BF16 (H800, Apr 2025 kernel)
    .mla_compute_light = 0.78,  // [InferSim] H20 FlashInfer MLA 0.72–0.84 of 148
    .mla_fp8_kv_factor = 1.7,   // [Ant] FP8 FlashMLA (FP8 MMA, FlashMLA PR #82) ~70 % faster on H20
    .mla_fp8_kv_fp4_gpus = 1.8,  // [SGL-GB200] FP8 attention 1.8× the BF16 kernel on GB200
    .mla_floor_ms = 0.020,       // [InferSim] bs 1: H800 20.9 µs, H20 25 µs per MLA call
    .prefill_attn_short = 0.37,  // [InferSim] FA3 MLA prefill, H800, causal, 1K tokens
    .prefill_attn_long = 0.62,   // [InferSim] the same, 4K–16K tokens (0.61–0.63)
    .prefill_attn_light = 0.73,  // Dao-AILab/flash-attention#1310: H20 FA3 107.8 of 148
    .dense = {.bw = 0.70,        // [DeepGEMM] m=64: 0.80 (265 MB weights) … 0.50 (15 MB)
              .compute = 0.65,
              .block_m = 64,
              .floor_ms = 0.008},        // [InferSim] small GEMMs: 6–10 µs floor
    .grouped_fp8 = {.bw = 0.84,          // [InferSim] DeepGEMM masked, fit: 2.80–2.83 TB/s
                    .compute = 0.65,     // [DeepGEMM] m ≥ 4096: 1297–1346 of 1979
                    .block_m = 64,       // [DeepGEMM] masked block_m; [Ant] "block_m=64 wastes"
                    .floor_ms = 0.008},  // [InferSim] fit: 5 µs (up) … 11 µs (down)
    .grouped_fp4 = {.bw = 0.55,          // [FlashInfer] 4.1–4.5 TB/s of 8 at m = 28–56
                    .compute = 0.36,     // [FlashInfer] ≥ 3249 of 9000 TFLOPS at m ≥ 455
                    .block_m = 128,      // [FlashInfer] 0.18 at m=113 rising to 0.36
                    .floor_ms = 0.008},
    .gemm_compute_light = 0.84,  // [DeepGEMM] issue #114: H20 248 TFLOPS of 296 at m = 64
    // [FlashInfer] NVFP4 0.36 of 9 PF and [SGL-GB200] "NVFP4 GEMM up to 1.9x faster than FP8":
    // FP8 GEMMs reach 3240 / 1.9 ≈ 1700 of 4500 TFLOPS (no FP8 kernel table for SM100 found).
    .gemm_compute_fp4_gpus = 0.38,
    .gemm_large = 0.72,     // [DeepGEMM] m = 4096: 1358–1426 of 1979
    .light_fp8_per_sm = 6,  // H20 3.8 TFLOPS/SM; Hopper 15, Blackwell 28–34, MI300X 8.6
    .nvlink = 0.78,         // [DeepEP] EP8 intranode 153–158 of 200 GB/s; [TRTLLM] 18: ~80 %
    .nic = 0.85,            // [DeepEP] low-latency EP ≥ 32: 39–48 GB/s of 50
    .prefill_nodes_per_token = 4,  // DeepSeek-V3 node-limited routing (M = 4), tech report §2.1.2
    .a2a_floor_ms = 0.018,         // [TRTLLM] 18: NVL72 all-to-all 15–19 µs at batch 1
    .allreduce_floor_ms = 0.015,   // the reference's min_ar_time (no better measurement found)
    // [InferSim] README: unit-test kernel efficiencies predict DeepSeek's own profile (H800)
    // 15 % fast: decode 2675 vs 2324 tokens/s/GPU, prefill 9034 vs 7839.
    .in_situ = 1.15,
    .ep_imbalance = 1.12,          // [TRTLLM] 4: EPLB + redundant experts, EP32/36: 1.11–1.12
    .sbo_hidden_routed = 1.0 / 3,  // [Ant] SBO hides combine behind the down GEMM: 1/3 of its FLOPs
};

// Calibration 2026-12b: 2026-12 with the overlap efficiency measured by SGLang's two-batch-overlap
// ablation on 4 × 8 H100 prefill (EP32) and 9 × 8 H100 decode (EP72), lm-sys blog 2025-05-05:
//  - prefill: TBO raises throughput 27–35 % over no overlap at the same tokens per GPU, where
//    2026-12 predicts 58–67 % for that setup (1K–4K inputs, 8K tokens): communication hides
//    behind 0.49–0.65 of the other micro-batch's compute (0.57 at the middle of both ranges);
//    the blog's reason: DeepEP's normal kernels hold SMs while the experts compute, and
//    "communication time [is] slower than unit test results … achievable when disabling TBO".
//  - decode: TBO +25.5 % at 256 requests per GPU (2000-token inputs), where 2026-12 predicts
//    +52 %: 0.71 of the compute hides communication.
// The ablations are speed-up ratios (TBO on / off), from the same blog as the SGLang H100 rows of
// the reality table; the decode ratio's TBO-on run is the sglang-h100-decode row's experiment
// (docs/CALIBRATION.md says what that means for reading the error).
// A prefill with mbs = 1 overlaps nothing (the blog's "vanilla" prefill: DeepEP's normal dispatch
// blocks until its layout is known), where 2026-12 paired it as two micro-batches whatever mbs.
constexpr Calibration k2026_12b = [] {
  Calibration c = k2026_12;
  c.id = "2026-12b";
  c.overlap_prefill = 0.57;
  c.overlap_decode = 0.71;
  c.overlap_prefill_single = 0;
  // AMD CDNA3 (MI300X 8.6 FP8 TFLOPS per CU; Hopper 15, H20 3.8, Blackwell 28–34), from AMD's
  // published kernel tables (docs/CALIBRATION.md has the rows):
  //  [AITER]  ROCm/aiter: a8w8_blockscale_tuned_gemm_ds_v3.csv @1a4121e5 (MI300X, DeepSeek-V3
  //           shapes), a8w8_blockscale_tuned_fmoe_ds_v3.csv @84493f0e (MI325X fused MoE),
  //           PR #3188 (MLA decode), op_tests/cpp/mha/README.md (FMHA forward)
  //  [MoRI]   ROCm/mori README and docs/MORI-EP-BENCHMARK.md (EP dispatch/combine)
  c.cdna3 = {
      .fp8_per_sm_below = 12,
      .mla_bw = 0.29,        // [AITER] PR #3188: 367 TFLOPS FP8 MLA, bs 128, 32K: ~1.5 TB/s of 5.3
      .mla_compute = 0.165,  // the same 367 of 1307 = 0.28 with FP8 KV, ÷ the FP8-KV factor 1.7
      .dense = {.bw = 0.34,  // [AITER] block-scaled FP8, N 7168 K 2048, M 16: 1.78 TB/s
                .compute = 0.28,  // [AITER] the same shapes, M 4096: 720–740 of 2615 TFLOPS
                .block_m = 64,
                .floor_ms = 0.008},
      .grouped_fp8 = {.bw = 0.67,       // [AITER] fused MoE, 16–64 tokens: 4.0–4.1 of 6.0 TB/s
                      .compute = 0.36,  // [AITER] fused MoE, 16K tokens: 941 of 2615 TFLOPS
                      .block_m = 64,    // 512 tokens (~140 per expert): 604 TFLOPS = 0.36 · tiles
                      .floor_ms = 0.008},
      .gemm_large = 0.30,          // [AITER] block-scaled FP8, M 16384: 784 of 2615 TFLOPS
      .prefill_attn_short = 0.18,  // [AITER] FMHA forward, causal, 1K: ~230 of 1307 TFLOPS
      .prefill_attn_long = 0.41,   // [AITER] the same at 8K: 518–553
      // [MoRI] EP8 intranode: dispatch 307 / combine 330 GB/s of 448, counting the 1/8 of tokens
      // a rank keeps (docs/MORI-EP-BENCHMARK.md); without them, as the model counts: 269–289.
      .nvlink = 0.62,
      .nic = 0.60,  // [MoRI] EP16 over 2 nodes (CX7): 26–34 GB/s of 50 crossing the NIC
  };
  return c;
}();

// Calibration 2026-12c: 2026-12b with the physics that held-out published points exposed
// (issue 17): kernel floors that dominate small batches, the attention kernel's split-KV
// efficiency at few requests per call, all-to-all latency floors by transport and EP size, only
// the experts that received tokens read, and prefill that skips prefix-cache hits. Sources:
//  [AIC]   ai-dynamo/aiconfigurator @ 095f58a5, systems/data/<gpu>/…/*.parquet: per-kernel
//          latencies NVIDIA measured with the frameworks' kernels (docs/CALIBRATION.md has the
//          rows); [TRTLLM] tech blog 18 (NVL72 one-sided all-to-all), blog 1 (batch-1 step).
constexpr Calibration k2026_12c = [] {
  Calibration c = k2026_12b;
  c.id = "2026-12c";
  // [AIC] MLA decode, fit t = t0 + KV / (bw · HBM) at 1, 4, ≥ 16 requests per call:
  // H100 TRT-LLM 16 heads BF16 0.77 / 0.89 / 0.93, SGLang FA3 0.76 / 0.86 / 0.90; FP8 KV
  // 0.60 / 0.80 / 0.87; B200 trtllm-gen BF16 0.38 / 0.67 / 0.73, FP8 0.31 / 0.74 / 0.83.
  c.kv_hopper_bf16 = {0.77, 0.88, 0.92};
  c.kv_hopper_fp8 = {0.60, 0.80, 0.87};
  c.kv_blackwell_bf16 = {0.38, 0.67, 0.73};
  c.kv_blackwell_fp8 = {0.31, 0.74, 0.83};
  // [AIC] H100 TRT-LLM MLA, 128 heads, ≥ 16 requests (compute-bound): FP8 KV at 0.48 of HBM
  // against BF16 at 0.82, the same FLOPs: FP8 MMA runs the core 2 · 0.48 / 0.82 = 1.17× faster
  // (2026-12's 1.7 was the H20 figure; it stays for the compute-light class).
  c.mla_fp8_kv_factor = 1.17;
  c.mla_fp8_kv_factor_light = 1.7;
  // [AIC] GB200 TRT-LLM MLA decode, 128 heads per GPU (attention DP), 2K context, 1024 requests:
  // 462 µs with BF16 KV, 319 µs with FP8 KV, for 584 GFLOP: 0.51 of the BF16 peak, and FP8 KV
  // 1.45× faster (2026-12's 1.8 was SGLang's ratio at its own, memory-bound, point).
  c.mla_compute_fp4_gpus = 0.51;
  c.mla_fp8_kv_fp4_gpus = 1.45;
  // [AIC] Blackwell GEMMs in the framework: GB200 TRT-LLM FP8 block-scaled dense GEMM 16384 ×
  // 7168 × 16384 in 1.40 ms (0.55 of 5 PF; 2026-12 derived 0.38 from a ratio); its fused MoE
  // (DeepSeek shape, balanced routing) reaches 0.24 of the NVFP4 peak at its largest measured
  // work (EP4, 4096 tokens per rank: 2.89 TFLOP per GPU in 1.23 ms), and DeepGEMM's FP8 MoE 0.39
  // of the FP8 peak there (1.47 ms); less at smaller work (0.14 / 0.30 at 1024 tokens per rank,
  // EP8), which the tile share only partly follows.
  c.gemm_compute_fp4_gpus = 0.55;
  c.grouped_fp4.compute = 0.24;
  c.grouped_fp8_fp4_gpus = {.bw = 0.84, .compute = 0.39, .block_m = 64, .floor_ms = 0.008};
  // [AIC] DeepEP low-latency (the kernel family the model's all-to-all is), 1–16 tokens per
  // rank: H100/H200 box 11–16 / 12–21 µs (fit t0 12 / 11), B200 box 21–23 / 22–23, GB200 tray
  // 16.6 / 18.1; multi-node H100 (CX7): EP16 t0 19 / 25, EP32 25 / 28, EP64 28 / 25–31.
  // (TRT-LLM's own one-sided NVL72 kernel, blog 18, has 18–20 / 31–33 µs.)
  c.a2a_box = {0.012, 0.012};
  c.a2a_box_fp4 = {0.021, 0.021};
  c.a2a_rack = {0.017, 0.018};
  c.a2a_rdma_16 = {0.020, 0.025};
  c.a2a_rdma_32 = {0.025, 0.028};
  c.a2a_rdma_64 = {0.028, 0.028};
  // [AIC] H200 fused MoE (SGLang, TP8, FP8 block, balanced routing): 51.7 µs at 1 token, of which
  // the 8 expert slices it streams take 8 × 5.5 MB at 4.8 TB/s · 0.84 ≈ 11 µs: the block's fixed
  // time (routing, permutation, two GEMMs, activation) is ~30 µs after the first 8 × 2.7 µs
  // (below). The grouped GEMMs read only the experts the instance's tokens reach, E·(1 − (1 −
  // k/E)^n) in expectation (the standard occupancy result; DeepSeek's group-limited routing
  // leaves it unchanged, docs/CALIBRATION.md). The op table's slope of +2.7 µs per further
  // expert (1–32 tokens) is not used as a per-expert floor: end-to-end H200 TP8 runs at 16–32
  // requests (InferenceX, AIConfigurator's silicon sample) step 1.5× faster than that slope
  // allows for the MoE alone, so the op table's kernel is not the one those systems run.
  c.distinct_experts = true;
  c.routed_floor_ms = 0.030;
  // [AIC] per-kernel floors, H200 SGLang: router GEMM (256 × 7168, m = 1) 6.3 µs; RMSNorm,
  // RoPE/KV concat and activation quantisation ~3 µs each (TRT-LLM blog 1's 13 modules per
  // layer): 6 + 4 × 3 = 18 µs per layer. With the floors already in the model (attention 20 +
  // 4 × 8, shared expert 2 × 8, experts 30, all-reduce 6) a DeepSeek-V3 layer at batch 1 on 8
  // H200 (TP8) takes ≈ 150 µs: 9.2 ms a step against 8.9 ms measured (SGLang CI, issue #15869)
  // and 9.0 ms on 8 B200 (TRT-LLM blog 1).
  c.layer_floor_ms = 0.018;
  // [AIC] custom all-reduce of ≤ 64 KB over 8 H200 inside a CUDA graph: 4.7–7.9 µs.
  c.allreduce_floor_ms = 0.006;
  // The floors above are in-framework measurements: in_situ (kernel sums → served system) scales
  // the rooflines only.
  c.in_situ_floors = 1;
  c.out_proj_gemm = true;
  c.exact_causal = true;
  c.uncached_prefill = true;
  return c;
}();

// Calibration 2026-12d: 2026-12c, and the framework's own kernels where its measured tables
// differ from the defaults (framework=; auto computes what 2026-12c computes). [AIC] as above.
constexpr Calibration k2026_12d = [] {
  Calibration c = k2026_12c;
  c.id = "2026-12d";
  // [AIC] H200 TRT-LLM 1.3.0rc20 fused MoE (`moe_torch_flow_cutlass`, FP8 block scales,
  // DeepSeek shape, balanced routing): EP8 at 2048 / 1024 tokens per rank in 2499 / 1284 µs for
  // 1.443 / 0.722 TFLOP: 0.29 / 0.28 of the 1979 TFLOPS FP8 peak (H100: 0.26), against
  // DeepGEMM's 0.65. Streaming its 32 local experts (1.41 GB) at 4 … 64 tokens per rank takes
  // 358–397 µs: 0.84 of HBM plus the floor, as DeepGEMM.
  c.grouped_fp8_trtllm = {.bw = 0.84, .compute = 0.29, .block_m = 64, .floor_ms = 0.008};
  // [AIC] GB200 MLA decode, 128 heads, SGLang 0.5.14 (`trtllm_mla` through FlashInfer) against
  // TRT-LLM 1.3.0rc20 at 256 and 1024 requests, 2K and 8K context: SGLang takes 1.06–1.17× the
  // time with BF16 KV (median TRT / SGLang 0.89) and 1.03–1.14× with FP8 KV (0.91), where the
  // kernel is memory-bound and where it is compute-bound alike: its KV stream and its core run at
  // those shares of TRT-LLM's (the 2026-12c Blackwell figures).
  // The attention block's GEMM kernels by family: GQA runs two (fused QKV, output projection:
  // vLLM's, SGLang's and TensorRT-LLM's GPT-OSS and Qwen3-MoE attention modules), MLA four; each
  // costs the small-GEMM floor (8 µs, 2026-12b).
  c.family_gemm_floors = true;
  // [AIC] TRT-LLM 1.3.0rc20 GQA generation attention (`generation_attention_perf`), one request,
  // 128–1024 tokens of FP8 KV, ≤ 16 query heads per GPU (GPT-OSS, Qwen3 and GLM shapes at TP4
  // and TP8): H200 7.2–10.3 µs (H100 the same), B200 10.9–11.7 µs, flat in the context up to
  // ~4K. MLA's 20 µs (FlashMLA at one request) stays for MLA, DSA and V4.
  c.gqa_attn_floor_ms = 0.009;
  c.gqa_attn_floor_fp4_ms = 0.011;
  // The tables are NVIDIA's (H100/H200, B200/GB200): FP8 TFLOPS per SM is 3.8 (H20) and 15.0
  // (H100/H200) without FP4, 30–33 (B200–GB300) and 80+ (Rubin) with it; MI355X (19.7 per CU),
  // Ascend 910C (31.3 per core, no FP4) and the CDNA3 class (8.6) fall outside.
  c.nvidia_hopper_fp8_per_sm_below = 20;
  c.nvidia_blackwell_fp8_per_sm = 25;
  c.sglang_blackwell_mla_bf16 = 0.89;
  c.sglang_blackwell_mla_fp8 = 0.91;
  return c;
}();

// Calibration 2026-12e: 2026-12d, and FP4 experts timed by the kernels that run them: W4A16 on
// NVIDIA Hopper (no FP4 tensor cores), MXFP8 × MXFP4 for MXFP4 checkpoints on Blackwell ([AIC] as
// above), AITER's MXFP4 MoE for them on the MI355X ([AITER] below).
constexpr Calibration k2026_12e = [] {
  Calibration c = k2026_12d;
  c.id = "2026-12e";
  // Hopper has no FP4 tensor cores: TensorRT-LLM's GPT-OSS guide lists H200 as BF16 activations
  // with MXFP4 expert weights on its TRITON MoE backend (OpenAI's Triton MXFP4 kernels, which
  // decode each weight tile to BF16 before the 16-bit MMA); SGLang and vLLM run the same kernels
  // there. 2026-12d timed them at the FP8 rate with the FP8 grouped-GEMM fit (W4A8).
  // [AIC] H200 TRT-LLM 1.3.0rc20 MoE, `w4a16_mxfp4` (`moe_torch_flow`), GPT-OSS-120B shape (128
  // experts, top-4, 2880 × 2880), EP1, balanced routing, 1–16384 tokens:
  //   - 2048–16384 tokens (64–512 rows per expert): 0.37–0.38 of the 989 TFLOPS BF16 peak;
  //   - 128–256 tokens (every expert reached) take 619–623 µs: 0.66 of HBM for the bytes the
  //     model streams (it counts NVFP4's 0.5625 bytes per weight; MXFP4's 0.53 gives 0.63);
  //   - 1 token: 79 µs, of which the 4 experts' 53 MB take ~18: ~60 µs fixed for the routed
  //     block (routing, permutation, two GEMMs, activation, finalize; 2026-12c's FP8 block: 30);
  //   - 32 rows per tile: the model is within −37 … +14 % of the 27 points (median −1 %); the
  //     kernel's own steps (32, 768, 3072, 6144 tokens: −21 … −37 %) are not modelled, and 64
  //     rows per tile would put 2–512 tokens 1.2–1.8× too slow.
  // Its EP4 and EP8 runs are 1.1–2× slower per rank than this fit at ≥ 256 tokens; the fit is
  // EP1's, the layout of TP-sharded experts (every GPU holds a slice of every expert).
  // The compute-light class (H20) keeps its own compute share, on the BF16 peak (no H20 table).
  c.w4a16_hopper = {.fit = {.bw = 0.66, .compute = 0.38, .block_m = 32, .floor_ms = 0.008},
                    .routed_floor_ms = 0.060};
  // The NVIDIA tables (2026-12d's and these) describe the H20 class (3.8 FP8 TFLOPS per SM) but
  // not the MI308X (1.25 per CU), which 2026-12d's upper bound alone let in.
  c.nvidia_hopper_fp8_per_sm_from = 2;
  // Blackwell runs GPT-OSS's MXFP4 experts with MXFP8 activations on its TRTLLM MoE backend (the
  // same guide: B200/GB200/B300/GB300), which vLLM and SGLang reach through FlashInfer; 2026-12d
  // timed them with the NVFP4 fit (FlashInfer CUTLASS: 0.55 of HBM, a 30 µs routed block).
  // [AIC] B200 TRT-LLM 1.3.0rc20 MoE `w4a8_mxfp4_mxfp8` (`moe_torch_flow`), GPT-OSS-120B shape,
  // EP1, balanced routing, 1–16384 tokens:
  //   - 8192–16384 tokens: 0.41–0.44 of the 4.5 PFLOPS FP8 peak, the rate the MXFP8 × MXFP4 MMA
  //     runs at (B300/GB300, whose FP4 is 3× their FP8, gain nothing from their FP4 rate);
  //   - 96–384 tokens (every expert reached): 276–290 µs, 0.82–0.85 of the 8 TB/s HBM for the
  //     bytes the model streams, after the fixed time;
  //   - 1 token: 25 µs, of which the 4 experts' 56 MB take ~8: ~17 µs fixed for the routed block;
  //   - 32 rows per tile (1024 tokens, 32 rows per expert, stay memory-bound: 312 µs).
  // The NVIDIA Blackwell class (FP8 TFLOPS per SM ≥ 25) includes Rubin, for which no table exists:
  // its MXFP4 experts take the B200 shares, an extrapolation.
  c.mxfp4_blackwell = {.fit = {.bw = 0.84, .compute = 0.44, .block_m = 32, .floor_ms = 0.008},
                       .routed_floor_ms = 0.017};
  // The other GPU with FP4 tensor cores, the MI355X (CDNA4, 19.7 FP8 TFLOPS per CU: outside the
  // Blackwell class), runs GPT-OSS's MXFP4 experts with AITER's fused MoE (ATOM, vLLM and SGLang
  // on ROCm). 2026-12d timed them with NVIDIA's NVFP4 fit.
  // [AITER] ROCm/aiter @ c2b69b9b (#4130) aiter/configs/model_configs, gfx950 (256 CUs), the
  // GPT-OSS-120B experts padded to 3072 × 3072, 128 experts, top-4, TP1:
  //   - gptoss_a16w4_tuned_fmoe.csv (BF16 activations × MXFP4, 1–128 tokens): 128 tokens (every
  //     expert reached) 319 µs: 0.77 of the 8 TB/s HBM after the fixed time, for the bytes the
  //     model streams (GPT-OSS's 2880 × 2880 at NVFP4's 0.5625 bytes per weight; on the bytes the
  //     kernel reads, 3072 × 3072 at MXFP4's 0.53, it is 0.81–0.83); 1 token 39.1 µs, of which
  //     the 4 experts take 9: 30 µs fixed;
  //   - gptoss_fp4_tuned_fmoe.csv (MXFP4 × MXFP4, 256–32768 tokens): 4096, 16384 and 32768
  //     tokens reach 0.12–0.145 of the 10.1 PFLOPS FP4 peak for the model's FLOPs (8192: 0.08);
  //   - with 32 rows per tile the model is within −13 … +5 % of 14 of the 16 points and 27 % and
  //     39 % too fast at 2048 and 8192 tokens (tuner steps).
  // The fit is TP1's (9 of the 18 ATOM rows run TP1); the files' TP8 rows (experts sliced to 360,
  // padded to 512) run 12–41 % slower than it from 16 tokens on, which the model does not follow.
  c.mxfp4_cdna4 = {.fit = {.bw = 0.77, .compute = 0.14, .block_m = 32, .floor_ms = 0.008},
                   .routed_floor_ms = 0.030};
  return c;
}();

// Calibration 2026-12f: 2026-12e, and the GQA decode attention kernel's time per request ([AIC]
// generation_attention_perf): at a 1-token context the kernel's time grows by the same amount per
// request and KV head, and longer contexts add their KV stream on top (docs/CALIBRATION.md).
constexpr Calibration k2026_12f = [] {
  Calibration c = k2026_12e;
  c.id = "2026-12f";
  // Slope from 512 to 2048 requests at a 1-token context, GPT-OSS's shape at TP1 (64 query and 8
  // KV heads of 64), per request and KV head:
  //   - H200, SGLang 0.5.14 (triton) 20 ns, vLLM 0.24.0 (FlashAttention 3) 19 (BF16 KV) and 17
  //     (FP8 KV): 20;
  //   - H200, TensorRT-LLM 1.3.0rc20: 8.4 ns with FP8 KV (XQA), 33 with BF16 KV;
  //   - B200, TensorRT-LLM 8.8 / 9.5 ns (FP8 / BF16 KV), SGLang 8.2–8.7, vLLM 0.24.0 (FlashInfer
  //     trtllm-gen decode) 9.0: 9.
  // Other shapes from 512 to 1024 requests, per KV head: head_dim 64 (8 to 64 query heads, 1 to
  // 8 KV heads) as above within 8 … 35 %; head_dim 128 (Qwen3-MoE, GLM) costs more: 11–26 ns
  // (H200 TensorRT-LLM, FP8 KV), 38–42 (BF16 KV), 23–33 (SGLang), 13–22 (vLLM), 11–18 (B200).
  c.gqa_request_ns_hopper = 20;
  c.gqa_request_ns_hopper_trtllm_fp8 = 8.4;
  c.gqa_request_ns_hopper_trtllm_bf16 = 33;
  c.gqa_request_ns_blackwell = 9;
  // DeepSeek-V4's attention module ([AIC] dsv4_{csa,hca}_{context,generation}_module_perf, H200
  // SGLang 0.5.14 and vLLM 0.24.0; B200, B300, GB200: SGLang, vLLM and TensorRT-LLM
  // 1.3.0rc23; V4-Flash at TP1–8 and V4-Pro at TP1–8, FP8 block-scaled GEMMs): its time per token
  // (the slope from 2048 to 8192 short prompts in prefill, from 256 to 1024 requests at a
  // 1024-token context in decode) is a fixed time per token plus the module's weight GEMMs at a
  // share of the FP8 peak; fitted per GPU, framework, kind and phase over the 8 shapes (within
  // 6–25 % of each slope):
  //   - GEMM share 0.40–0.53 (SGLang, vLLM), 0.30–0.43 (TensorRT-LLM): 0.42;
  //   - per token, CSA / HCA layers, SGLang | vLLM fits, the mean taken:
  //       Blackwell prefill 0.114–0.118 | 0.090–0.094 → 0.105; 0.091–0.096 | 0.089–0.092 → 0.092
  //       Blackwell decode  0.146–0.160 | 0.111–0.129 → 0.135; 0.117–0.126 | 0.097–0.106 → 0.11
  //       H200 prefill      0.105 | 0.127 → 0.115;             0.077 | 0.122 → 0.10
  //       H200 decode       0.262 | 0.232 → 0.245;             0.159 | 0.153 → 0.155
  //   - TensorRT-LLM (Blackwell tables; on Hopper the vLLM/SGLang figures): prefill 0.056–0.060
  //     → 0.058 and 0.023–0.029 → 0.026; decode 0.053–0.060 → 0.057 and 0.040–0.044 → 0.042.
  // 2026-12e timed the module as its GEMMs at the dense share (0.55 on Blackwell) and nothing per
  // token: 1.6× too fast in decode at 1024 requests, 1.65–1.8× in prefill at 8K prompts.
  c.v4_gemm_compute = 0.42;
  c.v4_prefill_blackwell = {.csa = 0.105, .hca = 0.092};
  c.v4_decode_blackwell = {.csa = 0.135, .hca = 0.11};
  c.v4_prefill_hopper = {.csa = 0.115, .hca = 0.10};
  c.v4_decode_hopper = {.csa = 0.245, .hca = 0.155};
  c.v4_prefill_trtllm = {.csa = 0.058, .hca = 0.026};
  c.v4_decode_trtllm = {.csa = 0.057, .hca = 0.042};
  // DeepSeek-V4's mHC ([AIC] mhc_module_perf, pre + post modules, both sites of a layer, hc_mult 4,
  // 20 Sinkhorn iterations; SGLang 0.5.14, vLLM 0.24.0, TensorRT-LLM 1.3.0rc20):
  //   - at 1 token 21–32 µs per layer (H100/H200 21–29, B200/GB200 24–32): 25 µs;
  //   - per token (1024 to 524288 tokens) hidden 4096 / 7168: B200 0.047–0.049 / 0.080–0.086 µs,
  //     GB200 0.044 / 0.076, H200 0.071–0.073 / 0.124–0.132, H100 0.100 (4096): at each GPU's
  //     HBM bandwidth, 10.2–11.7 passes over the 4 × hidden BF16 residual: 11.
  c.mhc_floor_ms = 0.025;
  c.mhc_passes = 11;
  c.mxfp4_hybrid = true;
  // [AIC] MoE, DeepSeek shape (256 experts, top-8, 7168 × 2048), balanced routing, EP1–64, 1–16384
  // tokens per rank, FP8 block-scaled: SGLang 0.5.14 (`sglang_flashinfer_trtllm_moe`) on B200 and
  // GB200, vLLM 0.24.0 (FlashInfer trtllm-gen experts) on B200 and GB200, 1107 points; the two
  // frameworks' tables agree within their spread. Least-squares fit of the model's roofline (fixed
  // time + the longer of streaming the touched experts and computing, 128 rows per tile): 0.59
  // of HBM, 0.32 of the FP8 peak, 25 µs, median |error| 17.7 % (2026-12e's DeepGEMM fit, 0.84,
  // 0.39, 30 µs, which TensorRT-LLM runs: 28.1 %, 10 % too fast). The one-token points (67–70 µs)
  // are above the fit's fixed time; it follows the batches decode and prefill run.
  // The same tables' NVFP4 experts fit 0.71 of HBM and 0.62 of the FP4 peak (2026-12e: 0.55 and
  // 0.24), 1.6–2.6× faster than the SGLang GB200 blog's measured FP4 decode and prefill steps
  // allow; not adopted (docs/CALIBRATION.md).
  // [AIC] dsa_context_module_perf, DeepSeek-V3.2 at TP1 (128 heads), FP8 block-scaled GEMMs, one
  // prompt of 8192 and of 16384 tokens, B200: SGLang 0.5.14 6.64 / 14.6 ms per layer with BF16
  // KV (4.81 / 10.5 with FP8 KV), TensorRT-LLM 1.3.0rc20 7.02–7.71 / 15.6–16.8 (5.24–5.97 /
  // 11.6–12.9), vLLM 0.24.0 (FlashMLA / FlashInfer sparse) 7.30–8.25 / 14.99–15.5 (6.57–6.71 /
  // 13.8–14.2); GB200 within the same spread. With the model's projections and indexer, the
  // sparse core (top-2048 keys per query) then runs at 0.096–0.128 of the BF16 peak with BF16 KV
  // over the three, and 0.13–0.21 with FP8 KV: 0.11 and 0.15. 2026-12e timed it at the MLA
  // prefill share (0.62 at these lengths), 2.35–2.9× too fast per layer. (At 2048 tokens SGLang
  // runs dense MHA, 0.71 ms, and vLLM's sparse kernel 1.74–2.19: the share follows the longer
  // prompts.)
  c.dsa_prefill_attn_bf16 = 0.11;
  c.dsa_prefill_attn_fp8 = 0.15;
  c.fi_fp8_blackwell = {.fit = {.bw = 0.59, .compute = 0.32, .block_m = 128, .floor_ms = 0.008},
                        .routed_floor_ms = 0.025};
  return c;
}();

// Calibration 2026-12g: 2026-12f, and how the attention-DP ranks of an aggregated instance share
// its prefill ([TRTLLM] blog 10, "ADP Balance Strategy": on 8 GB200, DeepSeek-V3, DP8 EP8, each
// iteration lasts as long as its slowest rank, so a context on one rank holds up the others'
// generation; round-robin scheduling 25,664 TPS, the ranks' contexts synchronised 33,499 (1.31×);
// sglang PR #23588 and vllm PR #51199 describe the same wait in their schedulers, where aligning
// is opt-in). No constant: the forwards are timed with the calibration's kernels
// (docs/CALIBRATION.md, "Calibration 2026-12g").
constexpr Calibration k2026_12g = [] {
  Calibration c = k2026_12f;
  c.id = "2026-12g";
  c.dpa_prefill_ranks = true;
  c.lm_head = true;
  return c;
}();

// Calibration 2026-12h: 2026-12g, and what a single decode micro-batch (mbs = 1) hides its
// all-to-all behind, by framework. 2026-12b–g hid it behind the shared expert and a third of the
// routed experts (sbo_hidden_routed, Ant's single-batch overlap) in every framework; the frameworks
// run that overlap only when asked:
//  - SGLang: single-batch overlap is `--enable-single-batch-overlap` (sglang PR #9660, merged
//    2025-08, default off); without it the DeepEP path runs the shared expert, dispatch, experts
//    and combine in sequence (sglang PR #5829, overlapping combine with the shared expert when TBO
//    is off, +2–4.5 %, was closed unmerged);
//  - vLLM: sequential routed path (vllm PR #29211, SBO prototype, closed; RFC #34963, 2026-02:
//    "SGLang implements this but vllm does not"); the shared expert runs on an auxiliary stream
//    beside it on CUDA (`VLLM_DISABLE_SHARED_EXPERTS_STREAM`, default on) for calls of at most
//    `VLLM_SHARED_EXPERTS_STREAM_TOKEN_THRESHOLD` = 256 tokens;
//  - TensorRT-LLM: DeepSeek's MoE runs the shared expert on an auxiliary stream in parallel with
//    the routed path (`maybe_execute_in_parallel` in modeling_deepseekv3.py).
// No constant: the overlap efficiency stays `overlap_decode`.
// Also TensorRT-LLM's DeepGEMM FP8 experts on the NVIDIA Blackwell class, fitted over the whole
// of its kernel table. 2026-12c took 0.39 of the FP8 peak from the table's largest work (EP4, 4096
// tokens per rank) with Hopper's 0.84 of HBM and the 30 µs block: on the table's 486 points it is
// 16 % too fast (median; 15-18 % in every regime).
// [AIC] TRT-LLM 1.3.0rc20 `moe_perf`, kernel `deepgemm`, FP8 block scales, DeepSeek shape (256
// experts, top-8, 7168 × 2048), balanced routing, MoE TP1 at EP1-256, 1-16384 tokens, GB200 and
// B200 (243 points each): the model's roofline (fixed time + the longer of streaming the touched
// experts and computing, 64 rows per tile), fitted by median |error| on a grid: 0.72 of HBM, 0.27
// of the FP8 peak, 35 µs; median |error| 7.7 % (GB200 alone 0.72 / 0.26 / 35 µs, B200 0.70 / 0.27
// / 35 µs). The tables' TP-sliced rows (moe_tp > 1) are not fitted.
// And FP8 experts on the MI355X, which 2026-12c-g timed with NVIDIA's DeepGEMM figures above (2.4×
// too fast where the batch is compute-bound):
// [AITER] ROCm/aiter aiter/configs/model_configs/a8w8_blockscale_tuned_fmoe_ds_v3.csv (stored
// snapshot), gfx950 (cu_num 256), DeepSeek-V3 FP8 block scales (per_1x128), 7168 × 512 (MoE TP4)
// with the shared expert fused (257 experts, top-9), 1-8192 tokens: the model's roofline fitted by
// median |error|: 0.75 of HBM, 0.14 of the 5,033 TFLOPS FP8 peak, 32 rows per tile, 20 µs;
// median |error| 2.6 % (14 points). Its 7168 × 256 rows (TP8) at 8-512 tokens are within 6 %;
// at 1-4 tokens they take 77 µs (the fit: 28-49 µs), and from 1,024 tokens the file repeats one
// measurement, so those are not fitted.
constexpr Calibration k2026_12h = [] {
  Calibration c = k2026_12g;
  c.id = "2026-12h";
  c.single_batch_by_framework = true;
  c.deepgemm_fp8_blackwell = {
      .fit = {.bw = 0.72, .compute = 0.27, .block_m = 64, .floor_ms = 0.008},
      .routed_floor_ms = 0.035};
  c.fp8_cdna4 = {.fit = {.bw = 0.75, .compute = 0.14, .block_m = 32, .floor_ms = 0.008},
                 .routed_floor_ms = 0.020};
  return c;
}();

// Calibration 2026-12i: 2026-12h, and the prefill attention core on the NVIDIA Blackwell class by
// its own kernel tables. 2026-12c-h timed it at Hopper's FA3 shares (0.37 of the BF16 peak at 1K
// tokens, 0.62 from 4K; [InferSim], H800), 24-25 % too fast on the tables below (median).
// [AIC] `context_mla_perf`, DeepSeek-V3 MLA context attention (128 heads, TP1), batch 1-8, prompts
// of 1,024-16,384 tokens: GB200 SGLang 0.5.10 (kernel trtllm_mla) and TensorRT-LLM 1.3.0rc10,
// B200 SGLang 0.5.10 and TensorRT-LLM 1.3.0rc20 (148 points per KV dtype). The core's causal FLOPs
// over the time, as a share of the datasheet BF16 peak, rise with the prompt: with BF16 KV 0.16-
// 0.27 at 1K, 0.27-0.40 at 2K, 0.40-0.49 at 4K, 0.47-0.56 from 8K; with FP8 KV 0.13-0.20, 0.25-
// 0.33, 0.41-0.48, 0.58-0.62 at 8K and 0.67-0.71 at 16K. Fitted by median |error| on a grid
// (share log-linear in the length from 1K to a top): BF16 0.19 -> 0.53 at 8,192 tokens (median
// |error| 4.3 %), FP8 0.20 -> 0.72 at 16,384 (3.4 %); the four tables' medians within -4.5 ...
// +13 %. SGLang's GQA context kernel on GB200 (trtllm_mha, 64 heads, 4 KV heads of 128) lies on
// the same curve (0.19-0.31 at 1K, 0.50-0.59 at 8K), so both families take it.
// And TensorRT-LLM's CUTLASS FP8 experts on the NVIDIA Hopper class when MoE TP slices them.
// [AIC] TRT-LLM 1.3.0rc20 `moe_perf` on H200, kernel moe_torch_flow_cutlass, FP8 block scales,
// DeepSeek shape (256 experts, top-8, 7168 x 2048), balanced routing, EP1 at MoE TP 2, 4, 8 and
// 16, 1-16,384 tokens (27 points each): sliced experts stream and compute slower than whole ones
// (2026-12d's fit, from EP rows, is 47 % too fast at TP8 on these points, 30 % at <= 256 tokens).
// The model's roofline fitted per degree by median |error|: TP2 0.88 of HBM, 0.275 of the FP8
// peak, 80 us (5.0 %); TP4 0.83, 0.255, 90 us (7.9 %); TP8 0.67, 0.21, 95 us (9.2 %); TP16 0.49,
// 0.15, 90 us (12.7 %); within 6 % (median) at <= 256 tokens, the decode regime. From 2,048
// tokens the slices run at 0.08-0.19 of the peak (TP8-TP2), which one share with 64-row tiles
// cannot also follow: prefill there stays 28-72 % too fast.
// And TensorRT-LLM's FP8 experts on the NVIDIA Blackwell class by the kernels its published runs
// select: InferenceX's B200 script (benchmarks/single_node/fixed_seq_len/dsr1_fp8_b200_trt.sh)
// sets `moe_config: backend: TRTLLM`, the trtllm-gen MoE kernels that FlashInfer ships and 2026-12f
// fitted for vLLM and SGLang (fi_fp8_blackwell); its multi-node TensorRT-LLM recipes name TRTLLM
// or CUTEDSL, never DEEPGEMM for DeepSeek. 2026-12h timed them with DeepGEMM's table, a backend
// these runs do not use. (DeepGEMM's table sliced by MoE TP, EP1 at TP2-16 on B200, runs 43 %
// slower than its whole-expert fit at TP8; with TRTLLM selected it does not apply.)
constexpr Calibration k2026_12i = [] {
  Calibration c = k2026_12h;
  c.id = "2026-12i";
  c.prefill_attn_blackwell_bf16 = {.at_1k = 0.19, .top = 0.53, .top_tokens = 8192};
  c.prefill_attn_blackwell_fp8 = {.at_1k = 0.20, .top = 0.72, .top_tokens = 16384};
  c.closed_loop_mva = true;
  c.trtllm_fp8_sliced_hopper = {{
      {.fit = {.bw = 0.88, .compute = 0.275, .block_m = 64, .floor_ms = 0.008},
       .routed_floor_ms = 0.080},  // MoE TP 2
      {.fit = {.bw = 0.83, .compute = 0.255, .block_m = 64, .floor_ms = 0.008},
       .routed_floor_ms = 0.090},  // 4
      {.fit = {.bw = 0.67, .compute = 0.21, .block_m = 64, .floor_ms = 0.008},
       .routed_floor_ms = 0.095},  // 8
      {.fit = {.bw = 0.49, .compute = 0.15, .block_m = 64, .floor_ms = 0.008},
       .routed_floor_ms = 0.090},  // 16
  }};
  c.trtllm_gen_fp8_blackwell = true;
  return c;
}();

constexpr std::array<Calibration, 9> kCalibrations = {k2026_12,  k2026_12b, k2026_12c,
                                                      k2026_12d, k2026_12e, k2026_12f,
                                                      k2026_12g, k2026_12h, k2026_12i};

// [DeepSeek-V3 §5.4.3] 85–90 % second-token acceptance → 1.85; [TRTLLM] 1: 1.92 / 2.58 / 2.82 /
// 2.99 / 3.01 for 1–5 drafts; [Ant] 1.8–1.9 / 2.4–2.7 / 2.9–3.3.
constexpr std::array<double, 6> kMtpAccept = {1.0, 1.85, 2.5, 2.85, 3.0, 3.0};

}  // namespace

std::span<const Calibration> Calibrations() { return kCalibrations; }

double ShareAt(const PrefillAttnCurve& curve, double tokens) {
  const double x =
      std::clamp(std::log2(tokens / 1024) / std::log2(curve.top_tokens / 1024), 0.0, 1.0);
  return curve.at_1k + (curve.top - curve.at_1k) * x;
}

const Calibration* FindCalibration(std::string_view id) {
  for (const Calibration& c : kCalibrations) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const Calibration& CalibrationOf(const Config& config) {
  const Calibration* c = FindCalibration(config.cal);
  return c ? *c : kCalibrations.back();
}

namespace {
// FP8 TFLOPS per SM (CU, AI core): what tells kernel classes apart (0 without SMs).
double Fp8PerSm(const Gpu& gpu) { return gpu.sm > 0 ? gpu.fp8 / gpu.sm : 0; }
}  // namespace

bool InKernelClass(const Calibration& cal, const Gpu& gpu) {
  const KernelClass& k = cal.cdna3;
  const double per_sm = Fp8PerSm(gpu);
  return k.fp8_per_sm_below > 0 && gpu.fp4 <= 0 && per_sm >= cal.light_fp8_per_sm &&
         per_sm < k.fp8_per_sm_below;
}

bool NvidiaHopperKernels(const Calibration& cal, const Gpu& gpu) {
  const double per_sm = Fp8PerSm(gpu);
  return cal.nvidia_hopper_fp8_per_sm_below > 0 && gpu.fp4 <= 0 && !InKernelClass(cal, gpu) &&
         per_sm > 0 && per_sm >= cal.nvidia_hopper_fp8_per_sm_from &&
         per_sm < cal.nvidia_hopper_fp8_per_sm_below;
}

bool ComputeLightClass(const Calibration& cal, const Gpu& gpu) {
  return gpu.sm > 0 && Fp8PerSm(gpu) < cal.light_fp8_per_sm;
}

bool NvidiaBlackwellKernels(const Calibration& cal, const Gpu& gpu) {
  const double per_sm = Fp8PerSm(gpu);
  return cal.nvidia_blackwell_fp8_per_sm > 0 && gpu.fp4 > 0 &&
         per_sm >= cal.nvidia_blackwell_fp8_per_sm;
}

bool NvidiaKernels(const Calibration& cal, const Gpu& gpu) {
  return NvidiaHopperKernels(cal, gpu) || NvidiaBlackwellKernels(cal, gpu);
}

Calibration CalibrationFor(const Calibration& cal, const Gpu& gpu, Framework framework) {
  const KernelClass& k = cal.cdna3;
  if (!InKernelClass(cal, gpu)) {
    Calibration c = cal;
    // (framework=trtllm's expert GEMMs: ExpertsOf, engine/method.cpp, FP8 experts only.)
    const double bf16 = cal.sglang_blackwell_mla_bf16, fp8 = cal.sglang_blackwell_mla_fp8;
    if (framework == Framework::kSglang && bf16 > 0 && NvidiaBlackwellKernels(cal, gpu)) {
      for (double* share :
           {&c.kv_blackwell_bf16.b1, &c.kv_blackwell_bf16.b4, &c.kv_blackwell_bf16.b16}) {
        *share *= bf16;
      }
      for (double* share :
           {&c.kv_blackwell_fp8.b1, &c.kv_blackwell_fp8.b4, &c.kv_blackwell_fp8.b16}) {
        *share *= fp8;
      }
      c.mla_compute_fp4_gpus *= bf16;       // the core with BF16 KV
      c.mla_fp8_kv_fp4_gpus *= fp8 / bf16;  // with FP8 KV: the BF16 core × the FP8 factor
    }
    return c;
  }
  Calibration c = cal;
  c.mla_bw = k.mla_bw;
  c.mla_compute = k.mla_compute;
  c.dense = k.dense;
  c.grouped_fp8 = k.grouped_fp8;
  c.gemm_large = k.gemm_large;
  c.prefill_attn_short = k.prefill_attn_short;
  c.prefill_attn_long = k.prefill_attn_long;
  c.nvlink = k.nvlink;
  c.nic = k.nic;
  return c;
}

bool Corrects(const Config& config, std::string_view id) {
  return config.mode == Mode::kCalibrated &&
         std::find(config.keep.begin(), config.keep.end(), id) == config.keep.end();
}

double PublishedMtpAccept(double mtp) {
  const size_t i = static_cast<size_t>(std::clamp(mtp, 0.0, 5.0));
  return kMtpAccept[i];
}

double MtpAccept(const Scenario& s) {
  return s.mtp_accept > 0 ? s.mtp_accept : PublishedMtpAccept(s.mtp);
}

double EpImbalance(const Config& config) {
  if (config.scenario.ep_imbalance > 0) return config.scenario.ep_imbalance;
  return config.mode == Mode::kCalibrated ? CalibrationOf(config).ep_imbalance : 1.0;
}

}  // namespace shallowsim
