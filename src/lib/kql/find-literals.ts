import type { KustoElement } from './load-kusto.ts';
import type { LiteralUse, QueryLiteral } from './query-facts.ts';
import {
  calledFunction,
  callArguments,
  childNamed,
  childrenOf,
  expressionListItems,
  kindOf,
  sourceText,
  unwrapParentheses,
  walkNodes,
  type TreeContext,
} from './syntax-tree.ts';

// Operators whose right side is a list of values rather than one value.
const LIST_OPERATORS = new Set([
  'InExpression',
  'InCsExpression',
  'NotInExpression',
  'NotInCsExpression',
  'HasAnyExpression',
  'HasAllExpression',
]);

// `column <op> value` operators whose literals matter for IOCs. `matches regex` is left out: a
// pattern is not an indicator.
const SCALAR_OPERATOR =
  /^(Not)?(Equal|EqualTilde|BangTilde|Has|HasCs|HasPrefix|HasPrefixCs|HasSuffix|HasSuffixCs|Contains|ContainsCs|StartsWith|StartsWithCs|EndsWith|EndsWithCs)Expression$/;

// Functions that compare an address column with literal addresses or ranges.
const ADDRESS_FUNCTION = /^(ipv4_|ipv6_|has_ipv4|has_any_ipv4)/;

// Functions that build a list from their arguments.
const LIST_BUILDERS = new Set(['pack_array', 'dynamic', 'set_union']);

const STRING_LITERALS = new Set(['StringLiteralExpression', 'CompoundStringLiteralExpression']);

/** Collects literals and how they are used, keeping each literal once. */
class LiteralCollector {
  readonly literals: QueryLiteral[] = [];
  private readonly bound = new Map<string, QueryLiteral[]>();
  private readonly byOffset = new Map<number, QueryLiteral>();
  private readonly context: TreeContext;

  constructor(context: TreeContext) {
    this.context = context;
  }

  /** Literal values an expression stands for; new literals get `form`. */
  valuesOf(expression: KustoElement, form: QueryLiteral['form']): QueryLiteral[] {
    const node = unwrapParentheses(this.context, expression);
    const kind = kindOf(this.context, node);
    if (STRING_LITERALS.has(kind)) return this.record(node, form);
    if (kind === 'NameReference') return this.bound.get(node.SimpleName ?? '') ?? [];
    if (kind === 'ExpressionList')
      return expressionListItems(this.context, node).flatMap((item) => this.valuesOf(item, form));
    if (kind === 'DynamicExpression' || kind === 'DataTableExpression') return this.recordAllStrings(node);
    const called = calledFunction(this.context, node);
    if (called && LIST_BUILDERS.has(called)) return this.recordAllStrings(node);
    return [];
  }

  bind(name: string, literals: QueryLiteral[]): void {
    for (const literal of literals) literal.listName ??= name;
    this.bound.set(name, literals);
  }

  /** Any list not consumed by a comparison still counts: it is a declared list of values. */
  recordAllStrings(node: KustoElement): QueryLiteral[] {
    const found: QueryLiteral[] = [];
    walkNodes(node, (inner) => {
      if (STRING_LITERALS.has(kindOf(this.context, inner))) found.push(...this.record(inner, 'list'));
    });
    return found;
  }

  private record(node: KustoElement, form: QueryLiteral['form']): QueryLiteral[] {
    if (typeof node.LiteralValue !== 'string') return [];
    const existing = this.byOffset.get(node.TextStart);
    if (existing) return [existing];
    const literal: QueryLiteral = { value: node.LiteralValue, offset: node.TextStart, form, uses: [] };
    this.byOffset.set(node.TextStart, literal);
    this.literals.push(literal);
    return [literal];
  }
}

/** The operator token of a binary or list comparison, lowercase with spaces collapsed. */
function operatorOf(node: KustoElement): KustoElement | undefined {
  return childNamed(node, 'Operator');
}

/** Literals the query lists or compares against, with the columns and operators they meet. */
export function findLiterals(context: TreeContext, root: KustoElement): QueryLiteral[] {
  const collector = new LiteralCollector(context);
  const use = (literals: QueryLiteral[], operator: string, offset: number, negated: boolean, column?: KustoElement) => {
    const entry: LiteralUse = { operator, offset, negated, ...(column ? { column: sourceText(context, column) } : {}) };
    for (const literal of literals) literal.uses.push(entry);
  };
  const visit = (node: KustoElement, negated: boolean): void => {
    const kind = kindOf(context, node);
    const called = calledFunction(context, node);
    if (kind === 'LetStatement') {
      const name = childNamed(node, 'Name')?.SimpleName;
      const value = childNamed(node, 'Expression');
      if (name && value) collector.bind(name, collector.valuesOf(value, 'list'));
    } else if (LIST_OPERATORS.has(kind) || SCALAR_OPERATOR.test(kind)) {
      const [left, operatorToken, right] = [childNamed(node, 'Left'), operatorOf(node), childNamed(node, 'Right')];
      if (left && operatorToken && right) {
        const operator = (operatorToken.Text ?? '').toLowerCase().replace(/\s+/g, ' ');
        const isNegated = negated !== /^(Not|BangTilde)/.test(kind);
        const form = LIST_OPERATORS.has(kind) ? 'list' : 'comparison';
        // `"1.2.3.4" == RemoteIP` is as common as the other way round.
        const leftValues = form === 'comparison' ? collector.valuesOf(left, form) : [];
        const [values, column] = leftValues.length ? [leftValues, right] : [collector.valuesOf(right, form), left];
        use(values, operator, operatorToken.TextStart, isNegated, column);
      }
    } else if (called && ADDRESS_FUNCTION.test(called)) {
      const [column, ...rest] = callArguments(context, node);
      const values = rest.flatMap((argument) => collector.valuesOf(argument, 'comparison'));
      use(values, called, node.TextStart, negated, column);
    } else if (kind === 'DynamicExpression' || (called && LIST_BUILDERS.has(called))) {
      collector.recordAllStrings(node);
    }
    const inner = negated !== (called === 'not');
    for (const child of childrenOf(node)) if (!child.IsToken) visit(child, inner);
  };
  visit(root, false);
  return collector.literals.sort((a, b) => a.offset - b.offset);
}
