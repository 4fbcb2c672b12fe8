// Finding every indicator in free text (a pasted chat paragraph, a built
// page's text, an imported feed) with the same scanner defangText uses, so
// "what gets defanged" and "what gets found" can never drift apart.
import { defangToken, isDeclaredHost, type KnownIndicators } from './defang-text.ts';
import { isProseHostName } from './known-tlds.ts';
import { normaliseIoc } from './normalise.ts';
import { refangText } from './refang.ts';
import { ipv6Address, scanTokens } from './scan-tokens.ts';
import { splitHostPort, splitUrl } from './url-parts.ts';
import type { IocRejection, IocType, NormaliseResult } from './ioc-types.ts';
import type { ScannedToken } from './scan-tokens.ts';

/** One indicator found in free text. */
export interface FoundIoc {
  /** The text as written, without trailing prose punctuation; `text.slice(start, end) === raw`. */
  raw: string;
  /** Offset of the first character of `raw`. */
  start: number;
  /** Offset just past the last character of `raw`. */
  end: number;
  /** Some part is still fanged, i.e. defangText would rewrite it; always false for hashes. */
  live: boolean;
  /** Set together with `value` when the indicator validates. */
  type?: IocType;
  /**
   * Canonical form (see normaliseIoc). A host written without a scheme but with a path or a port no type
   * can carry (`evil.example/pay`, `evil.example:8080`, `192.0.2.1/x.cgi`) gives the host alone.
   */
  value?: string;
  /** Why a token shaped like an indicator failed validation. */
  rejection?: IocRejection;
}

/** What a token turned out to be; undefined when it is ordinary prose (a file name, a version, a field). */
type Verdict = NormaliseResult | undefined;

/** The author marked the token as an indicator by defanging some of it. */
function isDefanged(text: string): boolean {
  return refangText(text) !== text;
}

/** A host name in prose: judged on the canonical name when it validates, else on what was written; a declared one counts. */
function looksLikeHost(result: NormaliseResult, written: string, known: KnownIndicators): boolean {
  const name = result.ok ? result.value : refangText(written).toLowerCase();
  const host = name.slice(name.lastIndexOf('@') + 1);
  return isProseHostName(host) || isDeclaredHost(host, known) || known?.has(name.toLowerCase()) === true;
}

/** Split `host[:port][/rest]` as defangText does. */
function splitHostToken(core: string): { hostPort: string; host: string; rest: string } {
  const slash = core.indexOf('/');
  const hostPort = slash < 0 ? core : core.slice(0, slash);
  return { hostPort, host: splitHostPort(hostPort).host, rest: slash < 0 ? '' : core.slice(slash) };
}

/** A dotted quad always looks like an address; a `/digits` suffix makes it a range, any other path is dropped. */
function judgeIpv4(core: string): Verdict {
  const { hostPort, rest } = splitHostToken(core);
  return normaliseIoc(rest === '' || /^\/\d+$/.test(rest) ? core : hostPort);
}

/** A host name counts when its TLD is a known one (so BackupService.exe stays prose) or when it is defanged. */
function judgeDomain(core: string, known: KnownIndicators): Verdict {
  const { host } = splitHostToken(core);
  const result = normaliseIoc(host, 'domain');
  return looksLikeHost(result, host, known) || isDefanged(host) ? result : undefined;
}

/** IPv6 needs a digit and a valid address (so `dead::beef` and 12:30:45 stay prose), unless it is defanged. */
function judgeIpv6(core: string): Verdict {
  const counts = (/\d/.test(core) && normaliseIoc(ipv6Address(core), 'ip').ok) || isDefanged(core);
  return counts ? normaliseIoc(core) : undefined;
}

/** Decide whether a scanned token is an indicator, and validate it. */
function judgeToken({ kind, core }: ScannedToken, known: KnownIndicators): Verdict {
  switch (kind) {
    case 'url':
      // Same rule as defangText: any scheme with a non-empty host, so a broken URL is reported, not ignored.
      return splitUrl(core)?.host ? normaliseIoc(core, 'url') : undefined;
    case 'email': {
      const result = normaliseIoc(core, 'email');
      return looksLikeHost(result, core, known) || isDefanged(core) ? result : undefined;
    }
    case 'ipv6':
      return judgeIpv6(core);
    case 'ipv4':
      return judgeIpv4(core);
    case 'domain':
      return judgeDomain(core, known);
    case 'hash':
      return normaliseIoc(core);
  }
}

/** Malware is often saved under its own digest: `<md5>.exe` is a file name, but the md5 in it is an indicator. */
function findHashPrefix({ kind, core, start }: ScannedToken): FoundIoc | undefined {
  if (kind !== 'domain') return undefined;
  const head = /^(?:[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32})(?=\.)/i.exec(core)?.[0];
  return head === undefined
    ? undefined
    : toFound({ kind: 'hash', core: head, start, trailing: '' }, normaliseIoc(head));
}

/** Assemble the public record. */
function toFound(token: ScannedToken, result: NormaliseResult, known?: KnownIndicators): FoundIoc {
  const { kind, core, start } = token;
  const found: FoundIoc = { raw: core, start, end: start + core.length, live: defangToken(kind, core, known) !== core };
  if (result.ok) return { ...found, type: result.type, value: result.value };
  return { ...found, rejection: { message: result.message, hint: result.hint } };
}

/**
 * Every indicator in free text, in order: live or defanged, valid (type and canonical value) or
 * shaped like one but invalid (rejection). Hashes are md5/sha1/sha256-length hex runs standing alone.
 * `known` (declared indicators) makes a declared host count whatever its TLD, as `defangText` does.
 */
export function findIocs(text: string, known?: KnownIndicators): FoundIoc[] {
  const found: FoundIoc[] = [];
  for (const token of scanTokens(text)) {
    const verdict = judgeToken(token, known);
    const ioc = verdict ? toFound(token, verdict, known) : findHashPrefix(token);
    if (ioc) found.push(ioc);
  }
  return found;
}
