import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { findDeclaredHost, findIocs, foldIndicatorRuns, type FoundIoc } from '../ioc/index.ts';

/** A live indicator found where readers could click or copy it. */
export interface LiveIndicator {
  /** The canonical indicator that matched. */
  indicator: string;
  /** `text`, `attribute href`, … */
  where: string;
  /** Tag of the element holding it. */
  element: string;
  /** Up to 80 characters around the match. */
  context: string;
}

/** True for an element whose subtree is a query and so must keep indicators live. */
function isQueryElement(element: Element): boolean {
  const props = element.properties ?? {};
  if ('dataQuery' in props) return true;
  const language = String(props.dataLanguage ?? '').toLowerCase();
  return element.tagName === 'pre' && (language === 'kql' || language === 'kusto');
}

/** The canonical forms under which a found token can be a known indicator. */
function candidateValues(found: FoundIoc, indicators: ReadonlySet<string>): string[] {
  if (!found.value) return [];
  if (found.type === 'ip:port') return [found.value, found.value.replace(/^\[(.*)\]:\d+$|:\d+$/, '$1')];
  if (found.type === 'url') {
    const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]+)/.exec(found.value)?.[1];
    return host ? [found.value, host.replace(/^\[|\]$/g, '')] : [found.value];
  }
  // A declared domain is live in its subdomains too (`cdn.attacker.zip`), and a mailbox in any case.
  const host = found.value.slice(found.value.lastIndexOf('@') + 1);
  return [found.value, found.value.toLowerCase(), findDeclaredHost(host, indicators) ?? ''];
}

/**
 * Every live indicator in `text` that is a known indicator, or any live IPv4 address at all:
 * token by token (one regex pass), so `198.51.100.2` never matches inside `198.51.100.263`.
 * Lookalikes are read as the defanger reads them, so `relay。example` left live is found.
 */
export function findLiveInText(
  written: string,
  indicators: ReadonlySet<string>,
): { indicator: string; context: string }[] {
  const hits: { indicator: string; context: string }[] = [];
  const text = foldIndicatorRuns(written, { prose: true }, indicators);
  for (const found of findIocs(text, indicators)) {
    if (!found.live || !found.value) continue;
    const known = candidateValues(found, indicators).find((value) => indicators.has(value));
    const anyIpv4 =
      (found.type === 'ip' || found.type === 'ip:port') && !found.value.includes('[') && found.value.includes('.');
    if (!known && !anyIpv4) continue;
    hits.push({ indicator: known ?? found.value, context: text.slice(Math.max(0, found.start - 30), found.end + 30) });
  }
  return hits;
}

/**
 * Lists every place in `html` where a known indicator (hashes aside: they read the same
 * defanged) or any IPv4 address appears live outside KQL code: text, any attribute,
 * `<title>`, meta tags and JSON-LD included.
 */
export function findLiveIndicators(html: string, indicators: ReadonlySet<string>): LiveIndicator[] {
  const found: LiveIndicator[] = [];
  const inspect = (text: string, where: string, element: string) => {
    for (const hit of findLiveInText(text, indicators)) found.push({ ...hit, where, element });
  };
  const walk = (node: Nodes, parent: string) => {
    if (node.type === 'text' || node.type === 'comment') {
      inspect(node.value, node.type, parent);
      return;
    }
    if (node.type === 'element') {
      if (isQueryElement(node)) return;
      for (const [name, value] of Object.entries(node.properties ?? {})) {
        inspect(Array.isArray(value) ? value.join(' ') : String(value), `attribute ${name}`, node.tagName);
      }
      // <template> content lives in its own fragment.
      const content = (node as Element & { content?: Nodes }).content;
      if (content) walk(content, node.tagName);
    }
    if ('children' in node)
      for (const child of node.children) walk(child, node.type === 'element' ? node.tagName : parent);
  };
  walk(fromHtml(html), 'root');
  return found;
}
