/** Every indicator type a writeup may declare, in display order. */
export const IOC_TYPES = ['ip:port', 'ip', 'cidr', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256'] as const;

/** One indicator type. */
export type IocType = (typeof IOC_TYPES)[number];

/** ThreatFox spells hash types with a suffix; both spellings are accepted on input. */
export const IOC_TYPE_ALIASES: Readonly<Record<string, IocType>> = {
  md5_hash: 'md5',
  sha1_hash: 'sha1',
  sha256_hash: 'sha256',
};

/** A value that passed validation: canonical (refanged, lowercased where case carries no meaning). */
export interface CanonicalIoc {
  type: IocType;
  value: string;
}

/** Why a raw value was refused, worded for the author of the writeup. */
export interface IocRejection {
  message: string;
  hint: string;
}

export type NormaliseResult = ({ ok: true } & CanonicalIoc) | ({ ok: false } & IocRejection);
