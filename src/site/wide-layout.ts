// Pages of tables (catalog, browse pages, look-up) are wider than prose. Said in <head>, so the
// width is known before the first paint: a `main:has(table)` rule applied only once the table was
// parsed, and the content jumped from 720 to 932 px (layout shift 0.24 on the catalog).

/** Head entry for `StarlightPage`'s frontmatter: `head: [WIDE_LAYOUT]`. */
export const WIDE_LAYOUT = { tag: 'meta', attrs: { name: 'huntbook-layout', content: 'wide' } } as const;
