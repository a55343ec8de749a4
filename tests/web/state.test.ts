// The page's state (state/page.ts usePage) on the real engine: the link in the address bar, the
// form's texts, the last good tables of the open view, edits through the core, history entries
// for Back/Forward. Also the small readers of state/url.ts and state/form.ts.
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../web/src/engine';
import { gpuNames, hwRows, hwText, listItems } from '../../web/src/state/form';
import { tablesFor, usePage } from '../../web/src/state/page';
import { FragmentWriter, fragmentOf, writeFragment } from '../../web/src/state/url';
import { cli, computeOk, engine, goldenLink } from './helpers';
import { fakeWindow } from './window';

let sim: Engine;
beforeAll(async () => {
  sim = await engine();
});
afterEach(() => cleanup());

const canonical = (link: string) => computeOk(sim, link).canonical;

/** usePage on a window whose address bar holds `hash`. */
function mount(hash = '') {
  const fw = fakeWindow(hash);
  const hook = renderHook(() => usePage(sim, fw.win));
  return {
    fw,
    state: () => hook.result.current[0],
    api: () => hook.result.current[1],
    /** Waits until the address bar holds this fragment. */
    hashIs: (fragment: string) => waitFor(() => expect(fw.hash()).toBe(`#${fragment}`)),
  };
}

describe('opening a link', () => {
  it('gives the canonical link, every field text and only the open view\'s table', async () => {
    const page = mount('#v=1&tp=8&view=decode&seq_len=8192.0');
    const s = page.state();
    expect(s.errors).toEqual([]);
    expect(s.link).toBe(canonical('v=1&tp=8&view=decode&seq_len=8192'));
    expect(s.fields).toEqual(sim.fields(s.link));
    expect(s.view?.key).toBe('decode');
    expect(s.lang).toBe('en');
    expect(Object.keys(s.good?.tables ?? {})).toEqual(['decode']);
    expect(s.good?.tables.decode?.rows).toBe(computeOk(sim, s.link, ['decode']).tables.decode?.rows);
    // The address bar is tidied to the canonical link, in place (no new history entry).
    await page.hashIs(s.link);
    expect(page.fw.writes).toEqual([{ kind: 'replace', hash: `#${s.link}` }]);
  });

  it('computes the table a view shows, and none for the charts-only sweep', () => {
    const byView = Object.fromEntries(sim.describe.views.map((v) => [v.key, tablesFor(v)]));
    expect(byView.leaderboard).toEqual(['leaderboard']);
    expect(byView.frontier).toEqual(['frontier']);
    expect(byView.sweep).toEqual([]);
    expect(tablesFor(null)).toEqual([]);
    expect(Object.keys(mount('#v=1&view=sweep').state().good?.tables ?? {})).toEqual([]);
    expect(Object.keys(mount('#v=1&view=maxbatch').state().good?.tables ?? {})).toEqual(['maxbatch']);
  });

  it('an empty address bar means the defaults and stays clean', async () => {
    const page = mount('');
    expect(page.state().link).toBe('v=1');
    expect(page.state().view?.key).toBe(sim.describe.fields.find((f) => f.key === 'view')?.default);
    expect(Object.keys(page.state().good?.tables ?? {})).toEqual(['prefill']);
    await new Promise((r) => setTimeout(r, 150));
    expect(page.fw.writes).toEqual([]);
    expect(page.fw.hash()).toBe('');
  });

  it('reads a pasted "##" link', () => {
    const page = mount(`#${goldenLink('prefill_seed')}`);
    expect(page.state().errors).toEqual([]);
    expect(page.state().link).toBe(canonical(goldenLink('prefill_seed')));
  });

  it('keeps a later "#" inside the fragment: the form shows it, edits keep the other keys', () => {
    const page = mount('#v=1&tp=8&seq_len=4383#x');
    expect(page.state().errors.map((e) => e.key)).toEqual(['seq_len']);
    expect(page.state().link).toBe('v=1&tp=8&seq_len=4383#x');
    expect(page.state().fields.seq_len).toBe('4383#x');
    expect(page.state().fields.tp).toBe('8');
    act(() => page.api().set('seq_len', '8192'));
    expect(page.state().errors).toEqual([]);
    expect(page.state().link).toBe(canonical('v=1&tp=8&seq_len=8192'));
  });

  it('a rejected link keeps its own text and has no tables yet', () => {
    const page = mount('#v=2');
    expect(page.state().errors.map((e) => e.key)).toEqual(['v']);
    expect(page.state().good).toBeNull();
    expect(page.state().link).toBe('v=2');
  });

  it('a link far over the size limit is refused, and its text is not loaded into the form', () => {
    const limit = sim.describe.limits.link_bytes;
    const page = mount(`#v=1&gpus=${'H200,'.repeat(limit)}H200`);
    expect(page.state().errors.length).toBeGreaterThan(0);
    expect(page.state().good).toBeNull();
    expect(page.state().fields.gpus).toBe('');
  });
});

