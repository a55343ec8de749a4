// Column definitions, from the seed document (shallowsim-metrics.md), in English and Chinese.
import type { Lang } from './strings';

export interface ColumnDoc {
  unit: string;
  text: Record<Lang, string>;
  formula?: string;
}

export const columnDocs: Record<string, ColumnDoc> = {
  GPU: {
    unit: '',
    text: {
      en: 'Accelerator or rack model. In “NVLxxx” the number is about the GPUs in the NVLink domain (NVL72 = 72 Blackwell GPUs, NVL576 = Rubin Ultra).',
      zh: '使用的加速卡／机柜型号。“NVLxxx”里的数字≈机柜中的 GPU 总数（NVL72 = 72 颗 Blackwell，NVL576 = Rubin Ultra）。',
    },
  },
  TP: {
    unit: 'GPUs',
    text: {
      en: 'Tensor parallel degree of decode attention: how many GPUs one weight matrix is split over.',
      zh: 'Tensor Parallel 分片数：同一权重矩阵被切成几块在不同 GPU 上并行乘。',
    },
  },
  EP: {
    unit: 'GPUs',
    text: {
      en: 'Expert parallel size: how many GPUs the routed experts are spread over.',
      zh: 'Expert Parallel 分片数：路由专家分布在多少张 GPU 上。',
    },
  },
  BatchSize: {
    unit: 'requests',
    text: {
      en: 'Concurrent sequences per GPU in each decode step; sets the overlap and the KV-cache size.',
      zh: '每次 decode 的并发样本/句子数（每卡），直接影响并行度与 KV-Cache 大小。',
    },
  },
  DenseMLA: {
    unit: 'ms',
    formula: 'MLA + LoadKV',
    text: {
      en: 'Attention time per dense layer, including reading the KV cache.',
      zh: 'Dense 区每层 Multi-Head-Attn 时延（含 KV 读带宽）。',
    },
  },
  DenseMLP: {
    unit: 'ms',
    text: { en: 'FFN time per dense layer.', zh: 'Dense 区每层 FFN 时延。' },
  },
  SparseMLA: {
    unit: 'ms',
    formula: 'MLA / TP + all-reduce + LoadKV',
    text: {
      en: 'Attention time per MoE layer, including the KV read and TP (with its all-reduce).',
      zh: 'Sparse 区（MoE 区）每层 Attn 时延（含 KV 读带宽 + TP 并行）。',
    },
  },
  SharedExpert: {
    unit: 'ms',
    text: { en: 'Shared-expert time per MoE layer.', zh: 'MoE 里共享专家的单层耗时。' },
  },
  RoutedExpert: {
    unit: 'ms',
    text: { en: 'Routed-experts time per MoE layer.', zh: 'MoE 里路由专家的单层耗时。' },
  },
  Dispatch: {
    unit: 'ms',
    text: {
      en: 'Token → expert all-to-all (FP8/FP4).',
      zh: 'Token → 专家的 All-to-All（FP4/8）。',
    },
  },
  Combine: {
    unit: 'ms',
    text: {
      en: 'Expert → token all-to-all (FP16; FP8 when fp8_combine is on and the GPU supports FP4).',
      zh: '专家 → Token 的 All-to-All（FP16；开启 fp8_combine 且 GPU 支持 FP4 时为 FP8）。',
    },
  },
  COMP_SUM: {
    unit: 'ms',
    formula: 'SparseMLA + SharedExpert + RoutedExpert',
    text: { en: 'Pure compute per MoE layer.', zh: 'Sparse 区单层“纯计算”总和。' },
  },
  COMM_SUM: {
    unit: 'ms',
    formula: 'Dispatch + Combine',
    text: { en: 'Both all-to-alls per MoE layer.', zh: 'Sparse 区单层两次通信总和。' },
  },
  Delta: {
    unit: 'ms',
    formula: 'COMM_SUM − (SparseMLA + SharedExpert)',
    text: {
      en: 'Communication per layer left over after the compute it overlaps with. Positive (red) = exposed communication, added n_sparse times to TPOT.',
      zh: '每层通信时长超过可并行计算部分的剩余量。为正（标红）= 通信未被掩盖，按 n_sparse 层计入 TPOT。',
    },
  },
  TPOT: {
    unit: 'ms',
    formula: 'TPOT_O + Delta × n_sparse if Delta > 0, else TPOT_O',
    text: {
      en: 'Real time per output token (after the first), paying for communication that is not hidden.',
      zh: '真实的每个输出 token 耗时（不含首 token），Δ > 0 时补偿不可重叠的通信。',
    },
  },
  TPOT_O: {
    unit: 'ms',
    formula: '(DenseMLA + DenseMLP) × n_dense + COMP_SUM × n_sparse',
    text: {
      en: 'Ideal time per output token, as if all communication were hidden by compute.',
      zh: 'Time Per Output Token 的理想耗时（假设通信全被计算隐藏）。',
    },
  },
  TPS: {
    unit: 'tok/s',
    formula: '1000 / TPOT',
    text: { en: 'Tokens per second per user (real).', zh: '真实的每用户 token/s。' },
  },
  TPS_O: {
    unit: 'tok/s',
    formula: '1000 / TPOT_O',
    text: { en: 'Tokens per second per user (ideal).', zh: '理想的每用户 token/s。' },
  },
  Total: {
    unit: 'tok/s',
    formula: 'TPS × BatchSize',
    text: { en: 'Throughput per GPU (real).', zh: '真实的单卡总吞吐。' },
  },
  Total_O: {
    unit: 'tok/s',
    formula: 'TPS_O × BatchSize',
    text: { en: 'Throughput per GPU (ideal).', zh: '理想的单卡总吞吐（batch × TPS_O）。' },
  },
  Comm_Impact: {
    unit: '%',
    formula: '(Total_O − Total) / Total_O',
    text: {
      en: 'Throughput lost to communication: how much faster it would be with perfect overlap.',
      zh: '通信对总体吞吐的削弱比例：如果把通信优化到极致，仍可再快 X%。',
    },
  },
  MaxBatch: {
    unit: 'requests',
    text: {
      en: 'Largest batch per GPU whose KV cache (seq_len + decode_len) fits in mem × mem_util after the weights.',
      zh: '扣除权重后，KV-Cache（seq_len + decode_len）能放进 mem × mem_util 的最大每卡批大小。',
    },
  },
  // Prefill metrics (rows of the prefill table).
  MLA: {
    unit: 'ms',
    text: { en: 'Dense-layer MLA time (no TP).', zh: 'Dense 层 MLA 耗时。' },
  },
  TP_MLA: {
    unit: 'ms',
    text: {
      en: 'MoE-layer MLA time with attention TP = tp (plus all-reduce).',
      zh: 'MoE 层 MLA 耗时（注意力 TP = tp，含 all-reduce）。',
    },
  },
  Overlap1: {
    unit: 'ms',
    formula: 'Combine − (TP_MLA + SharedExpert)',
    text: {
      en: 'Combine time left over after TP_MLA + SharedExpert (positive = exposed).',
      zh: 'combine 阶段通信剩余（为正 = 未被掩盖）。',
    },
  },
  Overlap2: {
    unit: 'ms',
    formula: 'Dispatch − RoutedExpert',
    text: {
      en: 'Dispatch time left over after RoutedExpert (positive = exposed).',
      zh: 'dispatch 阶段通信剩余（为正 = 未被掩盖）。',
    },
  },
  Compute: {
    unit: 'ms',
    formula: 'n_dense·(MLA + DenseMLP) + n_sparse·(TP_MLA + SharedExpert + RoutedExpert)',
    text: { en: 'Compute time over all layers.', zh: '全部层的计算时间。' },
  },
  Comm: {
    unit: 'ms',
    formula: 'n_sparse·(Combine + Dispatch)',
    text: { en: 'All-to-all time over all MoE layers.', zh: '全部 MoE 层的 all-to-all 通信时间。' },
  },
  Sum: {
    unit: 'ms',
    formula: 'Compute + n_sparse·(max(Overlap1, 0) + max(Overlap2, 0))',
    text: {
      en: 'Prefill time: compute plus the communication that is not hidden.',
      zh: 'prefill 总耗时：计算加上未被掩盖的通信。',
    },
  },
  PrefillTPS: {
    unit: 'tok/s/GPU',
    formula: 'seq_len / tp · 1000 / Sum',
    text: { en: 'Prefill tokens per second per GPU.', zh: '每卡每秒 prefill 的 token 数。' },
  },
};

