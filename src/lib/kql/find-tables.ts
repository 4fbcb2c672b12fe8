import type { KustoElement } from './load-kusto.ts';
import type { TableReference } from './query-facts.ts';
import {
  calledFunction,
  callArguments,
  childNamed,
  kindOf,
  listElements,
  unwrapParentheses,
  walkNodes,
  type TreeContext,
} from './syntax-tree.ts';

// Slots whose expression is a row source: `T | …`, `let x = T;`, `join (T)`, `materialize(T)`, …
const SOURCE_SLOTS: Readonly<Record<string, string>> = {
  PipeExpression: 'Expression',
  ExpressionStatement: 'Expression',
  LetStatement: 'Expression',
  JoinOperator: 'Expression',
  LookupOperator: 'Expression',
  MaterializeExpression: 'Expression',
  ToScalarExpression: 'Expression',
  ToTableExpression: 'Expression',
};

// Names a query declares itself: `let` names, function parameters, `as` names. A source with one of
// these names is the query's own variable, not a table, even when a table has the same name.
function collectDeclaredNames(context: TreeContext, root: KustoElement): Set<string> {
  const names = new Set<string>();
  walkNodes(root, (node) => {
    const kind = kindOf(context, node);
    if (kind === 'LetStatement' || kind === 'AsOperator') {
      const name = childNamed(node, 'Name')?.SimpleName;
      if (name) names.add(name);
    } else if (kind === 'FunctionParameter') {
      walkNodes(node, (inner) => {
        if (kindOf(context, inner) === 'NameDeclaration' && inner.SimpleName) names.add(inner.SimpleName);
      });
    }
  });
  return names;
}

/** The table a source expression names: a bare name, a wildcard, or `table("Name")`. */
function readSource(context: TreeContext, expression: KustoElement): TableReference | undefined {
  const source = unwrapParentheses(context, expression);
  const kind = kindOf(context, source);
  if (kind === 'NameReference' && source.SimpleName) {
    const nameKind = kindOf(context, childNamed(source, 'Name') ?? source);
    const wildcard = nameKind === 'WildcardedName' || nameKind === 'BracketedWildcardedName';
    return { name: source.SimpleName, offset: source.TextStart, wildcard };
  }
  if (calledFunction(context, source) === 'table') {
    const [argument] = callArguments(context, source);
    if (argument && typeof argument.LiteralValue === 'string') {
      return { name: argument.LiteralValue, offset: argument.TextStart, wildcard: false };
    }
  }
  return undefined;
}

/**
 * Every table a query reads from, in order of appearance, through `let`, `union`, `join`, `lookup`,
 * `materialize` and `search`/`find in (…)`; the query's own `let` names are left out.
 */
export function findTableReferences(context: TreeContext, root: KustoElement): TableReference[] {
  const declared = collectDeclaredNames(context, root);
  const found: TableReference[] = [];
  const add = (expression: KustoElement | undefined) => {
    if (!expression) return;
    const reference = readSource(context, expression);
    if (reference && !declared.has(reference.name)) found.push(reference);
  };
  walkNodes(root, (node) => {
    const kind = kindOf(context, node);
    if (kind === 'UnionOperator' || kind === 'FindInClause') {
      for (const expression of listElements(context, childNamed(node, 'Expressions'))) add(expression);
      return;
    }
    const slot = SOURCE_SLOTS[kind];
    if (slot) add(childNamed(node, slot));
  });
  return found.sort((a, b) => a.offset - b.offset);
}
