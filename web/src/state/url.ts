// The address bar: the config lives in the fragment (SPEC §6, §8).

/**
 * The fragment part of a URL, `#fragment` or bare `k=v&...` string. Extra leading '#'s are
 * dropped (`##v=1&…` is a pasted `#v=1&…`); a '#' later on stays part of the fragment.
 */
export function fragmentOf(link: string): string {
  const hash = link.indexOf('#');
  return (hash >= 0 ? link.slice(hash + 1) : link).replace(/^#+/, '');
}

/** Replaces (or pushes) the fragment without a hashchange event. */
export function writeFragment(win: Window, fragment: string, push = false): void {
  if (fragmentOf(win.location.hash) === fragment) return;
  const { pathname, search } = win.location;
  const url = `${pathname}${search}#${fragment}`;
  if (push) win.history.pushState(null, '', url);
  else win.history.replaceState(win.history.state, '', url);
}

/**
 * Writes the fragment once typing pauses (QUIET_MS without an edit): Chrome's replaceState and
 * pushState cost ~2–3 ms each and are rate-limited, and a burst of keystrokes needs only the
 * last one. The latest fragment always lands (pagehide and shareUrl flush it), unless the user
 * navigates first: a write never overwrites a navigation whose hashchange has not been handled
 * yet. A write asked to start a new history entry pushes one (Back steps through edits).
 */
const QUIET_MS = 150;

export class FragmentWriter {
  private pending: string | null = null;
  private push = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the address bar holds as far as this page knows: its writes and the navigations it handled. */
  known: string;

  constructor(private readonly win: Window) {
    this.known = fragmentOf(win.location.hash);
  }

  write(fragment: string, push = false): void {
    this.pending = fragment;
    this.push ||= push;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), QUIET_MS);
  }

  flush(): void {
    this.cancelTimers();
    const fragment = this.pending;
    const push = this.push;
    this.pending = null;
    this.push = false;
    if (fragment === null) return;
    // The address bar moved under us: a hashchange is on its way and wins.
    if (fragmentOf(this.win.location.hash) !== this.known) return;
    writeFragment(this.win, fragment, push && fragment !== this.known);
    this.known = fragment;
  }

  /** A hashchange to `fragment` is being handled: drop the pending write. */
  navigated(fragment: string): void {
    this.cancelTimers();
    this.pending = null;
    this.push = false;
    this.known = fragment;
  }

  private cancelTimers(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
