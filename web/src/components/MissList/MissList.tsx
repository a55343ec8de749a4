// Why a GPU has no row in a table the core computed (the planner's and serve's misses): one item
// per GPU, the core's message as text, the target and its best value where the core gives them.

import type { PlanMiss } from '../../engine/types';

/** The planner's misses (PlanMiss) or serve's, which name no target and no best value. */
export type Miss = Pick<PlanMiss, 'gpu' | 'message'> & Partial<Pick<PlanMiss, 'key' | 'best'>>;

export function MissList({ id, title, misses }: { id: string; title: string; misses: readonly Miss[] }) {
  if (misses.length === 0) return null;
  return (
    <section class="plan-misses" id={id}>
      <h3>{title}</h3>
      <ul>
        {misses.map((m, i) => (
          <li key={i} data-gpu={m.gpu} data-key={m.key} data-value={m.best === undefined ? undefined : String(m.best)}>
            {m.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
