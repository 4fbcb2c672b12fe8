import type { APIRoute, GetStaticPaths } from 'astro';
import { listExportFiles, type ExportFile } from '../../lib/export/export-paths.ts';
import { renderExportFile } from '../../lib/export/render-export.ts';
import type { Writeup } from '../../lib/content/validate-writeup.ts';
import { getWriteupViews } from '../writeups.ts';

// Per-writeup downloads for the dev server only: `npm run build` writes the same files directly
// (writeExportFiles), since as prerendered routes they cost ~2 ms each, 11 s at 1,000 writeups.
export const getStaticPaths = (async () => {
  const views = await getWriteupViews();
  return views.flatMap(({ writeup }) =>
    listExportFiles(writeup).map((file) => ({ params: { id: writeup.id, file: file.name }, props: { writeup, file } })),
  );
}) satisfies GetStaticPaths;

interface Props {
  writeup: Writeup;
  file: ExportFile;
}

export const GET: APIRoute<Props> = ({ props }) => {
  const { body, contentType } = renderExportFile(props.writeup, props.file);
  return new Response(body, { headers: { 'content-type': contentType } });
};
