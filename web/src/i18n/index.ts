import type { Bilingual } from '../engine';
import type { Lang } from './strings';

export { strings, type Lang, type Strings } from './strings';
export { formatNumber, formatValue, withUnit } from './numbers';

/** The core's bilingual text in the page's language. */
export function tr(text: Bilingual, lang: Lang): string {
  return text[lang] || text.en;
}
