// Turning a raw (possibly defanged) writeup value into a canonical indicator,
// or into a rejection that tells the author what is wrong and how to fix it.
import { canonicaliseDomain } from './domain-name.ts';
import { checkHash, hashTypeForLength } from './hash-validators.ts';
import { foldLookalikes } from './fold-lookalikes.ts';
import { describeType, listIocTypes, resolveIocType } from './ioc-type-names.ts';
import { checkCidr, checkIp, checkIpPort } from './network-validators.ts';
import { refangText } from './refang.ts';
import { checkEmail, checkUrl } from './web-validators.ts';
import type { Checked } from './checked.ts';
import type { IocType, NormaliseResult } from './ioc-types.ts';

const VALIDATORS: Readonly<Record<IocType, (value: string) => Checked>> = {
  'ip:port': checkIpPort,
  ip: checkIp,
  cidr: checkCidr,
  domain: canonicaliseDomain,
  url: checkUrl,
  email: checkEmail,
  md5: (value) => checkHash('md5', value),
  sha1: (value) => checkHash('sha1', value),
  sha256: (value) => checkHash('sha256', value),
};

/** Shortest run of hex digits that is still read as "a hash with the wrong length" rather than unknown text. */
const MIN_HASH_GUESS = 24;

/** Guess the intended type from the shape alone, so a broken value gets that type's specific explanation. */
function guessType(value: string): IocType | undefined {
  if (/^[0-9a-f]+$/i.test(value)) return hashTypeForLength(value.length);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'url';
  if (value.includes('@')) return 'email';
  if (value.startsWith('[')) return 'ip:port';
  if (/^(?:[0-9a-f]*:[0-9a-f:.]*|[\d.]+)\/\d*$/i.test(value)) return 'cidr';
  if (/^\d+(?:\.\d+){3}:\d*$/.test(value)) return 'ip:port';
  if (/^\d+(?:\.\d+){3}$/.test(value)) return 'ip';
  if (/^[0-9a-f:.]+(?:%.*)?$/i.test(value) && value.split(':').length > 2) return 'ip';
  if (value.includes('/')) return 'url';
  if (value.includes('.')) return 'domain';
  return undefined;
}

/** Hints for the commonest type mix-ups; anything else gets the generic wording. */
function mismatchHint(value: string, actual: IocType, declared: IocType): string {
  const bracketed = value.includes(':') ? `[${value}]` : value;
  const hints: Partial<Record<string, string>> = {
    'ip>ip:port': `add the port, e.g. ${bracketed}:443, or change the type to ip`,
    'ip:port>ip': 'drop the port, or change the type to ip:port',
    'ip>cidr': `add the prefix length, e.g. ${value}/${value.includes(':') ? 128 : 32}, or change the type to ip`,
    'cidr>ip': 'change the type to cidr, or drop the /prefix if you mean one address',
    'domain>url': `add the scheme, e.g. http://${value}, or change the type to domain`,
    'url>domain': 'change the type to url, or keep only the host name',
    'email>domain': 'change the type to email, or keep only the part after @',
  };
  return (
    hints[`${actual}>${declared}`] ??
    `change the type to ${actual}, or correct the value if it really is ${describeType(declared)}`
  );
}

/** Drop the internal `decisive` flag. */
function toResult(type: IocType, checked: Checked): NormaliseResult {
  if (checked.ok) return { ok: true, type, value: checked.value };
  return { ok: false, message: checked.message, hint: checked.hint };
}

/** Validate a refanged, trimmed value whose type is not declared. */
function normaliseUndeclared(value: string): NormaliseResult {
  const type = guessType(value);
  if (type) return toResult(type, VALIDATORS[type](value));
  if (/^[0-9a-f]+$/i.test(value) && value.length >= MIN_HASH_GUESS) {
    return {
      ok: false,
      message: `${value} has ${value.length} hex digits, which fits no hash type (md5 32, sha1 40, sha256 64)`,
      hint: 'check the value was copied whole',
    };
  }
  return {
    ok: false,
    message: `cannot tell what kind of indicator ${value} is`,
    hint: `declare its type, one of ${listIocTypes()}`,
  };
}

/** Validate against the declared type; if that fails but the value is clearly another type, say so. */
function normaliseDeclared(value: string, declared: IocType): NormaliseResult {
  const checked = VALIDATORS[declared](value);
  if (checked.ok || checked.decisive) return toResult(declared, checked);
  const actual = normaliseUndeclared(value);
  if (actual.ok && actual.type !== declared) {
    return {
      ok: false,
      message: `${value} is ${describeType(actual.type)}, not ${describeType(declared)}`,
      hint: mismatchHint(value, actual.type, declared),
    };
  }
  return toResult(declared, checked);
}

/** Refang, trim, validate and canonicalise one indicator; `declaredType` may be a type, an alias, or omitted to infer. */
export function normaliseIoc(raw: string, declaredType?: IocType | (string & {})): NormaliseResult {
  let declared: IocType | undefined;
  if (declaredType !== undefined) {
    declared = resolveIocType(String(declaredType));
    if (!declared) {
      return {
        ok: false,
        message: `"${String(declaredType)}" is not a known indicator type`,
        hint: `use one of ${listIocTypes()}`,
      };
    }
  }
  if (typeof raw !== 'string') {
    return { ok: false, message: `the value ${String(raw)} is not text`, hint: 'quote the value in the frontmatter' };
  }
  const value = refangText(foldLookalikes(raw)).trim();
  if (value === '')
    return { ok: false, message: 'the value is empty', hint: 'give the indicator, or remove the entry' };
  return declared ? normaliseDeclared(value, declared) : normaliseUndeclared(value);
}

/** Infer the type of a (possibly defanged) value; undefined unless it validates as that type. */
export function classifyIoc(raw: string): IocType | undefined {
  const result = normaliseIoc(raw);
  return result.ok ? result.type : undefined;
}
