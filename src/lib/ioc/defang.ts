// Display forms of indicators: safe to show, impossible to click or resolve by accident.
import { normaliseIoc } from './normalise.ts';
import { defangText } from './defang-text.ts';
import { defangAddress, defangDots, defangEmail, defangHost, defangUrl } from './defang-parts.ts';
import { splitHostPort } from './url-parts.ts';
import type { IocType } from './ioc-types.ts';

/** Display form of a canonical value (see normaliseIoc): dots → `[.]`, IPv6 colons → `[:]`, http → hxxp, `://` → `[://]`. */
export function defangIoc(value: string, type: IocType): string {
  switch (type) {
    case 'md5':
    case 'sha1':
    case 'sha256':
      return value;
    case 'ip':
      return defangAddress(value);
    case 'cidr': {
      const slash = value.lastIndexOf('/');
      return slash < 0 ? defangAddress(value) : `${defangAddress(value.slice(0, slash))}${value.slice(slash)}`;
    }
    case 'ip:port': {
      const { host, port } = splitHostPort(value);
      return `${defangHost(host)}${port}`;
    }
    case 'domain':
      return defangDots(value);
    case 'url':
      return defangUrl(value);
    case 'email':
      return defangEmail(value);
  }
}

/** Normalise then defang; a value that does not validate is defanged as free text. Idempotent on defanged input. */
export function defangValue(raw: string, declaredType?: IocType | (string & {})): string {
  const result = normaliseIoc(raw, declaredType);
  return result.ok ? defangIoc(result.value, result.type) : defangText(raw);
}
