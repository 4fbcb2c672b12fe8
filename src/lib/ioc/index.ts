// Public API of the IOC engine.
export { IOC_TYPES, IOC_TYPE_ALIASES } from './ioc-types.ts';
export type { CanonicalIoc, IocRejection, IocType, NormaliseResult } from './ioc-types.ts';
export { IOC_TYPE_LABELS, resolveIocType } from './ioc-type-names.ts';
export { refangText } from './refang.ts';
export { classifyIoc, normaliseIoc } from './normalise.ts';
export { displayDomain } from './domain-name.ts';
export { defangIoc, defangValue } from './defang.ts';
export { defangText, findDeclaredHost, foldIndicatorRuns, type KnownIndicators } from './defang-text.ts';
export { listLookalikeCharacters } from './fold-lookalikes.ts';
export { findIocs } from './find-iocs.ts';
export type { FoundIoc } from './find-iocs.ts';
