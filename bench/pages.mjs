// The mock page and the three consent tools, each set up the way its own docs say, all holding
// back the same Google Ads tag (AW-123456789). Served from memory by bench/run.mjs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const nm = (p) => new URL(`../node_modules/${p}`, import.meta.url);
const read = (u) => readFileSync(u, 'utf8');
export const ORIGIN = 'https://www.stressfri.test';
// The tools' files come from a second site, as from a CDN or an upload folder on another host:
// on a first visit the browser opens a cold connection to it (see COLD in bench/network.mjs).
export const ASSETS = 'https://static.stressfri-cdn.test';
export const ADS = 'AW-123456789';
const GTAG_SRC = `https://www.googletagmanager.com/gtag/js?id=${ADS}`;
const GTAG_INIT = `window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','${ADS}');`;

// Instrumentation, first thing in <head>: long tasks and the script runs in them, layout shifts,
// event timing, time spent in document.cookie (a synchronous IPC to the network service), and a per-frame
// check for the banner's accept button being visible (the frame time it first shows), and a
// per-frame check for the preferences being open and focused after a click on the reopen button.
const probe = (find, prefs) => `<script>(function(){
var b=window.__bench={lt:[],cls:0,shifts:0,ev:[],visible:null,clicks:[],cookie:{n:0,ms:0,first:null}};
var cd=Object.getOwnPropertyDescriptor(Document.prototype,'cookie');
function ck(f){var t=performance.now(),v=f(),d=performance.now()-t;b.cookie.n++;b.cookie.ms+=d;if(b.cookie.first===null)b.cookie.first=d;return v}
Object.defineProperty(Document.prototype,'cookie',{configurable:true,enumerable:true,get:function(){var s=this;return ck(function(){return cd.get.call(s)})},set:function(v){var s=this;ck(function(){cd.set.call(s,v)})}});
function po(t,f,o){try{new PerformanceObserver(function(l){l.getEntries().forEach(f)}).observe(Object.assign({type:t,buffered:true},o||{}))}catch(e){}}
b.lcp=null;po('largest-contentful-paint',function(e){b.lcp=e.startTime});
po('longtask',function(e){b.lt.push([e.startTime,e.duration])});
// Whose script a long task was: Long Animation Frames name each script run over 5 ms by its file.
b.runs=[];po('long-animation-frame',function(e){e.scripts.forEach(function(s){b.runs.push([s.sourceURL,s.startTime,s.duration])})});
po('layout-shift',function(e){if(!e.hadRecentInput){b.cls+=e.value;b.shifts++}});
po('event',function(e){if(e.interactionId)b.ev.push([e.name,e.duration])},{durationThreshold:16});
po('first-input',function(e){b.ev.push(['first-input:'+e.name,e.duration])});
function vis(el){if(!el||!el.isConnected)return false;var r=el.getBoundingClientRect();if(r.width<1||r.height<1||r.bottom<=0||r.top>=innerHeight)return false;
for(var e=el;e;e=e.parentElement||(e.getRootNode&&e.getRootNode().host)||null){var s=getComputedStyle(e);if(s.display==='none'||s.visibility==='hidden'||+s.opacity===0)return false}return true}
b.find=function(){try{return (${find})()}catch(e){return null}};
b.isVisible=function(){return vis(b.find())};
// Polled every frame on first visits only (#nopoll: returning visitors and the bare page are
// checked once at the end), so the probe's own cost does not pile up while nothing is coming.
var until=performance.now()+15000;
if(location.hash!=='#nopoll')(function frame(t){if(b.isVisible()){b.visible=t;return}if(performance.now()<until)requestAnimationFrame(frame)})(0);
// Otherwise an empty frame loop: headless Chromium paints a page that asks for no frame late (a
// bare page's FCP hundreds of ms after its content arrived), a visible tab does not.
else(function idle(){if(performance.now()<until)requestAnimationFrame(idle)})();
function afterFrame(f){requestAnimationFrame(function(){var c=new MessageChannel();c.port1.onmessage=f;c.port2.postMessage(0)})}
addEventListener('click',function(e){var t0=e.timeStamp;afterFrame(function(){b.clicks.push(performance.now()-t0)})},true);
// Reopen: from the click (b.watchPrefs() arms it) to just after the first frame in which the
// preferences are open with focus inside them; frame = that frame's start, for "after the face arrived".
b.prefs=null;b.prefsOpen=function(){try{return !!(${prefs})()}catch(e){return false}};
b.watchPrefs=function(){addEventListener('click',function(e){var t0=e.timeStamp,end=performance.now()+15000;
requestAnimationFrame(function f(t){if(b.prefsOpen()){afterFrame(function(){b.prefs={ms:performance.now()-t0,frame:t,click:t0}})}else if(performance.now()<end)requestAnimationFrame(f)})},{capture:true,once:true})};
})();</script>`;

