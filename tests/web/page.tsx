// Shared by the whole-page component suites: the page mounted in happy-dom at a given URL.
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect } from 'vitest';
import { App } from '../../web/src/components/App/App';
import { engine } from './helpers';

interface HappyDom {
  setURL(url: string): void;
  waitUntilComplete(): Promise<void>;
}
const happyDOM = (window as unknown as { happyDOM: HappyDom }).happyDOM;

/** Sets the URL and lets happy-dom deliver its (late) hashchange before the page mounts. */
export async function setUrl(path: string) {
  happyDOM.setURL(new URL(path, window.location.origin).href);
  await happyDOM.waitUntilComplete();
}

/** Each test starts at the bare URL and unmounts the page afterwards. */
export function resetPageBetweenTests() {
  beforeEach(async () => {
    await setUrl('/');
  });
  afterEach(() => cleanup());
}

/**
 * Mounts the page at `/` + hash and waits until it is up (the engine is loaded first, from the
 * real wasm on disk: the page's own load then finds it). Only the open view's tables are drawn.
 */
export async function open(hash = '') {
  await engine();
  await setUrl(`/${hash}`);
  const view = render(<App />);
  await waitFor(() => expect(document.querySelector('.page')).not.toBeNull());
  return view;
}

export const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector<T>(sel);
export const $$ = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)];

/** The exact values (data-value) of the cells under a selector. */
export const values = (sel: string) => $$(`${sel} [data-value]`).map((e) => e.getAttribute('data-value'));

/** The address bar is written right after the next paint (see state/url.ts). */
export const expectHash = (want: string) => waitFor(() => expect(window.location.hash).toBe(want));

export function type(el: Element | null, value: string) {
  if (!el) throw new Error('no element');
  act(() => {
    fireEvent.input(el, { target: { value } });
  });
}

export function choose(el: Element | null, value: string) {
  if (!el) throw new Error('no element');
  act(() => {
    fireEvent.change(el, { target: { value } });
  });
}

export function click(el: Element | null | undefined) {
  if (!el) throw new Error('no element');
  act(() => {
    fireEvent.click(el);
  });
}
