import type { Lang, Theme } from '../../src/config/types';

/**
 * The debug panel's switches, kept for the tab in sessionStorage. The inline script the dev
 * server puts before the samtykke tag turns them into `window.samtykkeConfig` on the next load.
 */
export interface DemoSettings {
  lang?: Lang;
  theme?: Theme;
  dark?: boolean;
  scheme?: SchemeName;
}

export type SchemeName = 'standard' | 'stressfri' | 'mørk';

export const SCHEMES: Record<SchemeName, { theme?: Theme; dark?: boolean }> = {
  standard: {},
  stressfri: { theme: { accent: '#2f6f5e', accentText: '#ffffff', radius: '14px' } },
  mørk: { theme: { background: '#1d2624', text: '#e8efec', accent: '#7cc5ad', accentText: '#10201b' }, dark: true },
};

const KEY = 'samtykke-demo';

export function readSettings(): DemoSettings {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    return typeof v === 'object' && v !== null ? (v as DemoSettings) : {};
  } catch {
    return {};
  }
}

export function saveSettings(next: DemoSettings): void {
  sessionStorage.setItem(KEY, JSON.stringify(next));
}
