// Defanging indicators inside prose (titles, summaries, notes) that is
// rendered outside code. Each IOC-looking token is defanged in place, keeping
// its case and any defanging already present; everything else is untouched.
import { defangAddress, defangDots, defangEmail, defangHost, defangNested, defangUrl } from './defang-parts.ts';
import { foldCharacter, listLookalikeCharacters, type FoldOptions } from './fold-lookalikes.ts';
import { isProseHostName } from './known-tlds.ts';
import { normaliseIoc } from './normalise.ts';
import { refangText } from './refang.ts';
import { ipv6Address, scanTokens } from './scan-tokens.ts';
import { splitHostPort, splitUrl, startsWithAddressBracket } from './url-parts.ts';
import type { TokenKind } from './scan-tokens.ts';

/** A URL with any scheme: defanged whenever it splits into scheme and a non-empty host, valid or not. */
function defangUrlToken(core: string): string {
  const parts = splitUrl(core);
  return parts && parts.host !== '' ? defangUrl(core) : core;
}

/** Indicators the collection declares: named in prose, they are defanged whatever their TLD (`attacker.zip`). */
export type KnownIndicators = ReadonlySet<string> | undefined;

/** The declared indicator `name` is, or belongs to (`cdn.attacker.zip` under `attacker.zip`); undefined if none. */
export function findDeclaredHost(name: string, known: KnownIndicators): string | undefined {
  if (!known?.size) return undefined;
  const labels = name.toLowerCase().split('.');
  for (let index = 0; index < labels.length - 1; index++) {
    const parent = labels.slice(index).join('.');
    if (known.has(parent)) return parent;
  }
  return undefined;
}

/** The collection declares `name`, or a domain it belongs to. */
export function isDeclaredHost(name: string, known: KnownIndicators): boolean {
  return findDeclaredHost(name, known) !== undefined;
}

/** A host name worth defanging in prose: its TLD is a known one, or the collection declares it. */
function isShownHost(name: string, known: KnownIndicators): boolean {
  return isProseHostName(name) || isDeclaredHost(name, known);
}

/** An e-mail address whose domain ends in a known TLD (so `icon@2x.png` is left alone), or a declared one. */
function defangEmailToken(token: string, known: KnownIndicators): string {
  const result = normaliseIoc(token, 'email');
  if (!result.ok) return token;
  const domain = result.value.slice(result.value.lastIndexOf('@') + 1);
  return isShownHost(domain, known) || known?.has(result.value.toLowerCase()) ? defangEmail(token) : token;
}

/** IPv6, bracketed with a port, or with a /prefix; needs a digit so words such as `dead::beef` stay prose. */
function defangIpv6Token(token: string): string {
  if (!/\d/.test(token)) return token;
  const address = ipv6Address(token);
  if (!normaliseIoc(address, 'ip').ok) return token;
  if (!startsWithAddressBracket(token)) return `${defangAddress(address)}${token.slice(address.length)}`;
  const { host, port } = splitHostPort(token);
  return defangHost(host) + port;
}

/** An IPv4 address or host name, optionally with `:port` and a `/path` or `/prefix`. */
function defangHostToken(core: string, isDomain: boolean, known: KnownIndicators): string {
  const slash = core.indexOf('/');
  const hostPort = slash < 0 ? core : core.slice(0, slash);
  const rest = slash < 0 ? '' : core.slice(slash);
  const { host, port } = splitHostPort(hostPort);
  const result = normaliseIoc(refangText(host), isDomain ? 'domain' : 'ip');
  if (!result.ok || (isDomain && !isShownHost(result.value, known))) return core;
  return `${defangDots(host)}${port}${defangNested(rest)}`;
}

/** The display form of one scanned token (trailing punctuation excluded); the token itself when it is no indicator. */
export function defangToken(kind: TokenKind, core: string, known?: KnownIndicators): string {
  switch (kind) {
    case 'url':
      return defangUrlToken(core);
    case 'email':
      return defangEmailToken(core, known);
    case 'ipv6':
      return defangIpv6Token(core);
    case 'ipv4':
    case 'domain':
      return defangHostToken(core, kind === 'domain', known);
    case 'hash':
      return core;
  }
}

function defangScanned(text: string, known: KnownIndicators): string {
  let out = '';
  let from = 0;
  for (const { kind, start, core, trailing } of scanTokens(text)) {
    out += text.slice(from, start) + defangToken(kind, core, known) + trailing;
    from = start + core.length + trailing.length;
  }
  return out + text.slice(from);
}

