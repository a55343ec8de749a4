// Aggregated serving with attention DP (calibrated, from 2026-12g): whether the ranks prefill in
// the same forwards (serve_align=1) or each in its own while the others wait (0, the frameworks'
// default). The serve answer says which it assumes and offers the other in one click.
import { strings, type Lang } from '../../i18n';
import type { Description } from '../../engine';
import type { PageApi } from '../../state/page';

interface Props {
  fields: Record<string, string>;
  lang: Lang;
  api: PageApi;
  /** The element's id; its button's is `${id}-toggle`. */
  id: string;
}

/** Whether a link's calibration reads serve_align, for a deployment with attention DP (`dpa`). */
export function alignApplies(describe: Description, fields: Record<string, string>, dpa: boolean): boolean {
  if (fields.mode !== 'calibrated' || !dpa) return false;
  const cal = describe.calibrations.find((c) => c.id === fields.cal) ?? describe.calibrations.at(-1);
  return cal?.dpa_prefill_ranks === true;
}

export function AlignNote({ fields, lang, api, id }: Props) {
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
