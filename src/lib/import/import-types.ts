import type { IocType } from '../ioc/ioc-types.ts';

/** One indicator read from a feed or a query, already canonical. */
export interface IocRecord {
  /** Canonical value (refanged, lowercased where case carries no meaning). */
  value: string;
  /** Indicator type. */
  type: IocType;
  /** ThreatFox-style threat type, e.g. `botnet_cc`. */
  threat_type?: string;
  /** Day first seen, `YYYY-MM-DD`. */
  first_seen?: string;
  /** Day last seen, `YYYY-MM-DD`. */
  last_seen?: string;
  /** First-seen time as the feed gave it (`YYYY-MM-DD HH:MM:SS`), to list the newest first. */
  seenAt?: string;
  /** Confidence 0–100. */
  confidence?: number;
  /** Free-text remark. */
  note?: string;
  /** Malware family as people write it, e.g. `Remcos`. */
  malware?: string;
  /** The provider's family key, e.g. ThreatFox's `win.remcos`. */
  malwareKey?: string;
  /** Other names of the family, e.g. `RemcosRAT`. */
  aliases: string[];
  /** Provider tags, as given. */
  tags: string[];
  /** Public report links (https) given for the indicator. */
  references: string[];
  /** For `ip:port`: the address alone (F21 splits the pair). */
  address?: string;
  /** For `ip:port`: the port. */
  port?: number;
  /** File and row it was read from, for the import summary. */
  origin?: string;
}

/** Something an importer read but did not turn into content, and why. */
export interface Skipped {
  /** File (and record or line) it came from. */
  origin: string;
  /** Why it was left out, worded for the person running the import. */
  reason: string;
}

/** A table a writeup needs, with the author's note. */
export interface DraftConnector {
  table: string;
  note?: string;
}

/** A false positive, as in the frontmatter. */
export interface DraftFalsePositive {
  scenario: string;
  description?: string;
  exclusion?: string;
}

/** One indicator as it will be written to frontmatter. */
export interface DraftIoc {
  type: IocType;
  /** Canonical (fanged) value; written defanged. */
  value: string;
  threat_type?: string;
  first_seen?: string;
  last_seen?: string;
  confidence?: number;
  note?: string;
}

/** Frontmatter of an imported writeup, in the field order the format guide uses. */
export interface DraftFrontmatter {
  title: string;
  summary: string;
  severity: 'informational' | 'low' | 'medium' | 'high' | 'critical';
  status?: 'experimental' | 'test' | 'stable' | 'deprecated';
  date: string;
  modified?: string;
  malware?: string[];
  attack?: string[];
  tags?: string[];
  author?: string;
  source?: { name: string; url?: string };
  references?: string[];
  iocs?: DraftIoc[];
  connectors?: DraftConnector[];
  false_positives?: DraftFalsePositive[];
}

/** A writeup an importer built, not yet written or checked. */
export interface WriteupDraft {
  /** File name without `.md`. */
  id: string;
  /** Frontmatter fields. */
  frontmatter: DraftFrontmatter;
  /** Markdown body: prose and fenced queries. */
  body: string;
  /** Input file (and record) it came from, for the summary. */
  origin: string;
  /** What the source held that has no place in a writeup, said once per kind. */
  unmapped: string[];
}

/** What one importer made of its input files. */
export interface ImportResult {
  drafts: WriteupDraft[];
  skipped: Skipped[];
}

/** Facts an importer cannot know from its input alone. */
export interface ImportContext {
  /** Today's date, `YYYY-MM-DD`, for writeups whose source carries none. */
  today: string;
}
