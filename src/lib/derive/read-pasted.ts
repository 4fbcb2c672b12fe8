// Reading what an analyst pastes into the look-up: one indicator per line, or a paragraph from a
// chat or a report. Everything is decided by the shared IOC engine (findIocs, normaliseIoc); this
// module only splits the text into lines and collects the verdicts. It runs in the browser.
import { defangText, foldIndicatorRuns } from '../ioc/defang-text.ts';
import { findIocs } from '../ioc/find-iocs.ts';
import type { IocType } from '../ioc/ioc-types.ts';
import { normaliseIoc } from '../ioc/normalise.ts';

/** A valid indicator read from the pasted text. */
export interface PastedIndicator {
  type: IocType;
  /** Canonical value. */
  value: string;
}

/** Something shaped like an indicator that could not be read, with the reason (both defanged). */
export interface UnreadToken {
  shown: string;
  reason: string;
}

/** Everything read from one paste, in order of first appearance, each indicator once. */
export interface PastedReading {
  indicators: PastedIndicator[];
  unread: UnreadToken[];
}

/** Worth explaining when it fails: it has an indicator's punctuation, or is a long hex run. */
const INDICATOR_SHAPED = /[.:/@[\]]|^[0-9a-f]{24,}$/i;

/** Said of a value the engine threw on: reported beside the others, never fatal to the look-up. */
const UNREADABLE = 'this value could not be read; check it for stray characters';

/** Display form of text that failed to read; if even defanging throws, every dot and colon is bracketed. */
function showSafely(text: string): string {
  try {
    return defangText(text);
  } catch {
    return text.replace(/[.:]/g, (mark) => `[${mark}]`);
  }
}

/** Reads one line; `tokenFallback` covers a bare value the prose scanner passes over (e.g. `evil.zip`). */
function readLine(line: string, reading: PastedReading, add: (indicator: PastedIndicator) => void): void {
  let found;
  try {
    // `relay。example` in a sentence is read as the domain it is, as in a writeup's prose.
    found = findIocs(foldIndicatorRuns(line));
  } catch {
    for (const token of line.split(/\s+/).filter(Boolean)) readToken(token, reading, add);
    return;
  }
  for (const ioc of found) {
    if (ioc.type && ioc.value) add({ type: ioc.type, value: ioc.value });
    else if (ioc.rejection)
      reading.unread.push({ shown: showSafely(ioc.raw), reason: showSafely(ioc.rejection.message) });
  }
  const token = line.trim();
  if (found.length === 0 && token !== '' && !/\s/.test(token)) readToken(token, reading, add);
}

/** Validates a lone token with normaliseIoc, the same function the build runs on every IOC value. */
function readToken(token: string, reading: PastedReading, add: (indicator: PastedIndicator) => void): void {
  let result;
  try {
    result = normaliseIoc(token);
  } catch {
    reading.unread.push({ shown: showSafely(token), reason: UNREADABLE });
    return;
  }
  if (result.ok) add({ type: result.type, value: result.value });
  else if (INDICATOR_SHAPED.test(token))
    reading.unread.push({ shown: showSafely(token), reason: showSafely(result.message) });
}

/** Every indicator in the pasted text, fanged, defanged or mixed, each canonicalised once. */
export function readPastedIndicators(text: string): PastedReading {
  const reading: PastedReading = { indicators: [], unread: [] };
  const seen = new Set<string>();
  const add = (indicator: PastedIndicator) => {
    const key = `${indicator.type} ${indicator.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    reading.indicators.push(indicator);
  };
  for (const line of text.split(/\r?\n/)) readLine(line, reading, add);
  return reading;
}