// Lookalike dots, full-width forms and invisible characters (see fold-lookalikes.ts) hide an
// indicator from the scanner. A run of indicator-like characters holding one is folded and
// scanned; each indicator found is put back in place of the characters it came from, and
// everything around it stays as written: `relay。example` → `relay[.]example`, while `［x］：//…`
// keeps its full-width brackets and colon, and CJK text without an indicator is untouched.
const RUN_CHARACTERS = String.raw`\w\-.:/@[\]`;
// Scripts written without spaces between words are letters to the scanner, so `接続先は203.0.113.10です`
// reads as one word; beside them, a run of indicator characters is scanned on its own too. Half-width
// kana marks (`ｰ`, `ﾞ`) and CJK punctuation belong to no script, so they are listed.
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303F\uFF61-\uFF9F`;
const NEEDS_RUNS = {
  prose: new RegExp(`[${listLookalikeCharacters({ prose: true })}${CJK}]`, 'u'),
  value: new RegExp(`[${listLookalikeCharacters()}${CJK}]`, 'u'),
};
const LOOKALIKE = {
  prose: new RegExp(`[${listLookalikeCharacters({ prose: true })}]`),
  value: new RegExp(`[${listLookalikeCharacters()}]`),
};
const IS_CJK = new RegExp(`[${CJK}]`, 'u');
const LOOKALIKE_RUN = {
  prose: new RegExp(`[${RUN_CHARACTERS}${listLookalikeCharacters({ prose: true })}]+`, 'g'),
  value: new RegExp(`[${RUN_CHARACTERS}${listLookalikeCharacters()}]+`, 'g'),
};
/** Full stops that end the sentence before a run (`確認した。２０３…`) are not part of its indicator. */
const LEADING_STOPS = /^[.\u3002\uFF0E\uFF61]+/;
/** Ideographic full stops: a dot inside `relay。example`, but a sentence's end in `evil.com。good.com`. */
const SENTENCE_STOPS = /([\u3002\uFF61])/;

/** Rewrites each indicator that `text` spells with lookalikes, or writes beside CJK letters, as `render(kind, folded token)`. */
function rewriteLookalikeIndicators(
  text: string,
  options: FoldOptions,
  render: (kind: TokenKind, core: string) => string,
  known?: KnownIndicators,
): string {
  const kind = options.prose ? 'prose' : 'value';
  if (!NEEDS_RUNS[kind].test(text)) return text;
  return text.replace(LOOKALIKE_RUN[kind], (whole: string, at: number) => {
    const besideCjk =
      IS_CJK.test(text.slice(Math.max(0, at - 2), at)) ||
      IS_CJK.test(text.slice(at + whole.length, at + whole.length + 2));
    if (!besideCjk && !LOOKALIKE[kind].test(whole)) return whole;
    const lead = LEADING_STOPS.exec(whole)?.[0] ?? '';
    const run = whole.slice(lead.length);
    // Read at the full stops first: when a piece holds an indicator, they end sentences.
    const pieces = run.split(SENTENCE_STOPS);
    if (pieces.length > 1) {
      const rewritten = pieces.map((piece) => rewriteRun(piece, options, render, known));
      if (rewritten.some((piece) => piece.found)) return lead + rejoinPieces(pieces, rewritten, options, render, known);
    }
    return lead + rewriteRun(run, options, render, known).text;
  });
}

/**
 * The pieces of a run split at full stops, put back together: between the pieces that hold an
 * indicator, the others are read again as one (`203.0.113.10。203。0。113。11` holds two addresses).
 */
function rejoinPieces(
  pieces: readonly string[],
  rewritten: readonly { text: string; found: boolean }[],
  options: FoldOptions,
  render: (kind: TokenKind, core: string) => string,
  known: KnownIndicators,
): string {
  let out = '';
  let rest: string[] = [];
  const flush = () => {
    const [, before = '', middle = '', after = ''] =
      /^([\u3002\uFF61]*)([^]*?)([\u3002\uFF61]*)$/.exec(rest.join('')) ?? [];
    out += before + (middle ? rewriteRun(middle, options, render, known).text : '') + after;
    rest = [];
  };
  pieces.forEach((piece, index) => {
    if (!rewritten[index].found) return void rest.push(piece);
    flush();
    out += rewritten[index].text;
  });
  flush();
  return out;
}

/** `run` with each indicator its folded reading holds rendered in place, and whether it holds any. */
function rewriteRun(
  run: string,
  options: FoldOptions,
  render: (kind: TokenKind, core: string) => string,
  known: KnownIndicators,
): { text: string; found: boolean } {
  let folded = '';
  const origin: number[] = [];
  for (let index = 0; index < run.length; index++) {
    for (const char of foldCharacter(run[index], options)) {
      folded += char;
      origin.push(index);
    }
  }
  origin.push(run.length);
  let out = '';
  let cursor = 0;
  let found = false;
  for (const token of scanTokens(folded)) {
    if (defangToken(token.kind, token.core, known) === token.core) {
      // Already defanged (`evil[.]com`), it is still an indicator, written safely.
      found ||= refangText(token.core) !== token.core;
      continue;
    }
    found = true;
    out += run.slice(cursor, origin[token.start]) + render(token.kind, token.core);
    cursor = origin[token.start + token.core.length];
  }
  return { text: out + run.slice(cursor), found };
}

/**
 * `seen relay。example today` → `seen  relay.example  today`: each indicator spelled with
 * lookalikes folded and set apart by spaces so a scanner reads it alone (CJK letters around it
 * would otherwise join it). Pasted text folds `：／＠` too; `{ prose: true }` reads text as the
 * defanger does. For reading text, never for display.
 */
export function foldIndicatorRuns(text: string, options: FoldOptions = {}, known?: KnownIndicators): string {
  return rewriteLookalikeIndicators(text, options, (_kind, core) => ` ${core} `, known);
}

/**
 * Defang every IOC-looking token in free text; idempotent, and leaves all other text byte-identical.
 * `known` (the collection's canonical indicators) defangs declared hosts whose TLD prose would not.
 */
export function defangText(text: string, known?: KnownIndicators): string {
  const render = (kind: TokenKind, core: string) => defangToken(kind, core, known);
  return defangScanned(rewriteLookalikeIndicators(text, { prose: true }, render, known), known);
}
