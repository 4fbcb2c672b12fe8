// Name-based UUIDs (RFC 9562 version 5): the same name always gives the same id, so exporting a
// writeup twice gives a TI platform the same objects, never duplicates.
import { createHash } from 'node:crypto';

/** Huntbook's namespace for STIX domain objects (a fixed, randomly chosen UUID). */
export const HUNTBOOK_NAMESPACE = '6f1c3a7e-2b8d-4c5e-9a4f-1d2e3c4b5a69';

function toBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** The version-5 UUID of `name` in `namespace`. */
export function createUuidV5(name: string, namespace: string = HUNTBOOK_NAMESPACE): string {
  const hash = createHash('sha1').update(toBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
