export function entry(n: number): Record<string, unknown> & { id: string; time: string };
export function postLoad(o: { url: string; total: number; clients: number; from?: number; onAck?: (acked: number) => void }): Promise<{
  acked: Set<string>;
  latencies: number[];
  statuses: Record<string, number>;
  seconds: number;
}>;
export function checkStored(url: string, acked: Set<string>): Promise<{ stored: number; missing: number; twice: number }>;
export function quantile(values: number[], q: number): number;
export const SNAPSHOTS: { services: string; texts: string };
export function hashOf(canonical: string): string;
export function postSnapshots(url: string): Promise<void>;
