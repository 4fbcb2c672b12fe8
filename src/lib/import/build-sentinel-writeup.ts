// A Sentinel rule becomes a writeup: name, description, severity and techniques map to
// frontmatter; the query is kept verbatim; the tables it reads become connectors; indicator lists
// inside it are lifted into `iocs:`; everything else is listed as not mapped.
import type { ConnectorCatalog } from '../catalog/index.ts';
import { findConnector, findTableForDataType } from '../catalog/index.ts';
import type { ImportContext, Skipped, WriteupDraft } from './import-types.ts';
import { makeWriteupId } from './make-id.ts';
import { describeQueryFacts, queryFenceFlags } from './query-facts.ts';
import { fenceQuery } from './render-writeup.ts';
import type { SentinelRule } from './read-sentinel-rule.ts';

const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
const TECHNIQUE = /^T\d{4}(\.\d{3})?$/i;
const SCHEMA_NAMES = {
  'analytic-rule': 'analytic rule',
  'hunting-query': 'hunting query',
  'xdr-custom-detection': 'Defender XDR custom detection',
} as const;

/** Sentinel descriptions are often wrapped in single quotes inside a block scalar. */
function cleanDescription(description: string): string {
  return description
    .trim()
    .replace(/^'([\s\S]*)'$/, '$1')
    .trim();
}

/** Links in the description, without the sentence punctuation around them. */
function findLinks(text: string): string[] {
  const links = [...text.matchAll(/https?:\/\/[^\s'"<>)\]]+/g)].map((match) => match[0].replace(/[.,;:]+$/, ''));
  return [...new Set(links.filter((link) => URL.canParse(link)))];
}

/** First paragraph, as one line, with a trailing "References:" list removed. */
function summarise(description: string): string {
  const [first] = description.split(/\n\s*\n/);
  return first
    .replace(/\s*References?:\s*(https?:\/\/\S+\s*)+$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `CommandAndControl` → `command-and-control`. */
function tacticTag(tactic: string): string {
  return makeWriteupId(tactic.replace(/\s+/g, ''), '');
}

/** Which declared data types the query never reads, and which read tables the rule never declared. */
function compareDeclared(
  rule: SentinelRule,
  tables: readonly string[],
  catalog: ConnectorCatalog,
): { notes: Map<string, string>; unmapped: string[] } {
  const declaredBy = new Map<string, string[]>();
  const unmapped: string[] = [];
  for (const { connectorId, dataTypes } of rule.connectors) {
    if (!findConnector(catalog, connectorId))
      unmapped.push(`requiredDataConnectors: connector ${connectorId} is not in the connector catalog`);
    for (const dataType of dataTypes) {
      const table = findTableForDataType(catalog, dataType);
      if (!table) unmapped.push(`requiredDataConnectors: data type ${dataType} (${connectorId}) is no catalog table`);
      else declaredBy.set(table.name, [...new Set([...(declaredBy.get(table.name) ?? []), connectorId])]);
    }
  }
  for (const table of declaredBy.keys()) {
    if (!tables.includes(table))
      unmapped.push(`requiredDataConnectors lists ${table}, which the query never reads: left out of connectors`);
  }
  const notes = new Map<string, string>();
  for (const table of tables) {
    const ids = declaredBy.get(table);
    notes.set(
      table,
      ids
        ? `Listed in the rule's requiredDataConnectors (${ids.join(', ')})`
        : "Read by the query but missing from the rule's requiredDataConnectors",
    );
  }
  return { notes, unmapped: rule.connectors.length ? unmapped : [] };
}

/** Builds the draft, or says why the rule cannot become a writeup. */
export function buildSentinelWriteup(
  rule: SentinelRule,
  origin: string,
  catalog: ConnectorCatalog,
  context: ImportContext,
): WriteupDraft | Skipped {
  if (!rule.query?.trim()) return { origin, reason: 'the rule has no query' };
  const name =
    rule.name ??
    origin
      .split('/')
      .pop()!
      .replace(/\.ya?ml$/i, '');
  const description = cleanDescription(rule.description ?? '');
  const facts = describeQueryFacts(rule.query, catalog);
  const declared = compareDeclared(rule, facts.tables, catalog);
  const unmapped = [...declared.unmapped, ...facts.unmapped];
  const severity = SEVERITIES.find((level) => level === rule.severity?.toLowerCase());
  if (!severity)
    unmapped.push(
      rule.severity
        ? `severity "${rule.severity}" is not a Huntbook severity: set to medium`
        : 'no severity (hunting queries have none): set to medium',
    );
  const techniques = rule.techniques.filter((id) => TECHNIQUE.test(id)).map((id) => id.toUpperCase());
  for (const id of rule.techniques.filter((id) => !TECHNIQUE.test(id)))
    unmapped.push(`technique "${id}" is not an ATT&CK technique id`);
  if (rule.unmappedTags.length) unmapped.push(`structured tags ${rule.unmappedTags.join(', ')}`);
  if (rule.unmappedKeys.length) unmapped.push(`fields with no writeup equivalent: ${rule.unmappedKeys.join(', ')}`);
  const summary = summarise(description) || `Imported Microsoft Sentinel ${SCHEMA_NAMES[rule.schema]} "${name}".`;
  const rest = description
    .split(/\n\s*\n/)
    .slice(1)
    .join('\n\n')
    .trim();
  const settings = rule.settings.map(([key, value]) => `| ${key} | \`${value.replace(/\|/g, '\\|')}\` |`);
  return {
    id: makeWriteupId(name),
    origin,
    unmapped,
    frontmatter: {
      title: name,
      summary,
      severity: severity ?? 'medium',
      status: 'experimental',
      date: context.today,
      attack: [...new Set(techniques)],
      tags: [...new Set([...rule.tags, ...rule.tactics.map(tacticTag).filter(Boolean)])],
      author: rule.author,
      source: { name: 'Microsoft Sentinel' },
      references: findLinks(description),
      iocs: facts.iocs,
      connectors: facts.tables.map((table) => ({ table, note: declared.notes.get(table) })),
    },
    body: [
      `Imported from a Microsoft Sentinel ${SCHEMA_NAMES[rule.schema]}. The query below is the rule's query, unchanged.`,
      ...(rest ? [rest] : []),
      ...(settings.length ? [['| Rule setting | Value |', '| --- | --- |', ...settings].join('\n')] : []),
      fenceQuery(rule.query, name, queryFenceFlags(facts)),
    ].join('\n\n'),
  };
}
