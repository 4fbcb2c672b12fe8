// How browsers read a link target, shared by the markup check (is it allowed?) and the defanger
// (does it stay a link?), so the two never disagree about where a link leads.

/** `url` as browsers follow it: tabs and newlines dropped anywhere, control characters and spaces at its ends. */
export function cleanUrl(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** `//host` and `\\host`: another site, whatever the scheme of the page. */
export const OTHER_SITE = /^[/\\]{2}/;

/** A target with a scheme (`https:`, `mailto:`, `javascript:`) or on another site (`//host`). */
export function isAbsoluteUrl(url: string): boolean {
  const target = cleanUrl(url);
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || OTHER_SITE.test(target);
}

/**
 * The host a browser would open for an absolute URL, lowercased; `''` when it has none
 * (`mailto:`) or does not parse; undefined for a relative link. Read the WHATWG way, as browsers
 * do: `http:/host`, `http:\\host`, `evil%2Ecom` and `2130706433` all name a host.
 */
export function browserHostOf(url: string): string | undefined {
  if (!isAbsoluteUrl(url)) return undefined;
  try {
    return new URL(cleanUrl(url), 'https://relative.invalid').hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return '';
  }
}
