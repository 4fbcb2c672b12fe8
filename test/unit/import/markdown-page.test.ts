import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraft, FIXTURES, importPaths, iocKeys } from './helpers.ts';

describe('importing a Markdown hunting page', () => {
  const [draft] = importPaths('markdown', [join(FIXTURES, 'hunting-page.md')]).drafts;

  it('takes title, summary, techniques, author and references from the page', () => {
    expect(draft.id).toBe('hunting-page');
    expect(draft.frontmatter).toMatchObject({
      title: 'Example loader <Optional> hunt',
      summary:
        'Finds devices that download the ExampleLoader payload from its documentation staging host. A hit means a device fetched the loader.',
      attack: ['T1105'],
      author: 'Test Author',
      references: ['https://www.example.org/loader-report'],
    });
  });

  it('turns an unlabelled KQL fence into a titled ```kql block and lifts its IOC list', () => {
    expect(draft.body).toContain('```kql title="Defender XDR"\nlet StagingHosts');
    expect(draft.body).toContain('```kql title="Sentinel" iocs=none\nDeviceProcessEvents');
    expect(draft.body).toContain('```PowerShell');
    expect(iocKeys(draft.frontmatter.iocs ?? [])).toEqual(['domain stage.evil.example']);
    expect(draft.frontmatter.connectors?.map((c) => c.table)).toEqual(['DeviceNetworkEvents', 'DeviceProcessEvents']);
  });

  it('shows raw HTML as text and drops the emptied Description heading', () => {
    expect(draft.body).toContain('#### Author &lt;Optional>');
    expect(draft.body).not.toContain('#### Description');
  });

  it('passes the checker', () => {
    expect(checkDraft(draft).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('skips a page with no query and a file that is already a writeup', () => {
    const result = importPaths('markdown', ['README.md', 'content/detections/remcos-threatfox-hunt.md']);
    expect(result.drafts).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'no KQL query found (neither a ```kql block nor bare query lines)',
      'the file already has frontmatter: it is a writeup, copy it into the content folder instead',
    ]);
  });
});
