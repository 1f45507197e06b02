import { render } from 'preact';
import type { Tracker } from '../config/trackers';
import type { Config, Service } from '../config/types';
import { i18n, type I18n } from '../i18n';
import { EMBED_ELEMENT, SRC_ATTR } from '../markup';
import { createShadowHost } from '../shell/sheet';
import { adopt } from './style';
import { fill } from './text';

/** A width or height attribute as CSS: digits are pixels, anything else (a percentage) passes through. */
const px = (v: string) => (+v ? v + 'px' : v);

/**
 * Shows a placeholder in place of a held-back iframe until it loads. `tracker` is null for an
 * owner-marked iframe from an unknown provider (name its host then). `show` loads this one
 * frame; `choose` opens the preferences (null when the provider is not among the services the
 * visitor can consent to, so no "change for all" link is offered).
 */
export function holdFrame(config: Config, frame: HTMLIFrameElement, tracker: Tracker | null, show: () => void, choose: (() => void) | null, text: I18n = i18n(config)): void {
  try {
    const [w, h] = ['width', 'height'].map((a) => frame.getAttribute(a)?.trim() || '');
    // A frame not meant to be seen (a tracking pixel in a frame) gets no placeholder.
    if (frame.hidden || frame.style.display === 'none' || [w, h].some((v) => v && +v < 2)) return;
    const [host, root] = createShadowHost(EMBED_ELEMENT, adopt, config);
    sizeLike(host, w!, h!);
    host.className = frame.className;
    // Whether the visitor went on to the preferences from here: then focus follows the frame once they load it.
    let chose = false;
    render(
      <Placeholder
        text={text}
        service={tracker?.service}
        frame={frame}
        show={show}
        choose={
          choose &&
          (() => {
            chose = true;
            choose();
          })
        }
      />,
      root,
    );
    // Focus back in the placeholder means the preferences closed without loading the frame.
    root.addEventListener('focusin', () => (chose = false));
    standIn(frame, host, () => !!root.activeElement || chose);
  } catch {
    /* the page must never break for a placeholder; the frame simply stays held back */
  }
}

/**
 * Sized like the frame, through custom properties our rules read, so the page's own rules (for
 * the frame's classes, copied over) still win as they would on the frame. Both in pixels give
 * the ratio, so it scales down with the width; a height alone is kept; with neither, a video's
 * 16/9. All three are set, so none is inherited from the page.
 */
function sizeLike(host: HTMLElement, w: string, h: string): void {
  const css = host.style;
  const ratio = +w && +h;
  css.setProperty('--width', px(w) || '100%');
  css.setProperty('--height', (!ratio && px(h)) || 'auto');
  css.setProperty('--ratio', ratio ? w + '/' + h : h ? 'auto' : '16/9');
}

/** What the placeholder says: whose content, its privacy notice, and the buttons. */
function Placeholder({ text: { t, lang }, service, frame, show, choose }: { text: I18n; service: Service | undefined; frame: HTMLIFrameElement; show: () => void; choose: (() => void) | null }) {
  const host = new URL(frame.getAttribute(SRC_ATTR)!, document.baseURI).hostname.replace(/^www\./, '');
  const provider = service?.provider || host;
  const name = service?.name || host;
  // The frame's title tells two placeholders from the same provider apart; one that names the
  // service (YouTube's own code writes «YouTube video player») would only repeat it, in English.
  const label = fill(t.embed, { name }).join('') + (frame.title && !frame.title.includes(name) ? ': ' + frame.title : '');
  const url = service?.privacyUrl;
  return (
    <section class="root embed" lang={lang} aria-label={label}>
      <div>
        <p>
          <b>{label}</b>
        </p>
        <p>
          {fill(t.embedText, { provider })}
          {url && ' '}
          {url && <a href={url}>{fill(t.providerPrivacy, { provider })}</a>}
        </p>
        <div class="actions">
          <button type="button" class="button" onClick={show}>
            {t.show}
          </button>
          {choose && (
            <button type="button" class="button secondary" onClick={choose}>
              {t.changeAll}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}

/**
 * Puts `host` in the frame's place until the frame gets a `src`, whoever sets it (the
 * placeholder or a grant); then the frame takes over, with focus when `focusFollows()`.
 */
function standIn(frame: HTMLIFrameElement, host: HTMLElement, focusFollows: () => boolean): void {
  const s = frame.style;
  const display = [s.getPropertyValue('display'), s.getPropertyPriority('display')] as const;
  frame.before(host);
  s.setProperty('display', 'none', 'important');
  const focusFrame = () => {
    frame.focus();
    // Not focusable by default in every browser: make it so, but only then.
    if (document.activeElement !== frame) {
      frame.tabIndex = -1;
      frame.focus();
    }
  };
  const watch = new MutationObserver(() => {
    if (!frame.hasAttribute('src')) return;
    watch.disconnect();
    const focused = focusFollows();
    host.remove();
    s.setProperty('display', ...display);
    // Focus moves on to the frame if it was in the placeholder, or if the preferences it opened
    // loaded it; a task later, after the dialog's close event has returned focus.
    if (focused) setTimeout(focusFrame);
  });
  watch.observe(frame, { attributeFilter: ['src'] });
}
