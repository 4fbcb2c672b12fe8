import { createRequire } from 'node:module';

// The parts of the Kusto.Language bridge (@kusto/language-service-next) that Huntbook reads.
// The package ships C# compiled to JavaScript by Bridge.NET: members keep their C# names.

/** A node or token of a Kusto syntax tree. */
export interface KustoElement {
  /** `SyntaxKind` value; {@link KustoEngine.kindName} turns it into a name. */
  readonly Kind: number;
  /** True for a token (keyword, literal, punctuation), false for a node. */
  readonly IsToken: boolean;
  /** Number of child slots; a slot may hold null. */
  readonly ChildCount: number;
  /** 0-based offset of the first character, leading trivia excluded. */
  readonly TextStart: number;
  /** Length in characters, trivia excluded. */
  readonly Width: number;
  /** Token text (tokens only). */
  readonly Text?: string;
  /** Name of a `NameReference` or `NameDeclaration`. */
  readonly SimpleName?: string;
  /** Value of a literal expression, unescaped (a string for string literals). */
  readonly LiteralValue?: unknown;
  /** Child in slot `index`. */
  GetChild(index: number): KustoElement | null;
  /** Role of slot `index` in its parent, e.g. `Expression`, `Left`, `Operator`. */
  GetName(index: number): string | null;
}

/** A diagnostic as Kusto reports it; offsets are into the query text. */
export interface KustoDiagnostic {
  readonly Start: number;
  readonly Length: number;
  readonly Message: string;
  readonly Code: string;
  readonly Severity: string;
}

/** Kusto's read-only list: a JS array or a Bridge `IReadOnlyList`. */
export type KustoList<T> = readonly T[] | { readonly Count: number; getItem(index: number): T };

/** One parsed query. */
export interface KustoCode {
  readonly Syntax: KustoElement;
  GetSyntaxDiagnostics(): KustoList<KustoDiagnostic> | null;
}

/** The loaded parser, with syntax-kind names resolved once. */
export interface KustoEngine {
  /** Parses a query (syntax only, no semantic analysis). */
  parse(text: string): KustoCode;
  /** `SyntaxKind` number → name, e.g. `NameReference`. */
  kindName(kind: number): string;
}

interface KustoGlobals {
  Kusto?: {
    Language: {
      KustoCode: { Parse(text: string): KustoCode };
      Syntax: { SyntaxKind: Record<string, unknown> };
    };
  };
}

let engine: KustoEngine | undefined;

/**
 * The Kusto parser, loaded on first use and shared by the whole process: loading and warming it
 * up takes over a second, so it must never happen per writeup or per page. Synchronous, so the
 * check pipeline stays synchronous.
 */
export function loadKustoEngine(): KustoEngine {
  if (engine) return engine;
  const require = createRequire(import.meta.url);
  // Plain scripts, not modules: they define the globals `Bridge`, `System` and `Kusto`.
  require('@kusto/language-service-next/bridge.min.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
  const language = (globalThis as KustoGlobals).Kusto?.Language;
  if (!language) throw new Error('@kusto/language-service-next did not define Kusto.Language');
  const names: string[] = [];
  for (const [name, value] of Object.entries(language.Syntax.SyntaxKind)) {
    if (typeof value === 'number') names[value] = name;
  }
  engine = {
    parse: (text) => language.KustoCode.Parse(text),
    kindName: (kind) => names[kind] ?? 'Unknown',
  };
  return engine;
}

/** The items of a Kusto list as a plain array. */
export function listItems<T>(list: KustoList<T> | null | undefined): T[] {
  if (!list) return [];
  if (Array.isArray(list)) return [...(list as readonly T[])];
  const bridged = list as { readonly Count: number; getItem(index: number): T };
  return Array.from({ length: bridged.Count ?? 0 }, (_, index) => bridged.getItem(index));
}
