import { z } from 'astro/zod';
import { defangIoc, displayDomain, normaliseIoc } from '../ioc/index.ts';
import type { IocType } from '../ioc/ioc-types.ts';
import { confidence, optionalCalendarDay, optionalText, requiredText } from './scalars.ts';

/** One indicator as written in frontmatter; only `value` is required. */
export const iocInputSchema = z.strictObject({
  /** Indicator type; inferred from the value when omitted. ThreatFox's `sha256_hash` style is accepted. */
  type: optionalText(),
  /** The indicator, fanged, defanged or half-defanged. */
  value: requiredText(),
  /** ThreatFox-style threat type, e.g. `botnet_cc`, `payload_delivery`. */
  threat_type: optionalText(),
  /** Day the indicator was first seen (`YYYY-MM-DD`, or ThreatFox's `YYYY-MM-DD HH:MM:SS UTC`). */
  first_seen: optionalCalendarDay({ allowTimestamp: true }),
  /** Day the indicator was last seen. */
  last_seen: optionalCalendarDay({ allowTimestamp: true }),
  /** Confidence 0–100 that the indicator is malicious. */
  confidence: confidence(),
  /** Free-text remark shown beside the indicator. */
  note: optionalText(),
});

/** A validated indicator: canonical value plus the one display form used everywhere outside code. */
export const iocSchema = iocInputSchema.transform((ioc, ctx) => {
  const result = normaliseIoc(ioc.value, ioc.type);
  if (!result.ok) {
    const field = /type|one of/i.test(result.message) && ioc.type !== undefined ? 'type' : 'value';
    ctx.addIssue({
      code: 'custom',
      path: [field],
      input: ioc.value,
      message: result.message,
      params: { hint: result.hint },
    });
    return z.NEVER;
  }
  const type: IocType = result.type;
  // An internationalised domain is shown in Unicode, as readers know it, with its punycode beside it.
  const shown = type === 'domain' && result.value.includes('xn--') ? displayDomain(result.value) : result.value;
  const punycode = shown === result.value ? undefined : defangIoc(result.value, type);
  return { ...ioc, type, value: result.value, defanged: defangIoc(shown, type), punycode };
});

/** Frontmatter shape of one indicator. */
export type IocInput = z.input<typeof iocInputSchema>;
/** One indicator after validation. */
export type Ioc = z.output<typeof iocSchema>;
