// Medians, ranges and the printed table of bench/run.mjs.
export function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const stats = (xs) => (xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length } : null);

const num = (v, digits) => (Math.abs(v) >= 100 || digits === 0 ? Math.round(v).toString() : v.toFixed(digits));

/** "12.3 (10.1–15.0)" */
export function fmt(s, digits = 1) {
  if (!s) return '–';
  return s.min === s.max ? num(s.median, digits) : `${num(s.median, digits)} (${num(s.min, digits)}–${num(s.max, digits)})`;
}

// Only between two positive medians: a ratio of a delay that is zero or negative means nothing.
const ratio = (s, base) => (s && base && base.median > 0 && s.median >= 0 ? ` ×${(s.median / base.median).toFixed(s.median / base.median >= 10 ? 0 : 1)}` : '');

const ROWS = [
  ['fcp', "first visit: page's first contentful paint (FCP), ms", 0],
  ['fcpDelay', '  delay over the page without a consent tool, ms', 0],
  ['lcp', 'first visit: largest contentful paint (LCP), ms', 0],
  ['lcpDelay', '  delay over the page without a consent tool, ms', 0],
  ['tagArrived', "tool's tag file(s) arrived (last responseEnd), ms", 0],
  ['bannerVisible', 'banner visible (rAF), ms from navigation', 0],
  ['bannerPainted', 'banner painted: max(rAF, FCP), ms', 0],
  ['scriptLoad', 'main-thread script during load, ms', 1],
  ['tagFirst', "tool's own script, synchronous run, ms", 1],
  ['cookieMs', '  of which in document.cookie, ms', 1],
  ['cookieCalls', '  document.cookie calls (until the click)', 0],
  ['longTasks', 'long tasks during load (count)', 0],
  ['longTaskMs', 'long tasks during load (sum, ms)', 0],
  ['ownLongTasks', "  of them the tool's own script runs of 50 ms or more (count)", 0],
  ['ownLongest', "  the tool's longest script run, ms", 1],
  ['cls', 'layout shift (CLS)', 3],
  ['clickToPaint', '"Godta alle": click to next paint, ms', 1],
  ['eventTiming', '"Godta alle": Event Timing duration, ms', 0],
  ['returningFcpDelay', 'returning visitor: FCP delay over no tool, ms', 0],
  ['returningLcpDelay', 'returning visitor: LCP delay over no tool, ms', 0],
  ['returningTag', "returning visitor: tool's script run, ms", 1],
  ['returningCookieMs', '  of which in document.cookie, ms', 1],
  ['returningScript', 'returning visitor: script during load, ms', 1],
  ['returningLongTasks', 'returning visitor: long tasks (count)', 0],
  ['returningOwnLongTasks', "  of them the tool's own script runs of 50 ms or more (count)", 0],
  ['returningOwnLongest', "  the tool's longest script run, ms", 1],
  ['nextFcpDelay', 'next page, same browser: FCP delay over no tool, ms', 0],
  ['nextLcpDelay', '  LCP delay over no tool, ms', 0],
  ['returningNextTag', "  tool's script run, ms", 1],
  ['returningNextCookieMs', '    of which in document.cookie, ms', 1],
  ['nextScript', '  script during load, ms', 1],
  ['nextLongTasks', '  long tasks (count)', 0],
  ['reopen', 'reopen button: click to preferences open + focused, ms', 1],
  ['reopenAfterFace', '  of which after the last file it fetched arrived, ms', 1],
];

// What each scenario asked the tool's server for: gzip -9 of every file requested (raw in brackets).
const BYTE_ROWS = [
  ['first', 'bytes requested, gzip -9 (raw): first visit'],
  ['returning', '  returning visitor, first page'],
  ['next', '  next page, same browser (HTTP cache)'],
  ['reopen', '  returning visitor opens the preferences'],
];

/**
 * The conditions a run measured, `{ key, profile, rate }` each, and each tool's figures by key.
 * Runs saved before the network profiles (bench/results.json of 2026-11) measured loopback only,
 * by CPU rate.
 */
export function conditionsOf(results) {
  const conditions = results.conditions ?? results.rates.map((rate) => ({ key: String(rate), profile: 'loopback', rate }));
  const by = (name) => results.tools[name].byCondition ?? results.tools[name].byRate;
  return { conditions, by };
}

/** The column the ratios are against: samtykke's first form (the first column in older runs). */
export const baseName = (names) => names.find((n) => n.startsWith('samtykke')) ?? names[0];

export function table(results) {
  const names = Object.keys(results.tools);
  const { conditions, by } = conditionsOf(results);
  const baseCol = baseName(names);
  const base = results.tools[baseCol];
  const lines = [];
  const m = results.machine;
  lines.push(`${m.cpu} (${m.cores} cores), ${m.chromium ? 'Chromium ' + m.chromium : ''}, ${results.date.slice(0, 10)}; ${results.runs} runs each, median (min–max); ×n = ratio to ${baseCol}.`);
  const head = ['metric', ...names];
  const rows = [];
  for (const [key, label] of BYTE_ROWS) {
    rows.push([
      label,
      ...names.map((n) => {
        const b = results.tools[n].bytes?.[key];
        if (!b) return key === 'reopen' ? 'n/a' : '–';
        const baseBytes = base.bytes?.[key];
        return `${b.gzip} (${b.raw})${b.vary ? ' varies' : ''}${n === baseCol || n === 'none' || !baseBytes ? '' : ratio({ median: b.gzip }, { median: baseBytes.gzip })}`;
      }),
    ]);
  }
  for (const { key: cond, profile, rate } of conditions) {
    rows.push([`**${profile}, ${rate}× CPU${rate > 1 ? ' throttling' : ''}**`, ...names.map(() => '')]);
    for (const [key, label, digits] of ROWS) {
      rows.push([
        label,
        ...names.map((n) => {
          const r = by(n)[cond];
          if (!(key in r)) return 'not measured';
          if (key === 'bannerVisible' && !r.bannerVisible) return 'no banner';
          if ((key === 'clickToPaint' || key === 'eventTiming') && !r.clickToPaint && !r.eventTiming) return r.bannerVisible ? '–' : 'no banner';
          if (key.startsWith('reopen') && !r.hasReopen) return 'n/a (no such control)';
          if (key.startsWith('returning') && !r.returningSeeded) return `${fmt(r[key], digits)} (no stored choice)`;
          const s = r[key];
          const extra = key === 'eventTiming' && s ? ' (<16 not reported)' : '';
          // No ratio for the page without a tool: it is what the others' delays are taken against.
          return fmt(s, digits) + (n === baseCol ? extra : n === 'none' ? '' : ratio(s, (base.byCondition ?? base.byRate)[cond][key]));
        }),
      ]);
    }
  }
  for (const { key: cond, rate } of conditions) {
    const bl = results.baseline?.[cond];
    if (bl?.scriptLoad) lines.push(`The page without any consent tool (incl. the probe) at ${rate}× CPU: ${fmt(bl.scriptLoad, 1)} ms script, FCP ${fmt(bl.fcp, 0)} ms.`);
  }
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
  lines.splice(1, 0, '', line(head), `|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`, ...rows.map(line));
  return lines.join('\n');
}
