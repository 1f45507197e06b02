import type { Config } from '../config/types';
import type { ConsentStore } from '../core/store';

export interface Ui {
  open(): void;
}

/** Placeholder until the banner lands: the engine works without a face. */
export function mountUi(_config: Config, _store: ConsentStore): Ui {
  return { open() {} };
}
