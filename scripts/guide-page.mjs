#!/usr/bin/env node
/**
 * The owner's guide as a page of the static site. docs/veiledning.md is the one source: GitHub
 * shows it as it is, and this turns it into veiledning.html for `npm run build:site` (and
 * `npm start`). It knows only the markdown the guide uses: headings, paragraphs, lists, quotes,
 * fenced code, `<a id>` anchors, HTML comments (dropped), and inline code, bold, emphasis and
 * links. Anything else stays text, escaped: nothing from the file is ever taken as HTML.
 * `node scripts/guide-page.mjs` prints the page.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { PAGES_SITE } from './versioned.mjs';

/** The guide's source, and the page it becomes at the site's root. */
export const GUIDE_SOURCE = new URL('../docs/veiledning.md', import.meta.url);
export const GUIDE_PAGE = 'veiledning.html';
/** The site's own address: links to it become relative, so the page works from any copy of the site. */
export const SITE_URL = PAGES_SITE;
/** Where a link to a repository file (`../README.md`) points from the site. */
const REPO_BLOB = 'https://github.com/stressfri/samtykke/blob/main/docs/';

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');

function href(url) {
  if (url.startsWith(SITE_URL)) return './' + url.slice(SITE_URL.length);
  if (/^(https?:|mailto:|#)/.test(url)) return url;
  return REPO_BLOB + url;
}

/** Inline markup on already escaped text; code spans are set aside first so nothing inside them is touched. */
function inline(text) {
  const codes = [];
  let out = escapeHtml(text).replace(/`([^`]+)`/g, (_, code) => `\uE000${codes.push(code) - 1}\uE001`);
  out = out
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, url) => `<a href="${href(url)}">${label}</a>`)
    .replace(/(^|[\s(])(https:\/\/[^\s<)]+[^\s<).,;:])/g, (_, before, url) => `${before}<a href="${href(url)}">${url}</a>`)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
  return out.replace(/\uE000(\d+)\uE001/g, (_, i) => `<code>${codes[Number(i)]}</code>`);
}

const LIST_ITEM = /^(?:[-*]|\d+\.)\s+/;

/** Markdown lines → HTML blocks. */
function blocks(lines) {
  const out = [];
  let anchor = null;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
    } else if (/^<!--.*-->$/.test(line.trim())) {
      i++;
    } else if (/^<a id="[\w-]+"><\/a>$/.test(line.trim())) {
      anchor = /id="([\w-]+)"/.exec(line)[1];
      i++;
    } else if (/^#{1,6} /.test(line)) {
      const level = /^#+/.exec(line)[0].length;
      const text = line.slice(level + 1).trim();
      out.push(`<h${level} id="${anchor ?? slug(text)}">${inline(text)}</h${level}>`);
      anchor = null;
      i++;
    } else if (line.startsWith('```')) {
      const lang = line.slice(3).trim();
      const end = lines.indexOf('```', i + 1);
      const code = lines.slice(i + 1, end === -1 ? lines.length : end).join('\n');
      out.push(`<pre${lang ? ` class="language-${escapeHtml(lang)}"` : ''} tabindex="0"><code>${escapeHtml(code)}</code></pre>`);
      i = end === -1 ? lines.length : end + 1;
    } else if (line.startsWith('>')) {
      const quoted = [];
      for (; i < lines.length && lines[i].startsWith('>'); i++) quoted.push(lines[i].replace(/^> ?/, ''));
      out.push(`<blockquote>\n${blocks(quoted)}\n</blockquote>`);
    } else if (LIST_ITEM.test(line)) {
      const tag = /^\d/.test(line) ? 'ol' : 'ul';
      const items = [];
      for (; i < lines.length && (LIST_ITEM.test(lines[i]) || /^\s+\S/.test(lines[i])); i++) {
        if (LIST_ITEM.test(lines[i])) items.push(lines[i].replace(LIST_ITEM, ''));
        else items[items.length - 1] += ' ' + lines[i].trim();
      }
      out.push(`<${tag}>\n${items.map((item) => `<li>${inline(item)}</li>`).join('\n')}\n</${tag}>`);
    } else {
      const para = [];
      for (; i < lines.length && lines[i].trim() && !/^(#|```|>|<)/.test(lines[i]) && !LIST_ITEM.test(lines[i]); i++) para.push(lines[i].trim());
      out.push(`<p>${inline(para.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}

/** The page: the guide's body in the site's look, readable from 320 px up. */
export function guidePage(markdown = readFileSync(GUIDE_SOURCE, 'utf8')) {
  const title = /^# (.+)$/m.exec(markdown)?.[1] ?? 'Veiledning';
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – samtykke</title>
<link rel="stylesheet" href="site.css">
<link rel="icon" href="data:,">
<style>
  /* Norwegian compounds ("personvernerklæringen") are wider than a 320 px screen at heading size. */
  main { padding: 24px 0 64px; overflow-wrap: break-word; hyphens: auto; }
  h1 { font-size: clamp(1.6rem, 7vw, 2.4rem); line-height: 1.2; }
  pre { overflow-x: auto; padding: 12px; border: 1px solid var(--line); border-radius: 8px; background: var(--tint); font-size: 0.85rem; }
  code { overflow-wrap: anywhere; }
  pre code { overflow-wrap: normal; }
  blockquote { margin: 0; padding: 4px 20px; border-left: 4px solid var(--brand); background: var(--tint); }
  li { margin-bottom: 6px; }
</style>
</head>
<body>
<main class="wrap prose">
${blocks(markdown.split('\n'))}
</main>
</body>
</html>
`;
}

/** Vite: serves the page in `npm start` and emits it in `npm run build:site`, from the markdown each time. */
export function guidePagePlugin() {
  let root = '';
  const id = () => `${root}/${GUIDE_PAGE}`;
  return {
    name: 'samtykke-guide-page',
    configResolved(config) {
      root = config.root.replace(/\/$/, '');
    },
    resolveId: (source) => (source === id() ? source : null),
    load: (source) => (source === id() ? guidePage() : null),
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (req.url?.split(/[?#]/)[0] !== `/${GUIDE_PAGE}`) return next();
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(await server.transformIndexHtml(req.url, guidePage()));
      });
    },
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) process.stdout.write(guidePage());
