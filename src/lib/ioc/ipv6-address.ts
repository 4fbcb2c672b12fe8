import { parseIpv4 } from './ipv4-address.ts';
import { fail, pass } from './checked.ts';
import type { Checked } from './checked.ts';

const IPV6_HINT =
  'write up to eight colon-separated groups of 1–4 hex digits, with :: once for a run of zero groups, e.g. 2001:db8::7';

/** Parse the groups on one side of `::`; an IPv4 tail is only legal at the very end of the address. */
function parseGroups(text: string, side: string, allowIpv4Tail: boolean): Checked<number[]> {
  if (side === '') return pass([]);
  const words: number[] = [];
  const groups = side.split(':');
  for (const [index, group] of groups.entries()) {
    if (allowIpv4Tail && index === groups.length - 1 && group.includes('.')) {
      const v4 = parseIpv4(group);
      if (!v4.ok) return fail(`${text} is not a valid IPv6 address (embedded IPv4 ${group} is invalid)`, IPV6_HINT);
      const [a = 0, b = 0, c = 0, d = 0] = v4.value;
      words.push((a << 8) | b, (c << 8) | d);
    } else if (/^[0-9a-f]{1,4}$/i.test(group)) {
      words.push(parseInt(group, 16));
    } else {
      const what = group === '' ? 'an empty group' : `group "${group}" is not 1–4 hex digits`;
      return fail(`${text} is not a valid IPv6 address (${what})`, IPV6_HINT);
    }
  }
  return pass(words);
}

/** Parse an IPv6 address into its eight 16-bit words; zone ids are refused. */
export function parseIpv6(text: string): Checked<number[]> {
  if (text.includes('%')) {
    // A zone id names an interface on one machine, so it means nothing in shared intelligence.
    const bare = text.slice(0, text.indexOf('%'));
    return fail(`${text} is not a valid IPv6 indicator (it has a zone id)`, `drop the %… suffix, e.g. ${bare}`);
  }
  if (!/^[0-9a-f:.]+$/i.test(text)) {
    return fail(`${text} is not a valid IPv6 address (only hex digits, ':' and an IPv4 tail are allowed)`, IPV6_HINT);
  }
  const halves = text.split('::');
  if (halves.length > 2) return fail(`${text} is not a valid IPv6 address (:: appears more than once)`, IPV6_HINT);
  const [headText = '', tailText] = halves;
  const head = parseGroups(text, headText, tailText === undefined);
  if (!head.ok) return head;
  if (tailText === undefined) {
    if (head.value.length !== 8) {
      return fail(`${text} is not a valid IPv6 address (${head.value.length} groups instead of 8)`, IPV6_HINT);
    }
    return head;
  }
  const tail = parseGroups(text, tailText, true);
  if (!tail.ok) return tail;
  const explicit = head.value.length + tail.value.length;
  // `::` must stand for at least one zero group (RFC 4291 §2.2), so seven explicit groups is the limit.
  if (explicit > 7) return fail(`${text} is not a valid IPv6 address (too many groups around ::)`, IPV6_HINT);
  return pass([...head.value, ...new Array<number>(8 - explicit).fill(0), ...tail.value]);
}

/** Find the first longest run of at least two zero words (RFC 5952 §4.2.2–4.2.3). */
function findZeroRun(words: readonly number[]): { start: number; length: number } {
  let best = { start: -1, length: 0 };
  let start = -1;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && words[i] === 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > best.length) best = { start, length: i - start };
      start = -1;
    }
  }
  return best.length >= 2 ? best : { start: -1, length: 0 };
}

/** RFC 5952 text for eight words: lowercase, no leading zeros, longest zero run as `::`, IPv4-mapped tail dotted. */
export function formatIpv6(words: readonly number[]): string {
  const isMapped = words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff;
  if (isMapped) {
    const hi = words[6] ?? 0;
    const lo = words[7] ?? 0;
    return `::ffff:${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  const hex = words.map((w) => w.toString(16));
  const run = findZeroRun(words);
  if (run.start < 0) return hex.join(':');
  const before = hex.slice(0, run.start).join(':');
  const after = hex.slice(run.start + run.length).join(':');
  return `${before}::${after}`;
}

/** Canonical IPv6 text, or the failure. */
export function canonicaliseIpv6(text: string): Checked {
  const parsed = parseIpv6(text);
  return parsed.ok ? pass(formatIpv6(parsed.value)) : parsed;
}
