// The sweep view's background work: the series the charts draw (this link's and the
// baseline's), and the full sweep table as the CLI's CSV.
import { useCallback, useMemo } from 'preact/hooks';
import type { Engine, ExportResult, SweepSeriesResult } from '../engine';
import { background } from './background';
import { useBackgroundResult, type Latest } from './useBackgroundResult';

export interface SweepSeries {
  current: Latest<SweepSeriesResult>;
  baseline: Latest<SweepSeriesResult>;
  /** `shallowsim sweep LINK --format csv`, computed off the main thread. */
  csv: (link: string) => Promise<ExportResult>;
}

export function useSweepSeries(engine: Engine, link: string, baseLink: string | null): SweepSeries {
  const bg = useMemo(() => background(engine), [engine]);
  const run = useCallback((l: string) => bg.sweepSeries(l), [bg]);
  const current = useBackgroundResult(link, run);
  const baseline = useBackgroundResult(baseLink, run);
  const csv = useCallback((l: string) => bg.exportTable(l, 'sweep', 'csv'), [bg]);
  return { current, baseline, csv };
}
