import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { detectionsLoader } from './loader/detections-loader.ts';

// HUNTBOOK_CONTENT lets the build test point the same site at a fixture folder.
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  detections: defineCollection({
    loader: detectionsLoader({ base: process.env.HUNTBOOK_CONTENT ?? 'content/detections' }),
  }),
};
