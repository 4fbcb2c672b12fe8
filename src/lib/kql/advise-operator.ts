import { isAddressType, isIpv6, type CanonicalIndicator } from './ioc-keys.ts';
import type { LiteralUse } from './query-facts.ts';

/** Why an operator misses or over-matches an indicator, and what to write instead. */
export interface OperatorAdvice {
  /** Stable name of the rule, for grouping. */
  rule: 'substring-address' | 'case-sensitive' | 'ipv4-function' | 'range-as-value';
  /** The operator or function to use instead. */
  better: string;
  /** One clause for the hint: why the better one is better. */
  reason: string;
}

const SUBSTRING =
  /^(has|has_cs|has_any|has_all|contains|contains_cs|startswith|startswith_cs|endswith|endswith_cs|hasprefix|hasprefix_cs|hassuffix|hassuffix_cs)$/;
const CASE_SENSITIVE: Readonly<Record<string, string>> = {
  '==': '=~',
  in: 'in~',
  has_cs: 'has',
  contains_cs: 'contains',
  startswith_cs: 'startswith',
  endswith_cs: 'endswith',
  hasprefix_cs: 'hasprefix',
  hassuffix_cs: 'hassuffix',
};
const RANGE_FUNCTION = /_is_in_(any_)?range$|_is_match$|has_any_ipv4_prefixes|has_ipv4_prefix/;
const IPV6_COUNTERPART: Readonly<Record<string, string>> = {
  ipv4_is_in_range: 'ipv6_is_in_range',
  ipv4_is_in_any_range: 'ipv6_is_in_any_range',
  ipv4_is_match: 'ipv6_is_match',
  ipv4_compare: 'ipv6_compare',
  parse_ipv4: 'parse_ipv6',
};

/** Advice for one indicator meeting one operator, or undefined when the operator fits. */
export function adviseOperator(indicator: CanonicalIndicator, use: LiteralUse): OperatorAdvice | undefined {
  const { operator } = use;
  if (isIpv6(indicator) && /^(ipv4_|has_ipv4|has_any_ipv4|parse_ipv4)/.test(operator)) {
    const better = IPV6_COUNTERPART[operator];
    return {
      rule: 'ipv4-function',
      better: better ? `${better}()` : '=~ or in~ (…)',
      reason: `${operator}() only handles IPv4, so an IPv6 address never matches`,
    };
  }
  if (indicator.type === 'cidr' && !RANGE_FUNCTION.test(operator)) {
    const family = isIpv6(indicator) ? 'ipv6' : 'ipv4';
    return {
      rule: 'range-as-value',
      better: `${family}_is_in_range() or ${family}_is_in_any_range()`,
      reason: `${operator} compares text, so a range such as ${indicator.value} matches no address`,
    };
  }
  if (isAddressType(indicator.type) && SUBSTRING.test(operator)) {
    const list = operator === 'has_any' || operator === 'has_all';
    const why = operator.startsWith('has')
      ? `${operator} looks for words in text, so it also matches the address inside longer values and cannot use an exact index`
      : `${operator} compares text, so "10.0.0.1" also matches 10.0.0.10`;
    return {
      rule: 'substring-address',
      better: list ? 'in (…)' : '==',
      reason: `${why}; on free text use has_any_ipv4()`,
    };
  }
  const insensitive = CASE_SENSITIVE[operator];
  if (insensitive && /^(domain|email|md5|sha1|sha256)$/.test(indicator.type)) {
    return {
      rule: 'case-sensitive',
      better: insensitive,
      reason: `${operator} is case-sensitive, so a value logged in another case is missed`,
    };
  }
  return undefined;
}
