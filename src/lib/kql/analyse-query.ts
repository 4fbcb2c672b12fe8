import { readCachedFacts, storeFacts } from './facts-cache.ts';
import { findLiterals } from './find-literals.ts';
import { findLookbacks } from './find-lookback.ts';
import { findTableReferences } from './find-tables.ts';
import { listItems, loadKustoEngine, type KustoEngine } from './load-kusto.ts';
import type { QueryFacts } from './query-facts.ts';

// The same query text (a shared template, the same query in two writeups, a dev-server reload)
// is parsed once per process.
const memo = new Map<string, QueryFacts>();

/**
 * Parses one query and extracts its syntax errors, tables, literals and look-backs. Facts from an
 * earlier run are reused, and the parser is only loaded when some query is new.
 */
export function analyseQuery(text: string, engine?: KustoEngine): QueryFacts {
  const known = memo.get(text) ?? (engine ? undefined : readCachedFacts(text));
  if (known) {
    memo.set(text, known);
    return known;
  }
  const facts = extractFacts(text, engine ?? loadKustoEngine());
  memo.set(text, facts);
  storeFacts(text, facts);
  return facts;
}

function extractFacts(text: string, engine: KustoEngine): QueryFacts {
  const code = engine.parse(text);
  const context = { engine, text };
  return {
    syntaxErrors: listItems(code.GetSyntaxDiagnostics())
      .filter((diagnostic) => diagnostic.Severity === 'Error')
      .map((diagnostic) => ({ offset: diagnostic.Start, message: diagnostic.Message, code: diagnostic.Code })),
    tableReferences: findTableReferences(context, code.Syntax),
    literals: findLiterals(context, code.Syntax),
    lookbacks: findLookbacks(context, code.Syntax),
  };
}
