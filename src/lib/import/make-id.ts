// Writeup ids from names people give things: "Behavior - AsyncRATInitialAccess.md",
// "win.remcos", "Known Barium IP". Ids are lowercase kebab-case file names.

/** `AsyncRATInitialAccess` → `async-rat-initial-access`; accents dropped, anything else becomes a hyphen. */
export function makeWriteupId(name: string, fallback = 'imported-writeup'): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[A-Za-z0-9]+/g, splitCamelCase)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, 80).replace(/-+$/, '') || fallback;
}

/**
 * Splits run-together words (`AsyncRATInitialAccess`, `WebshellDetection`) but leaves brand-like
 * names (`PowerShell`, `LockBit`, `IPv4`) and plural acronyms (`IOCs`) whole.
 */
function splitCamelCase(word: string): string {
  const plain = word.replace(/([A-Z]{2,})s(?![a-z])/g, (_match, acronym: string) => `${acronym}S`);
  const humps = (plain.match(/[a-z][A-Z]/g) ?? []).length;
  // An acronym next to a word (`RMMConnection`, `TwitterIOCs`) or a number (`APT28Commands`) always splits.
  const acronymBoundary = /[A-Z]{2}[a-z]{2}|[a-z][A-Z]{2}|[a-z][A-Z]\d|\d[A-Z]/.test(plain);
  if (!acronymBoundary && humps < 2 && plain.length <= 11) return word;
  return plain.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2');
}

/** Gives each id once: a second `remcos-hunt` becomes `remcos-hunt-2`. */
export function reserveId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  taken.add(candidate);
  return candidate;
}
