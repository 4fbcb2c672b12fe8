import attackData from '../../data/attack-techniques.json' with { type: 'json' };

/** One ATT&CK tactic, in matrix order. */
export interface AttackTactic {
  /** `TA0011`. */
  id: string;
  /** `command-and-control`: the anchor on the techniques index. */
  slug: string;
  /** `Command and Control`. */
  name: string;
}

/** What Huntbook knows about one technique id. */
export interface TechniqueInfo {
  /** The id as the writeup gives it, e.g. `T1071.001`. */
  id: string;
  /** Own name (`Web Protocols`), or undefined when the id is not in the reference data. */
  name?: string;
  /** Name to show: sub-techniques carry their parent's name, `Application Layer Protocol: Web Protocols`. */
  label: string;
  /** Parent technique of a sub-technique. */
  parentId?: string;
  /** Tactics, inherited from the parent (or from the replacement) when not listed. */
  tactics: AttackTactic[];
  /** The current id when ATT&CK retired this one (e.g. `T1070.001` → `T1685.005`). */
  replacedBy?: string;
}

/** The reference data, checked and indexed. */
export interface AttackReference {
  /** Where the data comes from. */
  source: string;
  /** Tactics in matrix order. */
  tactics: AttackTactic[];
  /** Looks up an id (any case); unknown ids still get a usable label. */
  describe: (id: string) => TechniqueInfo;
}

interface RawTechnique {
  name: string;
  tactics?: string[];
  replacedBy?: string;
}

interface RawReference {
  source: string;
  tactics: AttackTactic[];
  techniques: Record<string, RawTechnique>;
}

const ID_PATTERN = /^T\d{4}(?:\.\d{3})?$/;

/** Checks the reference data once, so a typo in the JSON fails the build rather than a page. */
export function buildAttackReference(raw: RawReference): AttackReference {
  const tactics = new Map(raw.tactics.map((tactic) => [tactic.slug, tactic]));
  for (const [id, technique] of Object.entries(raw.techniques)) {
    if (!ID_PATTERN.test(id)) throw new Error(`attack-techniques.json: ${id} is not a technique id`);
    for (const slug of technique.tactics ?? []) {
      if (!tactics.has(slug)) throw new Error(`attack-techniques.json: ${id} names unknown tactic ${slug}`);
    }
    const parent = id.split('.')[0] ?? id;
    if (!technique.tactics && !technique.replacedBy && !raw.techniques[parent]?.tactics) {
      throw new Error(`attack-techniques.json: ${id} has no tactics and no parent with tactics`);
    }
    if (technique.replacedBy && !raw.techniques[technique.replacedBy]) {
      throw new Error(`attack-techniques.json: ${id} is replaced by unknown ${technique.replacedBy}`);
    }
  }

  // A retired id takes its replacement's tactics; a sub-technique takes its parent's.
  const tacticsOf = (id: string, depth = 0): AttackTactic[] => {
    const entry = raw.techniques[id];
    if (entry?.tactics) return entry.tactics.map((slug) => tactics.get(slug)!);
    if (depth > 3) return [];
    if (entry?.replacedBy) return tacticsOf(entry.replacedBy, depth + 1);
    const parent = id.split('.')[0] ?? id;
    return parent !== id ? tacticsOf(parent, depth + 1) : [];
  };

  const describe = (rawId: string): TechniqueInfo => {
    const id = rawId.trim().toUpperCase();
    const entry = raw.techniques[id];
    const parentId = id.includes('.') ? id.split('.')[0] : undefined;
    const parentName = parentId ? raw.techniques[parentId]?.name : undefined;
    const name = entry?.name;
    const label = name ? (parentName ? `${parentName}: ${name}` : name) : 'not in Huntbook’s ATT&CK reference';
    return { id, name, label, parentId, tactics: tacticsOf(id), replacedBy: entry?.replacedBy };
  };

  return { source: raw.source, tactics: raw.tactics, describe };
}

let cached: AttackReference | undefined;

/** The shipped reference, `src/data/attack-techniques.json`, checked on first use. */
export function loadAttackReference(): AttackReference {
  cached ??= buildAttackReference(attackData);
  return cached;
}
