export interface Cluster {
  url(database: string): string;
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}
export function startCluster(): Promise<Cluster>;
