import { useEffect, useRef, useState } from 'preact/hooks';
import { allLines, toFix } from './inspect';
import { badge, forOwner, type Line, type Section } from './model';
import type { CheckTexts } from './texts/nb';

/** The panel's one id space is its own shadow root, so plain ids are safe. */
const TITLE = 'check-title';
const FRESH_HELP = 'check-fresh-help';
const COPY_HELP = 'check-copy-help';
/** Each line's element, by its place among all the check's lines: where the list at the top leads. */
const lineId = (index: number) => `check-line-${index}`;

export interface PanelProps {
  readonly t: CheckTexts;
  readonly sections: readonly Section[];
  /** The report as plain text, for "Kopier rapporten". */
  report(): string;
  /** "Prøv som ny besøkende". */
  fresh(): void;
  refresh(): void;
  close(): void;
}

/** Where each line is among all the check's lines. */
type Places = ReadonlyMap<Line, number>;

function Lines({ lines, t, places }: { lines: readonly Line[]; t: CheckTexts; places: Places }) {
  return (
    <ul>
      {lines.map((line, i) => (
        <li key={i} class={line.tone} id={lineId(places.get(line)!)} tabIndex={-1}>
          <span class="badge">{badge(t, line)}</span>
          <span>{forOwner(line.text)}</span>
          {line.fix && (
            <p class="fix">
              <strong>{t.fix}</strong> {forOwner(line.fix)}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

function Block({ section, depth, t, places }: { section: Section; depth: 3 | 4; t: CheckTexts; places: Places }) {
  const Heading = depth === 3 ? 'h3' : 'h4';
  return (
    <>
      <Heading>{forOwner(section.title)}</Heading>
      {section.note && <p>{forOwner(section.note)}</p>}
      <Lines lines={section.lines} t={t} places={places} />
      {section.parts?.map((part) => <Block key={part.title} section={part} depth={4} t={t} places={places} />)}
    </>
  );
}

/**
 * The red lines, then the yellow, each with its fix and a button to its place below: so the owner
 * reaches what to fix without reading past everything that is in order, and keeps it in view when
 * the details are hidden.
 */
function ToFix({ lines, t, places, go }: { lines: readonly Line[]; t: CheckTexts; places: Places; go(index: number): void }) {
  return (
    <nav class="to-fix" aria-labelledby="check-to-fix">
      <h3 id="check-to-fix">{t.toFix}</h3>
      <ol>
        {lines.map((line) => (
          <li key={places.get(line)}>
            <button type="button" class={'jump ' + line.tone + '-jump'} onClick={() => go(places.get(line)!)}>
              <span class="badge">{badge(t, line)}</span> {forOwner(line.text)}
            </button>
            {line.fix && (
              <p class="fix">
                <strong>{t.fix}</strong> {forOwner(line.fix)}
              </p>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The owner's check: a labelled region with its headings, what to fix first, its findings, and its buttons each with what it does. */
export function Panel({ t, sections, report, fresh, refresh, close }: PanelProps) {
  const [open, setOpen] = useState(true);
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState<string | null>(null);
  // The line the list at the top leads to: shown once the details are (opened first if hidden).
  const [target, setTarget] = useState<number | null>(null);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (target === null) return;
    const line = panel.current?.querySelector<HTMLElement>('#' + lineId(target));
    line?.scrollIntoView({ block: 'start' });
    line?.focus({ preventScroll: true });
    setTarget(null);
  }, [target]);
  const go = (index: number) => {
    setOpen(true);
    setTarget(index);
  };
  const lines = allLines(sections);
  const places: Places = new Map(lines.map((line, i) => [line, i]));
  const first = toFix(sections);
  const red = first.filter((l) => l.tone === 'bad');
  const copy = () => {
    const text = report();
    const failed = () => {
      setManual(text);
      setStatus(t.copyFailed);
    };
    try {
      navigator.clipboard.writeText(text).then(() => {
        setManual(null);
        setStatus(t.copied);
      }, failed);
    } catch {
      failed();
    }
  };
  return (
    <section class="panel" ref={panel} role="region" aria-labelledby={TITLE}>
      <header>
        <h2 id={TITLE} tabIndex={-1}>
          {t.title}
        </h2>
        {/* Beside the verdict, which is this page's only (a video or map is often on another): on its line, so the first fix keeps its place above the banner. */}
        <p>
          <span class="summary">{t.summary(red.length, first.length - red.length)}</span> <span class="other-pages">{t.otherPages}</span>
        </p>
        <div class="actions">
          <div class="action">
            <button type="button" class="primary" aria-describedby={FRESH_HELP} onClick={fresh}>
              {t.fresh}
            </button>
            <span id={FRESH_HELP}>{t.freshHelp}</span>
          </div>
          <div class="action">
            <button type="button" aria-describedby={COPY_HELP} onClick={copy}>
              {t.copy}
            </button>
            <span id={COPY_HELP}>{t.copyHelp}</span>
          </div>
          <div class="more">
            <button type="button" onClick={refresh}>
              {t.refresh}
            </button>
            <button type="button" onClick={() => setOpen(!open)}>
              {open ? t.collapse : t.expand}
            </button>
          </div>
        </div>
        <p class="status" role="status">
          {status}
        </p>
        <button type="button" class="close" aria-label={t.close} title={t.close} onClick={close}>
          ×
        </button>
      </header>
      <div class="body" tabIndex={0} aria-labelledby={TITLE}>
        {manual !== null && (
          <label>
            {t.copyLabel}
            <textarea readOnly value={manual} />
          </label>
        )}
        {first.length > 0 && <ToFix lines={first} t={t} places={places} go={go} />}
        {open && (
          <>
            <p>{forOwner(t.intro)}</p>
            {sections.map((section) => (
              <Block key={section.title} section={section} depth={3} t={t} places={places} />
            ))}
            <h3>{t.limits}</h3>
            <ul class="limits">
              {t.limitLines.map((line) => (
                <li key={line}>{forOwner(line)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
