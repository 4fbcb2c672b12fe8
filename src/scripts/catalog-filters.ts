// Filters and sorts the catalog table in place. The page lists every writeup without JavaScript;
// this only hides and reorders rows. The state lives in the URL (?family=remcos&sort=severity), so a
// filtered view can be shared or bookmarked, and the back button undoes a filter change.

type State = Map<string, string>;

const DEFAULT_SORT = 'updated';

/** Sort keys: each returns a comparison of two rows; ties fall back to the page's own order. */
const SORTS: Record<string, (a: HTMLTableRowElement, b: HTMLTableRowElement) => number> = {
  updated: (a, b) => text(b, 'updated').localeCompare(text(a, 'updated')),
  severity: (a, b) => num(b, 'severity') - num(a, 'severity') || text(b, 'updated').localeCompare(text(a, 'updated')),
  newest: (a, b) => emptyLast(a, b) || text(b, 'newest').localeCompare(text(a, 'newest')),
  oldest: (a, b) => emptyLast(a, b) || text(a, 'newest').localeCompare(text(b, 'newest')),
  title: (a, b) => text(a, 'title').localeCompare(text(b, 'title')),
  iocs: (a, b) => num(b, 'iocs') - num(a, 'iocs'),
};

function text(row: HTMLTableRowElement, key: string): string {
  return row.getAttribute(`data-sort-${key}`) ?? '';
}
function num(row: HTMLTableRowElement, key: string): number {
  return Number(text(row, key)) || 0;
}
/** Writeups without dated IOCs go last in either IOC-age order. */
function emptyLast(a: HTMLTableRowElement, b: HTMLTableRowElement): number {
  return Number(text(a, 'newest') === '') - Number(text(b, 'newest') === '');
}

function valuesOf(row: HTMLTableRowElement, facet: string): string[] {
  return (row.getAttribute(`data-${facet}`) ?? '').split(/\s+/).filter(Boolean);
}

function matches(row: HTMLTableRowElement, state: State, skip?: string): boolean {
  for (const [facet, value] of state) {
    if (facet === 'sort' || facet === skip) continue;
    if (!valuesOf(row, facet).includes(value)) return false;
  }
  return true;
}

function setUp(form: HTMLFormElement, table: HTMLTableElement): void {
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows];
  const order = new Map(rows.map((row, index) => [row, index]));
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const sortSelect = form.querySelector<HTMLSelectElement>('select[data-sort]');
  const status = form.querySelector<HTMLElement>('[data-catalog-status]');
  const clear = form.querySelector<HTMLButtonElement>('[data-catalog-clear]');
  const empty = document.querySelector<HTMLElement>('[data-catalog-empty]');

  /** The URL's filters, keeping only values the page offers (a stale shared link must not blank the page). */
  const readUrl = (): State => {
    const params = new URLSearchParams(window.location.search);
    const state: State = new Map();
    for (const select of selects) {
      const value = params.get(select.name);
      if (value && [...select.options].some((option) => option.value === value)) state.set(select.name, value);
    }
    const sort = params.get('sort');
    if (sort && sort in SORTS && sort !== DEFAULT_SORT) state.set('sort', sort);
    return state;
  };

  const readForm = (): State => {
    const state: State = new Map();
    for (const select of selects) if (select.value) state.set(select.name, select.value);
    if (sortSelect && sortSelect.value !== DEFAULT_SORT) state.set('sort', sortSelect.value);
    return state;
  };

  const urlOf = (state: State): string => {
    const query = new URLSearchParams([...state]).toString();
    return `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  };

  /** Shows the matching rows in the chosen order, and recounts every option under the other filters. */
  const apply = (state: State): void => {
    for (const select of selects) select.value = state.get(select.name) ?? '';
    if (sortSelect) sortSelect.value = state.get('sort') ?? DEFAULT_SORT;
    const compare = SORTS[state.get('sort') ?? DEFAULT_SORT] ?? SORTS[DEFAULT_SORT];
    const sorted = [...rows].sort((a, b) => compare(a, b) || order.get(a)! - order.get(b)!);
    let shown = 0;
    for (const row of sorted) {
      row.hidden = !matches(row, state);
      if (!row.hidden) shown++;
      body.append(row);
    }
    for (const select of selects) {
      const others = rows.filter((row) => matches(row, state, select.name));
      for (const option of select.options) {
        if (!option.value) continue;
        const count = others.filter((row) => valuesOf(row, select.name).includes(option.value)).length;
        option.textContent = `${option.dataset.label ?? option.value} (${count})`;
        option.disabled = count === 0 && option.value !== select.value;
      }
    }
    const filtered = [...state.keys()].some((key) => key !== 'sort');
    if (status)
      status.textContent = filtered ? `Showing ${shown} of ${rows.length} writeups` : `${rows.length} writeups`;
    if (empty) empty.hidden = shown > 0;
    if (clear) clear.disabled = state.size === 0;
  };

  form.addEventListener('change', () => {
    const state = readForm();
    window.history.pushState(null, '', urlOf(state));
    apply(state);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  clear?.addEventListener('click', () => {
    const state: State = new Map();
    window.history.pushState(null, '', urlOf(state));
    apply(state);
    selects[0]?.focus();
  });
  window.addEventListener('popstate', () => apply(readUrl()));

  const initial = readUrl();
  window.history.replaceState(null, '', urlOf(initial));
  apply(initial);
}

const form = document.querySelector<HTMLFormElement>('form[data-catalog-filters]');
const table = document.querySelector<HTMLTableElement>('table[data-writeup-table]');
if (form && table) setUp(form, table);
