import { COOKIE } from '../shell/icon';

/** The reopen button's cookie (its paths are in shell/icon.ts, shared with the engine's button). */
export const CookieIcon = () => (
  <svg aria-hidden="true">
    {COOKIE.map((d) => (
      <path d={d} />
    ))}
  </svg>
);
