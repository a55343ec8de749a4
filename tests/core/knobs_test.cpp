// The serving knobs (mtp, mtp_accept, kv_dtype, moe_dtype, ep_imbalance), calibrated mode and the
// reality check. Hand values come from the formulas of SPEC §2/§4 with the knob applied,
// computed outside the engine.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

#include "shallowsim/breakdown.h"
#include "shallowsim/calibration.h"
#include "shallowsim/columns.h"
#include "shallowsim/decode.h"
#include "shallowsim/model.h"
#include "shallowsim/model_config.h"
#include "shallowsim/prefill.h"
#include "shallowsim/reality.h"
#include "shallowsim/serve.h"
#include "test_util.h"

namespace shallowsim {
namespace {

using testing::ConfigOf;
using testing::OnlyRow;

constexpr char kGb300[] = "v=1&gpus=GB300-NVL72&bs=128&ep=72&decode_tp=1";

TEST(Knobs, Bf16KvDoublesTheKvRead) {
  // LoadKV = 4383·576·128 / 2^30 / (8000·0.85) · 1000 = 0.04425834206973805 ms, read twice.
  const DecodeRow fp8 = OnlyRow(kGb300);
  const DecodeRow bf16 = OnlyRow(std::string(kGb300) + "&kv_dtype=bf16");
  EXPECT_NEAR(fp8.dense_mla, 0.12987552999292012, 1e-15);
  EXPECT_NEAR(bf16.dense_mla, 0.17413387206265818, 1e-15);
}

TEST(Knobs, Fp8ExpertsOnAnFp4GpuAndTheBusiestRank) {
  // moe_dtype=fp8 on GB300: rate 7500·0.85·0.4 (bucket 256), weights not halved; the busiest
  // rank does 1.5× the routed FLOPs and receives 1.5× the traffic.
  const DecodeRow r = OnlyRow(std::string(kGb300) + "&moe_dtype=fp8&ep_imbalance=1.5");
  EXPECT_NEAR(r.shared_expert, 0.016774231039999997, 1e-15);
  EXPECT_NEAR(r.routed_expert, 0.10246724306823529, 1e-15);
  EXPECT_NEAR(r.dispatch, 0.023725490196078433, 1e-15);
}

TEST(Knobs, MtpVerifiesMoreTokensAndEmitsAcceptedOnes) {
  // mtp=1: the dense MLP runs 2·128 tokens: 0.07150487880282352 ms; TPOT = step / 1.8.
  const DecodeRow r = OnlyRow(std::string(kGb300) + "&mtp=1&mtp_accept=1.8");
  EXPECT_NEAR(r.dense_mlp, 0.07150487880282352, 1e-15);
  const DecodeRow none = OnlyRow(kGb300);
  EXPECT_GT(r.tpot * 1.8, none.tpot);                         // a step costs more …
  EXPECT_LT(r.tpot, none.tpot);                               // … and emits more than a token
  EXPECT_EQ(MtpAccept(ConfigOf("v=1&mtp=2").scenario), 2.5);  // the published figure
}

TEST(Knobs, MtpZeroIsNoMtpExactlyInBothModes) {
  for (const char* mode : {"reference", "calibrated"}) {
    const std::string base = std::string("v=1&gpus=H800,GB200-NVL72,H20&mode=") + mode;
    const DecodeTable a = Decode(ConfigOf(base));
    const DecodeTable b = Decode(ConfigOf(base + "&mtp=0&mtp_accept=1"));
    ASSERT_EQ(a.rows.size(), b.rows.size());
    for (size_t i = 0; i < a.rows.size(); ++i) {
      ASSERT_EQ(a.rows[i].tpot, b.rows[i].tpot) << mode << " row " << i;
      ASSERT_EQ(a.rows[i].total, b.rows[i].total) << mode << " row " << i;
    }
  }
}

TEST(Knobs, MoreImbalanceNeverRaisesThroughput) {
  for (const char* mode : {"reference", "calibrated"}) {
    std::vector<double> last;
    for (double imbalance : {1.0, 1.05, 1.12, 1.5, 2.0, 4.0}) {
      const DecodeTable t = Decode(
          ConfigOf(std::string("v=1&mode=") + mode + "&ep_imbalance=" + FormatNumber(imbalance)));
      std::vector<double> totals;
      for (const DecodeRow& r : t.rows) totals.push_back(r.total);
      if (!last.empty()) {
        ASSERT_EQ(totals.size(), last.size());
        // Equal up to rounding is not raised: where the imbalance cancels out of a formula
        // (a tile share that grows with it), the last bit may differ.
        for (size_t i = 0; i < totals.size(); ++i) {
          ASSERT_LE(totals[i], last[i] * (1 + 1e-12))
              << mode << " imbalance " << imbalance << " row " << i;
        }
      }
      last = totals;
    }
  }
}

TEST(Knobs, Bf16KvNeverRaisesTheLargestBatch) {
  std::mt19937_64 rng(7);
  for (const char* mode : {"reference", "calibrated"}) {
    for (int i = 0; i < 200; ++i) {
      const std::string link = std::string("v=1&mode=") + mode +
                               "&seq_len=" + std::to_string(1 + rng() % 65536) +
                               "&mtp=" + std::to_string(rng() % 3);
      const Config fp8 = ConfigOf(link);
      const Config bf16 = ConfigOf(link + "&kv_dtype=bf16");
      for (const Gpu& gpu : SelectedGpus(fp8)) {
        for (double ep : {8.0, 72.0, 320.0}) {
          for (double tp : {1.0, 4.0}) {
            // The largest batch that fits: none when the weights alone do not.
            const auto fits = [&](const Config& c) {
              return std::max(0.0, std::floor(MaxBatchOf(c, gpu, ep, tp)));
            };
            ASSERT_LE(fits(bf16), fits(fp8)) << link;
          }
        }
      }
    }
  }
}

TEST(Calibrated, ExpertGemmIsItsRoofline) {
  // H800, EP 256 (one expert per GPU), bs 64 in two micro-batches, no imbalance: 256 rows, a
  // full tile. max(44.04 MB / (4000·0.84 GB/s), 22.55 GFLOP / (1979·0.65 TFLOPS)) + 2·8 µs, ×1.15
  // in situ, ×2 micro-batches = 0.0771169666880709 ms.
  const DecodeRow r =
      OnlyRow("v=1&mode=calibrated&cal=2026-12b&gpus=H800&bs=64&ep=256&decode_tp=1&ep_imbalance=1");
  EXPECT_NEAR(r.routed_expert, 0.0771169666880709, 1e-12);
}

TEST(Calibrated, ExpertBlockReadsOnlyTheExpertsItsTokensReach) {
  // 2026-12c, H200, EP 8 (32 experts per GPU), bs 1, one micro-batch, no imbalance: the 8 tokens
  // of the instance reach 256·(1 − (1 − 8/256)^8) = 57.4 experts, 7.18 of this GPU's 32; each is
  // 44.04 MB at 4800·0.84 GB/s = 10.9 µs (more than the 2.7 µs floor per expert). Memory wins
  // over compute; ×1.15 in situ, plus the block's 30 µs fixed time.
  const DecodeRow r = OnlyRow(
      "v=1&mode=calibrated&cal=2026-12c&gpus=H200&bs=1&ep=8&decode_tp=1&mbs=1&ep_imbalance=1");
  const double touched = 32 * (1 - std::pow(1 - 8.0 / 256, 8));
  const double per_expert = 3.0 * 7168 * 2048 / 1e6 / (4800 * 0.84);
  EXPECT_NEAR(r.routed_expert, touched * per_expert * 1.15 + 0.030, 1e-12);
  // 2026-12b read all 32.
  const DecodeRow old = OnlyRow(
      "v=1&mode=calibrated&cal=2026-12b&gpus=H200&bs=1&ep=8&decode_tp=1&mbs=1&ep_imbalance=1");
  EXPECT_NEAR(old.routed_expert, (32 * per_expert + 0.016) * 1.15, 1e-12);
}

// 2026-12b times AMD CDNA3-class GPUs (no FP4, 6 ≤ FP8 TFLOPS per CU < 12) by AMD's kernel
// tables; other GPUs, and every GPU in 2026-12, keep the Hopper-derived figures.
TEST(Calibrated, Cdna3GpusUseTheirOwnKernelFigures) {
  const Calibration& old = *FindCalibration("2026-12");
  const Calibration& now = *FindCalibration("2026-12b");
  const auto gpu = [](const std::string& name) {
    return SelectedGpus(ConfigOf("v=1&gpus=" + name)).front();
  };
  EXPECT_EQ(CalibrationFor(now, gpu("MI300X")).nic, 0.60);
  EXPECT_EQ(CalibrationFor(now, gpu("MI300X")).grouped_fp8.compute, 0.36);
  EXPECT_EQ(CalibrationFor(old, gpu("MI300X")).nic, old.nic);
  for (const char* other : {"H800", "H20", "GB200-NVL72", "MI308X"}) {
    const Calibration c = CalibrationFor(now, gpu(other));
    EXPECT_EQ(c.nic, now.nic) << other;
    EXPECT_EQ(c.gemm_large, now.gemm_large) << other;
  }
  // MI300X, EP 256, bs 64 in two micro-batches, no imbalance: one expert, 256 rows (full tiles).
  // max(44.04 MB / (5300·0.67 GB/s), 22.55 GFLOP / (2614·0.36 TFLOPS)) + 2·8 µs, ×1.15 in situ,
  // ×2 micro-batches = 0.09191107933690386 ms.
  const DecodeRow r = OnlyRow(
      "v=1&mode=calibrated&cal=2026-12b&gpus=MI300X&bs=64&ep=256&decode_tp=1&ep_imbalance=1");
  EXPECT_NEAR(r.routed_expert, 0.09191107933690386, 1e-12);
}

// 2026-12d: framework=trtllm times FP8 experts on GPUs without FP4 by TensorRT-LLM's CUTLASS
// grouped GEMM (0.29 of the FP8 peak when compute-bound, AIC H200), where auto keeps DeepGEMM's
// 0.65. H200, EP 256 (one expert per GPU), bs 64 in two micro-batches, no imbalance: 256 rows of
// 2·3·7168·2048 FLOP each, compute-bound under both (the expert's 44.04 MB stream in 10.9 µs).
TEST(Calibrated, TrtllmTimesHopperExpertsByItsOwnGemm) {
  const std::string link =
      "v=1&mode=calibrated&cal=2026-12d&gpus=H200&bs=64&ep=256&decode_tp=1&ep_imbalance=1";
  const DecodeRow auto_row = OnlyRow(link);
  const DecodeRow trt = OnlyRow(link + "&framework=trtllm");
  const double gflop = 256 * 2.0 * 3 * 7168 * 2048 / 1e9;
  const double per_batch = gflop / 1979 * (1 / 0.29 - 1 / 0.65);  // ms: GFLOP / TFLOPS
  EXPECT_NEAR(trt.routed_expert - auto_row.routed_expert, 2 * 1.15 * per_batch, 1e-12);
  // Blackwell GPUs keep their own expert kernels under trtllm; sglang changes no Hopper expert.
  const std::string b200 =
      "v=1&mode=calibrated&cal=2026-12d&gpus=DGX-B200&bs=64&ep=256&decode_tp=1&ep_imbalance=1";
  EXPECT_EQ(OnlyRow(b200 + "&framework=trtllm").routed_expert, OnlyRow(b200).routed_expert);
  EXPECT_EQ(OnlyRow(link + "&framework=sglang").routed_expert, auto_row.routed_expert);
}

// 2026-12e: FP4 experts on a Hopper-class GPU (no FP4 tensor cores) run weight-only (W4A16) at
// the BF16 rate, timed by AIC's H200 TRT-LLM MXFP4 MoE table: 0.38 of 989 TFLOPS when compute-
// bound, 32 rows per tile, 0.63 of the 4.8 TB/s HBM, 60 µs for the routed block. GPT-OSS-120B on
// 8 H200 (16 experts each), bs 256, no imbalance: 1024 rows, 64 per expert, every expert reached.
TEST(Calibrated, Fp4ExpertsOnHopperRunAtTheBf16Rate) {
  const std::string base =
      "v=1&mode=calibrated&model=gpt-oss-120b&catalog=2026-12&bs=256&ep=8&decode_tp=1&mbs=1&"
      "ep_imbalance=1";
  const std::string link = base + "&gpus=H200&moe_dtype=fp4";
  const double gflop = 1024 * 2.0 * 3 * 2880 * 2880 / 1e9;
  const double math = gflop / (989 * 0.38);                                         // ms
  const double stream = 16 * 3 * 2880 * 2880 * (0.5 + 1.0 / 16) / (4800e6 * 0.63);  // ms
  ASSERT_GT(math, stream);
  EXPECT_NEAR(OnlyRow(link + "&cal=2026-12e").routed_expert, 1.15 * math + 0.060, 1e-12);
  // 2026-12d timed them at the FP8 rate; FP8 experts are as they were.
  EXPECT_LT(OnlyRow(link + "&cal=2026-12d").routed_expert,
            OnlyRow(link + "&cal=2026-12e").routed_expert / 2);
  EXPECT_EQ(OnlyRow(base + "&gpus=H200&moe_dtype=fp8&cal=2026-12d").total,
            OnlyRow(base + "&gpus=H200&moe_dtype=fp8&cal=2026-12e").total);
  // An NVFP4 model's FP4 experts on Blackwell are as they were.
  const std::string nvfp4 =
      "v=1&mode=calibrated&bs=64&ep=8&decode_tp=1&ep_imbalance=1&gpus=DGX-B200&moe_dtype=fp4";
  EXPECT_EQ(OnlyRow(nvfp4 + "&cal=2026-12d").total, OnlyRow(nvfp4 + "&cal=2026-12e").total);
}

// 2026-12e: an MXFP4 checkpoint's experts (GPT-OSS: mxfp4_experts=1) on Blackwell run the
// MXFP4 × MXFP8 kernel (AIC B200 TRT-LLM): 0.84 of the 8 TB/s HBM, 0.44 of the FP8 peak, 32 rows
// per tile, a 17 µs routed block. 8 B200, bs 256, no imbalance: 1024 rows on 16
// experts (64 each, every expert reached), memory-bound.
TEST(Calibrated, Mxfp4ExpertsOnBlackwellRunTheirOwnKernel) {
  const std::string link =
      "v=1&mode=calibrated&model=gpt-oss-120b&catalog=2026-12&bs=256&ep=8&decode_tp=1&mbs=1&"
      "ep_imbalance=1&gpus=DGX-B200&moe_dtype=fp4";
  const double reached = 1 - std::pow(1 - 4.0 / 128, 2048);
  const double stream = reached * 16 * 3 * 2880.0 * 2880 * 0.5625 / (8000e6 * 0.84);  // ms
  const double math = 1024 * 2.0 * 3 * 2880 * 2880 / 1e9 / (4500 * 0.44);
  ASSERT_GT(stream, math);
  EXPECT_NEAR(OnlyRow(link + "&cal=2026-12e").routed_expert, 1.15 * stream + 0.017, 1e-12);
  // The same model marked NVFP4 keeps the NVFP4 fit; 2026-12d times both with it.
  EXPECT_EQ(OnlyRow(link + "&mxfp4_experts=0&cal=2026-12e").total,
            OnlyRow(link + "&cal=2026-12d").total);
}

// Compute-bound, the MXFP8 × MXFP4 kernel runs at 0.44 of the FP8 peak, whatever the GPU's FP4
// rate: bs 1024 on 8 GPUs, 4096 rows on 16 experts (256 each, whole tiles). B200's FP8 is 4.5
// PFLOPS and B300's as well (its FP4 is 3× that, 2× on B200).
TEST(Calibrated, Mxfp4ExpertsOnBlackwellRunAtTheFp8Rate) {
  const std::string link =
      "v=1&mode=calibrated&cal=2026-12e&model=gpt-oss-120b&catalog=2026-12&bs=1024&ep=8&"
      "decode_tp=1&mbs=1&ep_imbalance=1&moe_dtype=fp4";
  const double gflop = 4096 * 2.0 * 3 * 2880 * 2880 / 1e9;
  for (const char* gpu : {"DGX-B200", "DGX-B300"}) {
    EXPECT_NEAR(OnlyRow(link + "&gpus=" + gpu).routed_expert, 1.15 * gflop / (4500 * 0.44) + 0.017,
                1e-12)
        << gpu;
  }
}

// 2026-12f: on Blackwell, vLLM and SGLang run FP8 experts with FlashInfer's trtllm-gen MoE (AIC
// SGLang and vLLM tables): 0.59 of HBM, 0.32 of the FP8 peak, 128 rows per tile, a 25 µs routed
// block; TensorRT-LLM keeps DeepGEMM's fit. DeepSeek-V3 on 8 B200, bs 256, no imbalance: 2048
// rows on 32 experts (64 each, every expert reached): memory-bound; bs 1024: 256 rows per
// expert, compute-bound.
TEST(Calibrated, Fp8ExpertsOnBlackwellRunFlashInfersKernel) {
  const std::string link =
      "v=1&mode=calibrated&cal=2026-12f&catalog=2026-12&ep=8&decode_tp=1&mbs=1&ep_imbalance=1&"
      "gpus=DGX-B200&moe_dtype=fp8&seq_len=1024&decode_len=0";
  const double reached = 1 - std::pow(1 - 8.0 / 256, 256 * 8);
  const double stream = reached * 32 * 3 * 7168.0 * 2048 / (8000e6 * 0.59);  // ms
  const double math = 2048 * 2.0 * 3 * 7168 * 2048 / 1e9 / (4500 * 0.32 * 64 / 128);
  ASSERT_GT(stream, math);
  for (const char* fw : {"", "&framework=sglang"}) {
    EXPECT_NEAR(OnlyRow(link + "&bs=256" + fw).routed_expert, 1.15 * stream + 0.025, 1e-12) << fw;
  }
  const double big = 8192 * 2.0 * 3 * 7168 * 2048 / 1e9 / (4500 * 0.32);
  ASSERT_GT(big, 32 * 3 * 7168.0 * 2048 / (8000e6 * 0.59));
  EXPECT_NEAR(OnlyRow(link + "&bs=1024").routed_expert, 1.15 * big + 0.025, 1e-12);
  const std::string trt = link + "&bs=256&framework=trtllm";
  EXPECT_EQ(OnlyRow(trt).routed_expert, OnlyRow(trt.substr(0, trt.find("cal=")) + "cal=2026-12e" +
                                                trt.substr(trt.find("cal=") + 12))
                                            .routed_expert);
}

// 2026-12f: DeepSeek-V3.2's sparse prefill core on Blackwell runs at 0.11 (BF16 KV) / 0.15 (FP8
// KV) of the BF16 peak where 2026-12e used the MLA prefill share (AIC dsa_context_module_perf).
// One 8192-token prompt: the core's time C/share is the only term that changes, so the two KV
// dtypes' changes stand in the ratio of (1/0.11 − 1/e) to (1/0.15 − 1/e), e the 2026-12e share.
TEST(Calibrated, DsaPrefillCoreAtItsMeasuredShare) {
  const std::string link =
      "v=1&model=deepseek-v3.2&gpus=DGX-B200&catalog=2026-12&mode=calibrated&seq_len=8192&tp=1&"
      "dp=8&prefill_tokens=8192&mbs=1&kv_cache_rate=0";
  const auto change = [&](const char* kv) {
    const std::string l = link + "&kv_dtype=" + kv;
    return PrefillTable(ConfigOf(l + "&cal=2026-12f")).front().tp_mla -
           PrefillTable(ConfigOf(l + "&cal=2026-12e")).front().tp_mla;
  };
  const Config c = ConfigOf(link + "&cal=2026-12e");
  const double e = CalibrationFor(CalibrationOf(c), SelectedGpus(c).front()).prefill_attn_long;
  ASSERT_GT(e, 0.15);
  // The core: 2 · 128 heads · (64 + 128 + 128) FLOPs per query-key pair, each of the 8192 queries
  // against min(position, 2048) keys, at the BF16 peak (2250 TFLOPS) times the in-situ 1.15.
  const double pairs = 2049.0 * 2048 / 2 + (8192.0 - 2048) * 2048;
  const double core_ms = 1.15 * 2 * 128 * (64 + 128 + 128) * pairs / 1e9 / 2250;
  EXPECT_NEAR(change("bf16"), core_ms * (1 / 0.11 - 1 / e), 1e-9);
  EXPECT_NEAR(change("fp8"), core_ms * (1 / 0.15 - 1 / e), 1e-9);
  // MLA (DeepSeek-V3) on the same GPU is unchanged.
  std::string v3 = link;
  v3.replace(v3.find("deepseek-v3.2"), 13, "deepseek-v3");
  EXPECT_EQ(PrefillTable(ConfigOf(v3 + "&cal=2026-12f")).front().tp_mla,
            PrefillTable(ConfigOf(v3 + "&cal=2026-12e")).front().tp_mla);
  // Hopper keeps the MLA share (no table used there).
  std::string h200 = link;
  h200.replace(h200.find("DGX-B200"), 8, "H200");
  EXPECT_EQ(PrefillTable(ConfigOf(h200 + "&cal=2026-12f")).front().tp_mla,
            PrefillTable(ConfigOf(h200 + "&cal=2026-12e")).front().tp_mla);
}

// The same kernel at one request on one H200: the token reaches 4 of the 128 experts, whose
// 4 · 3 · 2880² · 0.5625 bytes stream at 0.66 of 4.8 TB/s, against 4 rows in tiles of 32.
TEST(Calibrated, Fp4ExpertsOnHopperAtOneRequestStreamTheExpertsTheyReach) {
  const std::string link =
      "v=1&mode=calibrated&cal=2026-12e&model=gpt-oss-120b&catalog=2026-12&bs=1&ep=1&"
      "decode_tp=1&mbs=1&ep_imbalance=1&gpus=H200&moe_dtype=fp4";
  const double stream = 4 * 3 * 2880.0 * 2880 * 0.5625 / (4800e6 * 0.66);  // ms
  const double math = 4 * 2.0 * 3 * 2880 * 2880 / 1e9 / (989 * 0.38 * (1.0 / 32));
  EXPECT_NEAR(OnlyRow(link).routed_expert, 1.15 * std::max(stream, math) + 0.060, 1e-9);
}

// 2026-12e's NVIDIA tables stop at the H20 class (3.8 FP8 TFLOPS per SM): the MI308X (1.25 per
// CU) keeps the defaults, and the H20 keeps its compute-light share (0.84), on the BF16 peak.
TEST(Calibrated, Fp4ExpertsOnTheMi308xAndH20) {
  const std::string mla =
      "v=1&mode=calibrated&bs=64&ep=16&decode_tp=1&ep_imbalance=1&moe_dtype=fp4";
  EXPECT_EQ(OnlyRow(mla + "&gpus=MI308X&cal=2026-12d").total,
            OnlyRow(mla + "&gpus=MI308X&cal=2026-12e").total);
  // H20, EP 256 (one expert per GPU), bs 64 in one micro-batch: 512 rows of 2·3·7168·2048 FLOP,
  // compute-bound (the expert's 24.8 MB stream in ~8 µs).
  const std::string h20 =
      "v=1&mode=calibrated&cal=2026-12e&gpus=H20&bs=64&ep=256&decode_tp=1&mbs=1&ep_imbalance=1&"
      "moe_dtype=fp4";
  const double gflop = 512 * 2.0 * 3 * 7168 * 2048 / 1e9;
  EXPECT_NEAR(OnlyRow(h20).routed_expert, 1.15 * gflop / (148 * 0.84) + 0.060, 1e-9);
}

// 2026-12e: on the MI355X (FP4, outside the NVIDIA Blackwell class) an MXFP4 checkpoint's
// experts run AITER's fused MoE: 0.77 of the 8 TB/s HBM, 0.14 of the 10.1 PFLOPS FP4 peak, 32
// rows per tile, a 30 µs routed block. One request on one GPU reaches 4 of the 128 experts.
TEST(Calibrated, Mxfp4ExpertsOnTheMi355xRunAitersKernel) {
  const std::string link =
      "v=1&mode=calibrated&cal=2026-12e&model=gpt-oss-120b&catalog=2026-12&bs=1&ep=1&"
      "decode_tp=1&mbs=1&ep_imbalance=1&gpus=MI355X&moe_dtype=fp4";
  const double stream = 4 * 3 * 2880.0 * 2880 * 0.5625 / (8000e6 * 0.77);             // ms
  const double math = 4 * 2.0 * 3 * 2880 * 2880 / 1e9 / (10066 * 0.14 * (1.0 / 32));  // ms
  EXPECT_NEAR(OnlyRow(link).routed_expert, 1.15 * std::max(stream, math) + 0.030, 1e-12);
  // Compute-bound: bs 1024 on 8 GPUs, 4096 rows on 16 experts (256 each, whole tiles of 32).
  const std::string wide =
      "v=1&mode=calibrated&cal=2026-12e&model=gpt-oss-120b&catalog=2026-12&bs=1024&ep=8&"
      "decode_tp=1&mbs=1&ep_imbalance=1&gpus=MI355X&moe_dtype=fp4";
  const double gflop = 4096 * 2.0 * 3 * 2880 * 2880 / 1e9;
  ASSERT_GT(gflop / (10066 * 0.14), 16 * 3 * 2880.0 * 2880 * 0.5625 / (8000e6 * 0.77));
  EXPECT_NEAR(OnlyRow(wide).routed_expert, 1.15 * gflop / (10066 * 0.14) + 0.030, 1e-12);
  // An NVFP4 model on the MI355X is timed as before.
  const std::string nvfp4 =
      "v=1&mode=calibrated&catalog=2026-12&bs=64&ep=8&decode_tp=1&ep_imbalance=1&gpus=MI355X&"
      "moe_dtype=fp4";
  EXPECT_EQ(OnlyRow(nvfp4 + "&cal=2026-12d").total, OnlyRow(nvfp4 + "&cal=2026-12e").total);
}

// 2026-12d: framework=sglang times Blackwell MLA decode by SGLang's kernel, 0.89 (BF16 KV) / 0.91
// (FP8 KV) of TensorRT-LLM's speed, memory- or compute-bound (AIC GB200); Hopper is unchanged.
TEST(Calibrated, SglangTimesBlackwellAttentionByItsOwnKernel) {
  for (const char* kv : {"bf16", "fp8"}) {
    const std::string link =
        "v=1&mode=calibrated&cal=2026-12d&gpus=GB200-NVL72&bs=64&ep=72&"
        "decode_tp=1&seq_len=4096&kv_dtype=" +
        std::string(kv);
    const DecodeRow sg = OnlyRow(link + "&framework=sglang");
    const DecodeRow base = OnlyRow(link);
    // The attention column is the KV stream plus the core and fixed times: slower, by less than
    // the stream's own ratio.
    EXPECT_GT(sg.sparse_mla, base.sparse_mla) << kv;
    EXPECT_GT(base.sparse_mla / sg.sparse_mla, std::string(kv) == "bf16" ? 0.89 : 0.91) << kv;
  }
  const std::string h200 = "v=1&mode=calibrated&cal=2026-12d&gpus=H200&bs=64&ep=8&decode_tp=1";
  EXPECT_EQ(OnlyRow(h200 + "&framework=sglang").sparse_mla, OnlyRow(h200).sparse_mla);
}

// 2026-12d times the GQA attention block's fixed time by GQA's own kernels: two GEMMs (fused QKV,
// output projection) where 2026-12c charged MLA's four, 8 µs each, and the GQA decode kernel's
// 9 µs (Hopper; 11 µs Blackwell) where 2026-12c charged FlashMLA's 20. GPT-OSS-120B, 36 layers,
// one micro-batch: the step is 36 · (2 · 8 + 20 − 9) µs shorter on H200, 36 · (16 + 9) on B200.
// DeepSeek (MLA) keeps its four GEMMs and 20 µs.
TEST(Calibrated, GqaAttentionCountsItsOwnKernels) {
  const std::string gqa =
      "v=1&model=gpt-oss-120b&bs=1&ep=8&decode_tp=1&mbs=1&mode=calibrated&catalog=2026-12";
  EXPECT_NEAR(
      OnlyRow(gqa + "&gpus=H200&cal=2026-12c").tpot - OnlyRow(gqa + "&gpus=H200&cal=2026-12d").tpot,
      36 * (2 * 0.008 + 0.020 - 0.009), 1e-9);
  EXPECT_NEAR(OnlyRow(gqa + "&gpus=DGX-B200&cal=2026-12c").tpot -
                  OnlyRow(gqa + "&gpus=DGX-B200&cal=2026-12d").tpot,
              36 * (2 * 0.008 + 0.020 - 0.011), 1e-9);
  const std::string mla = "v=1&gpus=H200&bs=1&ep=8&decode_tp=1&mbs=1&mode=calibrated";
  EXPECT_EQ(OnlyRow(mla + "&cal=2026-12c").tpot, OnlyRow(mla + "&cal=2026-12d").tpot);
}

// 2026-12f: a GQA decode kernel takes a measured time per request and KV head on the GPU (AIC
// generation_attention_perf at a 1-token context): 20 ns on Hopper with vLLM's and SGLang's
// kernels, 8.4 / 33 ns with TensorRT-LLM's (FP8 / BF16 KV), 9 ns on Blackwell. GPT-OSS-120B, 36
// layers of 8 KV heads, one micro-batch of 256 requests per GPU: the step is 36 · 256 · 8 · ns
// longer. Attention TP 8 serves 8 · 32 requests per GPU with one KV head each. MLA models and
// the MI355X (no table) are unchanged.
TEST(Calibrated, GqaDecodeKernelTakesTimePerRequest) {
  const std::string gqa =
      "v=1&model=gpt-oss-120b&ep=8&mbs=1&mode=calibrated&catalog=2026-12&moe_dtype=fp4";
  const auto added = [&](const std::string& link) {
    return OnlyRow(link + "&cal=2026-12f").tpot - OnlyRow(link + "&cal=2026-12e").tpot;
  };
  const std::string dp = gqa + "&bs=256&decode_tp=1";
  EXPECT_NEAR(added(dp + "&gpus=H200"), 36 * 256 * 8 * 20e-6, 1e-9);
  EXPECT_NEAR(added(dp + "&gpus=H200&framework=sglang"), 36 * 256 * 8 * 20e-6, 1e-9);
  EXPECT_NEAR(added(dp + "&gpus=H200&framework=trtllm&kv_dtype=bf16"), 36 * 256 * 8 * 33e-6, 1e-9);
  EXPECT_NEAR(added(dp + "&gpus=H200&framework=trtllm&kv_dtype=fp8"), 36 * 256 * 8 * 8.4e-6, 1e-9);
  EXPECT_NEAR(added(dp + "&gpus=DGX-B200&framework=trtllm"), 36 * 256 * 8 * 9e-6, 1e-9);
  EXPECT_NEAR(added(gqa + "&bs=32&decode_tp=8&gpus=H200"), 36 * 256 * 1 * 20e-6, 1e-9);
  EXPECT_EQ(added(dp + "&gpus=MI355X"), 0);
  const std::string mla = "v=1&gpus=H200&bs=64&ep=8&decode_tp=1&mbs=1&mode=calibrated";
  EXPECT_EQ(OnlyRow(mla + "&cal=2026-12e").tpot, OnlyRow(mla + "&cal=2026-12f").tpot);
}

// 2026-12g: every decode step runs the LM head, BF16 weights of vocab × dim, as a dense GEMM
// with the calibration's fit (0.70 of HBM, 0.65 of the BF16 peak, one 8 µs floor), in_situ 1.15 on
// its roofline. DeepSeek-V3 on H200 (4800 GB/s, 989 TFLOPS BF16), 128 requests on one GPU: it
// streams 2 · 7168 · 129280 bytes (0.55 ms), longer than its 237 GFLOP take (0.37 ms). With
// attention TP 8 each GPU holds an eighth of the vocabulary for all 128 requests. MTP adds a head
// per draft step (one token per request); the breakdown shows it as its own part.
TEST(Calibrated, DecodeStepRunsTheLmHead) {
  const std::string link = "v=1&gpus=H200&ep=8&mbs=1&mode=calibrated";
  const auto added = [&](const std::string& l) {
    return OnlyRow(l + "&cal=2026-12g").tpot - OnlyRow(l + "&cal=2026-12f").tpot;
  };
  const double bytes = 2.0 * 7168 * 129280;
  const auto head = [&](double rows, double tp) {
    const double memory = bytes / tp / (4800e9 * 0.70) * 1e3;
    const double math = 2 * rows * 7168 * 129280 / 1e9 / (989 * 0.65);
    return 1.15 * std::max(memory, math) + 0.008;
  };
  EXPECT_NEAR(added(link + "&bs=128&decode_tp=1"), head(128, 1), 1e-9);
  EXPECT_NEAR(head(128, 1), 1.15 * bytes / (4800e9 * 0.70) * 1e3 + 0.008, 1e-12) << "memory-bound";
  EXPECT_NEAR(added(link + "&bs=16&decode_tp=8"), head(16, 8), 1e-9);
  // MTP 1: the verify step's head on 2 tokens per request, the draft's on one; both divided by
  // the acceptance like the rest of the step.
  EXPECT_NEAR(added(link + "&bs=128&decode_tp=1&mtp=1&mtp_accept=1.8"),
              (head(256, 1) + head(128, 1)) / 1.8, 1e-9);
  const DecodeRow row = OnlyRow(link + "&bs=128&decode_tp=1&cal=2026-12g");
  EXPECT_NEAR(DecodeParts(row, Model{})[5], head(128, 1), 1e-9);
  EXPECT_EQ(Parts()[5].key, "lm_head");
  EXPECT_EQ(OnlyRow(link + "&bs=128&decode_tp=1&cal=2026-12f").lm_head, 0);
}

// 2026-12f: DeepSeek-V4's hyper-connections (hc_mult 4) cost each layer 25 µs and 11 passes over
// the 4 × dim BF16 residual per token at the GPU's HBM bandwidth (AIC mhc_module_perf).
// V4-Flash, 43 layers of dim 4096, on B200 (8000 GB/s), one micro-batch of 256 requests per GPU.
TEST(Calibrated, V4HyperConnectionsTimeTheirKernels) {
  const std::string v4 =
      "v=1&model=deepseek-v4-flash&gpus=DGX-B200&catalog=2026-12&bs=256&ep=8&decode_tp=1&mbs=1&"
      "mode=calibrated&cal=2026-12f";
  const double per_layer = 0.025 + 256 * 11 * 4 * 4096 * 2 / 1e6 / 8000;
  EXPECT_NEAR(OnlyRow(v4).tpot - OnlyRow(v4 + "&hc_mult=0").tpot, 43 * per_layer, 1e-9);
  EXPECT_EQ(OnlyRow(v4 + "&hc_mult=1").tpot, OnlyRow(v4 + "&hc_mult=0").tpot);
  // Older calibrations do not time them.
  const std::string old = v4.substr(0, v4.size() - 2) + "2e";
  EXPECT_EQ(OnlyRow(old).tpot, OnlyRow(old + "&hc_mult=0").tpot);
}

// 2026-12f: V4's attention module also takes a time per token its GEMMs do not account for (AIC
// dsv4_{csa,hca}_*_module_perf), µs in CSA / HCA and window-only layers: on Blackwell with vLLM's
// and SGLang's kernels 0.135 / 0.11 in decode and 0.105 / 0.092 in prefill, with TensorRT-LLM's
// 0.057 / 0.042 and 0.058 / 0.026. V4-Flash: 21 CSA, 20 HCA and 2 window-only layers; 256
// requests per GPU, one micro-batch, no hyper-connections. (On B200 framework=trtllm changes
// nothing else for V4.)
TEST(Calibrated, V4AttentionModuleTakesTimePerToken) {
  const std::string v4 =
      "v=1&model=deepseek-v4-flash&gpus=DGX-B200&catalog=2026-12&bs=256&ep=8&decode_tp=1&mbs=1&"
      "hc_mult=0&mode=calibrated&cal=2026-12f";
  const double decode_us = 21 * (0.135 - 0.057) + 22 * (0.11 - 0.042);
  EXPECT_NEAR(OnlyRow(v4).tpot - OnlyRow(v4 + "&framework=trtllm").tpot, 256 * decode_us / 1000,
              1e-9);
  // Prefill: every token of the forward, each layer.
  const std::string pre =
      "v=1&model=deepseek-v4-flash&gpus=DGX-B200&catalog=2026-12&seq_len=4096&tp=1&dp=8&"
      "prefill_tokens=4096&kv_cache_rate=0&mbs=1&hc_mult=0&mode=calibrated&cal=2026-12f";
  const std::vector<PrefillRow> auto_t = PrefillTable(ConfigOf(pre));
  const std::vector<PrefillRow> trt_t = PrefillTable(ConfigOf(pre + "&framework=trtllm"));
  ASSERT_EQ(auto_t.size(), 1u);
  ASSERT_EQ(trt_t.size(), 1u);
  const double prefill_us = 21 * (0.105 - 0.058) + 22 * (0.092 - 0.026);
  EXPECT_NEAR(auto_t[0].tp_mla - trt_t[0].tp_mla, 4096 * prefill_us / 43 / 1000, 1e-9);
  // On H200 every framework takes the vLLM/SGLang figures (the TensorRT-LLM tables are
  // Blackwell's); FP4 experts there run W4A16 whatever the framework.
  std::string h200 = v4 + "&moe_dtype=fp4";
  h200.replace(h200.find("DGX-B200"), 8, "H200");
  EXPECT_EQ(OnlyRow(h200).tpot, OnlyRow(h200 + "&framework=trtllm").tpot);
  // The MI355X has no table: V4 there is timed as before.
  const std::string mi =
      "v=1&model=deepseek-v4-flash&gpus=MI355X&catalog=2026-12&bs=64&ep=8&"
      "decode_tp=1&mbs=1&hc_mult=0&mxfp4_experts=0&mode=calibrated";
  EXPECT_EQ(OnlyRow(mi + "&cal=2026-12e").tpot, OnlyRow(mi + "&cal=2026-12f").tpot);
}

// V4's experts are MXFP4: the V4 presets say so for links naming 2026-12f or later, which time
// them by the Blackwell MXFP4 kernel (0.84 of HBM, 0.44 of the FP8 peak, 32 rows per tile, 17 µs),
// as GPT-OSS's. A link naming 2026-12e reads the preset as it was (NVFP4), and an explicit
// mxfp4_experts=1 there keeps its MXFP4 timing and its place in the canonical link.
// V4-Pro on 64 B200 (6 experts each), bs 64, no imbalance: 384 rows, 64 per expert, every expert
// reached: memory-bound.
TEST(Calibrated, V4MxfpExpertsFrom2026_12f) {
  const std::string v4 =
      "v=1&model=deepseek-v4-pro&gpus=DGX-B200&catalog=2026-12&bs=64&ep=64&decode_tp=1&mbs=1&"
      "ep_imbalance=1&moe_dtype=fp4&mode=calibrated";
  const double reached = 1 - std::pow(1 - 6.0 / 384, 64 * 64);
  const double stream = reached * 6 * 3 * 7168.0 * 3072 * 0.5625 / (8000e6 * 0.84);  // ms
  const double math = 384 * 2.0 * 3 * 7168 * 3072 / 1e9 / (4500 * 0.44);
  ASSERT_GT(stream, math);
  EXPECT_NEAR(OnlyRow(v4 + "&cal=2026-12f").routed_expert, 1.15 * stream + 0.017, 1e-12);
  EXPECT_NEAR(OnlyRow(v4 + "&cal=2026-12e&mxfp4_experts=1").routed_expert, 1.15 * stream + 0.017,
              1e-12);
  EXPECT_EQ(OnlyRow(v4 + "&cal=2026-12e").routed_expert,
            OnlyRow(v4 + "&cal=2026-12f&mxfp4_experts=0").routed_expert);
  EXPECT_NE(EncodeLink(ConfigOf(v4 + "&cal=2026-12e&mxfp4_experts=1")).find("mxfp4_experts=1"),
            std::string::npos);
  EXPECT_EQ(EncodeLink(ConfigOf(v4 + "&cal=2026-12e")).find("mxfp4_experts"), std::string::npos);
  EXPECT_EQ(EncodeLink(ConfigOf(v4 + "&cal=2026-12f")).find("mxfp4_experts"), std::string::npos);
}

// Importing a V4 config.json onto a link naming 2026-12e gives what that release gave: the V4
// preset as it was (NVFP4 experts); onto the latest, the preset with MXFP4 experts.
TEST(Calibrated, V4ImportReadsThePresetAsOfTheLinksCalibration) {
  std::ifstream in(std::string(SHALLOWSIM_MODEL_CONFIGS) + "/deepseek-v4-pro.json");
  ASSERT_TRUE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  const std::string base =
      "v=1&mode=calibrated&moe_dtype=fp4&gpus=DGX-B200&catalog=2026-12&bs=64&ep=8&decode_tp=1";
  for (const char* cal : {"2026-12e", "2026-12f"}) {
    const std::string link = base + "&cal=" + cal;
    const ParseResult imported = ImportModelConfig(text.str(), ConfigOf(link));
    ASSERT_TRUE(imported.ok()) << cal;
    EXPECT_EQ(EncodeLink(*imported.config), EncodeLink(ConfigOf(link + "&model=deepseek-v4-pro")))
        << cal;
    EXPECT_EQ(imported.config->model.mxfp4_experts, std::string(cal) == "2026-12e" ? 0 : 1) << cal;
  }
}

// mHC is timed on NVIDIA GPUs only (no AMD or Ascend table) and for the V4 family only.
TEST(Calibrated, HyperConnectionsOnlyWhereMeasured) {
  const std::string mi =
      "v=1&model=deepseek-v4-flash&gpus=MI355X&catalog=2026-12&bs=64&ep=8&"
      "decode_tp=1&mbs=1&mode=calibrated&cal=2026-12f";
  EXPECT_EQ(OnlyRow(mi).tpot, OnlyRow(mi + "&hc_mult=0").tpot);
  const std::string gqa =
      "v=1&model=gpt-oss-120b&gpus=H200&catalog=2026-12&bs=64&ep=8&"
      "decode_tp=1&mbs=1&mode=calibrated&cal=2026-12f";
  EXPECT_EQ(OnlyRow(gqa).tpot, OnlyRow(gqa + "&hc_mult=4").tpot);
}

// The 2026-12d tables are NVIDIA's: MI355X (FP4, 19.7 FP8 TFLOPS per CU) gets neither SGLang's
// Blackwell factor nor the GQA floor, and TensorRT-LLM's CUTLASS fit is for FP8 experts only (it
// runs GPT-OSS's FP4 experts on Hopper with Triton).
TEST(Calibrated, FrameworkTablesStayOnTheKernelsTheyMeasured) {
  const std::string mi355 =
      "v=1&mode=calibrated&cal=2026-12d&catalog=2026-12&gpus=MI355X&bs=64&ep=8&decode_tp=1";
  EXPECT_EQ(OnlyRow(mi355 + "&framework=sglang").total, OnlyRow(mi355).total);
  const std::string gqa_mi355 =
      "v=1&model=gpt-oss-120b&gpus=MI355X&bs=1&ep=8&decode_tp=1&mbs=1&mode=calibrated&catalog=2026-"
      "12";
  EXPECT_NEAR(OnlyRow(gqa_mi355 + "&cal=2026-12c").tpot - OnlyRow(gqa_mi355 + "&cal=2026-12d").tpot,
              36 * 2 * 0.008, 1e-9);  // the GEMM count only
  const std::string fp4_h200 =
      "v=1&model=gpt-oss-120b&gpus=H200&bs=256&ep=8&decode_tp=1&moe_dtype=fp4&mode=calibrated&cal="
      "2026-12d";
  EXPECT_EQ(OnlyRow(fp4_h200 + "&framework=trtllm").routed_expert, OnlyRow(fp4_h200).routed_expert);
  const std::string fp8_h200 =
      "v=1&gpus=H200&bs=64&ep=256&decode_tp=1&moe_dtype=fp8&mode=calibrated&cal=2026-12d";
  EXPECT_GT(OnlyRow(fp8_h200 + "&framework=trtllm").routed_expert, OnlyRow(fp8_h200).routed_expert);
}

// framework= changes nothing in reference mode, under calibrations before 2026-12d, or as auto;
// and for MLA models 2026-12d with auto computes what 2026-12c computes.
TEST(Calibrated, FrameworkChangesOnlyWhereItHasTables) {
  for (const char* gpus : {"H200", "GB200-NVL72", "MI300X"}) {
    const std::string base = std::string("v=1&gpus=") + gpus + "&bs=64&ep=8&decode_tp=1";
    for (const char* fw : {"sglang", "trtllm"}) {
      const std::string with = std::string("&framework=") + fw;
      EXPECT_EQ(OnlyRow(base + with).total, OnlyRow(base).total) << gpus << fw;
      EXPECT_EQ(OnlyRow(base + "&mode=calibrated&cal=2026-12c" + with).total,
                OnlyRow(base + "&mode=calibrated&cal=2026-12c").total)
          << gpus << fw;
    }
    EXPECT_EQ(OnlyRow(base + "&mode=calibrated&cal=2026-12d&framework=auto").total,
              OnlyRow(base + "&mode=calibrated&cal=2026-12c").total)
        << gpus;
  }
}

// For NVIDIA GPUs calibration 2026-12b changes only the overlap: the kernels are 2026-12's, and
// communication hides behind 0.71 (decode) / 0.57 (prefill) of the compute it overlaps.
TEST(Calibrated, OverlapEfficiencyHidesLessCommunication) {
  const std::string link = "v=1&mode=calibrated&gpus=H800&bs=128&ep=72&decode_tp=1";
  const DecodeRow old = OnlyRow(link + "&cal=2026-12");
  const DecodeRow now = OnlyRow(link + "&cal=2026-12b");
  EXPECT_EQ(now.routed_expert, old.routed_expert);
  EXPECT_EQ(now.combine, old.combine);
  EXPECT_EQ(old.delta, old.comm_sum - old.comp_sum);
  EXPECT_NEAR(now.delta, now.comm_sum - 0.71 * now.comp_sum, 1e-15);
  // TPOT = (61 MLA + 3 dense MLP + 58 (shared + routed + exposed comm)) for V3, 1 token per step.
  const double exposed = std::max(now.delta, 0.0);
  EXPECT_NEAR(now.tpot,
              61 * now.dense_mla + 3 * now.dense_mlp +
                  58 * (now.shared_expert + now.routed_expert + exposed),
              1e-12);
  EXPECT_GT(now.tpot, old.tpot);

  const std::string prefill = "v=1&mode=calibrated&gpus=H800&tp=1&dp=32&prefill_tokens=16384";
  const PrefillRow p_old = PrefillTable(ConfigOf(prefill + "&cal=2026-12")).front();
  const PrefillRow p_now = PrefillTable(ConfigOf(prefill + "&cal=2026-12b")).front();
  EXPECT_EQ(p_now.combine, p_old.combine);
  EXPECT_NEAR(p_now.overlap1, p_now.combine - 0.57 * (p_now.tp_mla + p_now.shared_expert), 1e-15);
  EXPECT_NEAR(p_now.overlap2, p_now.dispatch - 0.57 * p_now.routed_expert, 1e-15);
  EXPECT_NEAR(p_now.sum,
              p_now.compute + 58 * (std::max(p_now.overlap1, 0.0) + std::max(p_now.overlap2, 0.0)),
              1e-9);
}

// One prefill batch (mbs=1) hides nothing from 2026-12b on; 2026-12 paired it whatever mbs.
TEST(Calibrated, OnePrefillBatchOverlapsNothing) {
  const std::string link = "v=1&mode=calibrated&gpus=H800,MI300X&tp=1&dp=16&prefill_tokens=16384";
  const std::vector<PrefillRow> now = PrefillTable(ConfigOf(link + "&cal=2026-12b&mbs=1"));
  ASSERT_EQ(now.size(), 2u);
  for (const PrefillRow& r : now) {
    EXPECT_NEAR(r.sum, r.compute + r.comm, 1e-9 * r.sum) << r.gpu;
    EXPECT_NEAR(r.overlap1, r.combine, 1e-15) << r.gpu;
  }
  const std::vector<PrefillRow> one = PrefillTable(ConfigOf(link + "&cal=2026-12&mbs=1"));
  const std::vector<PrefillRow> two = PrefillTable(ConfigOf(link + "&cal=2026-12&mbs=2"));
  for (size_t i = 0; i < one.size(); ++i) EXPECT_EQ(one[i].sum, two[i].sum) << one[i].gpu;
}

// One decode micro-batch (mbs=1) from 2026-12h: SGLang runs its all-to-all in sequence with the
// experts (nothing hidden), TensorRT-LLM and vLLM (auto) hide it behind the shared expert on a
// second stream, and decode_sbo=1 (single-batch overlap) hides it as 2026-12g did for every
// framework: behind the shared expert and a third of the routed experts, at overlap_decode 0.71.
TEST(Calibrated, OneDecodeBatchHidesWhatItsFrameworkRunsBesideIt) {
  const std::string link =
      "v=1&mode=calibrated&gpus=H200&seq_len=8192&ep=16&decode_tp=1&mbs=1&moe_dtype=fp8";
  for (const char* bs : {"2", "64"}) {
    const std::string at = link + "&bs=" + bs;
    const DecodeRow sglang = OnlyRow(at + "&cal=2026-12h&framework=sglang");
    const DecodeRow trtllm = OnlyRow(at + "&cal=2026-12h&framework=trtllm");
    const DecodeRow vllm = OnlyRow(at + "&cal=2026-12h");
    const DecodeRow sbo = OnlyRow(at + "&cal=2026-12h&framework=sglang&decode_sbo=1");
    const DecodeRow before = OnlyRow(at + "&cal=2026-12g&framework=sglang");
    ASSERT_GT(sglang.comm_sum, 0) << bs;
    EXPECT_NEAR(sglang.delta, sglang.comm_sum, 1e-15) << bs;
    EXPECT_NEAR(vllm.delta, vllm.comm_sum - 0.71 * vllm.shared_expert, 1e-15) << bs;
    EXPECT_NEAR(sbo.delta, sbo.comm_sum - 0.71 * (sbo.shared_expert + sbo.routed_expert / 3), 1e-15)
        << bs;
    // The kernels are 2026-12g's; only what hides the communication differs.
    EXPECT_EQ(sglang.routed_expert, before.routed_expert) << bs;
    EXPECT_EQ(sbo.tpot, before.tpot) << bs;
    EXPECT_EQ(OnlyRow(at + "&cal=2026-12g&framework=sglang&decode_sbo=1").tpot, before.tpot);
    // TPOT = 61 MLA + 3 dense MLP + 58 (shared + routed + exposed comm) + the LM head, so
    // exposing more communication costs 58 times the difference.
    EXPECT_NEAR(sglang.tpot - sbo.tpot,
                58 * (std::max(sglang.delta, 0.0) - std::max(sbo.delta, 0.0)), 1e-9)
        << bs;
    EXPECT_GT(sglang.tpot, vllm.tpot) << bs;
    EXPECT_GE(vllm.tpot, sbo.tpot) << bs;
    EXPECT_EQ(trtllm.delta, trtllm.comm_sum - 0.71 * trtllm.shared_expert) << bs;
  }
  // vLLM (auto) runs the shared expert on its second stream only on NVIDIA GPUs and for calls of
  // at most 256 tokens: beyond, or on an MI300X, nothing hides.
  const std::string short_ctx =
      "v=1&mode=calibrated&gpus=H200&seq_len=1024&ep=16&decode_tp=1&mbs=1&moe_dtype=fp8&"
      "cal=2026-12h";
  const DecodeRow at256 = OnlyRow(short_ctx + "&bs=256");
  EXPECT_NEAR(at256.delta, at256.comm_sum - 0.71 * at256.shared_expert, 1e-15);
  const DecodeRow big = OnlyRow(short_ctx + "&bs=257");
  ASSERT_GT(big.comm_sum, 0);
  EXPECT_NEAR(big.delta, big.comm_sum, 1e-15);
  const std::string mi300x =
      "v=1&mode=calibrated&gpus=MI300X&seq_len=8192&ep=16&decode_tp=1&mbs=1&moe_dtype=fp8&bs=16";
  const DecodeRow amd = OnlyRow(mi300x + "&cal=2026-12h");
  EXPECT_NEAR(amd.delta, amd.comm_sum, 1e-15);
  EXPECT_NEAR(OnlyRow(mi300x + "&cal=2026-12h&framework=trtllm").delta,
              amd.comm_sum - 0.71 * amd.shared_expert, 1e-15);
  // Two micro-batches, and the all-reduce of TP-sharded experts, are as 2026-12g.
  const std::string tbo = "v=1&mode=calibrated&gpus=H200&bs=64&ep=16&decode_tp=1&mbs=2";
  EXPECT_EQ(OnlyRow(tbo + "&cal=2026-12h&framework=sglang").tpot,
            OnlyRow(tbo + "&cal=2026-12g&framework=sglang").tpot);
  const std::string ar =
      "v=1&mode=calibrated&gpus=H200&bs=16&ep=8&decode_tp=8&mbs=1&moe_comm=allreduce&moe_tp=8";
  EXPECT_EQ(OnlyRow(ar + "&cal=2026-12h&framework=sglang").tpot,
            OnlyRow(ar + "&cal=2026-12g&framework=sglang").tpot);
}

// 2026-12h fits TensorRT-LLM's DeepGEMM FP8 experts on the NVIDIA Blackwell class over the whole
// kernel table (0.72 of HBM, 0.27 of the FP8 peak, 35 µs) where 2026-12c took 0.84 / 0.39 / 30 µs
// from its largest work: compute-bound batches take 0.39 / 0.27 of the time (plus the fixed time),
// and nothing else moves (SGLang and vLLM's kernels there, TensorRT-LLM on Hopper, FP4 experts).
TEST(Calibrated, TensorRtLlmDeepGemmOnBlackwellIsFittedOverItsTable) {
  const std::string link =
      "v=1&mode=calibrated&gpus=GB200-NVL72&seq_len=1024&ep=8&decode_tp=1&mbs=1";
  const auto routed = [&](const std::string& extra, const char* cal) {
    return OnlyRow(link + extra + "&cal=" + cal).routed_expert;
  };
  // Compute-bound (1024 requests per GPU): the compute share's ratio, to within the fixed time.
  const double big_h = routed("&bs=1024&moe_dtype=fp8&framework=trtllm", "2026-12h");
  const double big_g = routed("&bs=1024&moe_dtype=fp8&framework=trtllm", "2026-12g");
  EXPECT_NEAR((big_h - 0.035) / (big_g - 0.030), 0.39 / 0.27, 1e-9);
  // Memory-bound (one request per GPU): the HBM share's ratio.
  const double one_h = routed("&bs=1&moe_dtype=fp8&framework=trtllm", "2026-12h");
  const double one_g = routed("&bs=1&moe_dtype=fp8&framework=trtllm", "2026-12g");
  EXPECT_NEAR((one_h - 0.035) / (one_g - 0.030), 0.84 / 0.72, 1e-9);
  for (const char* extra : {"&bs=1024&moe_dtype=fp8&framework=sglang", "&bs=1024&moe_dtype=fp8",
                            "&bs=1024&moe_dtype=fp4&framework=trtllm"}) {
    EXPECT_EQ(routed(extra, "2026-12h"), routed(extra, "2026-12g")) << extra;
  }
  const std::string h200 =
      "v=1&mode=calibrated&gpus=H200&seq_len=1024&ep=8&decode_tp=1&bs=256&"
      "moe_dtype=fp8&framework=trtllm";
  EXPECT_EQ(OnlyRow(h200 + "&cal=2026-12h").routed_expert,
            OnlyRow(h200 + "&cal=2026-12g").routed_expert);
}

// 2026-12h times FP8 experts on the MI355X with AITER's fused MoE (0.75 of HBM, 0.14 of the FP8
// peak, 32 rows per tile, 20 µs) where 2026-12c-g used NVIDIA's DeepGEMM figures (0.84 / 0.39,
// 64 rows per tile, 30 µs); 256 rows per expert fill both tiles.
TEST(Calibrated, Mi355xFp8ExpertsAreAitersFusedMoe) {
  const std::string link =
      "v=1&mode=calibrated&catalog=2026-12&gpus=MI355X&seq_len=1024&ep=8&decode_tp=1&mbs=1&"
      "moe_dtype=fp8&ep_imbalance=1";
  const auto routed = [&](const char* bs, const char* cal) {
    return OnlyRow(link + "&bs=" + bs + "&cal=" + cal).routed_expert;
  };
  EXPECT_NEAR((routed("1024", "2026-12h") - 0.020) / (routed("1024", "2026-12g") - 0.030),
              0.39 / 0.14, 1e-9);
  EXPECT_NEAR((routed("1", "2026-12h") - 0.020) / (routed("1", "2026-12g") - 0.030), 0.84 / 0.75,
              1e-9);
  // FP4 experts there (AITER's MXFP4 or NVFP4 kernels) are untouched (the Blackwell class:
  // TensorRtLlmDeepGemmOnBlackwellIsFittedOverItsTable).
  const std::string fp4 =
      "v=1&mode=calibrated&catalog=2026-12&gpus=MI355X&seq_len=1024&ep=8&decode_tp=1&bs=256&"
      "moe_dtype=fp4";
  EXPECT_EQ(OnlyRow(fp4 + "&cal=2026-12h").routed_expert,
            OnlyRow(fp4 + "&cal=2026-12g").routed_expert);
}

// The prefill attention core on the NVIDIA Blackwell class from 2026-12i: its share of the BF16
// peak follows the kernel tables' length curve (BF16 KV 0.19 at 1K to 0.53 from 8K, FP8 KV 0.20 to
// 0.72 from 16K, log-linear between) where 2026-12h used Hopper's 0.37 (1K) to 0.62 (from 4K).
// The MoE layers' attention changes by exactly the core's time at the two shares (× in_situ
// 1.15); GQA with 64-wide heads, Hopper and 2026-12h are unchanged.
TEST(Calibrated, BlackwellPrefillAttentionFollowsItsLengthCurve) {
  const auto core_ms = [](double seq, double share) {
    const double pairs = (1 + seq) * seq / 2;  // causal pairs of one prompt
    return 1.15 * 2 * 128 * (64 + 128 + 128) * pairs / 1e9 / (2500 * share);
  };
  struct Case {
    double seq;
    const char* kv;
    double share_h, share_i;
  };
  for (const Case& k : {Case{1024, "bf16", 0.37, 0.19}, Case{2048, "bf16", 0.495, 0.19 + 0.34 / 3},
                        Case{8192, "bf16", 0.62, 0.53}, Case{16384, "bf16", 0.62, 0.53},
                        Case{1024, "fp8", 0.37, 0.20}, Case{4096, "fp8", 0.62, 0.20 + 0.52 / 2},
                        Case{32768, "fp8", 0.62, 0.72}}) {
    const std::string link =
        "v=1&mode=calibrated&gpus=GB200-NVL72&tp=1&dp=1&kv_cache_rate=0&seq_len=" +
        FormatNumber(k.seq) + "&prefill_tokens=" + FormatNumber(k.seq) + "&kv_dtype=" + k.kv;
    const std::vector<PrefillRow> h = PrefillTable(ConfigOf(link + "&cal=2026-12h"));
    const std::vector<PrefillRow> i = PrefillTable(ConfigOf(link + "&cal=2026-12i"));
    ASSERT_EQ(h.size(), 1u);
    ASSERT_EQ(i.size(), 1u);
    EXPECT_NEAR(i[0].tp_mla - h[0].tp_mla, core_ms(k.seq, k.share_i) - core_ms(k.seq, k.share_h),
                1e-9 * h[0].tp_mla)
        << k.seq << " " << k.kv;
    EXPECT_EQ(i[0].routed_expert, h[0].routed_expert) << k.seq;
  }
  // GQA with heads of 128 (Qwen3) takes the curve too: its core is 4 · heads · 128 per pair.
  {
    const std::string link =
        "v=1&mode=calibrated&gpus=GB200-NVL72&tp=1&dp=1&kv_cache_rate=0&seq_len=1024&"
        "prefill_tokens=1024&kv_dtype=bf16&model=qwen3-235b-a22b&catalog=2026-12";
    const double pairs = 1025.0 * 1024 / 2, heads = 64;
    const double core = 1.15 * 4 * heads * 128 * pairs / 1e9 / 2500;
    EXPECT_NEAR(PrefillTable(ConfigOf(link + "&cal=2026-12i"))[0].tp_mla -
                    PrefillTable(ConfigOf(link + "&cal=2026-12h"))[0].tp_mla,
                core / 0.19 - core / 0.37, 1e-9);
  }
  // Not the Blackwell class, GQA heads of 64, DSA's sparse core or DeepSeek-V4's module: as
  // 2026-12h.
  for (const char* other : {"gpus=H200", "gpus=DGX-B200&model=gpt-oss-120b&catalog=2026-12",
                            "gpus=DGX-B200&model=deepseek-v3.2&catalog=2026-12",
                            "gpus=DGX-B200&model=deepseek-v4-flash&catalog=2026-12"}) {
    const std::string link = std::string("v=1&mode=calibrated&tp=1&seq_len=4096&") + other;
    EXPECT_EQ(PrefillTable(ConfigOf(link + "&cal=2026-12i"))[0].sum,
              PrefillTable(ConfigOf(link + "&cal=2026-12h"))[0].sum)
        << other;
  }
}

// TensorRT-LLM's CUTLASS FP8 experts on H200 sliced by MoE TP from 2026-12i: at MoE TP 8 a slice
// streams at 0.67 of HBM behind a 95 us block (2026-12h: whole experts' 0.84 and 30 us). One token
// per TP group, one micro-batch: its 8 experts' slices (8 × 44.04 MB / 8) are read; the GEMM's
// 1-row tiles keep the math below that. EP (whole experts) and SGLang keep 2026-12h's kernels.
TEST(Calibrated, TensorRtLlmSlicedExpertsOnHopperByTheirTable) {
  const std::string link =
      "v=1&mode=calibrated&framework=trtllm&gpus=H200&seq_len=1024&bs=0.125&moe_comm=allreduce&"
      "moe_tp=8&ep=8&decode_tp=8&mbs=1&moe_dtype=fp8";
  const double slices = 8 * 3 * 7168.0 * 2048 / 8;  // bytes of the touched slices (FP8)
  const auto roof = [&](double bw) { return slices / (4800e9 * bw) * 1000; };
  EXPECT_NEAR(OnlyRow(link + "&cal=2026-12i").routed_expert, 1.15 * roof(0.67) + 0.095, 1e-12);
  EXPECT_NEAR(OnlyRow(link + "&cal=2026-12h").routed_expert, 1.15 * roof(0.84) + 0.030, 1e-12);
  // MoE TP 16 over 8 GPUs slices 8 ways; only the routed experts are the MoE kernel.
  std::string tp16 = link;
  tp16.replace(tp16.find("moe_tp=8"), 8, "moe_tp=16");
  EXPECT_NEAR(OnlyRow(tp16 + "&cal=2026-12i").routed_expert, 1.15 * roof(0.67) + 0.095, 1e-12);
  EXPECT_EQ(OnlyRow(link + "&cal=2026-12i").shared_expert,
            OnlyRow(link + "&cal=2026-12h").shared_expert);
  // Whole experts (EP; or MoE TP over one GPU) and SGLang: as 2026-12h.
  for (const char* other :
       {"v=1&mode=calibrated&framework=trtllm&gpus=H200&bs=4&ep=8&decode_tp=1&moe_dtype=fp8",
        "v=1&mode=calibrated&framework=trtllm&gpus=H200&bs=1&ep=1&moe_tp=8&decode_tp=8&"
        "moe_comm=allreduce&moe_dtype=fp8&model=qwen3-30b-a3b&catalog=2026-12",
        "v=1&mode=calibrated&framework=sglang&gpus=H200&bs=0.125&moe_comm=allreduce&moe_tp=8&ep=8&"
        "decode_tp=8&moe_dtype=fp8"}) {
    EXPECT_EQ(OnlyRow(std::string(other) + "&cal=2026-12i").routed_expert,
              OnlyRow(std::string(other) + "&cal=2026-12h").routed_expert)
        << other;
  }
}

// From 2026-12i TensorRT-LLM's FP8 experts on Blackwell are its TRTLLM MoE backend (the runs'
// `moe_config: backend: TRTLLM`): the trtllm-gen kernels SGLang and vLLM reach through FlashInfer,
// so the three frameworks' routed experts agree; 2026-12h timed TensorRT-LLM's with DeepGEMM.
TEST(Calibrated, TensorRtLlmFp8ExpertsOnBlackwellAreItsTrtllmGenBackend) {
  const std::string link =
      "v=1&mode=calibrated&gpus=DGX-B200&seq_len=2048&bs=64&ep=8&decode_tp=1&moe_dtype=fp8";
  const double trtllm = OnlyRow(link + "&cal=2026-12i&framework=trtllm").routed_expert;
  EXPECT_EQ(trtllm, OnlyRow(link + "&cal=2026-12i&framework=sglang").routed_expert);
  EXPECT_EQ(trtllm, OnlyRow(link + "&cal=2026-12i").routed_expert);
  EXPECT_NE(trtllm, OnlyRow(link + "&cal=2026-12h&framework=trtllm").routed_expert);
  EXPECT_EQ(OnlyRow(link + "&cal=2026-12h&framework=sglang").routed_expert,
            OnlyRow(link + "&cal=2026-12i&framework=sglang").routed_expert);
}

// serve, disagg, from 2026-12i: the benchmark is a closed loop, timed by exact mean-value analysis
// (ClosedLoopMva). By hand for one to three requests (service s, delay d): one finds the server
// free; each later one finds the queue its predecessors' population left.
TEST(ServeClosedLoop, MeanValueAnalysisByHand) {
  const double s = 2, d = 10;
  const ClosedLoop one = ClosedLoopMva(1, s, d);
  EXPECT_DOUBLE_EQ(one.queue_ms, 2);
  EXPECT_DOUBLE_EQ(one.throughput, 1.0 / 12);
  const double q1 = 2.0 / 12;  // requests at the server with one in the loop
  const double r2 = s * (1 + q1), x2 = 2 / (r2 + d);
  EXPECT_DOUBLE_EQ(ClosedLoopMva(2, s, d).queue_ms, r2);
  EXPECT_DOUBLE_EQ(ClosedLoopMva(2, s, d).throughput, x2);
  const double r3 = s * (1 + x2 * r2);
  EXPECT_DOUBLE_EQ(ClosedLoopMva(3, s, d).queue_ms, r3);
  EXPECT_DOUBLE_EQ(ClosedLoopMva(3, s, d).throughput, 3 / (r3 + d));
  // The rate rises toward the server's 1 / s, the time in the queue never falls, and past the
  // exact range each further request adds one service.
  ClosedLoop last = one;
  for (double n = 2; n <= 40; ++n) {
    const ClosedLoop l = ClosedLoopMva(n, s, d);
    EXPECT_GE(l.throughput, last.throughput) << n;
    EXPECT_GE(l.queue_ms, last.queue_ms) << n;
    EXPECT_LE(l.throughput, 1 / s) << n;
    last = l;
  }
  EXPECT_NEAR(ClosedLoopMva(40, s, d).throughput, 0.5, 1e-6);  // saturated
  EXPECT_NEAR(ClosedLoopMva(200001, s, d).queue_ms - ClosedLoopMva(200000, s, d).queue_ms, s, 1e-6);
  // Past the exact range an idle server stays idle: 200,000 requests that spend 10 s elsewhere
  // load a 1 µs server to 2 %, and each waits about its own service (the time at 100,000).
  const double idle = ClosedLoopMva(200000, 0.001, 10000).queue_ms;
  EXPECT_GT(idle, 0.001);
  EXPECT_LT(idle, 0.001 / (1 - 0.02));
  // A fractional request lies between its whole neighbours.
  const ClosedLoop two = ClosedLoopMva(2, s, d), three = ClosedLoopMva(3, s, d);
  const ClosedLoop between = ClosedLoopMva(2.5, s, d);
  EXPECT_NEAR(between.queue_ms, (two.queue_ms + three.queue_ms) / 2, 1e-12);
  EXPECT_GT(between.throughput, two.throughput);
  EXPECT_LT(between.throughput, three.throughput);
  EXPECT_EQ(ClosedLoopMva(0, s, d).throughput, 0);
  EXPECT_EQ(ClosedLoopMva(5, std::numeric_limits<double>::infinity(), d).throughput, 0);
}

// In a GB300 SGLang deployment near its prefill pool's saturation, 2026-12h's open queue (M/D/1 at
// the previous load, ρ up to 0.99) let one more request in flight cut TTFT from 580 to 262 ms and
// raise the throughput 4.6 %. From 2026-12i, wherever the decode step grows by less than 0.5 %,
// TTFT never falls and the throughput never drops as the concurrency rises; Bound turns "prefill"
// once the pool is busy 95 % of the time. (Where the decode step jumps, +1.6 % at 4,190 here as
// the batch crosses a tile of the expert GEMMs, the requests spend longer decoding and fewer wait
// to prefill: TTFT falls, and so does the rate, with the slower step.)
TEST(ServeClosedLoop, TtftNeverFallsAsConcurrencyRises) {
  const std::string link =
      "v=1&mode=calibrated&framework=sglang&gpus=GB300-NVL72&kv_cache_rate=0&tp=1&dp=4&ep=48&"
      "decode_tp=1&moe_dtype=fp4&isl=922&osl=922&serving=disagg&decode_gpus=48&prefill_gpus=16";
  const auto at = [&](const char* cal, int n) {
    const ServeTable t =
        Serve(ConfigOf(link + "&cal=" + cal + "&concurrency=" + std::to_string(n)));
    EXPECT_EQ(t.rows.size(), 1u) << n;
    return t.rows.at(0);
  };
  ServeRow last = at("2026-12i", 3000);
  EXPECT_EQ(last.bound, "decode");
  int compared = 0;
  for (int n = 3005; n <= 6000; n += 5) {
    const ServeRow r = at("2026-12i", n);
    if (r.tpot_ms < last.tpot_ms * 1.005) {
      EXPECT_GE(r.ttft_ms, last.ttft_ms) << n;
      EXPECT_GE(r.output_tps_per_gpu, last.output_tps_per_gpu * (1 - 1e-9)) << n;
      ++compared;
    }
    last = r;
  }
  EXPECT_GT(compared, 300);
  EXPECT_EQ(last.bound, "prefill");
  // 2026-12h keeps its numbers, the fall included.
  EXPECT_LT(at("2026-12h", 4200).ttft_ms, 0.5 * at("2026-12h", 4150).ttft_ms);
}

// Hiding less communication never makes a configuration faster: every decode and prefill row
// of the default calibrated tables is at most as fast with 2026-12b as with 2026-12.
TEST(Calibrated, LessOverlapNeverRaisesThroughput) {
  for (const char* base : {"v=1&mode=calibrated", "v=1&mode=calibrated&mbs=1&seq_len=8192"}) {
    const DecodeTable old = Decode(ConfigOf(std::string(base) + "&cal=2026-12"));
    const DecodeTable now = Decode(ConfigOf(std::string(base) + "&cal=2026-12b"));
    ASSERT_EQ(old.rows.size(), now.rows.size()) << base;
    ASSERT_GT(now.rows.size(), 100u);
    for (size_t i = 0; i < now.rows.size(); ++i) {
      EXPECT_LE(now.rows[i].total, old.rows[i].total) << base << " row " << i;
    }
    const std::vector<PrefillRow> p_old =
        PrefillTable(ConfigOf(std::string(base) + "&cal=2026-12"));
    const std::vector<PrefillRow> p_now =
        PrefillTable(ConfigOf(std::string(base) + "&cal=2026-12b"));
    ASSERT_EQ(p_old.size(), p_now.size());
    for (size_t i = 0; i < p_now.size(); ++i) {
      EXPECT_LE(p_now[i].prefill_tps, p_old[i].prefill_tps) << p_now[i].gpu;
    }
  }
}

TEST(Calibrated, LinksNameTheirCalibration) {
  EXPECT_EQ(EncodeLink(ConfigOf("v=1&mode=calibrated")),
            "v=1&mode=calibrated&cal=" + std::string(Calibrations().back().id));
  const ParseResult bad = ParseLink("v=1&mode=calibrated&cal=1999-01");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.errors[0].key, "cal");
}

TEST(Calibrated, KeepingACorrectionRestoresThatBehaviour) {
  // Q1 kept: prefill dispatch carries half the FP8 volume again.
  const PrefillRow fixed = PrefillTable(ConfigOf("v=1&mode=calibrated&gpus=GB200-NVL72")).front();
  const PrefillRow kept =
      PrefillTable(ConfigOf("v=1&mode=calibrated&gpus=GB200-NVL72&keep=Q1")).front();
  EXPECT_LT(kept.dispatch, fixed.dispatch);
  EXPECT_EQ(kept.combine, fixed.combine);
}

TEST(Reality, EveryDeploymentIsPredictedInBothModes) {
  const std::vector<Deployment>& rows = Deployments();
  ASSERT_GE(rows.size(), 900u);
  const std::vector<RealityRow> reality = Reality(ConfigOf("v=1"));
  ASSERT_EQ(reality.size(), rows.size());
  size_t unpredicted = 0;
  for (const RealityRow& r : reality) {
    // A served benchmark the model cannot fit in memory says so (its recipe gave the server a
    // larger share of memory than mem_util, or packs weights tighter); every other row has both.
    if (r.deployment->phase == "serve" && !r.calibrated) {
      EXPECT_FALSE(Serve(ConfigOf(r.link)).misses.empty()) << r.deployment->id;
      ++unpredicted;
      continue;
    }
    EXPECT_TRUE(r.reference.has_value()) << r.deployment->id;
    EXPECT_TRUE(r.calibrated.has_value()) << r.deployment->id;
    EXPECT_TRUE(ParseLink(r.link).ok()) << r.link;
    if (!std::isfinite(r.deployment->bs_per_gpu) && r.deployment->phase == "decode") {
      EXPECT_NE(r.assumed.find("not stated"), std::string::npos) << r.deployment->id;
    }
  }
  EXPECT_LE(unpredicted, rows.size() / 40);
  const RealityStats a = StatsOf(reality, "A");
  EXPECT_GE(a.rows, 30u);
  EXPECT_GT(a.median_reference, 0);
  const RealityStats out = StatsOf(reality, {.tiers = "A", .out_of_sample = true});
  EXPECT_GE(out.rows, 8u);
}

// Every row names the preset its scenario runs, and the statistics per model partition the set.
// Calibration 2026-12g times aggregated attention DP by whether the ranks prefill together
// (serve_align): every such row of the reality set states it, from its source's conditions
// (docs/CALIBRATION.md), rather than taking the default.
TEST(Reality, EveryAggregatedAttentionDpRowStatesWhetherItsRanksAlign) {
  int rows = 0, aligned = 0;
  for (const Deployment& d : Deployments()) {
    if (d.link.find("serving=agg") == std::string::npos ||
        d.link.find("serve_dpa=1") == std::string::npos) {
      continue;
    }
    ++rows;
    const bool one = d.link.find("serve_align=1") != std::string::npos;
    EXPECT_TRUE(one || d.link.find("serve_align=0") != std::string::npos) << d.id;
    aligned += one ? 1 : 0;
  }
  EXPECT_EQ(rows, 98);
  EXPECT_EQ(aligned, 67);
}

TEST(Reality, EachRowNamesItsModelAndTheModelsPartitionTheStatistics) {
  const std::vector<RealityRow> reality = Reality(ConfigOf("v=1"));
  for (const RealityRow& r : reality) {
    EXPECT_TRUE(FindPreset(r.model).has_value()) << r.deployment->id << " " << r.model;
    EXPECT_EQ(r.model, ConfigOf(r.link).preset) << r.deployment->id;
    const size_t model = static_cast<size_t>(ColumnIndex(RealityColumns(), "model"));
    EXPECT_EQ(RealityText(r, model), r.model);
  }
  const std::vector<std::string> models = RealityModels(reality);
  ASSERT_FALSE(models.empty());
  EXPECT_EQ(models.front(), "deepseek-v3");
  // The families beyond DeepSeek-V3/R1 that published serving benchmarks cover (issue 18).
  for (const char* family : {"deepseek-v3.2", "deepseek-v4-pro", "deepseek-v4-flash", "kimi-k2",
                             "qwen3-235b-a22b", "qwen3-30b-a3b", "gpt-oss-120b", "gpt-oss-20b"}) {
    EXPECT_NE(std::find(models.begin(), models.end(), family), models.end()) << family;
  }
  size_t rows = 0;
  for (const std::string& m : models) {
    const RealityStats s = StatsOf(reality, {.model = m});
    EXPECT_GT(s.rows, 0u) << m;
    rows += s.rows;
  }
  EXPECT_EQ(rows, StatsOf(reality, "AB").rows);
  EXPECT_EQ(StatsOf(reality, {.model = "no-such-model"}).rows, 0u);
}

}  // namespace
}  // namespace shallowsim

