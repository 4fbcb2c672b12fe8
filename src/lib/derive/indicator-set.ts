import type { IocType } from '../ioc/ioc-types.ts';

/** The canonical values a reader must never meet live: each IOC, and the address of each ip:port. */
export function collectIndicatorValues(
  writeups: readonly { iocs: readonly { type: IocType; value: string }[] }[],
): Set<string> {
  const values = new Set<string>();
  for (const { iocs } of writeups) {
    for (const ioc of iocs) {
      // Hashes read the same fanged and defanged: nothing to keep out of the page.
      if (ioc.type === 'md5' || ioc.type === 'sha1' || ioc.type === 'sha256') continue;
      values.add(ioc.value);
      if (ioc.type === 'ip:port') values.add(ioc.value.replace(/^\[(.*)\]:\d+$|:\d+$/, '$1'));
    }
  }
  values.delete('');
  return values;
}
