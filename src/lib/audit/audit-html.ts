import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';

/** A live indicator found where readers could click or copy it. */
export interface LiveIndicator {
  /** The canonical indicator that matched, or the fanged-looking text for the generic check. */
  indicator: string;
  /** `text`, `attribute href`, … */
  where: string;
  /** Tag of the element holding it. */
  element: string;
  /** Up to 80 characters around the match. */
  context: string;
}

// A dotted quad of real octets, not part of a longer number: fanged, so copyable and linkable.
const FANGED_IPV4 =
  /(?<![\d.[])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d\]]|\.\d)/g;

/** True for an element whose subtree is a query and so must keep indicators live. */
function isQueryElement(element: Element): boolean {
  const props = element.properties ?? {};
  if ('dataQuery' in props) return true;
  const language = String(props.dataLanguage ?? '').toLowerCase();
  return element.tagName === 'pre' && (language === 'kql' || language === 'kusto');
}

/**
 * Lists every place in `html` where one of `indicators` (canonical values whose defanged form
 * differs, i.e. not hashes) or a fanged IPv4 appears outside KQL code: text, any attribute,
 * `<title>`, meta tags and JSON-LD included.
 */
export function findLiveIndicators(html: string, indicators: readonly string[]): LiveIndicator[] {
  const needles = [...new Set(indicators.map((value) => value.toLowerCase()))];
  const found: LiveIndicator[] = [];
  const inspect = (text: string, where: string, element: string) => {
    const lower = text.toLowerCase();
    for (const needle of needles) {
      const at = lower.indexOf(needle);
      if (at !== -1)
        found.push({
          indicator: needle,
          where,
          element,
          context: text.slice(Math.max(0, at - 30), at + needle.length + 30),
        });
    }
    for (const match of text.matchAll(FANGED_IPV4)) {
      found.push({
        indicator: match[0],
        where,
        element,
        context: text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30),
      });
    }
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
