export { strings, type Lang, type Strings, type GroupName, type TabView } from './strings';
export {
  columnDocs,
  columnTitle,
  prefillMetricRows,
  prefillSummaryRows,
  prefillSeedNotes,
  type ColumnDoc,
} from './columns';
export { modelNotes, type ModelNote } from './notes';
