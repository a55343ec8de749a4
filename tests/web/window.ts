// A window the page's state layer (state/page.ts, state/url.ts) can run against without a page:
// its location, a history that records every write, and hashchange as a user's navigation.

export interface HistoryWrite {
  kind: 'push' | 'replace';
  hash: string;
}

export interface FakeWindow {
  win: Window;
  /** Every pushState / replaceState, in order. */
  writes: HistoryWrite[];
  /** The address bar's fragment, with its '#' ('' when none). */
  hash(): string;
  /** The user navigates (types a URL, Back/Forward): the hash changes, then hashchange fires. */
  navigate(hash: string): void;
}

export function fakeWindow(hash = ''): FakeWindow {
  const listeners = new Map<string, Set<(e: Event) => void>>();
  const location = {
    hash,
    pathname: '/shallowsim/',
    search: '',
    get href() {
      return `https://example.org/shallowsim/${location.hash}`;
    },
  };
  const writes: HistoryWrite[] = [];
  const write = (kind: HistoryWrite['kind']) => (_state: unknown, _title: string, url: string) => {
    const at = url.indexOf('#');
    location.hash = at >= 0 ? url.slice(at) : '';
    writes.push({ kind, hash: location.hash });
  };
  const win = {
    location,
    history: { state: null, pushState: write('push'), replaceState: write('replace') },
    addEventListener(type: string, fn: (e: Event) => void) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)?.add(fn);
    },
    removeEventListener(type: string, fn: (e: Event) => void) {
      listeners.get(type)?.delete(fn);
    },
  };
  return {
    win: win as unknown as Window,
    writes,
    hash: () => location.hash,
    navigate(next: string) {
      location.hash = next;
      for (const fn of listeners.get('hashchange') ?? []) fn(new Event('hashchange'));
    },
  };
}
