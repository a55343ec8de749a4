// Calibrated mode prefills only the prompt tokens a prefix cache misses (kv_cache_rate, 0.563 by
// default: DeepSeek's production hit rate). A serving benchmark with random prompts has no hits,
// so the plan and serve answers say what they assume and offer that case in one click.
import { formatNumber, strings, type Lang } from '../../i18n';
import type { PageApi } from '../../state/page';

interface Props {
  fields: Record<string, string>;
  lang: Lang;
  api: PageApi;
  /** The element's id; its button's is `${id}-none`. */
  id: string;
}

export function CacheNote({ fields, lang, api, id }: Props) {
  const rate = Number(fields.kv_cache_rate);
  if (fields.mode !== 'calibrated' || !(rate > 0 && rate <= 1)) return null;
  const s = strings[lang].serve;
  return (
    <p class="plan-assumes cache-note" id={id} data-rate={fields.kv_cache_rate}>
      {s.cacheHits(formatNumber(rate * 100, 1, lang))}{' '}
      <button type="button" class="small" id={`${id}-none`} onClick={() => api.set('kv_cache_rate', '0')}>
        {s.noCacheHits}
      </button>
    </p>
  );
}
