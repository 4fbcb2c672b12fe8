import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { detectionsLoader } from './loader/detections-loader.ts';

// HUNTBOOK_CONTENT lets the build test point the same site at a fixture folder.
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // UI wording for a knowledge base of detections, not a documentation site.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  detections: defineCollection({
    loader: detectionsLoader({ base: process.env.HUNTBOOK_CONTENT ?? 'content/detections' }),
  }),
};
