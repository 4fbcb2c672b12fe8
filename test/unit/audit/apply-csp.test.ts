import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyContentSecurityPolicy, buildContentSecurityPolicy } from '../../../src/lib/audit/apply-csp.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('content security policy', () => {
  const html = `<html><head><title>t</title><script>theme()</script><script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{"a":1}</script><style>p{color:red}</style></head><body><div style="--ec-indent:0ch;content:&quot;x&quot;">x</div></body></html>`;

  it('allows only the site itself, plus the exact inline code and styles the page ships', () => {
    const policy = buildContentSecurityPolicy(html);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha('theme()')}`);
    expect(policy).not.toContain(sha('{"a":1}'));
    expect(policy).toContain("'unsafe-hashes'");
    expect(policy).toContain(sha('p{color:red}'));
    expect(policy).toContain(sha('--ec-indent:0ch;content:"x"'));
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|https?:|\*/);
  });

  it('puts the policy first in <head>, once, even when applied twice', () => {
    const once = applyContentSecurityPolicy(html);
    expect(once.startsWith('<html><head><meta http-equiv="content-security-policy"')).toBe(true);
    expect(applyContentSecurityPolicy(once).match(/content-security-policy/g)).toHaveLength(1);
  });
});
