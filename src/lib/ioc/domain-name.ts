// Host-name validation. Canonical form is lowercase ASCII (punycode for IDNs),
// without the trailing root dot, so the same host always compares equal.
import { decodePunycodeLabel, toAsciiDomain, toUnicodeDomain } from './punycode.ts';
import { fail, pass } from './checked.ts';
import type { Checked } from './checked.ts';

const DOMAIN_HINT = 'write a host name such as evil.example: letters, digits and hyphens, labels separated by dots';
const MAX_LABEL = 63;
const MAX_NAME = 253;

/** Refuse shapes that are a different indicator in disguise, with a hint that points there. */
function rejectForeignShape(value: string): Checked | undefined {
  const slash = value.indexOf('/');
  if (slash >= 0) {
    const host = value.slice(0, slash);
    return fail(
      `${value} is not a domain (it has a path, ${value.slice(slash)})`,
      `keep only the host name (${host}), or declare a url with a scheme, e.g. http://${value}`,
    );
  }
  if (/:\d*$/.test(value)) {
    return fail(`${value} is not a domain (it has a port)`, `drop the port, or declare a url such as tcp://${value}`);
  }
  if (value.includes('@'))
    return fail(`${value} is not a domain (it contains @)`, 'declare it as an email, or keep only the part after @');
  return undefined;
}

/** Check one ASCII label; `isLast` marks the top-level label. */
function checkLabel(value: string, label: string, isLast: boolean): Checked | undefined {
  if (label === '') return fail(`${value} is not a valid domain (it has an empty label)`, DOMAIN_HINT);
  if (label.length > MAX_LABEL) {
    return fail(
      `${value} is not a valid domain (label ${label.slice(0, 12)}… is ${label.length} characters, max ${MAX_LABEL})`,
      DOMAIN_HINT,
    );
  }
  const bad = /[^a-z0-9_-]/.exec(label);
  if (bad) return fail(`${value} is not a valid domain (label "${label}" contains "${bad[0]}")`, DOMAIN_HINT);
  if (label.startsWith('-') || label.endsWith('-')) {
    return fail(`${value} is not a valid domain (label "${label}" starts or ends with a hyphen)`, DOMAIN_HINT);
  }
  // Underscores are real in service names (_dmarc.example) but never in a TLD.
  if (isLast && label.includes('_')) {
    return fail(`${value} is not a valid domain (top-level label "${label}" contains "_")`, DOMAIN_HINT);
  }
  if (label.startsWith('xn--') && decodePunycodeLabel(label) === undefined) {
    return fail(
      `${value} is not a valid domain (label "${label}" is not valid punycode)`,
      'copy the name again from the source, or write it in Unicode',
    );
  }
  return undefined;
}

/** Validate a host name and return its canonical lowercase-ASCII form. */
export function canonicaliseDomain(value: string): Checked {
  const foreign = rejectForeignShape(value);
  if (foreign) return foreign;
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  let ascii = name.toLowerCase();
  if (/[^\p{ASCII}]/u.test(name)) {
    ascii = toAsciiDomain(name);
    if (ascii === '') {
      return fail(
        `${value} is not a valid internationalised domain name`,
        'check the name for stray symbols or spaces',
      );
    }
  }
  const labels = ascii.split('.');
  if (labels.length < 2) {
    return fail(
      `${value} is not a valid domain (it has a single label)`,
      `write the fully qualified name, e.g. ${name || 'host'}.example`,
    );
  }
  for (const [index, label] of labels.entries()) {
    const problem = checkLabel(value, label, index === labels.length - 1);
    if (problem) return problem;
  }
  if (ascii.length > MAX_NAME) {
    return fail(`${value} is not a valid domain (${ascii.length} characters, max ${MAX_NAME})`, DOMAIN_HINT);
  }
  const tld = labels[labels.length - 1] ?? '';
  if (/^\d+$/.test(tld)) {
    return fail(
      `${value} is not a valid domain (its last label ${tld} is all digits)`,
      'a top-level label has letters; if this is an IP address, declare it as ip',
    );
  }
  return pass(ascii);
}

/** The Unicode form of a canonical (punycode) domain, for display; ASCII names come back unchanged. */
export function displayDomain(canonical: string): string {
  return toUnicodeDomain(canonical);
}

/** The top-level label of a canonical domain. */
export function topLevelLabel(canonical: string): string {
  return canonical.slice(canonical.lastIndexOf('.') + 1);
}
