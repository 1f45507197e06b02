/** The little of a SQL connection the store needs; both PGlite and `pg` provide it. */
export interface Sql {
  query<T extends object>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Sql {
  /** Runs `fn` on one connection inside BEGIN … COMMIT (ROLLBACK if it throws). */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Resolves once every write committed before the call is on stable storage. */
  durable(): Promise<void>;
  close(): Promise<void>;
}
