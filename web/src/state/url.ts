// The address bar: the config lives in the fragment (SPEC §6, §8).
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Engine } from '../engine';
import { cloneForm, stateFromForm, stateFromLink, type ConfigState } from './config';
import { fragmentOf, type FormState } from './form';

/** Replaces the fragment without a history entry and without a hashchange event. */
export function writeFragment(win: Window, fragment: string): void {
  if (fragmentOf(win.location.hash) === fragment) return;
  const { pathname, search } = win.location;
  win.history.replaceState(win.history.state, '', `${pathname}${search}#${fragment}`);
}

/**
 * Writes the fragment off the input-to-paint path and at most every THROTTLE_MS: Chrome's
 * replaceState costs ~3 ms and is rate-limited (it refuses bursts of hundreds). The latest
 * fragment always lands, unless the user navigates first: a write never overwrites a
 * navigation whose hashchange has not been handled yet.
 */
const THROTTLE_MS = 100;

export class FragmentWriter {
  private pending: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | undefined;
  private last = -Infinity;
  /** What the address bar holds as far as this page knows: its writes and the navigations it handled. */
  known: string;

  constructor(private readonly win: Window) {
    this.known = fragmentOf(win.location.hash);
  }

  write(fragment: string): void {
    this.pending = fragment;
    if (this.timer !== undefined || this.frame !== undefined) return;
    const wait = this.last + THROTTLE_MS - Date.now();
    if (wait > 0 || typeof this.win.requestAnimationFrame !== 'function') {
      this.timer = setTimeout(() => this.flush(), Math.max(0, wait));
    } else {
      // After the next paint: the tables update first, the address bar right after.
      this.frame = this.win.requestAnimationFrame(() => {
        this.frame = undefined;
        this.timer = setTimeout(() => this.flush(), 0);
      });
    }
  }

  flush(): void {
    this.cancelTimers();
    const fragment = this.pending;
    this.pending = null;
    if (fragment === null) return;
    // The address bar moved under us: a hashchange is on its way and wins.
    if (fragmentOf(this.win.location.hash) !== this.known) return;
    writeFragment(this.win, fragment);
    this.known = fragment;
    this.last = Date.now();
  }

  /** A hashchange to `fragment` is being handled: drop the pending write. */
  navigated(fragment: string): void {
    this.cancelTimers();
    this.pending = null;
    this.known = fragment;
  }

  private cancelTimers(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.frame !== undefined) this.win.cancelAnimationFrame(this.frame);
    this.timer = undefined;
    this.frame = undefined;
  }
}

export type UpdateForm = (change: (form: FormState) => FormState | void) => void;

export interface ConfigApi {
  update: UpdateForm;
  /** Writes any pending fragment now; returns the page's share URL. */
  shareUrl: () => string;
}

/**
 * The config state, read from `location.hash` on load and on `hashchange`; `update` edits the
 * form, recomputes and writes the fragment back.
 */
export function useConfig(engine: Engine, win: Window = window): [ConfigState, ConfigApi] {
  const [state, setState] = useState(() => stateFromLink(engine, win.location.hash, null));
  const current = useRef(state);
  const writer = useRef<FragmentWriter | null>(null);
  writer.current ??= new FragmentWriter(win);

  const show = useCallback(
    (next: ConfigState) => {
      current.current = next;
      setState(next);
      // An empty fragment means defaults: leave the address bar clean.
      if (win.location.hash || next.link !== `v=${engine.linkVersion}`) {
        writer.current?.write(next.link);
      }
    },
    [engine, win],
  );

  // A layout effect: listening from the first commit, so no hashchange can slip in between.
  useLayoutEffect(() => {
    const w = writer.current;
    if (!w) return;
    if (win.location.hash && current.current.errors.length === 0) w.write(current.current.link);
    const onHashChange = () => {
      const fragment = fragmentOf(win.location.hash);
      // Our own write, announced as a hashchange by some DOMs (happy-dom), or no change at all.
      if (fragment === w.known) return;
      w.navigated(fragment);
      show(stateFromLink(engine, win.location.hash, current.current.good));
    };
    const onPageHide = () => w.flush();
    win.addEventListener('hashchange', onHashChange);
    win.addEventListener('pagehide', onPageHide);
    return () => {
      w.flush();
      win.removeEventListener('hashchange', onHashChange);
      win.removeEventListener('pagehide', onPageHide);
    };
  }, [engine, win, show]);

  const update = useCallback<UpdateForm>(
    (change) => {
      const form = cloneForm(current.current.form);
      const changed = change(form) ?? form;
      show(stateFromForm(engine, changed, current.current.good));
    },
    [engine, show],
  );

  const shareUrl = useCallback(() => {
    writer.current?.flush();
    return win.location.href;
  }, [win]);

  return [state, { update, shareUrl }];
}
