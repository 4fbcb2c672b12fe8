// Top-level domains that make a dotted word in free text count as a host name.
// Deliberately compact: the goal is defanging prose, not a registry mirror.

/** Every delegated two-letter country-code TLD (ISO 3166-1 plus ac, eu, su, uk). */
const COUNTRY_CODES =
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo bq br bs bt bv bw by bz ' +
  'ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu ' +
  'fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu ' +
  'id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ' +
  'ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om ' +
  'pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz ' +
  'tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw';

/**
 * Legacy and frequently abused generic TLDs, plus the RFC 2606/6761 reserved
 * names writeups use for examples. Left out on purpose because they collide
 * with file extensions or field names in prose: zip, mov, cat, tel, one, run, host, date, download, bar
 * (name and email: see FIELD_LIKE_TLDS).
 */
const GENERIC =
  'com net org info biz edu gov mil int arpa mobi pro asia xyz top online site club shop store dev cloud live tech ' +
  'icu vip work win loan click link space fun website life world today news support services buzz cyou monster rest ' +
  'bond sbs lol quest cfd best digital network solutions finance page guru agency app ' +
  'bid stream review trade party racing accountant science faith cricket men gdn webcam kim ltd ren cam casa uno ' +
  'rocks center farm cash ' +
  'example test invalid localhost local internal onion';

/** Lowercase TLDs recognised in free text. */
export const KNOWN_TLDS: ReadonlySet<string> = new Set(`${COUNTRY_CODES} ${GENERIC}`.split(' '));

/**
 * TLDs that double as file extensions or field suffixes (setup.sh, script.py,
 * README.md, user.id, Safari.app): a two-label word ending in one is read as a
 * file or field name, not a host. Longer names (cdn.evil.sh) still count.
 */
export const FILE_LIKE_TLDS: ReadonlySet<string> = new Set('app id md pl py rs sh so tf'.split(' '));

/**
 * TLDs that double as the last part of a field path (process.name, user.email): counted only when a label
 * has a hyphen, which no identifier can carry (com-identifier-servicelog.name).
 */
export const FIELD_LIKE_TLDS: ReadonlySet<string> = new Set(['name', 'email']);

/** Two-label technology names that end in a real TLD but are never meant as hosts in prose. */
export const NON_HOST_NAMES: ReadonlySet<string> = new Set(['asp.net', 'ado.net', 'vb.net', 'system.io', 'system.net']);

/** True when a canonical (lowercase ASCII) domain found in prose should be treated as a host name. */
export function isProseHostName(canonical: string): boolean {
  const labels = canonical.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (FIELD_LIKE_TLDS.has(tld)) return canonical.includes('-');
  if (!KNOWN_TLDS.has(tld)) return false;
  if (labels.length === 2 && (FILE_LIKE_TLDS.has(tld) || NON_HOST_NAMES.has(canonical))) return false;
  return true;
}
