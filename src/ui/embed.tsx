import { render } from 'preact';
import type { Tracker } from '../config/trackers';
import type { Config } from '../config/types';
import { i18n, type I18n } from '../i18n';
import { EMBED_ELEMENT, SRC_ATTR } from '../markup';
import { adopt, theme } from './style';
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
  let chose = false;
  try {
    const s = frame.style;
    const [w, h] = ['width', 'height'].map((a) => frame.getAttribute(a)?.trim() || '');
    // A frame not meant to be seen (a tracking pixel in a frame) gets no placeholder.
    if (frame.hidden || s.display === 'none' || [w, h].some((v) => v && +v < 2)) return;
    const host = document.createElement(EMBED_ELEMENT);
    const root = host.attachShadow({ mode: 'open' });
    const css = host.style;
    const { t, lang } = text;
    const service = tracker?.service;
    let name = new URL(frame.getAttribute(SRC_ATTR)!, document.baseURI).hostname.replace(/^www\./, '');
    const provider = service?.provider || name;
    name = service?.name || name;
    // The frame's title tells two placeholders from the same provider apart.
    const label = t.embed.replace('{name}', name) + (frame.title && ': ' + frame.title);
    const url = service?.privacyUrl;
    adopt(root, config.nonce);
    theme(host, config.theme);
    // Sized like the frame, through custom properties our rules read, so the page's own rules
    // (for the frame's classes, copied over) still win as they would on the frame. Both in
    // pixels give the ratio, so it scales down with the width; a height alone is kept; with
    // neither, a video's 16/9. All three are set, so none is inherited from the page.
    const ratio = +w && +h;
    css.setProperty('--width', px(w) || '100%');
    css.setProperty('--height', (!ratio && px(h)) || 'auto');
    css.setProperty('--ratio', ratio ? w + '/' + h : h ? 'auto' : '16/9');
    host.className = frame.className;
    render(
      <section class="root embed" lang={lang} aria-label={label}>
        <div>
          <p>
            <b>{label}</b>
          </p>
          <p>
            {t.embedText.replace('{provider}', provider)}
            {url && ' '}
            {url && <a href={url}>{fill(t.providerPrivacy, { provider })}</a>}
          </p>
          <div class="actions">
            <button type="button" class="button" onClick={show}>
              {t.show}
            </button>
            {choose && (
              <button
                type="button"
                class="button secondary"
                onClick={() => {
                  chose = true;
                  choose();
                }}
              >
                {t.changeAll}
              </button>
            )}
          </div>
        </div>
      </section>,
      root,
    );
    const display = [s.getPropertyValue('display'), s.getPropertyPriority('display')] as const;
    frame.before(host);
    s.setProperty('display', 'none', 'important');
    // Loading sets src, whoever does it (this placeholder or a grant); then the frame takes over.
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
      const focused = root.activeElement;
      host.remove();
      s.setProperty('display', ...display);
      // Focus moves on to the frame if it was here, or if the preferences this placeholder
      // opened loaded it; a task later, after the dialog's close event has returned focus.
      if (focused || chose) setTimeout(focusFrame);
    });
    // Focus back in the placeholder means the preferences closed without loading the frame.
    root.addEventListener('focusin', () => (chose = false));
    watch.observe(frame, { attributeFilter: ['src'] });
  } catch {
    /* the page must never break for a placeholder; the frame simply stays held back */
  }
}
