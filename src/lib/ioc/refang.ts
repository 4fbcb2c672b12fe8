// Undoing the defanging conventions seen in threat-intel feeds and reports.
//
// Only bracketed or parenthesised tokens are rewritten, never bare letters: a
// host such as `login.dot-cdn.example` or a mailbox such as `httpalerts@…`
// must come through untouched.

/** Defanged spellings of `.`, `:`, `://` and `@`, each mapped to the live character(s). */
const DEFANG_TOKENS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^[[({](?:\.|dot)[\])}]$/i, '.'],
  [/^\[:\/\/\]$/, '://'],
  [/^\[:\]$/, ':'],
  [/^[[({](?:@|at)[\])}]$/i, '@'],
];

/** One alternation over every token above; `[:]//` needs no entry because `[:]` alone yields `://`. */
const TOKEN_PATTERN = /\[:\/\/\]|\[:\]|[[({](?:\.|dot|@|at)[\])}]/gi;

/** `hxxp` / `hXXps` etc. only count as a scheme when directly followed by `://`. */
const HXXP_PATTERN = /\bhxxp(s?)(?=:\/\/)/gi;

/** Re-run limit: `[[.]]` (defanged twice by a careless tool) needs two passes. */
const MAX_PASSES = 4;

/** Replace one matched token; mismatched brackets such as `[.)` are left alone because they never match. */
function replaceToken(token: string): string {
  for (const [pattern, live] of DEFANG_TOKENS) {
    if (pattern.test(token) && bracketsPair(token)) return live;
  }
  return token;
}

/** True when the opening and closing brackets of a token are of the same kind. */
function bracketsPair(token: string): boolean {
  const open = token[0];
  const close = token[token.length - 1];
  return (open === '[' && close === ']') || (open === '(' && close === ')') || (open === '{' && close === '}');
}

/** One refanging pass over the whole string. */
function refangOnce(text: string): string {
  const live = text.replace(TOKEN_PATTERN, replaceToken);
  // Lower-casing the scheme keeps HXXPS from turning into HTTPS-with-odd-case, and `s` is kept so https never downgrades.
  return live.replace(HXXP_PATTERN, (_match, secure: string) => `http${secure.toLowerCase()}`);
}

/** Undo defanging (`[.]`, `(dot)`, `[://]`, `[:]`, `hxxp`, `[at]` …) and return the live string. */
export function refangText(text: string): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = refangOnce(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}
