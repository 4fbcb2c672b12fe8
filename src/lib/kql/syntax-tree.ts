import type { KustoElement, KustoEngine } from './load-kusto.ts';

/** A syntax node with its kind name resolved, plus the query text it came from. */
export interface TreeContext {
  /** The loaded parser, for kind names. */
  engine: KustoEngine;
  /** The query text, for slicing out expressions. */
  text: string;
}

/** Kind name of an element, e.g. `PipeExpression`. */
export function kindOf(context: TreeContext, element: KustoElement): string {
  return context.engine.kindName(element.Kind);
}

/** Non-null children of an element, in order. */
export function childrenOf(element: KustoElement): KustoElement[] {
  const children: KustoElement[] = [];
  for (let index = 0; index < element.ChildCount; index++) {
    const child = element.GetChild(index);
    if (child) children.push(child);
  }
  return children;
}

/** The child in the slot named `name` (`Expression`, `Left`, `Right`, `Operator`, …). */
export function childNamed(element: KustoElement, name: string): KustoElement | undefined {
  for (let index = 0; index < element.ChildCount; index++) {
    if (element.GetName(index) === name) return element.GetChild(index) ?? undefined;
  }
  return undefined;
}

/** The elements of a separated list node (`List` of `SeparatedElement`), unwrapped. */
export function listElements(context: TreeContext, list: KustoElement | undefined): KustoElement[] {
  if (!list) return [];
  return childrenOf(list).flatMap((item) => {
    if (kindOf(context, item) !== 'SeparatedElement') return item.IsToken ? [] : [item];
    const element = item.GetChild(0);
    return element ? [element] : [];
  });
}

/** The expressions inside an `ExpressionList` such as the `( … )` of `in` or a call's arguments. */
export function expressionListItems(context: TreeContext, node: KustoElement | undefined): KustoElement[] {
  if (!node) return [];
  return listElements(context, childNamed(node, 'Expressions'));
}

/** Strips `( … )` around an expression. */
export function unwrapParentheses(context: TreeContext, node: KustoElement): KustoElement {
  let current = node;
  while (kindOf(context, current) === 'ParenthesizedExpression') {
    const inner = childNamed(current, 'Expression');
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** Source text of an element, whitespace collapsed and cut to `max` characters. */
export function sourceText(context: TreeContext, element: KustoElement, max = 60): string {
  const text = context.text.slice(element.TextStart, element.TextStart + element.Width).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Lowercase name of a function call (`ago`, `ipv4_is_in_range`), or undefined for other nodes. */
export function calledFunction(context: TreeContext, node: KustoElement): string | undefined {
  if (kindOf(context, node) !== 'FunctionCallExpression') return undefined;
  return childNamed(node, 'Name')?.SimpleName?.toLowerCase();
}

/** Arguments of a function call. */
export function callArguments(context: TreeContext, node: KustoElement): KustoElement[] {
  return expressionListItems(context, childNamed(node, 'ArgumentList'));
}

/** Visits every node (not tokens) depth-first, parents before children. */
export function walkNodes(root: KustoElement, visit: (node: KustoElement) => void): void {
  const stack: KustoElement[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.IsToken) continue;
    visit(node);
    for (let index = node.ChildCount - 1; index >= 0; index--) {
      const child = node.GetChild(index);
      if (child && !child.IsToken) stack.push(child);
    }
  }
}
