import { h, render } from 'preact';
import type { Config, OptionalPurpose } from '../config/types';
import type { Choices } from '../consent/record';
import { afterPaintOrLeave, whenParsed } from '../core/ready';
import type { ConsentStore } from '../core/store';
import { i18n, type I18n } from '../i18n';
import { UI_ELEMENT } from '../markup';
import { withPresetTexts } from '../config/preset-texts';
import { App } from './app';
import type { Ctx } from './context';
import { Declaration, declarationRoots } from './declaration';
import { focusReturn } from './focus';
import { createShadowHost } from '../shell/sheet';
import { adopt } from './style';

export interface Ui {
  /** Opens the preferences; `opener`: what was clicked, where focus goes back when they close. */
  open(opener?: Element): void;
}

/**
 * Mounts the banner as the first child of `<body>` (so it is first in the tab order, D2) inside
 * an open shadow root the page's CSS cannot reach, and wires the reopen hooks. The reopen button
 * is the engine's (`reopen`, null when there is none): focus goes there after a choice.
 */
export function mountUi(owners: Config, store: ConsentStore, text: I18n = i18n(owners), reopen: HTMLElement | null = null): Ui {
  // What visitors read about the built-in services travels with the face, not the engine.
  const config = withPresetTexts(owners, text.lang);
  const [host, root] = createShadowHost(UI_ELEMENT, adopt, config);

  const decls: ShadowRoot[] = [];
  let draft: Choices = {};
  let shown = false;
  let msg = '';
  const dialog = () => root.querySelector('dialog');
  const [rememberOpener, restoreFocus, focusFallback] = focusReturn(root, reopen);

  const ctx: Ctx = {
    ...text,
    config,
    store,
    get draft() {
      return draft;
    },
    get shown() {
      return shown;
    },
    open(el) {
      const d = dialog();
      if (!d || d.open) return;
      rememberOpener(el);
      draft = { ...store.record?.choices };
      shown = true;
      draw();
      d.showModal();
    },
    decide(choices) {
      // A live region only speaks when its text changes; a second choice must be heard too.
      msg = msg === ctx.t.saved ? ctx.t.saved + '\u00a0' : ctx.t.saved;
      const d = dialog();
      if (d?.open) {
        store.decide(choices);
        // Closing fires `close`, which restores focus.
        return d.close();
      }
      // From the banner the click paints first: the banner goes at the next frame, and storing
      // the choice, the effects it releases and the redraw follow right after (the click is timed to
      // next paint). A page left or hidden before that frame stores it at once.
      const banner = root.querySelector<HTMLElement>('.banner');
      if (banner) banner.style.display = 'none';
      afterPaintOrLeave(() => {
        store.decide(choices);
        focusFallback();
      });
    },
    toggle(p: OptionalPurpose, on: boolean) {
      draft = { ...draft, [p]: on };
      draw();
    },
  };

  const onClose = () => {
    // The `close` event comes a task after the dialog closed; reopened meanwhile (Escape, then
    // Enter at once), it is open again and must keep its contents and focus.
    if (dialog()?.open) return;
    restoreFocus();
    shown = false;
    draw();
  };

  function draw() {
    render(h(App, { ctx, msg, onClose }), root);
    for (const r of decls) render(h(Declaration, { ctx }), r);
  }

  // Drawn before it joins the page and hears the store: a draw that throws leaves nothing behind,
  // and the engine's next attempt mounts a fresh one.
  draw();
  document.body.prepend(host);
  store.subscribe(draw);

  // The declaration lives further down the page than our tag, so it exists only once parsing ends.
  whenParsed(() => {
    decls.push(...declarationRoots(config.nonce));
    draw();
  });

  return { open: (opener) => ctx.open(opener) };
}
