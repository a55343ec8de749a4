// Tabs bound to the `view=` key. Arrow keys move between tabs (WAI-ARIA tabs pattern).
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { TabView } from '../../i18n';

interface Props {
  tabs: readonly TabView[];
  active: TabView | null;
  labels: Record<TabView, string>;
  label: string;
  onSelect: (view: TabView) => void;
  /** The pointer or focus is on a tab: a chance to get its view ready. */
  onPrepare?: (view: TabView) => void;
}

export function Tabs({ tabs, active, labels, label, onSelect, onPrepare }: Props) {
  const list = useRef<HTMLDivElement>(null);
  // On a phone the tab strip scrolls: keep the open tab in sight (without scrolling the page).
  useLayoutEffect(() => {
    const strip = list.current;
    const tab = strip?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (!strip || !tab || strip.scrollWidth <= strip.clientWidth) return;
    const left = tab.offsetLeft;
    const right = left + tab.offsetWidth;
    if (left < strip.scrollLeft || right > strip.scrollLeft + strip.clientWidth) {
      strip.scrollLeft = left - (strip.clientWidth - tab.offsetWidth) / 2;
    }
  }, [active]);
  const focusTab = (view: TabView) => {
    onSelect(view);
    document.getElementById(`tab-${view}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={label} ref={list}>
      {tabs.map((view, i) => {
        const selected = view === active;
        return (
          <button
            key={view}
            type="button"
            role="tab"
            id={`tab-${view}`}
            aria-selected={selected}
            aria-controls={`panel-${view}`}
            tabIndex={selected || (active === null && i === 0) ? 0 : -1}
            class={selected ? 'tab active' : 'tab'}
            onClick={() => onSelect(view)}
            onPointerEnter={() => onPrepare?.(view)}
            onFocus={() => onPrepare?.(view)}
            onKeyDown={(e) => {
              const n = tabs.length;
              let next = -1;
              if (e.key === 'ArrowRight') next = (i + 1) % n;
              else if (e.key === 'ArrowLeft') next = (i - 1 + n) % n;
              else if (e.key === 'Home') next = 0;
              else if (e.key === 'End') next = n - 1;
              const target = tabs[next];
              if (target === undefined) return;
              e.preventDefault();
              focusTab(target);
            }}
          >
            {labels[view]}
          </button>
        );
      })}
    </div>
  );
}
