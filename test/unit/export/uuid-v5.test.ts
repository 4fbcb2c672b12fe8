import { describe, expect, it } from 'vitest';
import { createUuidV5 } from '../../../src/lib/export/uuid-v5.ts';

describe('createUuidV5', () => {
  it('matches the RFC 9562 DNS-namespace example', () => {
    expect(createUuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is stable, version 5, and differs by name', () => {
    expect(createUuidV5('a')).toBe(createUuidV5('a'));
    expect(createUuidV5('a')).not.toBe(createUuidV5('b'));
    expect(createUuidV5('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
