import type { KustoElement } from './load-kusto.ts';
import {
  calledFunction,
  callArguments,
  childNamed,
  kindOf,
  sourceText,
  walkNodes,
  type TreeContext,
} from './syntax-tree.ts';

const UNIT_MS: Readonly<Record<string, number>> = {
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  s: 1_000,
  sec: 1_000,
  second: 1_000,
  seconds: 1_000,
  ms: 1,
  milli: 1,
  millis: 1,
  millisecond: 1,
  milliseconds: 1,
};

/** Milliseconds in a KQL timespan literal such as `30d`, `1.5h` or `time(7d)`; undefined otherwise. */
export function measureTimespan(text: string): number | undefined {
  const inner = /^time\((.*)\)$/i.exec(text.trim())?.[1] ?? text;
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(inner.trim());
  const unit = match ? UNIT_MS[match[2].toLowerCase()] : undefined;
  return match && unit !== undefined ? Number(match[1]) * unit : undefined;
}

/** Arguments of every `ago(...)`, as written; a `let` name is replaced by the timespan it holds. */
export function findLookbacks(context: TreeContext, root: KustoElement): string[] {
  const scalars = new Map<string, string>();
  const lookbacks: string[] = [];
  walkNodes(root, (node) => {
    if (kindOf(context, node) === 'LetStatement') {
      const name = childNamed(node, 'Name')?.SimpleName;
      const value = childNamed(node, 'Expression');
      if (name && value && kindOf(context, value) === 'TimespanLiteralExpression')
        scalars.set(name, sourceText(context, value));
      return;
    }
    if (calledFunction(context, node) !== 'ago') return;
    const [argument] = callArguments(context, node);
    if (!argument) return;
    const text = sourceText(context, argument);
    lookbacks.push(kindOf(context, argument) === 'NameReference' ? (scalars.get(text) ?? text) : text);
  });
  return lookbacks;
}

/** The longest look-back among `ago(...)` arguments; unmeasurable ones only count when nothing else does. */
export function pickLongestLookback(lookbacks: readonly string[]): string | undefined {
  let best: { text: string; ms: number } | undefined;
  for (const text of lookbacks) {
    const ms = measureTimespan(text);
    if (ms !== undefined && (!best || ms > best.ms)) best = { text, ms };
  }
  return best?.text ?? lookbacks[0];
}