const mark = (name) => `<script>performance.mark('${name}')</script>`;

const site = ({ head, body = '', find, prefs = 'function(){return false}' }) => `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Stressfri – regnskap uten stress</title>${probe(find, prefs)}
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#222}header{background:#0b5cad;color:#fff;padding:1rem 2rem}nav a{color:#fff;margin-right:1rem}main{max-width:60rem;margin:auto;padding:1rem 2rem}.hero{height:240px;background:#dde7f3}footer{padding:2rem;background:#eee}</style>
${mark('head-start')}${head}${mark('head-end')}</head><body><header><strong>Stressfri</strong><nav><a href="/">Hjem</a><a href="/tjenester/">Tjenester</a><a href="/om/">Om oss</a><a href="/kontakt/">Kontakt</a></nav></header>
<main><div class="hero"></div><h1>Regnskap uten stress</h1>${'<p>Vi fører regnskapet ditt, leverer skattemeldingen og svarer på spørsmål samme dag. Små bedrifter i hele landet bruker oss for å få ro i hverdagen og full oversikt over økonomien.</p>'.repeat(8)}
<p><a href="/personvern/">Personvern og informasjonskapsler</a></p></main><footer>Stressfri AS · Storgata 1 · 0155 Oslo</footer>${body}</body></html>`;

// hideFromBots: false, or it hides itself from automated browsers (navigator.webdriver).
const cookieconsentConfig = `CookieConsent.run({
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, marketing: {} },
  language: { default: 'nb', translations: { nb: {
    consentModal: { title: 'Vi bruker informasjonskapsler', description: 'Vi bruker nødvendige informasjonskapsler for at nettstedet skal virke, og – hvis du godtar det – Google Ads for å måle annonsene våre.', acceptAllBtn: 'Godta alle', acceptNecessaryBtn: 'Avvis alle', showPreferencesBtn: 'Tilpass' },
    preferencesModal: { title: 'Innstillinger for informasjonskapsler', acceptAllBtn: 'Godta alle', acceptNecessaryBtn: 'Avvis alle', savePreferencesBtn: 'Lagre valgene', closeIconLabel: 'Lukk',
      sections: [
        { title: 'Nødvendige', description: 'Trengs for at nettstedet skal virke.', linkedCategory: 'necessary' },
        { title: 'Markedsføring', description: 'Google Ads måler om annonsene våre fører til henvendelser.', linkedCategory: 'marketing' }
      ] }
  } } }
});`;

const klaroConfig = `var klaroConfig = {
  version: 1, elementID: 'klaro', storageMethod: 'cookie', cookieName: 'klaro', cookieExpiresAfterDays: 365,
  default: false, mustConsent: false, acceptAll: true, hideDeclineAll: false, hideLearnMore: false, lang: 'nb',
  translations: { nb: { privacyPolicyUrl: '/personvern/', purposes: { marketing: 'Markedsføring' } }, zz: { privacyPolicyUrl: '/personvern/' } },
  services: [{ name: 'google-ads', title: 'Google Ads', purposes: ['marketing'], cookies: [/^_gcl_/, /^_ga/], required: false, optOut: false, onlyOnce: true }]
};`;

/** The content type the bench serves a built file with, by its name. */
const typeOf = (file) => (file.endsWith('.json') ? 'application/json' : file.endsWith('.css') ? 'text/css' : file.endsWith('.ts') ? 'text/plain' : 'text/javascript');

/** samtykke's settings on the page, as the tag's attributes. */
const SETTINGS = { 'data-google-ads': ADS, 'data-privacy-url': '/personvern/' };
const attributes = (settings) => Object.entries(settings).map(([k, v]) => ` ${k}="${v}"`).join('');
const INLINE_START = read(new URL('./experiment/inline-start.js', import.meta.url));

/** The value of an `integrity` attribute for these bytes (as scripts/sri.mjs writes it). */
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');

