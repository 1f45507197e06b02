// Issue 26's goals, checked on one run's medians for each of samtykke's forms and printed as a
// met/missed list after the table (see docs/performance.md, "Targets").
import { conditionsOf, fmt } from './stats.mjs';

const VANILLA = 'cookieconsent';
const KLARO = 'klaro';
const ms = (s, digits = 0) => `${fmt(s, digits)} ms`;

/**
 * The goals: `[what, profile, rate, judge]`; `judge(us, peer)` gets a condition's figures of the
 * samtykke form and a peer's getter, and returns `[met, figures]`, or null without figures.
 */
const GOALS = [
  ['FCP delay over no tool ≤ 50 ms', 'slow4g', 1, (us) => us.fcpDelay && [us.fcpDelay.median <= 50, ms(us.fcpDelay)]],
  ['LCP delay over no tool ≤ 50 ms', 'slow4g', 1, (us) => us.lcpDelay && [us.lcpDelay.median <= 50, ms(us.lcpDelay)]],
  ['FCP delay no worse than Klaro’s', 'loopback', 1, (us, peer) => us.fcpDelay && peer(KLARO)?.fcpDelay && [us.fcpDelay.median <= peer(KLARO).fcpDelay.median, `${ms(us.fcpDelay)} vs ${ms(peer(KLARO).fcpDelay)}`]],
  ['banner painted sooner than vanilla-cookieconsent’s', 'slow4g', 1, (us, peer) => us.bannerPainted && peer(VANILLA)?.bannerPainted && [us.bannerPainted.median < peer(VANILLA).bannerPainted.median, `${ms(us.bannerPainted)} vs ${ms(peer(VANILLA).bannerPainted)}`]],
  ...[1, 4].map((rate) => ['first visit, script during load ≤ 1.5× vanilla-cookieconsent’s', 'loopback', rate, (us, peer) => us.scriptLoad && peer(VANILLA)?.scriptLoad && [us.scriptLoad.median <= 1.5 * peer(VANILLA).scriptLoad.median, `${ms(us.scriptLoad, 1)} vs ${ms(peer(VANILLA).scriptLoad, 1)}`]]),
  ...[1, 4].map((rate) => ['returning visitor, script during load ≤ 1.0× vanilla-cookieconsent’s', 'loopback', rate, (us, peer) => us.returningScript && peer(VANILLA)?.returningScript && [us.returningScript.median <= peer(VANILLA).returningScript.median, `${ms(us.returningScript, 1)} vs ${ms(peer(VANILLA).returningScript, 1)}`]]),
  ['returning visitor, no long task', 'loopback', 4, (us) => us.returningLongTasks && [us.returningLongTasks.max === 0, `${fmt(us.returningLongTasks, 0)} (median, min–max)`]],
  // The same, on what is ours: the bare page has long tasks of its own at 4× on a slow machine.
  ['returning visitor, no long task of its own script', 'loopback', 4, (us) => us.returningOwnLongTasks && [us.returningOwnLongTasks.max === 0, `${fmt(us.returningOwnLongTasks, 0)}; longest run ${ms(us.returningOwnLongest, 1)}`]],
  ['"Godta alle", click to next paint < 50 ms', 'loopback', 4, (us) => us.clickToPaint && [us.clickToPaint.median < 50, ms(us.clickToPaint, 1)]],
];

export function targets(results) {
  const { conditions, by } = conditionsOf(results);
  const forms = Object.keys(results.tools).filter((n) => n.startsWith('samtykke'));
  const lines = [];
  for (const form of forms) {
    for (const [what, profile, rate, judge] of GOALS) {
      const label = `${form}: ${what} (${profile}, ${rate}×)`;
      const cond = conditions.find((c) => c.profile === profile && c.rate === rate);
      const verdict = cond ? judge(by(form)[cond.key], (peer) => results.tools[peer] && by(peer)[cond.key]) : null;
      if (!cond) lines.push(`- NOT MEASURED: ${label}: not in this run (${conditions.map((c) => c.key).join(', ')})`);
      else if (!verdict) lines.push(`- NOT MEASURED: ${label}: no figures in this run`);
      else lines.push(`- ${verdict[0] ? 'met' : 'MISSED'}: ${label}: ${verdict[1]}`);
    }
  }
  return ['Targets of issue 26 (medians of this run):', ...lines].join('\n');
}
