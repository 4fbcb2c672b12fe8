import { describeType } from './ioc-type-names.ts';
import { fail, pass } from './checked.ts';
import type { Checked } from './checked.ts';

/** The hash types, each with its length in hex digits. */
export const HASH_LENGTHS = { md5: 32, sha1: 40, sha256: 64 } as const;

/** One of the hash types. */
export type HashType = keyof typeof HASH_LENGTHS;

/** The hash type with exactly this many hex digits, if any. */
export function hashTypeForLength(length: number): HashType | undefined {
  return (Object.keys(HASH_LENGTHS) as HashType[]).find((type) => HASH_LENGTHS[type] === length);
}

/** Validate a hex digest of the given type; the canonical form is lowercase. */
export function checkHash(type: HashType, value: string): Checked {
  const expected = HASH_LENGTHS[type];
  const bad = /[^0-9a-f]/i.exec(value);
  if (bad) {
    return fail(
      `${value} is not a valid ${type} ("${bad[0]}" is not a hex digit)`,
      `${describeType(type)} is ${expected} hex digits (0–9, a–f) with nothing between them`,
    );
  }
  if (value.length !== expected) {
    const other = hashTypeForLength(value.length);
    const hint = other
      ? `it looks like ${describeType(other)}: change the type to ${other}, or check the value was copied whole`
      : 'check the value was copied whole';
    // Decisive: the length is the useful fact even when the digits also fit another hash type.
    return fail(`${value} has ${value.length} hex digits, but ${describeType(type)} has ${expected}`, hint, true);
  }
  return pass(value.toLowerCase());
}
