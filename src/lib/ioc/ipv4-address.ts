import { fail, pass } from './checked.ts';
import type { Checked } from './checked.ts';

const IPV4_HINT = 'write a dotted quad with octets 0–255, e.g. 198.51.100.7';

/** Validate a dotted-quad IPv4 address; the canonical form is the input itself once it passes. */
export function parseIpv4(text: string): Checked<number[]> {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d+$/.test(part))) {
    return fail(`${text} is not a valid IPv4 address (expected four dot-separated numbers)`, IPV4_HINT);
  }
  for (const part of parts) {
    // Leading zeros are refused rather than stripped: inet_aton and friends read them as octal.
    if (part.length > 1 && part.startsWith('0')) {
      const stripped = parts.map((p) => String(Number(p))).join('.');
      return fail(
        `${text} is not a valid IPv4 address (octet ${part} has a leading zero)`,
        `write ${stripped} if the zeros are padding — but check the source, some tools read a leading 0 as octal`,
      );
    }
    if (Number(part) > 255) {
      return fail(`${text} is not a valid IPv4 address (octet ${part} > 255)`, IPV4_HINT);
    }
  }
  return pass(parts.map(Number));
}

/** Canonical IPv4 text, or the failure. */
export function canonicaliseIpv4(text: string): Checked {
  const parsed = parseIpv4(text);
  return parsed.ok ? pass(parsed.value.join('.')) : parsed;
}

/** True for a dotted quad of plain decimal digits, valid or not — used to pick which validator explains a failure. */
export function looksLikeIpv4(text: string): boolean {
  return /^\d+(?:\.\d+){3}$/.test(text);
}
