// Loads the engine for the page (once) and reports a failure as text.
import { useEffect, useState } from 'preact/hooks';
import { loadEngine, type Engine } from '../engine';

export function useEngine(): { engine: Engine | null; failure: string | null } {
  const [engine, setEngine] = useState<Engine | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    loadEngine().then(setEngine, (e: unknown) => setFailure(String(e)));
  }, []);
  return { engine, failure };
}
