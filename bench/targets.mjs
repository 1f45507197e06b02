// The speed targets of the engine/face split, checked on one run's medians and printed as a
// met/missed list after the table (see docs/performance.md, "Targets").
import { fmt } from './stats.mjs';

const US = 'samtykke';
const VANILLA = 'cookieconsent';

/** `[met, what, figures]` or `[null, what, why not measured]` for one target at one CPU rate. */
function check(results, rate, what, judge) {
  const at = (name) => results.tools[name]?.byRate?.[rate];
  if (!at(US)) return [null, `${what} at ${rate}×`, `not measured (this run: ${results.rates.map((r) => `${r}×`).join(', ')} CPU)`];
  const verdict = judge(at);
  return verdict ? [verdict[0], `${what} at ${rate}×`, verdict[1]] : [null, `${what} at ${rate}×`, 'no figures in this run'];
}

const ms = (s, digits = 0) => `${fmt(s, digits)} ms`;

export function targets(results) {
  const peers = Object.keys(results.tools).filter((n) => n !== US);
  const list = [
    ...[1, 4].map((rate) =>
      check(results, rate, `page FCP delay ≤ 0.5× ${VANILLA}'s`, (at) => {
        const us = at(US).fcpDelay;
        const them = at(VANILLA)?.fcpDelay;
        if (!us || !them) return null;
        // A peer that adds no delay leaves samtykke an allowance of zero, not a negative one.
        const allowed = 0.5 * Math.max(0, them.median);
        return [us.median <= allowed, `${ms(us)} vs ${ms(them)} (allowed ${allowed.toFixed(0)} ms)`];
      }),
    ),
    ...[1, 4].map((rate) =>
      check(results, rate, `returning visitor, script during load ≤ 1.0× ${VANILLA}'s`, (at) => {
        const us = at(US).returningScript;
        const them = at(VANILLA)?.returningScript;
        return us && them ? [us.median <= them.median, `${ms(us, 1)} vs ${ms(them, 1)}`] : null;
      }),
    ),
    check(results, 4, 'returning visitor, zero long tasks', (at) => {
      const lt = at(US).returningLongTasks;
      return lt ? [lt.median === 0, `${fmt(lt, 0)} (median, min–max)`] : null;
    }),
    ...[1, 4].map((rate) =>
      check(results, rate, 'first visit, banner painted sooner than both peers', (at) => {
        const us = at(US).bannerPainted;
        const them = peers.map((p) => [p, at(p)?.bannerPainted]);
        if (!us || them.some(([, s]) => !s)) return null;
        return [them.every(([, s]) => us.median < s.median), `${ms(us)} vs ${them.map(([p, s]) => `${p} ${ms(s)}`).join(', ')}`];
      }),
    ),
    check(results, 4, '"Godta alle", click to next paint < 50 ms', (at) => {
      const c = at(US).clickToPaint;
      return c ? [c.median < 50, ms(c, 1)] : null;
    }),
    check(results, 4, 'reopen button: preferences open and focused (reported)', (at) => {
      const r = at(US).reopen;
      const after = at(US).reopenAfterFace;
      return r ? [true, `${ms(r, 1)} from the click${after ? `; ${ms(after, 1)} after the last file it fetched arrived` : '; it fetched nothing'}`] : null;
    }),
  ];
  const word = (met) => (met === null ? 'NOT MEASURED' : met ? 'met' : 'MISSED');
  return ['Targets (medians of this run):', ...list.map(([met, what, figures]) => `- ${word(met)}: ${what}: ${figures}`)].join('\n');
}
