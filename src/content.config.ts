import { defineCollection, type SchemaContext } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { detectionsLoader } from './loader/detections-loader.ts';

// Starlight builds this schema anew for every <StarlightPage>: ~0.7 ms a page, 7 s of a
// 10,000-writeup build. A schema depends only on the image helper it is given, and Starlight's
// page helper is the same source every time, so one schema per helper serves every page.
const buildDocsSchema = docsSchema();
const docsSchemas = new Map<string, ReturnType<typeof buildDocsSchema>>();
function reuseDocsSchema(context: SchemaContext) {
  const key = String(context.image);
  let schema = docsSchemas.get(key);
  if (!schema) docsSchemas.set(key, (schema = buildDocsSchema(context)));
  return schema;
}

// HUNTBOOK_CONTENT lets the build test point the same site at a fixture folder.
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: reuseDocsSchema }),
  // UI wording for a knowledge base of detections, not a documentation site.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  detections: defineCollection({
    loader: detectionsLoader({ base: process.env.HUNTBOOK_CONTENT ?? 'content/detections' }),
  }),
};
