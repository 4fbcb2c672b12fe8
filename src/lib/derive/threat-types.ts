// ThreatFox's threat types, explained for a reader who has not met them. Unknown types are shown as written.
const MEANINGS: Readonly<Record<string, string>> = {
  botnet_cc: 'Command-and-control (C2) servers: the addresses infected machines call home to for instructions.',
  payload_delivery: 'Places that hand out malware: download URLs, droppers and the servers hosting them.',
  payload: 'The malware files themselves, identified by hash.',
  cc_skimming: 'Card-skimming infrastructure that steals payment details from web shops.',
};

/** One-sentence meaning of a threat type such as `botnet_cc`, if Huntbook knows it. */
export function describeThreatType(threatType: string): string | undefined {
  const key = threatType.trim().toLowerCase();
  return Object.hasOwn(MEANINGS, key) ? MEANINGS[key] : undefined;
}
