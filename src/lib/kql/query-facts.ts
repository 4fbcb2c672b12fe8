// What Huntbook reads out of one KQL query. Offsets are 0-based positions in the query text;
// `locate-in-query.ts` turns them into file lines and columns.

/** A syntax error reported by the Kusto parser. */
export interface KqlSyntaxError {
  /** Where the error starts. */
  offset: number;
  /** Kusto's message, e.g. `Missing expression`. */
  message: string;
  /** Kusto's diagnostic code, e.g. `KS006`. */
  code: string;
}

/** A name in a position where the query reads rows: a table, or a `union` wildcard. */
export interface TableReference {
  /** The name as written, e.g. `DeviceNetworkEvents` or `Device*`. */
  name: string;
  /** Where the name starts. */
  offset: number;
  /** True for a wildcard such as `Device*`, resolved against the catalog. */
  wildcard: boolean;
}

/** One way a literal is compared with the data. */
export interface LiteralUse {
  /** Operator or function, lowercase as written: `in~`, `==`, `has_any`, `ipv4_is_in_range`. */
  operator: string;
  /** Text of the expression on the other side, usually a column such as `RemoteIP`. */
  column?: string;
  /** Where the operator (or function name) starts. */
  offset: number;
  /** True inside an exclusion: `!in`, `!=`, `!has`, or under `not(...)`. */
  negated: boolean;
}

/** A string literal that the query lists or compares against. */
export interface QueryLiteral {
  /** The value, unescaped (`@"c:\x"` gives `c:\x`). */
  value: string;
  /** Where the literal starts. */
  offset: number;
  /** `list`: in `dynamic([...])`, `in (...)`, `has_any (...)` or a `let`; `comparison`: a single `==`, `has`, … operand. */
  form: 'list' | 'comparison';
  /** Name of the `let` it is bound to, if any. */
  listName?: string;
  /** Every comparison that uses it; empty for a list that is declared but never compared. */
  uses: LiteralUse[];
}

/** Everything extracted from one query. */
export interface QueryFacts {
  /** Syntax errors; empty when the query parses clean. */
  syntaxErrors: KqlSyntaxError[];
  /** Tables read, in order of appearance, through `let`, `union`, `join`, `lookup`, `materialize`. */
  tableReferences: TableReference[];
  /** Literals in lists and comparisons, in order of appearance. */
  literals: QueryLiteral[];
  /** Arguments of `ago(...)`, resolved through `let` where possible, in order of appearance. */
  lookbacks: string[];
}

const NEGATED = /^!|^not/;

/** True for an exclusion operator such as `!in~`, `!=`, `!has`, `!~`. */
export function isNegatedOperator(operator: string): boolean {
  return NEGATED.test(operator);
}
