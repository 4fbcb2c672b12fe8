import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes as HastNodes } from 'hast';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { createError, type Problem } from '../problems/problem.ts';

// Writeups come from many hands and are read by analysts with privileged sessions open: raw HTML
// that could run code, load content from elsewhere, or restyle the page is refused at check time.
const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'style',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'template',
  'portal',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlinkHref',
  'poster',
  'background',
  'cite',
  'data',
  'srcSet',
]);
const SAFE_URL = /^(?:https?:|mailto:|[^:]*$)/i;
// Browsers read `//host` and `\\host` (tabs and newlines dropped) as a link to another site.
const OTHER_SITE = /^[/\\]{2}/;
const withoutBlanks = (url: string) => url.replace(/[\t\n\r]/g, '').trim();

/** Why a Markdown link, image or definition target is refused, or undefined when it is fine. */
function describeTarget(url: string): string | undefined {
  const target = withoutBlanks(url);
  if (OTHER_SITE.test(target)) return 'protocol-relative (//host) URL';
  return SAFE_URL.test(target) ? undefined : `${target.split(':')[0].toLowerCase()}: URL`;
}

/** Why one piece of markup is refused, or undefined when it is harmless. */
function describeElement(element: Element): string | undefined {
  if (FORBIDDEN_TAGS.has(element.tagName)) return `<${element.tagName}> is not allowed`;
  for (const [name, value] of Object.entries(element.properties ?? {})) {
    if (/^on/i.test(name))
      return `event-handler attribute ${name.toLowerCase()} on <${element.tagName}> is not allowed`;
    if (name === 'style') return `style attribute on <${element.tagName}> is not allowed`;
    // Huntbook marks query frames and search content with data attributes: a writeup that sets
    // them could hide live text from the search index and from the audit that reads pages.
    if (/^data[A-Z]/.test(name)) return `${toAttributeName(name)} attribute on <${element.tagName}> is not allowed`;
    if (!URL_ATTRIBUTES.has(name)) continue;
    // Entities are decoded by now (`https:&#47;&#47;` reads `https://`): judge what browsers follow.
    const target = withoutBlanks(String(value));
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || OTHER_SITE.test(target))
      return `${OTHER_SITE.test(target) ? 'protocol-relative (//host)' : `${target.split(':')[0].toLowerCase()}:`} URL in <${element.tagName} ${name.toLowerCase()}> is not allowed in raw HTML`;
  }
  return undefined;
}

/** `dataPagefindIgnore` → `data-pagefind-ignore`. */
function toAttributeName(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function findUnsafe(node: HastNodes): string[] {
  const found: string[] = [];
  if (node.type === 'element') {
    const reason = describeElement(node);
    if (reason) found.push(reason);
  }
  if ('children' in node) for (const child of node.children) found.push(...findUnsafe(child));
  return found;
}

/**
 * Reports raw HTML and link targets in a writeup body that could run script, load remote content
 * or escape the page's styles. Query fences are code and never inspected.
 */
export function checkUnsafeMarkup(
  body: string,
  bodyLine: number,
  file: string,
  tree: Root = fromMarkdown(body),
): Problem[] {
  const problems: Problem[] = [];
  const report = (node: Nodes, message: string) =>
    problems.push(
      createError({
        file,
        line: bodyLine + (node.position?.start.line ?? 1) - 1,
        field: 'body',
        message,
        hint: 'use Markdown instead of raw HTML; links as [text](https://…) or mailto:, which Huntbook defangs when they name an indicator',
      }),
    );
  const visit = (node: Nodes) => {
    if (node.type === 'html')
      for (const reason of new Set(findUnsafe(fromHtml(node.value, { fragment: true })))) report(node, reason);
    if (node.type === 'image' && /^[a-z][a-z0-9+.-]*:/i.test(node.url.trim()) && !/^data:/i.test(node.url.trim())) {
      report(
        node,
        `remote image ${node.url.split('/').slice(0, 3).join('/').replace(/\./g, '[.]')}… is not allowed: the site works offline`,
      );
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const reason = describeTarget(node.url);
      if (reason) report(node, `${reason} in ${node.type === 'image' ? 'an' : 'a'} ${node.type} is not allowed`);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return problems;
}
