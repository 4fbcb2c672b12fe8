import { describe, expect, it } from 'vitest';
import { demoteHeadings } from '../../../src/lib/markdown/demote-headings.ts';

describe('demoteHeadings', () => {
  it('nests body headings under the page sections, leaving code alone', () => {
    const body = '# Title\n\n## Triage\n\n### Step\n\n###### Deep\n\n```kql\n# not a heading\n```\n';
    expect(demoteHeadings(body)).toBe(
      '### Title\n\n### Triage\n\n#### Step\n\n###### Deep\n\n```kql\n# not a heading\n```\n',
    );
  });
});

describe('defangMarkdown with demoteHeadings', () => {
  it('demotes and defangs a heading from one parse', async () => {
    const { defangMarkdown } = await import('../../../src/lib/markdown/defang-markdown.ts');
    expect(defangMarkdown('## Beacons to evil.example\n\ntext', { demoteHeadings: true })).toBe(
      '### Beacons to evil\\[.\\]example\n\ntext',
    );
  });
});
