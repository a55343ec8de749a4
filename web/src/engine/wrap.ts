// The engine over a loaded module: plain functions, the description parsed once. Imports no
// glue, so the worker can use it with the glue the page loaded.
import type { Engine } from './index';
import type { Description, ShallowSimModule } from './types';

export function wrap(module: ShallowSimModule): Engine {
  return {
    describe: JSON.parse(module.describe()) as Description,
    fields: (link) => module.fields(link),
    edit: (link, key, value) => module.edit(link, key, value),
    compute: (link, tables) => module.compute(link, [...tables]),
    exportTable: (link, table, format) => module.exportTable(link, table, format),
    sweepSeries: (link) => module.sweepSeries(link),
    reality: (link) => module.reality(link),
    effects: (link) => module.effects(link),
    planDetails: (link) => module.planDetails(link),
    catalog: (link) => module.catalog(link),
    model: (link) => module.model(link),
    importModelConfig: (link, json) => module.importModelConfig(link, json),
  };
}
