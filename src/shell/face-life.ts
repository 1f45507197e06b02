import type { Config, Lang } from '../config/types';
import { whenBody } from '../core/ready';
import { reportError } from '../core/report';
import type { ConsentStore } from '../core/store';
import type { Face, FetchFace } from '../parts';

/**
 * The face's life on one page, as a small state machine:
 *
 *   idle ──need──▶ loading ──came──▶ loaded ──mounted──▶ mounted
 *                     │                 │
 *                     └──── failed ◀────┘  (could not be had / its mount threw)
 *
 * One attempt at a time. A face that failed is tried again only when the visitor asks (one
 * error, not one per reason to show it): fetched again if it never came, mounted again if it
 * came but would not mount.
 */
type FaceState = 'idle' | 'loading' | 'loaded' | 'mounted' | 'failed';

/** What the engine does around the face's life: the reopen button and `samtykke:ready` are its own. */
export interface FaceHooks {
  /** Just before the face mounts: draws what must come before it and hands over the reopen button. */
  mounting(): HTMLElement | null;
  /** The face has mounted or failed: the reopen button's place may have changed. */
  changed(): void;
  /** The UI is in place, as much of it as could be shown. */
  settled(): void;
}

export interface FaceLife {
  readonly state: FaceState;
  /** Failed and not mounted since: the reopen button shows even while a decision is asked for. */
  readonly failing: boolean;
  /** Asks for the face; `asked`: the visitor asked, which tries a failed face again. */
  need(asked?: boolean): void;
  /** Opens the preferences, now or once the face is mounted; `opener`: what was clicked. */
  open(opener?: Element): void;
  /** Puts a held frame's placeholder in, now or once the face is here. */
  holdFrame(...args: Parameters<Face['holdFrame']>): void;
}

export function faceLife(fetch: FetchFace, lang: Lang, config: Config, store: ConsentStore, hooks: FaceHooks): FaceLife {
  let face: Face | null = null;
  let ui: ReturnType<Face['mount']> | null = null;
  let openWhenMounted = false;
  const frames: Parameters<Face['holdFrame']>[] = [];

  // Nothing optional has run without a choice; the engine keeps working without a face.
  const fail = () => {
    life.state = 'failed';
    life.failing = true;
    hooks.changed();
    hooks.settled();
  };
  const mount = () => {
    const reopen = hooks.mounting();
    try {
      ui = face!.mount(store, reopen);
    } catch (error) {
      reportError('error', 'face.mount', error);
      return fail();
    }
    life.state = 'mounted';
    life.failing = false;
    // The banner asks now: the reopen button hides while it does.
    hooks.changed();
    if (openWhenMounted) ui.open();
    hooks.settled();
  };
  const came = (create: Parameters<Parameters<FetchFace>[1]>[0]) => {
    let problem: unknown;
    try {
      face = create ? create(config) : null;
    } catch (error) {
      problem = error;
    }
    if (!face) {
      reportError('error', 'face.load', problem, lang);
      return fail();
    }
    life.state = 'loaded';
    for (const args of frames.splice(0)) face.holdFrame(...args);
    whenBody(mount);
  };

  // Read-only to the engine (FaceLife); written here alone.
  const life: { -readonly [K in keyof FaceLife]: FaceLife[K] } = {
    state: 'idle',
    failing: false,
    need(asked = false) {
      if (life.state === 'idle' || (life.state === 'failed' && asked)) {
        life.state = face ? 'loaded' : 'loading';
        if (face) mount();
        else fetch(lang, came);
      }
    },
    open(opener) {
      if (ui) return ui.open(opener);
      openWhenMounted = true;
      life.need(true);
    },
    holdFrame(...args) {
      if (face) return face.holdFrame(...args);
      frames.push(args);
      life.need();
    },
  };
  return life;
}
