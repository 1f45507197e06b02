import { h, render } from 'preact';
import { whenParsed } from '../core/ready';
import { visitorLang } from '../i18n/lang';
import { styles } from '../shell/sheet';
import { cookieStore } from '../storage/cookie';
import type { Decision } from './decisions';
import { inspect } from './inspect';
import type { Look } from './model';
import type { RunCheck } from './open';
import css from './panel.css?inline';
import { Panel } from './panel';
import { plainReport } from './plain';
import { roomAbove, watchRoom } from './room';
import { askPrivacy, type PrivacyAnswer } from './settings';
import { CHECK_TEXTS } from './texts';

declare const __VERSION__: string;

/** How the address asks for the check; kept when the owner tries the page as a new visitor. */
const PARAM = 'samtykke';
const VALUE = 'sjekk';
const HASH = '#samtykke-sjekk';
const adopt = styles(css);

/** The panel's element; one per page, whichever copy of this file drew it (each request fetches the file anew). */
const TAG = 'samtykke-check';

/**
 * Shows the check for this page view and keeps it current: it reads again when the decision
 * changes, when the page makes a request, and when asked. Reads only; changes no consent,
 * stores nothing, sends nothing (but a HEAD to the site's own privacy page).
 */
export const runCheck: RunCheck = (config, store, tag, said, released) => {
  // Asked again: the panel there is brought forward instead of a second drawn.
  const there = document.querySelector(TAG);
  if (there) return there.shadowRoot?.querySelector<HTMLElement>('h2')?.focus();
  const t = CHECK_TEXTS[visitorLang(config)];
  // Each decision's moment. The record keeps whole seconds, and the engine's own listeners (which
  // load what was granted) run before ours, so neither "now" nor the record is it: the latest
  // click before the decision is, when it falls in the record's second (a choice made by click or
  // key). Otherwise the record's second, which can only count a request as after: never a false red.
  // A withdrawal of everything (no record) releases nothing, so its moment is when we hear of it.
  // Every decision is kept: a request is judged by the one in force when it was made.
  const now = () => performance.timeOrigin + performance.now();
  const decisions: Decision[] = store.record ? [{ at: Date.parse(store.record.time), choices: store.record.choices }] : [];
  let clicked = -Infinity;
  addEventListener('click', () => (clicked = now()), true);
  let privacy: PrivacyAnswer = { state: 'asking' };
  let update = () => {};
  store.subscribe((next, prev) => {
    if (next?.time !== prev?.time || next?.id !== prev?.id) decisions.push({ at: next ? Math.max(Date.parse(next.time), clicked) : now(), choices: next?.choices ?? null });
    update();
  });
  const look = (): Look => ({ config, store, tag, said, released, t, decisions });

  const host = document.createElement(TAG);
  const root = host.attachShadow({ mode: 'open' });
  adopt(root, config.nonce);
  const title = () => root.querySelector<HTMLElement>('h2');

  const fresh = () => {
    cookieStore(config).clear();
    const url = new URL(location.href);
    if (url.searchParams.get(PARAM) === VALUE || url.hash === HASH) return location.reload();
    url.searchParams.set(PARAM, VALUE);
    location.assign(url.href);
  };
  // The room above the banner (or its buttons), given to the panel's CSS (--room) through the CSSOM, which a strict CSP allows.
  const fit = () => host.style.setProperty('--room', roomAbove(root) + 'px');
  const draw = () => {
    render(
      h(Panel, {
        t,
        sections: inspect(look(), privacy),
        report: () => plainReport(inspect(look(), privacy), t, __VERSION__),
        fresh,
        refresh: draw,
        close: () => {
          render(null, root);
          host.remove();
          update = () => {};
        },
      }),
      root,
    );
    fit();
  };

  whenParsed(() => {
    update = draw;
    document.body.append(host);
    draw();
    title()?.focus();
    void askPrivacy(config.privacyUrl).then((answer) => {
      privacy = answer;
      update();
    });
    try {
      // A script that has just arrived sets its cookies when it runs, a moment later: read again then too.
      new PerformanceObserver(() => {
        update();
        setTimeout(() => update(), 300);
      }).observe({ type: 'resource' });
    } catch {
      /* no Resource Timing: the "Oppdater" button reads again */
    }
    addEventListener('load', () => update());
    watchRoom(root, fit);
  });
};
