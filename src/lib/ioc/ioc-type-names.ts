import { IOC_TYPE_ALIASES, IOC_TYPES } from './ioc-types.ts';
import type { IocType } from './ioc-types.ts';

/** Short human labels for each indicator type, for table headers and badges. */
export const IOC_TYPE_LABELS: Readonly<Record<IocType, string>> = {
  'ip:port': 'IP:port',
  ip: 'IP',
  cidr: 'CIDR',
  domain: 'Domain',
  url: 'URL',
  email: 'E-mail',
  md5: 'MD5',
  sha1: 'SHA-1',
  sha256: 'SHA-256',
};

/** Resolve a declared type name (canonical or alias, any case, surrounding spaces ignored). */
export function resolveIocType(name: string): IocType | undefined {
  const key = name.trim().toLowerCase();
  if ((IOC_TYPES as readonly string[]).includes(key)) return key as IocType;
  return Object.hasOwn(IOC_TYPE_ALIASES, key) ? IOC_TYPE_ALIASES[key] : undefined;
}

/** "an ip", "a domain" — the article follows how the type name is read aloud. */
export function describeType(type: IocType): string {
  const vowelSound = type === 'ip' || type === 'ip:port' || type === 'email' || type === 'md5';
  return `${vowelSound ? 'an' : 'a'} ${type}`;
}

/** The list of valid type names, for hints. */
export function listIocTypes(): string {
  return `${IOC_TYPES.join(', ')} (also ${Object.keys(IOC_TYPE_ALIASES).join(', ')})`;
}
