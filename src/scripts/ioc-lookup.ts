import type { LookupIndex } from '../lib/derive/lookup-index.ts';
import { matchIndicator, type IndicatorResult, type LookupHit, type Relation } from '../lib/derive/lookup-match.ts';
import { readPastedIndicators, type UnreadToken } from '../lib/derive/read-pasted.ts';

// The IOC look-up: reads pasted text with the shared IOC engine, then matches each canonical
// indicator exactly against the index the build wrote. No server, no Pagefind: a miss is a miss.
// Everything is rendered with textContent, so pasted text can never become markup.

const RELATION_TEXT: Record<Relation, string> = {
  'same-address': 'same address, listed as',
  'same-host': 'same host, listed as',
  'parent-domain': 'parent domain listed:',
};

let loading: Promise<LookupIndex> | undefined;

function loadIndex(url: string): Promise<LookupIndex> {
  loading ??= fetch(url).then(async (response) => {
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return (await response.json()) as LookupIndex;
  });
  loading.catch(() => (loading = undefined));
  return loading;
}

type Child = Node | string | undefined | false;

function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function renderHit(hit: LookupHit): HTMLElement {
  const { writeup, entry } = hit;
  const queries = entry.queries.map((i) => writeup.queries[i]).filter((title): title is string => Boolean(title));
  const facts = [
    queries.length
      ? `${queries.length === 1 ? 'Query' : 'Queries'}: ${queries.join('; ')}`
      : 'In the IOC table; no query names it',
    entry.threatType,
    entry.firstSeen && `first seen ${entry.firstSeen}`,
    entry.lastSeen && `last seen ${entry.lastSeen}`,
  ].filter(Boolean);
  return h(
    'li',
    { 'data-lookup-writeup': writeup.id },
    hit.relation && h('span', { class: 'hb-subtle' }, `${RELATION_TEXT[hit.relation]} `),
    hit.relation && h('code', { class: 'hb-ioc' }, entry.shown),
    hit.relation && ' in ',
    h('a', { href: `/detections/${writeup.id}/` }, writeup.title),
    ' ',
    h('span', { class: `hb-severity hb-severity--${writeup.severity}` }, writeup.severity),
    h('br'),
    h('span', { class: 'hb-subtle' }, facts.join(' · ')),
    queries.length > 0 && ' ',
    queries.length > 0 &&
      h('a', { href: `/detections/${writeup.id}/#queries`, class: 'hb-subtle' }, 'Open the queries'),
  );
}

function renderFound(results: IndicatorResult[]): HTMLElement {
  const rows = results.map((result) =>
    h(
      'tr',
      { 'data-lookup-indicator': result.shown, 'data-lookup-status': result.exact.length ? 'found' : 'related' },
      h('td', { 'data-label': 'Indicator' }, h('div', {}, h('code', { class: 'hb-ioc' }, result.shown))),
      h('td', { 'data-label': 'Type', class: 'hb-nowrap' }, result.type),
      h(
        'td',
        { 'data-label': 'Covered by' },
        h(
          'div',
          {},
          !result.exact.length && h('p', { class: 'hb-subtle hb-lookup-note' }, 'Not listed exactly. Related:'),
          h('ul', { class: 'hb-lookup-hits' }, ...[...result.exact, ...result.related].map(renderHit)),
        ),
      ),
    ),
  );
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, 'Indicator'),
    h('th', { scope: 'col' }, 'Type'),
    h('th', { scope: 'col' }, 'Covered by'),
  );
  return h(
    'div',
    { class: 'hb-table-wrap' },
    h('table', { class: 'hb-lookup-table hb-stack' }, h('thead', {}, head), h('tbody', {}, ...rows)),
  );
}

function renderMissing(results: IndicatorResult[]): HTMLElement {
  const copy = h(
    'button',
    { type: 'button', class: 'hb-button', 'data-copy-missing': '' },
    'Copy this list (defanged)',
  );
  copy.addEventListener('click', () => {
    void navigator.clipboard.writeText(results.map((result) => result.shown).join('\n')).then(
      () => (copy.textContent = 'Copied'),
      () => (copy.textContent = 'Copy failed'),
    );
  });
  const items = results.map((result) =>
    h(
      'li',
      { 'data-lookup-indicator': result.shown, 'data-lookup-status': 'missing' },
      h('code', { class: 'hb-ioc' }, result.shown),
      ` ${result.type}`,
    ),
  );
  return h('div', {}, h('ul', { class: 'hb-lookup-missing' }, ...items), copy);
}

function renderUnread(unread: UnreadToken[]): HTMLElement {
  return h(
    'ul',
    { class: 'hb-lookup-unread' },
    ...unread.map((token) => h('li', {}, h('code', {}, token.shown), ` ${token.reason}`)),
  );
}

function render(target: HTMLElement, status: HTMLElement, index: LookupIndex, text: string): void {
  const reading = readPastedIndicators(text);
  const results = reading.indicators.map((indicator) => matchIndicator(index, indicator.type, indicator.value));
  const found = results.filter((result) => result.exact.length || result.related.length);
  const missing = results.filter((result) => !result.exact.length && !result.related.length);
  const writeups = new Set(
    found.flatMap((result) => [...result.exact, ...result.related].map((hit) => hit.writeup.id)),
  );
  const summary = results.length
    ? `Read ${plural(results.length, 'indicator')}: ${found.length} found in ${plural(writeups.size, 'writeup')}, ${missing.length} in no writeup.`
    : 'No indicator found in that text. Paste IPs, domains, URLs, e-mail addresses or hashes, fanged or defanged.';
  status.textContent = summary;
  const sections: Node[] = [];
  if (found.length) sections.push(h('h2', { id: 'found' }, `Found (${found.length})`), renderFound(found));
  if (missing.length)
    sections.push(h('h2', { id: 'not-found' }, `In no writeup (${missing.length})`), renderMissing(missing));
  if (reading.unread.length) {
    sections.push(h('h2', { id: 'unread' }, `Could not read (${reading.unread.length})`), renderUnread(reading.unread));
  }
  target.replaceChildren(...sections);
}

function setUp(form: HTMLFormElement, target: HTMLElement, status: HTMLElement): void {
  const input = form.querySelector('textarea');
  const url = form.dataset.index ?? '/lookup/iocs.json';
  if (!input) return;
  const run = async () => {
    status.textContent = 'Looking up…';
    let index: LookupIndex;
    try {
      index = await loadIndex(url);
    } catch (error) {
      status.textContent = `Could not load the look-up index (${describe(error)}). Open the site through its web server, not as a file.`;
      target.replaceChildren();
      return;
    }
    try {
      render(target, status, index, input.value);
    } catch (error) {
      status.textContent = `Could not read that text (${describe(error)}).`;
      target.replaceChildren();
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  form.addEventListener('reset', () => {
    status.textContent = '';
    target.replaceChildren();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });
  form.querySelector<HTMLButtonElement>('[data-lookup-example]')?.addEventListener('click', (event) => {
    input.value = (event.currentTarget as HTMLButtonElement).dataset.lookupExample ?? '';
    void run();
  });
  void loadIndex(url).catch(() => undefined);
}

const form = document.querySelector<HTMLFormElement>('form[data-lookup]');
const target = document.querySelector<HTMLElement>('[data-lookup-results]');
const status = document.querySelector<HTMLElement>('[data-lookup-summary]');
if (form && target && status) setUp(form, target, status);
