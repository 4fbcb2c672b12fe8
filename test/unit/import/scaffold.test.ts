import { describe, expect, it } from 'vitest';
import { validateWriteup } from '../../../src/lib/content/validate-writeup.ts';
import { PLACEHOLDER, scaffoldWriteup } from '../../../src/lib/import/scaffold-writeup.ts';
import { catalog } from './helpers.ts';

const file = 'content/detections/beacon-to-test-c2.md';
const scaffold = scaffoldWriteup('Beacon to a test C2: port 443', '2026-07-01');

/** What an author types over each placeholder, in order of appearance. */
function fillIn(text: string): string {
  const answers = [
    'Finds devices that connect to a test C2 address on port 443.', // summary
    'medium', // severity
    'ExampleRAT', // malware
    'T1071', // attack
    'c2', // tags
    'Huntbook tests', // author
    'Example feed', // source name
    'feed', // source url host
    'www', // reference host
    '198.51.100.7:443', // ioc value
    'Seen in the test feed', // ioc note
    'DeviceNetworkEvents', // connector table
    'Needs Defender for Endpoint', // connector note
    'Sandbox detonations', // false positive scenario
    'The lab opens the sample on purpose.',
    'Exclude DeviceName startswith "lab-".',
    'Looks for connections to the address in the IOC table.', // body prose
    'Connections to the C2 address', // query title
    'DeviceNetworkEvents\n| where RemoteIP == "198.51.100.7" and RemotePort == 443', // query
  ];
  let index = 0;
  const filled = text.replaceAll(PLACEHOLDER, () => answers[index++]);
  expect(index).toBe(answers.length);
  return filled;
}

describe('npm run new scaffold', () => {
  it('explains every field with a comment', () => {
    for (const field of [
      'title',
      'summary',
      'severity',
      'status',
      'date',
      'modified',
      'malware',
      'attack',
      'tags',
      'author',
      'source',
      'references',
      'iocs',
      'connectors',
      'false_positives',
    ]) {
      const line = scaffold.split('\n').findIndex((text) => new RegExp(`^(# )?${field}:`).test(text));
      expect(line, field).toBeGreaterThan(0);
      expect(scaffold.split('\n')[line - 1], field).toMatch(/^# /);
    }
  });

  it('fails the check while placeholders remain', () => {
    const { writeup, problems } = validateWriteup(file, scaffold, catalog);
    expect(writeup).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['severity', 'attack[0]', 'iocs[0].value']));
  });

  it('passes the check once they are filled in', () => {
    const { writeup, problems } = validateWriteup(file, fillIn(scaffold), catalog);
    expect(problems).toEqual([]);
    expect(writeup?.title).toBe('Beacon to a test C2: port 443');
  });
});
