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
    'astro:config:setup': ({ command, injectRoute }) => {
      if (command !== 'dev') return;
      injectRoute({
        pattern: '/exports/[id]/[file]',
        entrypoint: new URL('./src/site/routes/export-file.ts', import.meta.url),
      });
    },
  },
};

export default defineConfig({
  outDir: process.env.HUNTBOOK_OUT_DIR ?? './dist',
  // One cache per build, so concurrent builds (tests, benchmarks) never share a content store.
  cacheDir: process.env.HUNTBOOK_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  integrations: [
    devExportRoutes,
    starlight({
      title: 'Huntbook',
      description:
        'Detection writeups: defanged IOCs, runnable KQL hunting queries, connectors and false-positive guidance.',
      lastUpdated: false,
      pagination: false,
      favicon: '/favicon.svg',
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
