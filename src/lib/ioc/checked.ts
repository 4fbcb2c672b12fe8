// The internal result of one validation step. Kept apart from NormaliseResult so
// validators can carry a `decisive` flag that never leaks to callers.

/** A step that succeeded, carrying the canonical value. */
export interface Passed<T> {
  ok: true;
  value: T;
}

/** A step that failed; `decisive` means "trust this message over a type-mismatch guess". */
export interface Rejected {
  ok: false;
  message: string;
  hint: string;
  decisive?: boolean;
}

/** Outcome of validating one component. */
export type Checked<T = string> = Passed<T> | Rejected;

/** Build a success. */
export function pass<T>(value: T): Passed<T> {
  return { ok: true, value };
}

/** Build a failure worded for the writeup author. */
export function fail(message: string, hint: string, decisive = false): Rejected {
  return decisive ? { ok: false, message, hint, decisive } : { ok: false, message, hint };
}

/** Prefix a component's failure with the whole value it came from. */
export function failWithin(whole: string, part: Rejected): Rejected {
  return { ...part, message: `${whole}: ${part.message}` };
}
