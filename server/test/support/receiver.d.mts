export const ORIGIN: string;
export const TOKEN: string;
export function startReceiver(env: Record<string, string>): Promise<{ url: string; pid: number; kill(signal?: NodeJS.Signals): Promise<void> }>;