namespace shallowsim {
namespace {

// tests/golden/links_calibrated.tsv: every frozen calibrated link still decodes to itself and
// computes the same numbers (relative 1e-9, as the golden cases): decode, prefill and serve rows.
TEST(FrozenLinks, CalibratedLinksKeepTheirNumbers) {
  std::ifstream in(std::string(SHALLOWSIM_GOLDEN_DIR) + "/links_calibrated.tsv");
  ASSERT_TRUE(in) << "missing links_calibrated.tsv";
  int checked = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) f.push_back(cell);
    ASSERT_EQ(f.size(), 5u) << line;
    const Config c = ConfigOf(f[0]);
    ASSERT_EQ(EncodeLink(c), f[0]);
    const double want = std::stod(f[4]);
    double got = NAN;
    if (f[1] == "prefill") {
      for (const PrefillRow& r : PrefillTable(c)) {
        if (r.gpu == f[2]) got = f[3] == "Sum" ? r.sum : r.prefill_tps;
      }
    } else if (f[1] == "serve") {  // row: GPU/Serving; TotalTPS_per_GPU or TPOT_ms
      const ServeTable t = Serve(c);
      for (const ServeRow& r : t.rows) {
        if (t.gpus[static_cast<size_t>(r.gpu)] + "/" + std::string(NameOf(r.serving)) == f[2]) {
          got = f[3] == "TPOT_ms" ? r.tpot_ms : r.total_tps_per_gpu;
        }
      }
    } else {
      const DecodeTable t = Decode(c);
      for (const DecodeRow& r : t.rows) {
        const std::string key = t.gpus[r.gpu] + "/" + FormatNumber(r.ep) + "/" +
                                FormatNumber(r.tp) + "/" + FormatNumber(r.batch);
        if (key == f[2]) got = f[3] == "TPOT" ? r.tpot : r.total;
      }
    }
    EXPECT_NEAR(got, want, 1e-9 * std::abs(want)) << f[0] << " " << f[2] << " " << f[3];
    ++checked;
  }
  EXPECT_GT(checked, 20);
}

}  // namespace
}  // namespace shallowsim
