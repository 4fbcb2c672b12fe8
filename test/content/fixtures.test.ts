import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConnectorCatalog } from '../../src/lib/catalog/index.ts';
import { loadCollection } from '../../src/lib/content/load-collection.ts';
import { validateWriteup } from '../../src/lib/content/validate-writeup.ts';
import { formatProblem, sortProblems } from '../../src/lib/problems/format-problems.ts';
import { hasErrors, type Problem } from '../../src/lib/problems/problem.ts';

// Fixture-driven: a new case is a new file in test/fixtures/valid or test/fixtures/invalid (a
// folder there is checked as a whole collection). Expected problem lines are pinned in
// test/fixtures/invalid/__expected__/<case>.txt; review the file when it is first written.

const root = process.cwd();
const catalog = loadConnectorCatalog();
const fixtures = 'test/fixtures';

function checkFixture(relativePath: string): Problem[] {
  if (statSync(join(root, relativePath)).isDirectory()) return loadCollection(join(root, relativePath), root, catalog).problems;
  return validateWriteup(relativePath, readFileSync(join(root, relativePath), 'utf8'), catalog).problems;
}

const entries = (dir: string) => readdirSync(join(root, fixtures, dir)).filter((name) => !name.startsWith('__')).sort();

describe('valid fixtures', () => {
  it.each(entries('valid'))('%s has no errors', (name) => {
    const problems = checkFixture(`${fixtures}/valid/${name}`);
    expect(problems.filter((problem) => problem.severity === 'error').map(formatProblem)).toEqual([]);
  });
});

describe('invalid fixtures', () => {
  it.each(entries('invalid'))('%s reports every problem', async (name) => {
    const problems = checkFixture(`${fixtures}/invalid/${name}`);
    expect(hasErrors(problems)).toBe(true);
    const report = sortProblems(problems).map(formatProblem).join('\n') + '\n';
    await expect(report).toMatchFileSnapshot(`../fixtures/invalid/__expected__/${name.replace(/\.md$/, '')}.txt`);
  });
});
