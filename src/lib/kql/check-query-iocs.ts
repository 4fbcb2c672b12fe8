import { defangIoc } from '../ioc/index.ts';
import { createError, type Problem } from '../problems/problem.ts';
import type { Ioc } from '../schema/ioc-schema.ts';
import { adviseOperator, type OperatorAdvice } from './advise-operator.ts';
import { isPlausibleIndicator, listHuntKeys, readLiteralIndicator, type CanonicalIndicator } from './ioc-keys.ts';
import type { LiteralUse, QueryLiteral } from './query-facts.ts';
import { createQueryProblem, type QueryReading } from './read-query.ts';

/** Fence value that marks a behavioural query: its literals are not compared with `iocs`. */
export const NO_IOCS = 'none';

// Single comparisons that pin a value exactly; has/contains/startswith searches often look for
// context in free text (a command line mentioning pastebin.com), so they are not held to `iocs`.
const EXACT = /^(==|=~|ipv[46]_|has_ipv4|has_any_ipv4)/;

/** A literal that looks like an indicator, with the comparisons that hunt it (exclusions left out). */
interface HuntedLiteral {
  literal: QueryLiteral;
  indicator: CanonicalIndicator;
  uses: LiteralUse[];
  /** True when the literal must appear in `iocs`. */
  checked: boolean;
  /** True when it is in `iocs`. */
  known: boolean;
}

// Defender's DeviceId, ReportId and friends are 40 hex digits: such a value is an id, not a SHA-1.
const ID_COLUMN = /Id$/i;
const isIdLike = (indicator: CanonicalIndicator, uses: readonly LiteralUse[]) =>
  /^(md5|sha1|sha256)$/.test(indicator.type) &&
  uses.length > 0 &&
  uses.every((use) => ID_COLUMN.test(use.column ?? ''));

function readHuntedLiterals(reading: QueryReading, iocKeys: ReadonlySet<string>): HuntedLiteral[] {
  return reading.facts.literals.flatMap((literal) => {
    const indicator = readLiteralIndicator(literal.value);
    if (!indicator) return [];
    const known = listHuntKeys(indicator).some((key) => iocKeys.has(key));
    if (!known && (!isPlausibleIndicator(indicator) || isIdLike(indicator, literal.uses))) return [];
    const uses = literal.uses.filter((use) => !use.negated);
    // Only ever compared under !in, != or not(): an exclusion list, not a hunt.
    if (literal.uses.length > 0 && uses.length === 0) return [];
    const checked = literal.form === 'list' || uses.some((use) => EXACT.test(use.operator));
    return [{ literal, indicator, uses, checked, known }];
  });
}

const shown = (indicator: CanonicalIndicator) => defangIoc(indicator.value, indicator.type);

/** Result of comparing a writeup's indicators with its queries. */
export interface IocComparison {
  /** Errors for drift, warnings for operators. */
  problems: Problem[];
  /** Per query (by index): how many frontmatter indicators it hunts. */
  huntedCounts: number[];
}

/**
 * Keeps frontmatter IOCs and query literals in step: every IOC must be hunted by some query, and
 * every indicator a query lists must be in `iocs`, unless the query says `iocs=none`.
 */
export function compareIocsWithQueries(
  iocs: readonly Ioc[],
  readings: readonly QueryReading[],
  file: string,
  locate: (path: readonly PropertyKey[]) => number,
  complete: boolean,
): IocComparison {
  const problems: Problem[] = [];
  const iocKeys = new Set(iocs.flatMap((ioc) => listHuntKeys(ioc)));
  const huntedKeys = new Set<string>();
  const huntedCounts = readings.map((reading) => {
    const { query } = reading;
    if (query.iocs === NO_IOCS) return 0;
    const literals = readHuntedLiterals(reading, iocKeys);
    const queryKeys = new Set(literals.flatMap(({ indicator }) => listHuntKeys(indicator)));
    for (const key of queryKeys) huntedKeys.add(key);
    const reported = new Set<string>();
    for (const { literal, indicator, checked, known } of literals) {
      const keys = listHuntKeys(indicator);
      if (!checked || known || reported.has(keys[0])) continue;
      reported.add(keys[0]);
      problems.push(
        createQueryProblem(
          query,
          file,
          literal.offset,
          'error',
          `hunts ${indicator.type} ${shown(indicator)}, which is not in iocs`,
          `add { value: "${shown(indicator)}" } to iocs, or write iocs=none after the fence's title if the query is behavioural`,
        ),
      );
    }
    problems.push(...adviseOnOperators(reading, literals, file));
    return new Set(iocs.filter((ioc) => listHuntKeys(ioc).some((key) => queryKeys.has(key))).map((ioc) => ioc.value))
      .size;
  });
  // An empty or broken query may be the one meant to hunt it, so "hunted by no query" would be a guess.
  if (!complete) return { problems, huntedCounts };
  const seen = new Set<string>();
  iocs.forEach((ioc, index) => {
    const keys = listHuntKeys(ioc);
    if (seen.has(keys[0]) || keys.some((key) => huntedKeys.has(key))) return;
    seen.add(keys[0]);
    problems.push(
      createError({
        file,
        line: locate(['iocs', index]),
        field: `iocs[${index}].value`,
        message: `${ioc.type} ${ioc.defanged} is hunted by no query`,
        hint: 'add it to the list of a query that hunts this type, or remove it from iocs',
      }),
    );
  });
  return { problems, huntedCounts };
}

/** One warning per comparison and rule, naming a few of the indicators it affects. */
function adviseOnOperators(reading: QueryReading, literals: readonly HuntedLiteral[], file: string): Problem[] {
  const groups = new Map<string, { use: LiteralUse; advice: OperatorAdvice; values: string[] }>();
  for (const { indicator, uses } of literals) {
    for (const use of uses) {
      const advice = adviseOperator(indicator, use);
      if (!advice) continue;
      const key = `${use.offset} ${advice.rule}`;
      const group = groups.get(key) ?? { use, advice, values: [] };
      group.values.push(shown(indicator));
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ use, advice, values }) => {
    const listed =
      values.length > 3 ? `${values.slice(0, 3).join(', ')} and ${values.length - 3} more` : values.join(', ');
    const target = use.column ? ` on ${use.column}` : '';
    return createQueryProblem(
      reading.query,
      file,
      use.offset,
      'warning',
      `${use.operator}${target} hunts ${listed}`,
      `use ${advice.better}: ${advice.reason}`,
    );
  });
}
