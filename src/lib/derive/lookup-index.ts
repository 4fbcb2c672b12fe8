import { defangText } from '../ioc/defang-text.ts';
import type { IocType } from '../ioc/ioc-types.ts';
import type { Query } from '../content/extract-queries.ts';
import type { Ioc } from '../schema/ioc-schema.ts';
import type { WriteupView } from './present-writeup.ts';
import { hostOf, lookupKey } from './lookup-keys.ts';

/** A writeup as the look-up page names it. */
export interface LookupWriteup {
  id: string;
  /** Title, defanged. */
  title: string;
  severity: string;
  /** Query titles (defanged), or `Query 2` for an untitled block. */
  queries: string[];
}

/** One writeup listing one indicator. */
export interface LookupEntry {
  /** Position in {@link LookupIndex.writeups}. */
  writeup: number;
  type: IocType;
  /** How the IOC table shows it, when that differs from the key (an IDN in Unicode); saves repeating every hash. */
  shown?: string;
  /** Positions of the writeup's queries whose text names the indicator. */
  queries: number[];
  threatType?: string;
  firstSeen?: string;
  lastSeen?: string;
}

/** The look-up index, emitted as JSON at build time. Every key and value is defanged. */
export interface LookupIndex {
  version: 1;
  writeups: LookupWriteup[];
  /** Indicator key → every writeup listing it. */
  indicators: Record<string, LookupEntry[]>;
  /** Host key (ip or domain) → keys of the ip:port and url indicators on that host. */
  hosts: Record<string, string[]>;
}

const WORD_CHARS = /[a-z0-9_.-]/;

/** True when `needle` occurs in `haystack` as a whole token, not inside a longer address or name. */
function containsToken(haystack: string, needle: string): boolean {
  const edge = needle.includes(':') && !needle.includes('/') ? /[a-z0-9_.:-]/ : WORD_CHARS;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1] ?? ' ';
    const after = haystack[at + needle.length] ?? ' ';
    if (!edge.test(before) && !edge.test(after)) return true;
  }
  return false;
}

/** Spellings a query may use for an indicator: the value, the bare address of an ip:port, a URL without its scheme. */
function querySpellings(ioc: Ioc): string[] {
  const spellings = [ioc.value];
  if (ioc.type === 'ip:port') spellings.push(ioc.value.replace(/^\[?(.*?)\]?:\d+$/, '$1'));
  if (ioc.type === 'url') spellings.push(ioc.value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''));
  return spellings.map((spelling) => spelling.toLowerCase());
}

/** Positions of the queries whose text names the indicator (case-insensitively, as KQL's `in~` and `has` do). */
export function findNamingQueries(ioc: Ioc, queries: readonly Query[]): number[] {
  const spellings = querySpellings(ioc);
  return queries
    .filter((query) => spellings.some((spelling) => containsToken(query.text.toLowerCase(), spelling)))
    .map((query) => query.index);
}

/** Builds the look-up index from every writeup. */
export function buildLookupIndex(views: readonly WriteupView[]): LookupIndex {
  const index: LookupIndex = { version: 1, writeups: [], indicators: {}, hosts: {} };
  for (const view of views) {
    const { writeup } = view;
    const position = index.writeups.length;
    index.writeups.push({
      id: writeup.id,
      title: view.title,
      severity: writeup.severity,
      queries: writeup.queries.map((query, i) => defangText(query.title ?? `Query ${i + 1}`)),
    });
    for (const ioc of view.iocs) {
      const key = lookupKey(ioc.type, ioc.value);
      const entry: LookupEntry = {
        writeup: position,
        type: ioc.type,
        ...(ioc.defanged === key ? {} : { shown: ioc.defanged }),
        queries: findNamingQueries(ioc, writeup.queries),
        threatType: ioc.threat_type === undefined ? undefined : defangText(ioc.threat_type),
        firstSeen: ioc.first_seen,
        lastSeen: ioc.last_seen,
      };
      (index.indicators[key] ??= []).push(entry);
      const host = hostOf(ioc.type, ioc.value);
      if (host && host.key !== key) {
        const onHost = (index.hosts[host.key] ??= []);
        if (!onHost.includes(key)) onHost.push(key);
      }
    }
  }
  return index;
}
