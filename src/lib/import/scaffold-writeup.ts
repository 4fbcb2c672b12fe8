// The file `npm run new` writes: every frontmatter field with a comment saying what it is for,
// TODO where the author must decide. Left unfilled it fails `npm run check`; filled in, it passes.

/** The marker an author replaces; the unfilled file fails the check wherever it is required. */
export const PLACEHOLDER = 'TODO';

/** A new writeup file for `title`, dated `today` (YYYY-MM-DD). */
export function scaffoldWriteup(title: string, today: string): string {
  return `---
# A Huntbook writeup. Replace every placeholder below, delete the optional fields you do not need,
# then run \`npm run check\`. The format guide: src/content/docs/guides/writeup-format.md
# (on the site: /guides/writeup-format/). Editors can validate these fields with
# schema/writeup.schema.json.

# Required. Page title: a short name for the detection.
title: ${JSON.stringify(title)}
# Required. One paragraph: what the detection finds and why a hit matters.
summary: >-
  ${PLACEHOLDER} one paragraph: what the detection finds and why a hit matters.
# Required. informational | low | medium | high | critical
severity: ${PLACEHOLDER}
# Optional. experimental | test | stable | deprecated (default experimental).
status: experimental
# Required. Day the writeup is published, YYYY-MM-DD.
date: ${today}
# Optional. Day of the last meaningful change, YYYY-MM-DD.
# modified: ${today}
# Optional. Malware family names.
malware: [${PLACEHOLDER}]
# Optional. MITRE ATT&CK technique ids, e.g. T1071 or T1071.001.
attack: [${PLACEHOLDER}]
# Optional. Free-form tags.
tags: [${PLACEHOLDER}]
# Optional. Who wrote the detection.
author: ${PLACEHOLDER}
# Optional. Where the intelligence came from; url is optional.
source: { name: ${PLACEHOLDER}, url: "https://${PLACEHOLDER}.example/" }
# Optional. Public reports behind the writeup, as full https:// links.
references:
  - "https://${PLACEHOLDER}.example/report"
# Optional. Indicators of compromise. Only value is required; quote it. Fanged and defanged
# spellings are both fine. type: ip, ip:port, cidr, domain, url, email, md5, sha1 or sha256
# (inferred when left out). Every indicator must be hunted by a query below, and every indicator
# a query lists must be here.
iocs:
  - { type: "ip:port", value: "${PLACEHOLDER}", threat_type: botnet_cc, first_seen: ${today}, confidence: 75, note: "${PLACEHOLDER}" }
# Optional. The Sentinel tables the queries read, with a note for whoever enables the connector.
# Leave it out to derive the list from the queries.
connectors:
  - { table: ${PLACEHOLDER}, note: "${PLACEHOLDER}" }
# Optional. Known benign causes of hits, and the exclusion that removes each.
false_positives:
  - scenario: ${PLACEHOLDER}
    description: ${PLACEHOLDER}
    exclusion: ${PLACEHOLDER}
---

${PLACEHOLDER}: what the queries look for and how to triage a hit. Write any indicator in prose
defanged, e.g. 198[.]51[.]100[.]7.

\`\`\`kql title="${PLACEHOLDER} query title"
// The hunting query, exactly as it runs in Advanced Hunting or Log Analytics.
// Add iocs=none after the title for a behavioural query that hunts no listed indicator.
${PLACEHOLDER}
\`\`\`
`;
}