describe('views', () => {
  it('a view this page does not know keeps the one on screen and names the bad value', () => {
    const page = mount('#v=1&view=decode');
    const good = page.state().good;
    act(() => page.fw.navigate('#v=1&view=chart&lang=zh'));
    const s = page.state();
    expect(s.view?.key).toBe('decode');
    expect(s.good).toBe(good);
    expect(s.fields.view).toBe('chart');
    expect(s.lang).toBe('zh');
    expect(s.errors.map((e) => e.key)).toEqual(['view']);
    // Opened like that, the first view is shown.
    expect(mount('#v=1&view=chart').state().view?.key).toBe(sim.describe.views[0]?.key);
  });

  it('an invalid link in another view shows that view for the last good config', () => {
    const page = mount('#v=1&seq_len=8192');
    expect(Object.keys(page.state().good?.tables ?? {})).toEqual(['prefill']);
    act(() => page.fw.navigate('#v=1&seq_len=abc&view=decode'));
    const s = page.state();
    expect(s.view?.key).toBe('decode');
    expect(s.errors.map((e) => e.key)).toEqual(['seq_len']);
    const want = computeOk(sim, 'v=1&seq_len=8192&view=decode', ['decode']).tables.decode!;
    expect(s.good?.tables.decode?.rows).toBe(want.rows);
    expect(Array.from(s.good?.tables.decode?.values ?? [])).toEqual(Array.from(want.values));
  });

  it('switching the view computes its table', () => {
    const page = mount('#v=1&seq_len=8192');
    for (const view of ['decode', 'leaderboard', 'maxbatch', 'frontier']) {
      act(() => page.api().set('view', view));
      const want = computeOk(sim, `v=1&seq_len=8192&view=${view}`, [view]).tables[view]!;
      expect(page.state().good?.tables[view]?.rows, view).toBe(want.rows);
    }
  });
});