/**
 * The ways an owner can install samtykke, one row of the table each: `(engine url, settings,
 * { start, engine }) →` what goes into <head>, given the built start's text and the engine's
 * bytes as served. `sync` is the single tag; `inline` the shipped inline start, as
 * demo/configure/tag.ts writes it, with the engine's hash and the bokmål face's: the hash of the bytes the bench
 * serves (the engine carries timing marks), so the engine is fetched in CORS mode and it and the
 * face share one connection, as in a real paste; `inline-experiment` is issue 26's throwaway
 * inline start (bench/experiment/), kept to compare with what was measured before it was built.
 */
export const FORMS = {
  // The single tag, run as the parser meets it.
  sync: (engine, settings) => `<script src="${engine}"${attributes(settings)}></script>`,
  inline: (engine, settings, built) => `<script data-engine="${engine}" data-engine-integrity="${sri(built.engine)}" data-engine-face-nb="${sri(built.face)}"${attributes(settings)}>${built.start}</script>`,
  'inline-experiment': (engine, settings) =>
    `<script>${INLINE_START.replace('(__ENGINE__, __ATTRS__)', `(${JSON.stringify(engine)}, ${JSON.stringify(settings)})`)}</script>`,
};

/** Where samtykke's built files are served: one folder, as an owner uploads dist/. */
export const SAMTYKKE_DIR = '/samtykke/';
// samtykke's elements live in shadow roots on children of <body>; the reopen button and the
// banner may be drawn by different hosts, so every child is searched.
const shadowRoots = `function(){var out=[],hs=document.body?document.body.children:[];for(var j=0;j<hs.length;j++)if(hs[j].shadowRoot)out.push(hs[j].shadowRoot);return out}`;

/**
 * name → { files (url path → [content-type, body] served), raw (url path → the unmodified bytes,
 * what is counted), tagFiles (whose synchronous run the marks span), find (the "accept all"
 * button), prefs (true when the preferences are open with focus inside), reopen (the floating
 * control that opens them, if the tool has one), accept (selector), html }.
 * `dist`: every file of dist/ by name, served in samtykke's folder; which of them a scenario
 * costs is what the browser requests. `forms`: samtykke's rows, by their name in `FORMS`.
 */
