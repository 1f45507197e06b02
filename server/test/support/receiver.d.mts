export const ORIGIN: string;
export const TOKEN: string;
export function startReceiver(env: Record<string, string>): Promise<{ url: string; pid: number; startLog: string; kill(signal?: NodeJS.Signals): Promise<void> }>;
