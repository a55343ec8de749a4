// Shared by the whole-page component suites: the page mounted in happy-dom at a given URL.
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect } from 'vitest';
import { App } from '../../web/src/components/App/App';

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

/** Mounts the page at `/` + hash and waits for its first tables (or its errors). */
export async function open(hash = '') {
  await setUrl(`/${hash}`);
  const view = render(<App />);
  await waitFor(() =>
    expect(document.querySelector('#prefill-table, #config-errors:not([hidden])')).not.toBeNull(),
  );
  return view;
}

export const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector<T>(sel);
