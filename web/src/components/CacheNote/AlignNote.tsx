// Aggregated serving with attention DP (calibrated, from 2026-12g): whether the ranks prefill in
// the same forwards (serve_align=1) or each in its own while the others wait (0, the frameworks'
// default). The serve and plan answers say which they assume and offer the other in one click;
// like CacheNote, the note renders nothing where it does not apply.
import { strings, type Lang } from '../../i18n';
import type { Description } from '../../engine';
import type { PageApi } from '../../state/page';

interface Props {
  fields: Record<string, string>;
  lang: Lang;
  api: PageApi;
  /** The element's id; its button's is `${id}-toggle`. */
  id: string;
  /** The engine's calibrations: whether the link's reads serve_align. */
  calibrations: Description['calibrations'];
  /** The deployment the answer names runs aggregated with attention DP. */
  dpa: boolean;
}

export function AlignNote({ fields, lang, api, id, calibrations, dpa }: Props) {
  if (fields.mode !== 'calibrated' || !dpa) return null;
  if (calibrations.find((c) => c.id === fields.cal)?.dpa_prefill_ranks !== true) return null;
  const s = strings[lang].serve;
  const aligned = fields.serve_align === '1';
  return (
    <p class="plan-assumes align-note" id={id} data-aligned={aligned ? '1' : '0'}>
      {aligned ? s.alignTogether : s.alignOwn}{' '}
      <button
        type="button"
        class="small"
        id={`${id}-toggle`}
        onClick={() => api.set('serve_align', aligned ? '0' : '1')}
      >
        {aligned ? s.alignOwnButton : s.alignTogetherButton}
      </button>
    </p>
  );
}
