import fc from 'fast-check';

/** One seed for every generated test, so a failure is the same failure on every machine. */
export const SEED = 17;
export const RUNS = { seed: SEED, numRuns: 300 } as const;

const thrower = () => {
  throw new Error('hostile');
};

/** Where in `hostileValues()` the getter that answers differently each time it is read is. */
export const FLIPPING = 6;

/** Values that break naive code: each throws, loops or lies when touched. */
export function hostileValues(): unknown[] {
  const cyclic: Record<string, unknown> = { mode: 'advanced' };
  cyclic.self = cyclic;
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const trapsThrow = new Proxy({}, { get: thrower, ownKeys: thrower, getOwnPropertyDescriptor: thrower, has: thrower, getPrototypeOf: thrower });
  const getterThrows = Object.defineProperty({}, 'analytics', { enumerable: true, get: thrower });
  let flips = 0;
  // true when checked, a string when used: a value read twice must not be trusted twice.
  const flipping = Object.defineProperty({}, 'analytics', { enumerable: true, get: () => (flips++ % 2 ? 'yes' : true) });
  return [
    10n,
    Symbol('s'),
    cyclic,
    revoked,
    trapsThrow,
    getterThrows,
    flipping,
    Object.create(null),
    { toJSON: thrower, toString: thrower, valueOf: thrower },
    { [Symbol.toPrimitive]: thrower },
    new Proxy([], { get: thrower }),
    [cyclic, 1n],
    () => 'fn',
    new Date(NaN),
  ];
}

const MARK = '@hostile:';

/**
 * Anything: fast-check's values (BigInts, null-prototype objects, sparse arrays …) with the
 * hostile values above in any place. fast-check itself looks into the values it generates, so
 * it generates markers; `hydrate` swaps them for the hostile values inside the property.
 */
export const anything = (): fc.Arbitrary<unknown> => {
  const marker = fc.nat(hostileValues().length - 1).map((i) => MARK + i);
  return fc.oneof(marker, fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, values: [fc.anything(), marker] }));
};

export function hydrate(v: unknown, hostile = hostileValues()): unknown {
  if (typeof v === 'string' && v.startsWith(MARK)) return hostile[Number(v.slice(MARK.length))];
  if (Array.isArray(v)) return v.map((x) => hydrate(x, hostile));
  if (typeof v === 'object' && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
    const out = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
    for (const k of Object.keys(v)) out[k] = hydrate((v as Record<string, unknown>)[k], hostile);
    return out;
  }
  return v;
}
