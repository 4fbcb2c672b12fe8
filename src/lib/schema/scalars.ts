import { z } from 'astro/zod';

// Frontmatter is read with YAML's failsafe schema, so every scalar arrives as the text the author
// wrote. These helpers turn that text into typed values and word each failure for the author.

/** Empty values (`note:`, `note: null`, `note: ~`) count as absent, as an author expects. */
function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && /^\s*(?:|~|null|Null|NULL)\s*$/.test(value) ? undefined : value;
}

/** Required text; whitespace is trimmed because YAML block scalars keep a trailing newline. */
export function requiredText() {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .trim()
    .min(1, { error: 'must not be empty' });
}

/** Optional text: absent, empty, or a non-empty string. */
export function optionalText() {
  return z.preprocess(blankToUndefined, requiredText().optional());
}

/** A list that also accepts a single value, since `malware: Remcos` is a common shorthand. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    const present = blankToUndefined(value);
    if (present === undefined) return [];
    return Array.isArray(present) ? (present as unknown[]) : [present];
  }, z.array(item));
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const THREATFOX_TIME = /^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?: ?UTC|Z)?$/;

/** True for a real calendar day written as YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar day kept as its `YYYY-MM-DD` text. Never a `Date`: a date object is midnight UTC and
 * shows as the previous day west of Greenwich (field case F12).
 */
export function calendarDay(options: { allowTimestamp?: boolean } = {}) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a date') })
    .transform((raw, ctx) => {
      const text = raw.trim();
      const fromTimestamp = options.allowTimestamp ? THREATFOX_TIME.exec(text)?.[1] : undefined;
      const day = fromTimestamp ?? text;
      if (isCalendarDay(day)) return day;
      ctx.addIssue({
        code: 'custom',
        input: raw,
        message: `"${raw}" is not a valid date`,
        params: { hint: 'write YYYY-MM-DD, e.g. 2026-06-15' },
      });
      return z.NEVER;
    });
}

/** Optional calendar day. */
export function optionalCalendarDay(options: { allowTimestamp?: boolean } = {}) {
  return z.preprocess(blankToUndefined, calendarDay(options).optional());
}

/** Confidence 0–100, written `75`, `75%` or `"75%"`. */
export function confidence() {
  return z.preprocess(
    blankToUndefined,
    z
      .union([z.number(), z.string()])
      .transform((raw, ctx) => {
        const text = String(raw).trim().replace(/\s*%$/, '');
        const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
        if (value >= 0 && value <= 100) return value;
        ctx.addIssue({
          code: 'custom',
          input: raw,
          message: `"${raw}" is not a confidence`,
          params: { hint: 'a number from 0 to 100, e.g. 75 or "75%"' },
        });
        return z.NEVER;
      })
      .optional(),
  );
}

/** An absolute http(s) URL, as references and sources are links for people, not indicators. */
export function webUrl() {
  return requiredText().transform((text, ctx) => {
    if (/^https?:\/\//i.test(text) && URL.canParse(text)) return text;
    ctx.addIssue({
      code: 'custom',
      input: text,
      message: `"${text}" is not a web address`,
      params: { hint: 'write a full https:// URL' },
    });
    return z.NEVER;
  });
}
