import { z } from 'astro/zod';
import { iocSchema } from './ioc-schema.ts';
import { calendarDay, listOf, optionalCalendarDay, optionalText, requiredText, webUrl } from './scalars.ts';

/** Severity levels, lowest first, so their order can drive sorting. */
export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
/** Lifecycle of a detection, as in Sigma. */
export const STATUSES = ['experimental', 'test', 'stable', 'deprecated'] as const;

const ATTACK_ID = /^T\d{4}(\.\d{3})?$/;

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'required' : `unknown value ${JSON.stringify(issue.input)}`),
  });
}

/** A table the queries read, with a note for whoever enables its connector. */
export const connectorRefSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { table: value } : value),
  z.strictObject({
    /** Sentinel / Defender table name, e.g. `DeviceNetworkEvents`. */
    table: requiredText(),
    /** Advice such as "Ensure this data connector is enabled". */
    note: optionalText(),
  }),
);

/** A known benign cause of hits, and how to exclude it. A plain string is the scenario alone. */
export const falsePositiveSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { scenario: value } : value),
  z.strictObject({
    /** Short name of the benign situation. */
    scenario: requiredText(),
    /** What happens in that situation. */
    description: optionalText(),
    /** The filter or exclusion that removes it from results. */
    exclusion: optionalText(),
  }),
);

/** Where the writeup's intelligence came from. A plain string is the name alone. */
export const sourceSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { name: value } : value),
  z.strictObject({
    /** Provider name, e.g. ThreatFox. */
    name: requiredText(),
    /** Public page of the provider or of the specific report. */
    url: z.preprocess((value) => (value === '' ? undefined : value), webUrl().optional()),
  }),
);

/** The YAML frontmatter of a writeup, `content/detections/<id>.md`. */
export const writeupFrontmatterSchema = z.strictObject({
  /** Page title. */
  title: requiredText(),
  /** One paragraph: what the detection finds and why it matters. */
  summary: requiredText(),
  /** How urgent a hit is. */
  severity: oneOf(SEVERITIES),
  /** Maturity of the detection. */
  status: z.preprocess((value) => (value === '' || value === undefined ? 'experimental' : value), oneOf(STATUSES)),
  /** Day the writeup was published, `YYYY-MM-DD`. */
  date: calendarDay(),
  /** Day of the last meaningful change, `YYYY-MM-DD`. */
  modified: optionalCalendarDay(),
  /** Malware family names. */
  malware: listOf(requiredText()),
  /** MITRE ATT&CK technique ids, `T1071` or `T1071.001`. */
  attack: listOf(
    requiredText()
      .transform((id) => id.toUpperCase())
      .refine((id) => ATTACK_ID.test(id), {
        error: (issue) => `"${String(issue.input)}" is not an ATT&CK technique id`,
      }),
  ),
  /** Free-form tags. */
  tags: listOf(requiredText()),
  /** Who wrote the detection. */
  author: optionalText(),
  /** Provenance of the intelligence. */
  source: z.preprocess((value) => (value === '' ? undefined : value), sourceSchema.optional()),
  /** Public reports behind the writeup. */
  references: listOf(webUrl()),
  /** Indicators of compromise. */
  iocs: listOf(iocSchema),
  /** Tables the queries need, with notes. */
  connectors: listOf(connectorRefSchema),
  /** Known benign causes and their exclusions. */
  false_positives: listOf(falsePositiveSchema),
});

/** Frontmatter as an author writes it. */
export type WriteupFrontmatterInput = z.input<typeof writeupFrontmatterSchema>;
/** Frontmatter after validation and normalisation. */
export type WriteupFrontmatter = z.output<typeof writeupFrontmatterSchema>;
/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];
/** One of {@link STATUSES}. */
export type Status = (typeof STATUSES)[number];
