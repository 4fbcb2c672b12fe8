// How much a browse page lists. A family, tag, technique or threat-type page names its newest
// writeups and sends the reader to the catalog (filtered to the group) for the rest: at 10,000
// writeups a tag on every writeup made an 8.7 MB page that took 6 s to render.

/** Rows of a group page's writeup table unless `HUNTBOOK_GROUP_PAGE_ROWS` says otherwise. */
export const GROUP_PAGE_ROWS = 200;

/** `HUNTBOOK_GROUP_PAGE_ROWS` as a positive whole number; anything else means the default. */
export function resolveGroupPageRows(value: string | undefined): number {
  const rows = Number(value);
  return value && Number.isInteger(rows) && rows > 0 ? rows : GROUP_PAGE_ROWS;
}