describe('edits', () => {
  it('a valid edit recomputes and writes the canonical link', async () => {
    const page = mount('#v=1&view=decode');
    const start = page.state().good;
    act(() => page.api().set('seq_len', '8192'));
    const next = page.state();
    expect(next.errors).toEqual([]);
    expect(next.link).toBe('v=1&seq_len=8192&view=decode');
    expect(next.fields.seq_len).toBe('8192');
    expect(next.good).not.toBe(start);
    expect(next.good?.tables.decode?.rows).toBe(computeOk(sim, next.link, ['decode']).tables.decode?.rows);
    expect(next.good?.tables.decode?.rows).not.toBe(start?.tables.decode?.rows);
    await page.hashIs(next.link);
  });

  it('an invalid edit keeps the last good tables, the raw link and the typed text', async () => {
    const page = mount('#v=1&seq_len=8192');
    const good = page.state().good;
    act(() => page.api().set('tp', '0'));
    const s = page.state();
    expect(s.errors.map((e) => e.key)).toEqual(['tp']);
    expect(s.good).toBe(good);
    expect(s.link).toBe('v=1&seq_len=8192&tp=0');
    expect(s.fields.tp).toBe('0');
    await page.hashIs('v=1&seq_len=8192&tp=0');
    act(() => page.api().set('tp', '8'));
    expect(page.state().errors).toEqual([]);
    expect(page.state().good).not.toBe(good);
    await page.hashIs('v=1&seq_len=8192&tp=8');
  });

  it('setMany is one edit; a preset through set drops the model overrides', () => {
    const page = mount('#v=1&n_heads=64');
    act(() => page.api().setMany([['seq_len', '8192'], ['gpus', 'H200,H800']]));
    expect(page.state().link).toBe(canonical('v=1&seq_len=8192&n_heads=64&gpus=H200,H800'));
    act(() => page.api().set('model', 'kimi-k2'));
    expect(page.state().link).toBe(canonical('v=1&seq_len=8192&model=kimi-k2&gpus=H200,H800'));
    expect(page.state().fields.n_routed_experts).toBe(
      String(sim.describe.presets.find((p) => p.name === 'kimi-k2')?.model.n_routed_experts),
    );
  });

  it('reset puts every config key back to its default and keeps what is shown', () => {
    const view = 'view=decode&lang=zh&sort=-TPOT&only_gpu=H200&tps_floor=20';
    const page = mount(`#v=1&seq_len=8192&model=kimi-k2&n_layers=40&gpus=H200,H800&${view}`);
    act(() => page.api().reset());
    expect(page.state().link).toBe(canonical(`v=1&${view}`));
    expect(page.state().errors).toEqual([]);
  });

  it('reset also recovers from an invalid config', () => {
    const page = mount('#v=1&seq_len=abc&view=maxbatch');
    expect(page.state().good).toBeNull();
    act(() => page.api().reset());
    expect(page.state().link).toBe('v=1&view=maxbatch');
    expect(page.state().good?.tables.maxbatch?.rows).toBeGreaterThan(0);
  });

  it('exports the tables on screen: the CLI\'s text for the last good link', () => {
    const link = 'v=1&seq_len=8192&view=decode&gpus=H200,H20&only_bs=64,128&sort=-Total';
    const page = mount(`#${link}`);
    const csv = page.api().exportTable('decode', 'csv');
    expect(csv.ok && csv.text).toBe(cli('decode', link, 'csv'));
    // While an edit is invalid, the export is still of the tables on screen.
    act(() => page.api().set('seq_len', 'abc'));
    const again = page.api().exportTable('decode', 'csv');
    expect(again.ok && again.text).toBe(cli('decode', link, 'csv'));
  });

  it('shareUrl writes a pending edit at once', () => {
    const page = mount('#v=1');
    act(() => page.api().set('seq_len', '8192'));
    expect(page.api().shareUrl()).toBe('https://example.org/shallowsim/#v=1&seq_len=8192');
    expect(page.fw.hash()).toBe('#v=1&seq_len=8192');
  });
});

