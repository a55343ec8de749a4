// The reality check and the measured effect of each correction, computed for what is shown.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CorrectionEffect, Engine, RealityCell, RealityResult } from '../engine';

/** The reality rows for a link: only its calibration matters, so an edit elsewhere is free. */
export function useReality(engine: Engine, cal: string): RealityResult {
  return useMemo(() => engine.reality(`#v=1&mode=calibrated${cal ? `&cal=${cal}` : ''}`), [engine, cal]);
}

/**
 * What each correction does to the default tables in calibrated mode (13 recomputations of the
 * decode and prefill tables): computed once, after the page has painted.
 */
export function useCorrectionEffects(engine: Engine): ReadonlyMap<string, CorrectionEffect> | null {
  const [effects, setEffects] = useState<ReadonlyMap<string, CorrectionEffect> | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      const result = engine.effects('#v=1&mode=calibrated');
      if (result.ok) setEffects(new Map(result.effects.map((e) => [e.id, e])));
    }, 500);
    return () => clearTimeout(timer);
  }, [engine]);
  return effects;
}

/** A GPU the deployments measure, with how many rows of each tier. */
export interface GpuChecked {
  gpu: string;
  tierA: number;
  tierB: number;
}

/**
 * Which GPUs the deployments measure (most rows first, then by name), and the catalog's GPUs that
 * none measures (catalog order).
 */
export function gpuCoverage(
  rows: readonly Record<string, RealityCell>[],
  catalog: readonly string[],
): { checked: GpuChecked[]; unchecked: string[] } {
  const counts = new Map<string, GpuChecked>();
  for (const r of rows) {
    const gpu = String(r.GPU);
    const c = counts.get(gpu) ?? { gpu, tierA: 0, tierB: 0 };
    if (r.tier === 'A') c.tierA += 1;
    else c.tierB += 1;
    counts.set(gpu, c);
  }
  const checked = [...counts.values()].sort((a, b) => b.tierA + b.tierB - (a.tierA + a.tierB) || (a.gpu < b.gpu ? -1 : 1));
  return { checked, unchecked: catalog.filter((name) => !counts.has(name)) };
}
