import type { IocType } from '../ioc/ioc-types.ts';
import type { LookupEntry, LookupIndex, LookupWriteup } from './lookup-index.ts';
import { hostOf, lookupKey, parentDomainKeys } from './lookup-keys.ts';

/** Why a listed indicator is shown for a pasted one that is not exactly the same. */
export type Relation = 'same-address' | 'same-host' | 'parent-domain';

/** One writeup listing the pasted indicator, or a related one. */
export interface LookupHit {
  writeup: LookupWriteup;
  /** The listing, with its display form filled in. */
  entry: LookupEntry & { shown: string };
  /** Set for related hits only. */
  relation?: Relation;
}

/** What the index says about one pasted indicator. */
export interface IndicatorResult {
  type: IocType;
  /** The pasted indicator, canonical and defanged. */
  shown: string;
  /** Writeups listing exactly this indicator. */
  exact: LookupHit[];
  /** Writeups listing the same machine in another form: the bare IP of an ip:port, a URL on the host, a parent domain. */
  related: LookupHit[];
}

const entriesOf = (index: LookupIndex, key: string): (LookupEntry & { shown: string })[] =>
  (Object.hasOwn(index.indicators, key) ? (index.indicators[key] ?? []) : []).map((entry) => ({
    ...entry,
    shown: entry.shown ?? key,
  }));

/** Looks one canonical indicator up: exact matches first, then the same host in other forms. */
export function matchIndicator(index: LookupIndex, type: IocType, canonical: string): IndicatorResult {
  const key = lookupKey(type, canonical);
  const toHits = (entries: readonly (LookupEntry & { shown: string })[], relation?: Relation): LookupHit[] =>
    entries.flatMap((entry) => {
      const writeup = index.writeups[entry.writeup];
      return writeup ? [{ writeup, entry, relation }] : [];
    });
  const related: LookupHit[] = [];
  const host = hostOf(type, canonical);
  if (host) {
    const relation: Relation = host.type === 'ip' ? 'same-address' : 'same-host';
    if (host.key !== key) related.push(...toHits(entriesOf(index, host.key), relation));
    const onHost = Object.hasOwn(index.hosts, host.key) ? (index.hosts[host.key] ?? []) : [];
    for (const other of onHost) if (other !== key) related.push(...toHits(entriesOf(index, other), relation));
    if (host.type === 'domain') {
      for (const parent of parentDomainKeys(host.key)) {
        const domains = entriesOf(index, parent).filter((entry) => entry.type === 'domain');
        related.push(...toHits(domains, 'parent-domain'));
      }
    }
  }
  return { type, shown: key, exact: toHits(entriesOf(index, key)), related };
}
