// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

// Air-gapped by design: no site URL (so no sitemap pointing elsewhere), no remote fonts or images,
// and a small hand-written sidebar, since one link per writeup costs ~213 KB per page at 1,000.
/** Serves per-writeup export files in `astro dev`; `npm run build` writes them without Astro. */
const devExportRoutes = {
  name: 'huntbook-dev-exports',
  hooks: {
    /** @param {import('astro').HookParameters<'astro:config:setup'>} options */
    'astro:config:setup': ({ command, injectRoute, updateConfig }) => {
      if (command !== 'dev') return;
      injectRoute({
        pattern: '/exports/[id]/[file]',
        entrypoint: new URL('./src/site/routes/export-file.ts', import.meta.url),
      });
      // A dynamic `[file]` gets no file-extension exemption from `trailingSlash: 'always'`, so the
      // dev server would answer a download link with a 404: ask the route with its slash instead.
      /** @type {import('vite').Plugin} */
      const addSlash = {
        name: 'huntbook-export-slash',
        enforce: 'pre',
        configureServer: (server) => {
          server.middlewares.use((request, _response, next) => {
            if (request.url && /^\/exports\/[^/]+\/[^/?]+\.[a-z]+(?=\?|$)/.test(request.url))
              request.url = request.url.replace(/(?=\?|$)/, '/');
            next();
          });
        },
      };
      updateConfig({ vite: { plugins: [addSlash] } });
    },
  },
};

export default defineConfig({
  outDir: process.env.HUNTBOOK_OUT_DIR ?? './dist',
  // One cache per build, so concurrent builds (tests, benchmarks) never share a content store.
  cacheDir: process.env.HUNTBOOK_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  // Several pages in flight at once: one page's file writes overlap the next one's rendering
  // (pages phase at 1,000 writeups: 5.2–7.3 s against 6.7–8.4 s one at a time).
  build: { concurrency: 4 },
  integrations: [
    devExportRoutes,
    starlight({
      title: 'Huntbook',
      description:
        'Detection writeups: defanged IOCs, runnable KQL hunting queries, connectors and false-positive guidance.',
      lastUpdated: false,
      pagination: false,
      favicon: '/favicon.svg',
      // No first paint before the page title is parsed: Starlight sends the table of contents
      // before the main column, and a paint between the two drew it full width, then moved it
      // (layout shift 0.41 on writeup and guide pages at desktop width).
      head: [{ tag: 'link', attrs: { rel: 'expect', href: '#_top', blocking: 'render' } }],
      customCss: ['./src/styles/huntbook.css'],
      sidebar: [
        { label: 'Home', link: '/' },
        { label: 'All writeups', link: '/detections/' },
        { label: 'IOC look-up', link: '/lookup/' },
        { label: 'Connectors', link: '/connectors/' },
        { label: 'Export', link: '/exports/' },
        {
          label: 'Browse',
          items: [
            { label: 'Malware families', link: '/families/' },
            { label: 'ATT&CK techniques', link: '/techniques/' },
            { label: 'Threat types', link: '/threat-types/' },
            { label: 'Tags', link: '/tags/' },
          ],
        },
        {
          label: 'Guides',
          items: [
            { label: 'Start here', slug: 'guides/start-here' },
            { label: 'Reading a writeup', slug: 'guides/reading-a-writeup' },
            { label: 'IOC types and defanging', slug: 'guides/ioc-types-and-defanging' },
            { label: 'Sentinel tables and connectors', slug: 'guides/sentinel-tables-and-connectors' },
            { label: 'False positives and exclusions', slug: 'guides/false-positives-and-exclusions' },
            { label: 'Writing and submitting', slug: 'guides/submitting-a-writeup' },
            { label: 'Writeup format reference', slug: 'guides/writeup-format' },
            { label: 'Glossary', slug: 'guides/glossary' },
          ],
        },
      ],
    }),
  ],
});
