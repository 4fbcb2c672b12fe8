// Synthetic writeups for the benchmark: realistic shape (5–20 IOCs of mixed types, 2–3 queries
// whose lists match the IOCs, the tables they read, 3 false positives, a few paragraphs), from
// documentation address ranges and `.example` names only, deterministic for a given index.
import { createHash } from 'node:crypto';

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same content. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NETS = ['192.0.2', '198.51.100', '203.0.113'];
const FAMILIES = ['Remcos', 'AsyncRAT', 'QakBot', 'IcedID', 'Lumma', 'AgentTesla', 'Emotet', 'NjRAT'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const PARAGRAPH =
  'The actor rotates infrastructure weekly, so hunt the last thirty days and pivot on the initiating process. ' +
  'Devices that reached these hosts should be triaged for persistence in scheduled tasks and Run keys.';

const hash = (text: string, algorithm: 'md5' | 'sha1' | 'sha256') => createHash(algorithm).update(text).digest('hex');
const quote = (values: string[]) => values.map((value) => `"${value}"`).join(', ');

/** The Markdown of synthetic writeup number `index`. */
export function generateWriteup(index: number): { id: string; text: string } {
  const random = createRandom(index + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const count = 5 + Math.floor(random() * 16);
  const ips: string[] = [];
  const ports: string[] = [];
  const domains: string[] = [];
  const hashes: { type: 'md5' | 'sha1' | 'sha256'; value: string }[] = [];
  for (let n = 0; n < count; n++) {
    const kind = random();
    const address = `${pick(NETS)}.${1 + ((index * 7 + n * 13) % 254)}`;
    if (kind < 0.3) ips.push(address);
    else if (kind < 0.45) ports.push(`${address}:${1024 + Math.floor(random() * 60000)}`);
    else if (kind < 0.7) domains.push(`c2-${index}-${n}.${pick(['evil', 'bad', 'mal'])}.example`);
    else
      hashes.push({
        type: pick(['md5', 'sha1', 'sha256'] as const),
        value: hash(`${index}-${n}`, pick(['md5', 'sha1', 'sha256'] as const)),
      });
  }
  const uniqueIps = [...new Set([...ips, ...ports.map((p) => p.split(':')[0])])];
  const family = pick(FAMILIES);
  const iocs = [
    ...[...new Set(ips)].map(
      (value) =>
        `  - { type: ip, value: "${value}", threat_type: botnet_cc, first_seen: 2026-0${1 + (index % 9)}-${10 + (index % 18)}, confidence: 75 }`,
    ),
    ...[...new Set(ports)].map(
      (value) => `  - { type: "ip:port", value: "${value}", threat_type: botnet_cc, confidence: 50 }`,
    ),
    ...domains.map(
      (value) => `  - { type: domain, value: "${value.replaceAll('.', '[.]')}", threat_type: payload_delivery }`,
    ),
    ...hashes.map(({ value }) => `  - { value: "${value}", threat_type: payload }`),
  ];
  const queries: string[] = [];
  const tables: string[] = [];
  if (uniqueIps.length) {
    tables.push('DeviceNetworkEvents');
    queries.push(
      `\`\`\`kql title="Connections to ${family} addresses"\nlet c2_ips = dynamic([${quote(uniqueIps)}]);\nDeviceNetworkEvents\n| where Timestamp > ago(30d)\n| where RemoteIP in (c2_ips)\n| project Timestamp, DeviceName, RemoteIP, RemotePort, InitiatingProcessFileName\n\`\`\``,
    );
  }
  if (domains.length) {
    tables.push('DnsEvents');
    queries.push(
      `\`\`\`kql title="DNS look-ups of ${family} domains"\nDnsEvents\n| where TimeGenerated > ago(30d)\n| where Name in~ (${quote(domains)})\n| project TimeGenerated, Computer, ClientIP, Name\n\`\`\``,
    );
  }
  if (hashes.length || queries.length < 2) {
    tables.push('DeviceFileEvents');
    const lists = (['md5', 'sha1', 'sha256'] as const).map((type) => ({
      type,
      values: hashes.filter((h) => h.type === type).map((h) => h.value),
    }));
    const where =
      lists
        .filter((l) => l.values.length)
        .map((l) => `${l.type.toUpperCase()} in~ (${quote(l.values)})`)
        .join(' or ') || 'FileName =~ "invoice.js"';
    queries.push(
      `\`\`\`kql title="Files of ${family}"${hashes.length ? '' : ' iocs=none'}\nDeviceFileEvents\n| where Timestamp > ago(30d)\n| where ${where}\n| project Timestamp, DeviceName, FileName, FolderPath, SHA256\n\`\`\``,
    );
  }
  const id = `bench-${String(index).padStart(5, '0')}-${family.toLowerCase()}`;
  const text = `---
title: ${family} activity cluster ${index}
summary: Synthetic writeup ${index} for the benchmark. It hunts ${count} indicators of a ${family} cluster across network, DNS and file events.
severity: ${pick(SEVERITIES)}
status: ${pick(['experimental', 'test', 'stable'])}
date: 2026-0${1 + (index % 9)}-${10 + (index % 18)}
malware: [${family}]
attack: [T1071, T1105]
tags: [benchmark, ${family.toLowerCase()}]
author: Huntbook benchmark
iocs:
${iocs.join('\n')}
connectors:
${tables.map((table) => `  - { table: ${table}, note: Ensure this data connector is enabled }`).join('\n')}
false_positives:
${[1, 2, 3].map((n) => `  - scenario: Benign case ${n}\n    description: An administrator tool reaches a shared hosting address used by the cluster.\n    exclusion: Exclude InitiatingProcessFileName in~ ("tool${n}.exe").`).join('\n')}
---

${PARAGRAPH}

## How to hunt

${queries.join('\n\n')}

## Triage

${PARAGRAPH}
`;
  return { id, text };
}
