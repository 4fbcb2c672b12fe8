import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes as HastNodes } from 'hast';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { createError, type Problem } from '../problems/problem.ts';
import { ALLOWED_TAGS } from './html-tags.ts';
import { cleanUrl, isAbsoluteUrl, OTHER_SITE } from './url-target.ts';

// Writeups come from many hands and are read by analysts with privileged sessions open: raw HTML
// is limited to a short list of harmless tags (html-tags.ts), and refused at check time otherwise.
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
  'ping',
]);
const SAFE_URL = /^(?:https?:|mailto:|[^:]*$)/i;

/** Why a Markdown link, image or definition target is refused, or undefined when it is fine. */
function describeTarget(url: string): string | undefined {
  const target = cleanUrl(url);
  if (OTHER_SITE.test(target)) return 'protocol-relative (//host) URL';
  return SAFE_URL.test(target) ? undefined : `${target.split(':')[0].toLowerCase()}: URL`;
}

// Ids the site and its search use; an author's own anchors (`<a id="triage">`) stay allowed.
const RESERVED_ID = /^(?:starlight|sl-|hb-|pagefind|_top$|__)/i;

/** Why one piece of markup is refused, or undefined when it is harmless. */
function describeElement(element: Element): string | undefined {
  if (!ALLOWED_TAGS.has(element.tagName)) return `<${element.tagName}> is not allowed`;
  for (const [name, value] of Object.entries(element.properties ?? {})) {
    if (/^on/i.test(name))
      return `event-handler attribute ${name.toLowerCase()} on <${element.tagName}> is not allowed`;
    if (name === 'style') return `style attribute on <${element.tagName}> is not allowed`;
    // The site's own classes and ids can hide text (`sl-hidden`) or take over its scripts' targets.
    if (name === 'className') return `class attribute on <${element.tagName}> is not allowed`;
    if (name === 'id' && RESERVED_ID.test(String(value)))
      return `id "${String(value)}" on <${element.tagName}> is not allowed: the site uses it`;
    // Huntbook marks query frames and search content with data attributes: a writeup that sets
    // them could hide live text from the search index and from the audit that reads pages.
    if (/^data[A-Z]/.test(name)) return `${toAttributeName(name)} attribute on <${element.tagName}> is not allowed`;
    if (!URL_ATTRIBUTES.has(name)) continue;
    // Entities are decoded by now (`https:&#47;&#47;` reads `https://`): judge what browsers follow,
    // each candidate of a srcset and each address of a ping.
    const targets = String(value)
      .split(name === 'srcSet' ? /,\s+/ : name === 'ping' ? /\s+/ : /$^/)
      .map((candidate) => cleanUrl(name === 'srcSet' ? candidate.trim().split(/\s+/)[0] : candidate));
    const target = targets.find(isAbsoluteUrl);
    if (target !== undefined)
      return `${OTHER_SITE.test(target) ? 'protocol-relative (//host)' : `${target.split(':')[0].toLowerCase()}:`} URL in <${element.tagName} ${name.toLowerCase()}> is not allowed in raw HTML`;
  }
  return undefined;
}

/** `dataPagefindIgnore` → `data-pagefind-ignore`. */
function toAttributeName(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

// What an HTML parser drops or turns into a comment, though browsers may still glue words across
// it: processing instructions, declarations and end tags of elements that are not allowed.
const UNPARSED = /<\?[^>]*>?|<!(?!--)[^>]*>?|<\/([A-Za-z][\w:-]*)[^>]*>?/g;

// Start tags with their attributes, so a `</script>` inside an attribute value is not read as a tag.
const START_TAG = /<[A-Za-z][\w:-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;

function findUnparsed(html: string): string[] {
  return [...html.replace(START_TAG, '').matchAll(UNPARSED)].flatMap(([markup, endTag]) => {
    if (endTag === undefined)
      return [`${markup.slice(0, 2)}…> (a processing instruction or declaration) is not allowed`];
    // Worded as for the start tag, so an element refused whole is reported once.
    return ALLOWED_TAGS.has(endTag.toLowerCase()) ? [] : [`<${endTag.toLowerCase()}> is not allowed`];
  });
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
  // `<object …></object>` in a paragraph is two inline HTML nodes: one report per line is enough.
  const reported = new Set<string>();
  const report = (node: Nodes, message: string) => {
    const line = bodyLine + (node.position?.start.line ?? 1) - 1;
    if (reported.has(`${line} ${message}`)) return;
    reported.add(`${line} ${message}`);
    problems.push(
      createError({
        file,
        line,
        field: 'body',
        message,
        hint: 'use Markdown instead of raw HTML; a link as [text](https://…) stays a link only to a host listed under references, and is shown as defanged text otherwise',
      }),
    );
  };
  const visit = (node: Nodes) => {
    if (node.type === 'html') {
      const reasons = [...findUnsafe(fromHtml(node.value, { fragment: true })), ...findUnparsed(node.value)];
      for (const reason of new Set(reasons)) report(node, reason);
    }
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
