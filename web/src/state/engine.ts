// Loads the engine for the page (once) and reports a failure as text.
import { useEffect, useState } from 'preact/hooks';
import { loadEngine, type Engine } from '../engine';

/** `loaded`: an engine the page already has (main.tsx, taking over the prerendered page). */
export function useEngine(loaded: Engine | null = null): { engine: Engine | null; failure: string | null } {
  const [engine, setEngine] = useState<Engine | null>(loaded);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (loaded) return;
    loadEngine().then(setEngine, (e: unknown) => setFailure(String(e)));
  }, [loaded]);
  return { engine, failure };
}