export function tools(dist, forms = ['sync']) {
  const cc = read(nm('vanilla-cookieconsent/dist/cookieconsent.umd.js'));
  const ccCss = read(nm('vanilla-cookieconsent/dist/cookieconsent.css'));
  const klaro = read(nm('klaro/dist/klaro.js'));
  const js = 'text/javascript';
  // The tool's own synchronous work is timed by marks at the very start of its first file and the
  // very end of its last one (so fetching and waiting for the parser are not counted).
  // A leading V8 magic comment (`//# allFunctionsCalledOnLoad`) only counts on the file's first line, so it stays first.
  const start = (code) => code.replace(/^(\/\/# [^\n]*\n)?/, (hint) => `${hint}performance.mark('tool-start');`);
  const end = (code) => `${code}\n;performance.mark('tool-end');`;
  const tag = SAMTYKKE_DIR + 'samtykke.js';
  const served = Object.fromEntries(Object.entries(dist).map(([file, body]) => [SAMTYKKE_DIR + file, body]));
  /** samtykke installed in one of its `FORMS`: the same files, asked for the way the form says. */
  const engine = end(start(String(dist['samtykke.js'])));
  // The page is in bokmål, so the paste carries that face's hash, which the start preloads with.
  const built = { start: String(dist['samtykke-start.js'] ?? ''), engine, face: String(dist['samtykke-face.nb.js'] ?? '') };
  const samtykke = (form) => ({
    // It holds back Google Ads itself (data-google-ads). Every built file is there beside the
    // tag (a face it fetches is served unmodified, so its integrity hash holds); only the tag
    // carries the marks.
    files: { ...Object.fromEntries(Object.entries(served).map(([path, body]) => [path, [typeOf(path), body]])), [tag]: [js, engine] },
    raw: served,
    tagFiles: [tag],
    // The "Godta alle" button in samtykke's shadow roots.
    find: `function(){var rs=(${shadowRoots})();for(var j=0;j<rs.length;j++){var bs=rs[j].querySelectorAll('button');for(var i=0;i<bs.length;i++)if(bs[i].textContent.trim()==='Godta alle')return bs[i]}return null}`,
    prefs: `function(){var rs=(${shadowRoots})();for(var j=0;j<rs.length;j++){var d=rs[j].querySelector('dialog[open]'),a=rs[j].activeElement;if(d&&a&&d.contains(a))return true}return false}`,
    reopen: { role: 'button', name: 'Innstillinger for informasjonskapsler' },
    accept: { role: 'button', name: 'Godta alle' },
    html: (find, prefs) => site({ find, prefs, head: FORMS[form](ASSETS + tag, SETTINGS, built) }),
  });
  return {
    // The same page with no consent tool: what the page and the probe cost by themselves.
    none: { files: {}, raw: {}, tagFiles: [], find: 'function(){return null}', accept: null, html: (find) => site({ find, head: `${mark('tool-start')}${mark('tool-end')}` }) },
    ...Object.fromEntries(forms.map((form) => [`samtykke:${form}`, samtykke(form)])),
    cookieconsent: {
      // Its docs: the CSS in <head>, the script + a config calling CookieConsent.run() deferred
      // (their example uses type="module", which is deferred); blocked scripts are
      // type="text/plain" data-category="marketing".
      files: { '/cookieconsent.umd.js': [js, start(cc)], '/cookieconsent.css': ['text/css', ccCss], '/cookieconsent-config.js': [js, end(cookieconsentConfig)] },
      raw: { '/cookieconsent.umd.js': cc, '/cookieconsent.css': ccCss, '/cookieconsent-config.js': cookieconsentConfig },
      tagFiles: ['/cookieconsent.umd.js', '/cookieconsent.css', '/cookieconsent-config.js'],
      // No floating control to reopen its preferences (the page links to showPreferences()).
      reopen: null,
      find: `function(){return document.querySelector('#cc-main .cm .cm__btn[data-role="all"]')}`,
      accept: { css: '#cc-main .cm .cm__btn[data-role="all"]' },
      html: (find) =>
        site({
          find,
          head: `<link rel="stylesheet" href="${ASSETS}/cookieconsent.css"><script defer src="${ASSETS}/cookieconsent.umd.js"></script><script defer src="${ASSETS}/cookieconsent-config.js"></script>
<script type="text/plain" data-category="marketing" async src="${GTAG_SRC}"></script><script type="text/plain" data-category="marketing">${GTAG_INIT}</script>`,
        }),
    },
    klaro: {
      // Its docs: config.js then klaro.js (CSS included), both deferred; blocked scripts are
      // type="text/plain" data-type="text/javascript" data-name="<service>" (data-src for src).
      files: { '/klaro-config.js': [js, start(klaroConfig)], '/klaro.js': [js, end(klaro)] },
      raw: { '/klaro-config.js': klaroConfig, '/klaro.js': klaro },
      tagFiles: ['/klaro-config.js', '/klaro.js'],
      // No floating control to reopen its preferences (the page calls klaro.show()).
      reopen: null,
      find: `function(){return document.querySelector('.klaro .cookie-notice .cm-btn-success')}`,
      accept: { css: '.klaro .cookie-notice .cm-btn-success' },
      html: (find) =>
        site({
          find,
          head: `<script defer src="${ASSETS}/klaro-config.js"></script><script defer src="${ASSETS}/klaro.js"></script>
<script type="text/plain" data-type="text/javascript" data-name="google-ads" async data-src="${GTAG_SRC}"></script><script type="text/plain" data-type="text/javascript" data-name="google-ads">${GTAG_INIT}</script>`,
        }),
    },
  };
}

export const pageFor = (tool) => tool.html(tool.find, tool.prefs);

/**
 * Google's hosts, answered by a stand-in: GCM-15 as in src/config/trackers.ts, widened to every
 * google.* path. Written out here because the bench runs in plain Node, which cannot import .ts.
 */
const HOSTS = /(^|\.)(googletagmanager\.com|google-analytics\.com|analytics\.google\.com|googleadservices\.com|doubleclick\.net|googlesyndication\.com)$/;
const GOOGLE_SITE = /^(www\.)?google\.[a-z.]+$/;
export const isGoogle = (u) => HOSTS.test(u.hostname) || GOOGLE_SITE.test(u.hostname);
export const GTAG_STUB = `window.__gtagLoads=(window.__gtagLoads||0)+1;`;
