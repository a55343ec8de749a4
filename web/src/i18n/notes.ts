// "Model notes": the reference's behaviours the engine reproduces (QUIRKS.md Q1–Q16), short.
import type { Lang } from './strings';

export interface ModelNote {
  id: string;
  text: Record<Lang, string>;
  effect?: Record<Lang, string>;
}

export const modelNotes: ModelNote[] = [
  {
    id: 'Q1',
    text: {
      en: 'Prefill dispatch volume is halved on every GPU, so dispatch carries ¼ of combine.',
      zh: 'Prefill 的 dispatch 通信量在所有 GPU 上都减半，因此 dispatch 只有 combine 的 ¼。',
    },
    effect: {
      en: 'Seed H200/H800/H20: Comm 82.5 ms instead of 97.8 ms; Sum unchanged.',
      zh: '种子配置 H200/H800/H20：Comm 为 82.5 ms 而非 97.8 ms；Sum 不变。',
    },
  },
  {
    id: 'Q2',
    text: {
      en: 'Prefill routed-expert weight loads use E/dp/tp experts, fractional when tp·dp does not divide E.',
      zh: 'Prefill 路由专家权重加载按 E/dp/tp 个专家计算，tp·dp 不整除 E 时为小数。',
    },
    effect: {
      en: 'tp 8, dp 9: 3.56 experts instead of 4.',
      zh: 'tp 8、dp 9：3.56 个专家而非 4 个。',
    },
  },
  {
    id: 'Q3',
    text: {
      en: 'On FP4 GPUs the MLA time drops the weight-load term and the MLA efficiency factor on its GEMMs.',
      zh: '在支持 FP4 的 GPU 上，MLA 耗时去掉了权重加载项，其 GEMM 也不乘 MLA 效率系数。',
    },
    effect: {
      en: 'DGX-B300 seed MLA 1.5345 ms instead of 1.5790 ms.',
      zh: '种子配置 DGX-B300 MLA 为 1.5345 ms 而非 1.5790 ms。',
    },
  },
  {
    id: 'Q4',
    text: {
      en: 'The grouped-GEMM efficiency table for “H20” also applies to H200 and H20-3E (their names contain “H20”).',
      zh: '“H20”的 grouped-GEMM 效率表同样用于 H200 和 H20-3E（名称中含有“H20”）。',
    },
    effect: {
      en: 'H200 best Total per batch 4–10 % higher than with the general table.',
      zh: 'H200 各批大小的最优 Total 比通用效率表高 4–10 %。',
    },
  },
  {
    id: 'Q5',
    text: {
      en: 'The efficiency bucket is the next power of two strictly above the tokens per expert: exact powers of two use the next bucket.',
      zh: '效率档位取严格大于每专家 token 数的下一个 2 的幂：恰为 2 的幂时落入更高一档。',
    },
    effect: {
      en: 'GB300 bs 64, EP 72: efficiency 0.35 instead of 0.2.',
      zh: 'GB300 bs 64、EP 72：效率 0.35 而非 0.2。',
    },
  },
  {
    id: 'Q6',
    text: {
      en: 'The shared expert uses the routed experts’ efficiency bucket, though its GEMM has b rows.',
      zh: '共享专家使用路由专家的效率档位，尽管其 GEMM 只有 b 行。',
    },
  },
  {
    id: 'Q7',
    text: {
      en: 'With two micro-batches, expert weights are loaded twice per step.',
      zh: '两个微批时，专家权重每步加载两次。',
    },
    effect: {
      en: 'RoutedExpert over-charged by one weight load × experts per GPU.',
      zh: 'RoutedExpert 多计一次“权重加载 × 每卡专家数”。',
    },
  },
  {
    id: 'Q8',
    text: {
      en: 'FP4 weights are halved only in decode MoE loads; the dense MLP and prefill MoE load FP8 sizes.',
      zh: 'FP4 权重只在 decode MoE 加载时减半；Dense MLP 与 prefill MoE 按 FP8 大小加载。',
    },
  },
  {
    id: 'Q9',
    text: {
      en: 'Dense-layer MLA (prefill and decode) has no kernel fixed time and no TP.',
      zh: 'Dense 层 MLA（prefill 与 decode）没有内核固定耗时，也不做 TP。',
    },
    effect: { en: '+0.15 ms TPOT for V3 if charged.', zh: '若计入，V3 的 TPOT +0.15 ms。' },
  },
  {
    id: 'Q10',
    text: {
      en: 'Decode reads a KV cache of seq_len (not seq_len + generated); prefill attention is counted non-causal (full seq²).',
      zh: 'Decode 读取的 KV 长度为 seq_len（不含已生成部分）；prefill 注意力按非因果（完整 seq²）计算。',
    },
    effect: {
      en: 'Causal counting would roughly halve prefill attention FLOPs.',
      zh: '按因果计算，prefill 注意力 FLOPs 约减半。',
    },
  },
  {
    id: 'Q11',
    text: {
      en: 'n_shared_experts is never read: one shared expert is charged in time and memory.',
      zh: 'n_shared_experts 从未被读取：时间与显存都按 1 个共享专家计算。',
    },
    effect: { en: 'DeepSeek-V2 (2 shared) is under-charged.', zh: 'DeepSeek-V2（2 个共享专家）被低估。' },
  },
  {
    id: 'Q12',
    text: {
      en: 'Memory uses fixed DeepSeek-V3 constants (MLA 187.17 M, expert 44.05 M, other 2.91 GB), mixing 10^6 and 2^10.',
      zh: '显存使用固定的 DeepSeek-V3 常数（MLA 187.17 M、专家 44.05 M、其他 2.91 GB），混用 10^6 与 2^10。',
    },
    effect: {
      en: 'Derived from the dimensions, V3 has 671.0 B parameters (the published 671 B).',
      zh: '按维度推算 V3 共 671.0 B 参数（与公开的 671 B 一致）。',
    },
  },
  {
    id: 'Q13',
    text: {
      en: 'TP: KV replicated × tp in memory, MLA weights / tp, attention time / tp + all-reduce, but MoE and all-to-all are charged for the full batch whatever tp.',
      zh: 'TP 语义：显存中 KV 复制 tp 份，MLA 权重 / tp，注意力时间 / tp + all-reduce，但 MoE 与 all-to-all 无论 tp 都按整批计算。',
    },
    effect: {
      en: 'The batch is neither per GPU nor per TP group consistently.',
      zh: '批大小既不一致地按卡，也不一致地按 TP 组。',
    },
  },
  {
    id: 'Q14',
    text: {
      en: '8-GPU boxes use NVLink only when E / (experts per GPU) = 8 exactly; racks use the NIC for all traffic once EP exceeds the rack.',
      zh: '8 卡机仅在 E /（每卡专家数）恰为 8 时走 NVLink；机柜在 EP 超过机柜规模后全部流量走网卡。',
    },
    effect: { en: 'EP 7 or 9 in one box uses the NIC.', zh: '单机内 EP 7 或 9 也走网卡。' },
  },
  {
    id: 'Q15',
    text: {
      en: 'Prefill all-to-all assumes 4 nodes on 8-GPU boxes and ignores dp there.',
      zh: '8 卡机上的 prefill all-to-all 假设 4 个节点，并忽略 dp。',
    },
  },
  {
    id: 'Q16',
    text: {
      en: 'When communication is not hidden, TP does not change TPOT: several TP rows tie exactly on Total and the leaderboard keeps them all.',
      zh: '通信未被掩盖时 TP 不改变 TPOT：多个 TP 行的 Total 完全相同，排行榜全部保留。',
    },
  },
];