/** Prefill metrics in the seed's row order; Layers uses n_dense_layers for the first two. */
export const prefillMetricRows = [
  'MLA',
  'DenseMLP',
  'TP_MLA',
  'SharedExpert',
  'Combine',
  'Overlap1',
  'RoutedExpert',
  'Dispatch',
  'Overlap2',
] as const;
export const prefillSummaryRows = ['Compute', 'Comm', 'Sum', 'PrefillTPS'] as const;

/** The seed's prefill explanation column (解释), kept verbatim in Chinese. */
export const prefillSeedNotes: Record<string, Record<Lang, string>> = {
  MLA: { en: 'Dense-layer MLA time', zh: 'Dense层MLA耗时' },
  DenseMLP: { en: 'Dense-layer MLP time', zh: 'Dense层MLP耗时' },
  TP_MLA: { en: 'MoE-layer MLA time', zh: 'MoE层MLA耗时' },
  SharedExpert: { en: 'Shared expert compute', zh: 'Shared Expert计算时间' },
  Combine: { en: 'MoE all-to-all (combine)', zh: 'MoE all2all' },
  Overlap1: { en: 'Combine left over', zh: 'combine阶段通信剩余' },
  RoutedExpert: { en: 'Routed experts compute', zh: 'Routed Expert计算时间' },
  Dispatch: { en: 'MoE all-to-all (dispatch)', zh: 'MoE all2all' },
  Overlap2: { en: 'Dispatch left over', zh: 'dispatch阶段通信剩余' },
  Compute: { en: 'Compute, all layers (ms)', zh: '全部层计算时间 (ms)' },
  Comm: { en: 'All-to-all, all layers (ms)', zh: '全部层通信时间 (ms)' },
  Sum: { en: 'Prefill time (ms)', zh: 'prefill 总耗时 (ms)' },
  PrefillTPS: { en: 'Tokens/s per GPU', zh: '每卡 token/s' },
};

/** Title text for a column header: definition, formula, unit. */
export function columnTitle(column: string, lang: Lang): string {
  const doc = columnDocs[column];
  if (!doc) return column;
  const parts = [`${column}: ${doc.text[lang]}`];
  if (doc.formula) parts.push(`= ${doc.formula}`);
  if (doc.unit) parts.push(`[${doc.unit}]`);
  return parts.join('\n');
}
