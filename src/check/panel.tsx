import { useState } from 'preact/hooks';
import { forOwner, type Line, type Section } from './model';
import type { CheckTexts } from './texts/nb';

/** The panel's one id space is its own shadow root, so plain ids are safe. */
const TITLE = 'check-title';

export interface PanelProps {
  readonly t: CheckTexts;
  readonly sections: readonly Section[];
  readonly bad: number;
  readonly warn: number;
  /** The report as plain text, for "Kopier rapporten". */
  report(): string;
  /** "Prøv som ny besøkende". */
  fresh(): void;
  refresh(): void;
  close(): void;
}

function Lines({ lines, t }: { lines: readonly Line[]; t: CheckTexts }) {
  return (
    <ul>
      {lines.map((line, i) => (
        <li key={i} class={line.tone}>
          <span class="badge">{t.tone[line.tone]}</span>
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

function Block({ section, depth, t }: { section: Section; depth: 3 | 4; t: CheckTexts }) {
  const Heading = depth === 3 ? 'h3' : 'h4';
  return (
    <>
      <Heading>{forOwner(section.title)}</Heading>
      {section.note && <p>{forOwner(section.note)}</p>}
      <Lines lines={section.lines} t={t} />
      {section.parts?.map((part) => <Block key={part.title} section={part} depth={4} t={t} />)}
    </>
  );
}

/** The owner's check: a labelled region with its headings, its findings and three buttons. */
export function Panel({ t, sections, bad, warn, report, fresh, refresh, close }: PanelProps) {
  const [open, setOpen] = useState(true);
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState<string | null>(null);
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
    <section class="panel" role="region" aria-labelledby={TITLE}>
      <header>
        <h2 id={TITLE} tabIndex={-1}>
          {t.title}
        </h2>
        <p class="summary">{t.summary(bad, warn)}</p>
        <div class="actions">
          <button type="button" class="primary" onClick={fresh}>
            {t.fresh}
          </button>
          <button type="button" onClick={copy}>
            {t.copy}
          </button>
          <button type="button" onClick={refresh}>
            {t.refresh}
          </button>
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t.collapse}
          </button>
        </div>
        <p class="status" role="status">
          {status}
        </p>
        <button type="button" class="close" aria-label={t.close} title={t.close} onClick={close}>
          ×
        </button>
      </header>
      {open && (
        <div class="body" tabIndex={0} aria-labelledby={TITLE}>
          <p>{forOwner(t.intro)}</p>
          <p>{forOwner(t.freshHelp)}</p>
          {manual !== null && (
            <label>
              {t.copyLabel}
              <textarea readOnly value={manual} />
            </label>
          )}
          {sections.map((section) => (
            <Block key={section.title} section={section} depth={3} t={t} />
          ))}
          <h3>{t.limits}</h3>
          <ul class="limits">
            {t.limitLines.map((line) => (
              <li key={line}>{forOwner(line)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
