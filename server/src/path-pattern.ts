/**
 * The owner's route patterns (PATH_PATTERNS), e.g. `/ordre/:id` or `/tilbakestill/*`: a path
 * that matches one is stored as the pattern, so the log says which kind of page a decision was
 * made on without the order number or reset token in its path.
 */

const NAME = /^:[A-Za-z][A-Za-z0-9_]*$/;
// A literal segment: what `location.pathname` can hold (no space, '?' or '#'), without ':' or '*'.
const LITERAL = /^[!"$-)+-9;->@-~]*$/;

/** Why a pattern can never match as meant, or null when it is fine. */
export function patternProblem(pattern: string): string | null {
  if (!pattern.startsWith('/') || pattern.length > 512) return 'must start with "/" (at most 512 characters)';
  const segments = pattern.slice(1).split('/');
  for (const [i, s] of segments.entries()) {
    if (s === '*' ? i !== segments.length - 1 : !NAME.test(s) && !LITERAL.test(s)) {
      return 'must be segments of plain path text, ":name" for one segment, or "*" for the rest as the last';
    }
  }
  return null;
}

/**
 * What is stored for a path: the first pattern it matches; else the path itself when
 * `keepOthers` (STORE_PATHS=1), or '' (nothing of it).
 */
export function pathReducer(patterns: readonly string[], keepOthers: boolean): (path: string) => string {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const compiled = patterns.map((p) => ({
    pattern: p,
    test: new RegExp(`^${p.split('/').map((s) => (s === '*' ? '.+' : NAME.test(s) ? '[^/]+' : escape(s))).join('/')}/?$`),
  }));
  return (path) => compiled.find((c) => c.test.test(path))?.pattern ?? (keepOthers ? path : '');
}
