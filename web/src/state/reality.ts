// The reality check and the measured effect of each correction, computed for what is shown.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CorrectionEffect, Engine, RealityResult } from '../engine';

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
