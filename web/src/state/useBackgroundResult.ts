// A background computation keyed by a link: the newest result, never more than one request in
// flight (a newer link waits for the running one, then only the latest is sent).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface Latest<T> {
  result: T | null;
  /** The link `result` is for (it may lag behind the one asked for while a newer one runs). */
  link: string | null;
  busy: boolean;
}

export function useBackgroundResult<T>(
  link: string | null,
  run: (link: string) => Promise<T>,
): Latest<T> {
  const [state, setState] = useState<{ link: string; result: T } | null>(null);
  const wanted = useRef(link);
  const running = useRef(false);
  const alive = useRef(true);
  wanted.current = link;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // A layout effect: the request leaves in the same task as the edit, not a frame later.
  useLayoutEffect(() => {
    if (link === null || running.current) return;
    const go = (l: string) => {
      running.current = true;
      void run(l).then((result) => {
        running.current = false;
        if (!alive.current) return;
        setState({ link: l, result });
        const next = wanted.current;
        if (next !== null && next !== l) go(next);
      });
    };
    if (state?.link !== link) go(link);
    // `run` is stable per engine; the link is what matters.
  }, [link]);

  if (link === null) return { result: null, link: null, busy: false };
  return { result: state?.result ?? null, link: state?.link ?? null, busy: state?.link !== link };
}