describe('history (Back/Forward)', () => {
  it('an edit of another key is a new entry; more keystrokes in the same key replace it', async () => {
    const page = mount('#v=1');
    act(() => page.api().set('seq_len', '8'));
    await page.hashIs('v=1&seq_len=8');
    act(() => page.api().set('seq_len', '81'));
    await page.hashIs('v=1&seq_len=81');
    act(() => page.api().set('tp', '8'));
    await page.hashIs('v=1&seq_len=81&tp=8');
    expect(page.fw.writes.map((w) => w.kind)).toEqual(['push', 'replace', 'push']);
  });

  it('Back shows the earlier link without writing over it', async () => {
    const page = mount('#v=1&seq_len=8192');
    const before = page.state().good;
    act(() => page.api().set('tp', '8'));
    await page.hashIs('v=1&seq_len=8192&tp=8');
    const writes = page.fw.writes.length;
    act(() => page.fw.navigate('#v=1&seq_len=8192'));
    expect(page.state().link).toBe('v=1&seq_len=8192');
    expect(page.state().fields.tp).toBe(sim.fields('').tp);
    expect(page.state().good).not.toBe(before);
    await new Promise((r) => setTimeout(r, 150));
    expect(page.fw.writes).toHaveLength(writes);
    // The next edit after a navigation is a new entry again.
    act(() => page.api().set('tp', '2'));
    await page.hashIs('v=1&seq_len=8192&tp=2');
    expect(page.fw.writes.at(-1)?.kind).toBe('push');
  });

  it('a navigation to an invalid link keeps the previous tables and shows its text', () => {
    const page = mount('#v=1&tp=8');
    const good = page.state().good;
    act(() => page.fw.navigate('#v=1&seq_len=abc&tp=0&foo=1'));
    const s = page.state();
    expect(s.good).toBe(good);
    expect(s.link).toBe('v=1&seq_len=abc&tp=0&foo=1');
    expect(s.errors.map((e) => e.key).sort()).toEqual(['foo', 'seq_len', 'tp']);
    expect(s.fields.seq_len).toBe('abc');
  });

  it('a pending write never overwrites a navigation that came first', async () => {
    const fw = fakeWindow('#v=1');
    const writer = new FragmentWriter(fw.win);
    writer.write('v=1&seq_len=8192', true);
    // The user navigates before the write lands; the page has not handled the hashchange yet.
    fw.win.location.hash = '#v=1&tp=2';
    writer.flush();
    expect(fw.writes).toEqual([]);
    // Once handled, the next write goes through.
    writer.navigated('v=1&tp=2');
    writer.write('v=1&tp=8');
    writer.flush();
    expect(fw.writes).toEqual([{ kind: 'replace', hash: '#v=1&tp=8' }]);
  });
});

describe('url and form helpers', () => {
  it('fragmentOf: the part after the first #, extra leading #s dropped, a later # kept', () => {
    expect(fragmentOf('https://example.org/shallowsim/#v=1&tp=8')).toBe('v=1&tp=8');
    expect(fragmentOf('#v=1')).toBe('v=1');
    expect(fragmentOf('##v=1')).toBe('v=1');
    expect(fragmentOf('v=1&tp=8')).toBe('v=1&tp=8');
    expect(fragmentOf('#v=1&seq_len=4383#x')).toBe('v=1&seq_len=4383#x');
    expect(fragmentOf('')).toBe('');
  });

  it('writeFragment replaces or pushes, and does nothing when the fragment is already there', () => {
    const fw = fakeWindow('#v=1');
    writeFragment(fw.win, 'v=1');
    writeFragment(fw.win, 'v=1&tp=8', true);
    writeFragment(fw.win, 'v=1&tp=2');
    expect(fw.writes).toEqual([
      { kind: 'push', hash: '#v=1&tp=8' },
      { kind: 'replace', hash: '#v=1&tp=2' },
    ]);
  });

  it('list items, hw rows and text', () => {
    expect(listItems(' 8, 16,,32 ')).toEqual(['8', '16', '32']);
    expect(listItems('')).toEqual([]);
    const text = sim.fields('v=1&hw=A,1,2&hw=B,3,4').hw ?? '';
    expect(hwRows(text)).toEqual([
      ['A', '1', '2'],
      ['B', '3', '4'],
    ]);
    expect(hwText(hwRows(text))).toBe(text);
    expect(hwRows('')).toEqual([]);
  });

  it('the GPU names offered: the catalog, then custom hw rows', () => {
    const catalog = sim.describe.catalog.map((g) => g.name);
    const fields = sim.fields(`v=1&hw=${catalog[0]},1&hw=NEW,1&hw=NEW,2`);
    expect(gpuNames(sim.describe, fields)).toEqual([...catalog, 'NEW']);
    expect(gpuNames(sim.describe, sim.fields(''))).toEqual(catalog);
    // The engine's default GPU list is the same.
    expect(computeOk(sim, 'v=1').gpus).toEqual(catalog);
  });
});
