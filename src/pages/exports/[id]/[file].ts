import type { APIRoute, GetStaticPaths } from 'astro';
import { listExportFiles, type ExportFile } from '../../../lib/export/export-paths.ts';
import { renderExportFile } from '../../../lib/export/render-export.ts';
import type { Writeup } from '../../../lib/content/validate-writeup.ts';
import { getWriteupViews } from '../../../site/writeups.ts';

// Per-writeup downloads: IOCs as CSV and JSON (fanged, for tools), a STIX 2.1 bundle, and each
// query as a .kql file. They are data files, not pages: the HTML audit and Pagefind never read them.
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
