// Tabs bound to the `view=` key, one per view the core describes. Arrow keys move between tabs
// (WAI-ARIA tabs pattern).
import { useEffect, useRef } from 'preact/hooks';
import type { ViewInfo } from '../../engine';
import { tr, type Lang } from '../../i18n';

interface Props {
  views: readonly ViewInfo[];
  active: string | null;
  lang: Lang;
  label: string;
  onSelect: (view: string) => void;
  /** The pointer or focus is on a tab: a chance to get its view ready. */
  onPrepare?: (view: string) => void;
  /** Whether the panels are on the page (none before the first valid link). */
  panels: boolean;
}

export function Tabs({ views, active, lang, label, onSelect, onPrepare, panels }: Props) {
  const list = useRef<HTMLDivElement>(null);
  // On a phone the tab strip scrolls: keep the open tab in sight (without scrolling the page).
  // After the paint: reading the strip's widths before it would force the first layout of the
  // whole page inside the first render (~80 ms of the first table on a 2-core machine).
  useEffect(() => {
    const strip = list.current;
    const tab = strip?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (!strip || !tab || strip.scrollWidth <= strip.clientWidth) return;
    const left = tab.offsetLeft;
    const right = left + tab.offsetWidth;
    if (left < strip.scrollLeft || right > strip.scrollLeft + strip.clientWidth) {
      strip.scrollLeft = left - (strip.clientWidth - tab.offsetWidth) / 2;
    }
  }, [active]);
  const focusTab = (view: string) => {
    onSelect(view);
    document.getElementById(`tab-${view}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={label} ref={list}>
      {views.map(({ key, label: name }, i) => {
        const selected = key === active;
        return (
          <button
            key={key}
            type="button"
            role="tab"
            id={`tab-${key}`}
            aria-selected={selected}
            // Only a panel that exists (an invalid first link has none: axe aria-valid-attr-value).
            aria-controls={panels ? `panel-${key}` : undefined}
            tabIndex={selected || (active === null && i === 0) ? 0 : -1}
            class={selected ? 'tab active' : 'tab'}
            onClick={() => onSelect(key)}
            onPointerEnter={() => onPrepare?.(key)}
            onFocus={() => onPrepare?.(key)}
            onKeyDown={(e) => {
              const n = views.length;
              let next = -1;
              if (e.key === 'ArrowRight') next = (i + 1) % n;
              else if (e.key === 'ArrowLeft') next = (i - 1 + n) % n;
              else if (e.key === 'Home') next = 0;
              else if (e.key === 'End') next = n - 1;
              const target = views[next];
              if (target === undefined) return;
              e.preventDefault();
              focusTab(target.key);
            }}
          >
            {tr(name, lang)}
          </button>
        );
      })}
    </div>
  );
}
