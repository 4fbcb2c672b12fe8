import catalogData from '../../data/connectors.json' with { type: 'json' };
import { buildConnectorCatalog } from './build-catalog.ts';
import type { ConnectorCatalog } from './catalog-types.ts';

let cached: ConnectorCatalog | undefined;

/** The shipped catalog from `src/data/connectors.json`, validated on first use and shared afterwards. */
export function loadConnectorCatalog(): ConnectorCatalog {
  cached ??= buildConnectorCatalog(catalogData, 'src/data/connectors.json');
  return cached;
}
