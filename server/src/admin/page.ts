/**
 * The owner's page at /admin: one HTML file and one script, no framework. The page holds no
 * data: it asks for the token and reads the same endpoints as curl would. Every value is set as
 * text, never as markup, and the strict CSP below allows nothing but this origin.
 */
export const ADMIN_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' blob:; form-action 'none'; frame-ancestors 'none'";

export const ADMIN_HTML = `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Samtykkelogg</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #ddd; }
svg { width: 100%; height: 14rem; background: #fafafa; }
.legend span { margin-right: 1rem; }
</style>
</head>
<body>
<h1>Samtykkelogg</h1>
<form id="login"><label>Token <input id="token" type="password" autocomplete="current-password" required></label> <button>Åpne</button></form>
<p id="status" role="status"></p>
<section id="main" hidden>
  <h2>Valg per dag (siste 30 dager)</h2>
  <svg id="chart" role="img" aria-label="Andel Godta alle, Avvis alle og egne valg per dag"></svg>
  <p class="legend"><span style="color:#2a7">■ Godta alle</span><span style="color:#c33">■ Avvis alle</span><span style="color:#36c">■ Egne valg</span><span style="color:#888">■ Trukket tilbake</span></p>
  <h2>Siste oppføringer</h2>
  <table><thead><tr><th>Mottatt</th><th>Samtykke-id</th><th>Valg</th><th>Språk</th><th>Versjon</th></tr></thead><tbody id="latest"></tbody></table>
  <h2>Søk etter samtykke-id</h2>
  <form id="search"><input id="id" aria-label="Samtykke-id" pattern="[A-Za-z0-9]{8,32}" required> <button>Søk</button></form>
  <pre id="found"></pre>
  <h2>Eksport</h2>
  <button id="ndjson" type="button">Last ned NDJSON</button> <button id="csv" type="button">Last ned CSV</button>
</section>
<script src="/admin/admin.js"></script>
</body>
</html>
`;

export const ADMIN_JS = `(() => {
  const $ = (id) => document.getElementById(id);
  let token = '';
  const api = (path) => fetch(path, { headers: { authorization: 'Bearer ' + token } });
  const say = (text) => ($('status').textContent = text);
  const choices = (c) => Object.entries(c).map(([p, v]) => p + ': ' + (v ? 'ja' : 'nei')).join(', ') || 'nullstilt';
  const lines = (text) => text.split('\\n').filter(Boolean).map((l) => JSON.parse(l)).filter((l) => 'id' in l);
  const SVG = 'http://www.w3.org/2000/svg';

  function chart(days) {
    const byDay = new Map();
    for (const d of days) {
      const t = byDay.get(d.day) || { acceptAll: 0, rejectAll: 0, custom: 0, withdrawals: 0 };
      for (const k of Object.keys(t)) t[k] += d[k];
      byDay.set(d.day, t);
    }
    const svg = $('chart');
    svg.replaceChildren();
    const list = [...byDay.entries()];
    svg.setAttribute('viewBox', '0 0 ' + Math.max(list.length, 1) * 10 + ' 100');
    svg.setAttribute('preserveAspectRatio', 'none');
    list.forEach(([day, t], i) => {
      const total = t.acceptAll + t.rejectAll + t.custom + t.withdrawals || 1;
      let y = 0;
      for (const [k, color] of [['acceptAll', '#2a7'], ['rejectAll', '#c33'], ['custom', '#36c'], ['withdrawals', '#888']]) {
        const h = (t[k] / total) * 100;
        const r = document.createElementNS(SVG, 'rect');
        r.setAttribute('x', String(i * 10 + 1));
        r.setAttribute('y', String(y));
        r.setAttribute('width', '8');
        r.setAttribute('height', String(h));
        r.setAttribute('fill', color);
        r.setAttribute('data-day', day);
        r.setAttribute('data-kind', k);
        const title = document.createElementNS(SVG, 'title');
        title.textContent = day + ': ' + t[k];
        r.append(title);
        svg.append(r);
        y += h;
      }
    });
  }

  async function load() {
    const from = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);
    const stats = await api('/v1/stats?from=' + from);
    if (stats.status === 401) return say('Feil token.');
    $('main').hidden = false;
    say('');
    chart((await stats.json()).days);
    const recent = lines(await (await api('/v1/consents?from=' + from)).text()).sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1)).slice(0, 20);
    $('latest').replaceChildren(
      ...recent.map((e) => {
        const tr = document.createElement('tr');
        for (const v of [e.receivedAt.replace('T', ' ').slice(0, 19), e.id, choices(e.choices), e.lang, e.version]) {
          const td = document.createElement('td');
          td.textContent = v;
          tr.append(td);
        }
        return tr;
      }),
    );
  }

  async function download(format) {
    const res = await api('/v1/consents?format=' + format);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await res.blob());
    a.download = 'samtykkelogg.' + format;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    token = $('token').value;
    load().catch(() => say('Loggen svarte ikke.'));
  });
  $('search').addEventListener('submit', async (event) => {
    event.preventDefault();
    const res = await api('/v1/consents/' + encodeURIComponent($('id').value));
    $('found').textContent = res.status === 404 ? 'Ingen oppføringer for denne id-en.' : lines(await res.text()).map((e) => JSON.stringify(e, null, 2)).join('\\n');
  });
  $('ndjson').addEventListener('click', () => download('ndjson'));
  $('csv').addEventListener('click', () => download('csv'));
})();
`;
