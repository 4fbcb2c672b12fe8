// What a ThreatFox-style threat type says about a writeup: its title phrase, tag, ATT&CK
// technique and whether hits are urgent.

/** How a threat type shows in a generated writeup. */
export interface ThreatMeaning {
  /** Threat type as given, e.g. `botnet_cc`. */
  name: string;
  /** Words for the title, e.g. `C2 connections`. */
  phrase: string;
  /** Tag added to the writeup. */
  tag: string;
  /** Techniques the activity implies. */
  attack: string[];
  /** Hits need urgent triage: severity high. */
  serious: boolean;
}

const MEANINGS: Readonly<Record<string, Omit<ThreatMeaning, 'name'>>> = {
  botnet_cc: { phrase: 'C2 connections', tag: 'c2', attack: ['T1071'], serious: true },
  payload_delivery: { phrase: 'payload delivery', tag: 'payload-delivery', attack: ['T1105'], serious: true },
  payload: { phrase: 'payloads', tag: 'payload', attack: ['T1204'], serious: true },
};

/** The meaning of the most common known threat type among `threatTypes`, if any. */
export function describeThreat(threatTypes: readonly (string | undefined)[]): ThreatMeaning | undefined {
  const counts = new Map<string, number>();
  for (const name of threatTypes)
    if (name && Object.hasOwn(MEANINGS, name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  return top ? { name: top[0], ...MEANINGS[top[0]] } : undefined;
}
