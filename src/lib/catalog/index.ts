// The Sentinel table → data connector catalog: types, the shipped data, and pure look-ups over any catalog.
export type {
  ConnectorCatalog,
  ConnectorEntry,
  ConnectorKind,
  ConnectorMatch,
  DeprecationNote,
  TableEntry,
  TableMatch,
} from './catalog-types.ts';
export { CONNECTOR_KINDS } from './catalog-types.ts';
export { buildConnectorCatalog } from './build-catalog.ts';
export { loadConnectorCatalog } from './load-catalog.ts';
export type { IocTableOptions, WildcardOptions } from './find-entries.ts';
export {
  connectorsForTable,
  expandTableWildcard,
  findConnector,
  findTable,
  findTableForDataType,
  tablesForIocType,
} from './find-entries.ts';
export { measureNameDistance, rankSimilarNames, suggestConnectorIds, suggestTableNames } from './suggest-names.ts';
export { isPlaceholderName } from './detect-placeholder.ts';
