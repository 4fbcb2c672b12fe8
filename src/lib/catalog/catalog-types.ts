import type { IocType } from '../ioc/ioc-types.ts';

/** How a connector's data arrives in the workspace. */
export const CONNECTOR_KINDS = ['data-connector', 'built-in'] as const;

/**
 * `data-connector`: a Sentinel data connector, its id valid in a rule's `requiredDataConnectors`.
 * `built-in`: no connector to enable (Sentinel or the Azure Monitor Agent writes the table); the id is Huntbook's own.
 */
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/** Why an entry should no longer be used, and what to use instead. */
export interface DeprecationNote {
  /** Connector id (for a connector) or table name (for a table) to use instead; always in the catalog. */
  replacement: string;
  /** One sentence for the writeup author. */
  reason: string;
}

/** A Sentinel data connector (or built-in source) and the tables it fills. */
export interface ConnectorEntry {
  /** Id as Sentinel spells it in `requiredDataConnectors`, e.g. `MicrosoftThreatProtection`. */
  id: string;
  /** Display name as shown in the Sentinel connector gallery. */
  name: string;
  /** Whether this is a real connector or a built-in source. */
  kind: ConnectorKind;
  /** One or two sentences: where to enable it and which licence or prerequisite it needs. */
  setup: string;
  /** Documentation link (https). */
  docs: string;
  /** Other ids real rules use for the same connector, e.g. `Microsoft365Defender`. */
  aliases: readonly string[];
  /** Set when Microsoft retired or superseded the connector. */
  deprecated: DeprecationNote | null;
  /** Tables it fills, in catalog order; derived from `TableEntry.connectors`, never stored twice. */
  tables: readonly string[];
}

/** A Log Analytics table an analyst queries in Sentinel or Defender XDR advanced hunting. */
export interface TableEntry {
  /** Exact KQL spelling; KQL table names are case-sensitive. */
  name: string;
  /** One line saying what a row is. */
  description: string;
  /** Ids of the connectors that fill it, recommended first. */
  connectors: readonly string[];
  /** Set when the table is retired; the replacement is another catalog table. */
  deprecated: DeprecationNote | null;
  /** IOC types worth hunting in this table (may be empty). */
  iocTypes: readonly IocType[];
  /** Other names connector definitions use for it in `dataTypes`, e.g. `SecurityEvents`. */
  dataTypeAliases: readonly string[];
}

/** The whole catalog, validated: every cross-reference resolves. */
export interface ConnectorCatalog {
  /** Data-file format version. */
  version: number;
  /** Connectors in data-file order. */
  connectors: readonly ConnectorEntry[];
  /** Tables in data-file order. */
  tables: readonly TableEntry[];
}

/** A table found by name, and whether the caller's spelling differed only in letter case. */
export interface TableMatch {
  /** The catalog entry. */
  entry: TableEntry;
  /** True when the name matched only case-insensitively: the query would fail in Sentinel. */
  caseDiffers: boolean;
}

/** A connector found by id or alias. */
export interface ConnectorMatch {
  /** The catalog entry. */
  entry: ConnectorEntry;
  /** True when the id matched only case-insensitively. */
  caseDiffers: boolean;
  /** The alias that matched, or null when the canonical id did. */
  viaAlias: string | null;
}
