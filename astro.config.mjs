// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

// Air-gapped by design: no site URL (so no sitemap pointing elsewhere), no remote fonts or images,
// and a small hand-written sidebar, since one link per writeup costs ~213 KB per page at 1,000.
export default defineConfig({
  outDir: process.env.HUNTBOOK_OUT_DIR ?? './dist',
  // One cache per build, so concurrent builds (tests, benchmarks) never share a content store.
  cacheDir: process.env.HUNTBOOK_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  integrations: [
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
        {
          label: 'Guides',
          items: [{ label: 'Writing a writeup', slug: 'guides/writeup-format' }],
        },
      ],
    }),
  ],
});
