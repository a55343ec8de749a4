// The plan view's state: the details the core computes besides the plan table (misses, prices,
// the throughput/cost frontier, the P:D ratio curve), and the links that open a plan's decode row
// and prefill in their own views.
import { useCallback } from 'preact/hooks';
import type { Engine, PlanDetailsResult, Table } from '../engine';
import { cell, gpuName, isTextColumn, textCell } from '../table/cells';
import { background } from './background';
import { useBackgroundResult } from './useBackgroundResult';

/**
 * The details of the last good link's plan, computed by the background worker (seven more plans
 * and the frontier: off the input path); the previous details stay until they arrive.
 */
export function usePlanDetails(engine: Engine, canonical: string | null): PlanDetailsResult | null {
  const bg = background(engine);
  const run = useCallback((link: string) => bg.planDetails(`#${link}`), [bg]);
  return useBackgroundResult(canonical, run).result;
}

export interface PlanPick {
  gpu: string;
  /** Column name → value of the plan row's number columns. */
  values: Record<string, number>;
  /** Column name → text of its text columns (Serving, MoE, KV). */
  text: Record<string, string>;
  /** The decode view at this plan's context, GPU, EP, TP and batch (the core's link). */
  decodeLink: string;
  /** The prefill view at this plan's prompt length, GPU, TP, DP and batch. */
  prefillLink: string;
  /** The serve view of the sized deployment at its concurrency. */
  serveLink: string;
}

/** The plan rows as named values, each with the links the core made for it. */
export function planPicks(table: Table): PlanPick[] {
  const out: PlanPick[] = [];
  for (let r = 0; r < table.rows; r++) {
    const values: Record<string, number> = {};
    const text: Record<string, string> = {};
    table.columns.forEach((name, c) => {
      if (c === 0) return;
      if (isTextColumn(table, name)) text[name] = textCell(table, r, name);
      else values[name] = cell(table, r, c);
    });
    const link = (name: string) => (text[name] ?? '').replace(/^#/, '');
    out.push({
      gpu: gpuName(table, r),
      values,
      text,
      decodeLink: link('decode_link'),
      prefillLink: link('prefill_link'),
      serveLink: link('serve_link'),
    });
  }
  return out;
}
