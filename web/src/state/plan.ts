// The plan view's state: the details the core computes besides the plan table (misses, prices,
// the throughput/cost frontier, the P:D ratio curve), and the links that open a plan's decode row
// and prefill in their own views.
import { useEffect, useState } from 'preact/hooks';
import type { Engine, PlanDetailsResult, Table } from '../engine';
import { cell, gpuName } from '../table/cells';

/**
 * The details of the last good link's plan, computed only while the plan view is open and after
 * the table has painted (they are seven more plans: 4–30 ms); the previous details stay until then.
 */
export function usePlanDetails(engine: Engine, canonical: string | null): PlanDetailsResult | null {
  const [details, setDetails] = useState<PlanDetailsResult | null>(null);
  useEffect(() => {
    if (canonical === null) return;
    const timer = setTimeout(() => setDetails(engine.planDetails(`#${canonical}`)), 0);
    return () => clearTimeout(timer);
  }, [engine, canonical]);
  return details;
}

export interface PlanPick {
  gpu: string;
  /** Column name → value of the plan row. */
  values: Record<string, number>;
  /** The decode view at this plan's context, GPU, EP, TP and batch. */
  decodeLink: string;
  /** The prefill view at this plan's prompt length, GPU, TP, DP and batch. */
  prefillLink: string;
}

/** The plan rows as named values, each with the links that open its decode row and prefill. */
export function planPicks(engine: Engine, canonical: string, table: Table, fields: Record<string, string>): PlanPick[] {
  const isl = Number(fields.isl);
  const osl = Number(fields.osl);
  const calibrated = fields.mode === 'calibrated';
  const out: PlanPick[] = [];
  for (let r = 0; r < table.rows; r++) {
    const values: Record<string, number> = {};
    table.columns.forEach((name, c) => {
      if (c > 0) values[name] = cell(table, r, c);
    });
    const gpu = gpuName(table, r);
    const apply = (pairs: [string, string][]) => pairs.reduce((link, [k, v]) => engine.edit(link, k, v), `#${canonical}`);
    const half = Math.floor(osl / 2);
    const decodeLink = apply([
      ['view', 'decode'],
      ['gpus', gpu],
      ['seq_len', String(isl + half)],
      ['decode_len', String(osl - half)],
      ['ep', String(values.DecodeEP)],
      ['decode_tp', String(values.DecodeTP)],
      ['bs', String(values.Batch)],
      ['sort', ''],
    ]);
    const prefillLink = apply([
      ['view', 'prefill'],
      ['gpus', gpu],
      ['seq_len', String(isl)],
      ['tp', String(values.PrefillTP)],
      ['dp', String(values.PrefillDP)],
      ['prefill_tokens', calibrated ? String(values.PrefillTokens) : '0'],
      ['sort', ''],
    ]);
    out.push({ gpu, values, decodeLink, prefillLink });
  }
  return out;
}
