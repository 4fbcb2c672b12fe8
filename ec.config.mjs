// @ts-check
// Expressive Code settings, kept here (not in astro.config.mjs) because they contain a function.

/**
 * Keeps query blocks out of the search index: a KQL query holds live indicators so that it stays
 * runnable, and the index must never store a live IOC.
 * @returns {import('@expressive-code/core').ExpressiveCodePlugin}
 */
function ignoreQueriesInSearch() {
  return {
    name: 'huntbook-ignore-queries-in-search',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        if (['kql', 'kusto'].includes(codeBlock.language.toLowerCase())) {
          renderData.blockAst.properties['data-pagefind-ignore'] = 'all';
          renderData.blockAst.properties['data-query'] = '';
        }
      },
    },
  };
}

/** @type {import('@astrojs/starlight/expressive-code').StarlightExpressiveCodeOptions} */
export default {
  // Wrapping is visual only; the copy button still copies the query exactly as written.
  defaultProps: { wrap: true },
  shiki: { engine: 'javascript' },
  styleOverrides: { borderRadius: '0.4rem' },
  plugins: [ignoreQueriesInSearch()],
};
