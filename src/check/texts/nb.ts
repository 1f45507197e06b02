/**
 * The self-check's words in bokmål, the language every other one follows (texts/index.ts).
 * The owner reads them: plain words, and every yellow or red line says what to do.
 */
import type { Lang } from '../../config/types';
import { saidNb } from './said.nb';

export const nb = {
  lang: 'nb' as Lang,
  /** How dates are written. */
  locale: 'nb-NO',
  title: 'Sjekk av samtykke-banneret',
  intro: 'Hva denne siden gjorde før og etter et valg, sett fra denne nettleseren. Sjekken endrer ikke samtykket, lagrer ingenting og sender ingenting.',
  tone: { ok: 'OK', warn: 'Sjekk', bad: 'Feil' },
  fix: 'Slik retter du det:',
  summary: (bad: number, warn: number) => (bad || warn ? `${bad} feil og ${warn} å sjekke.` : 'Ingen feil sett herfra.'),
  /** Under the summary, whatever it says: the check sees this page only, and a video or map is often on another. */
  otherPages: 'Sjekk også hver side med video, kart o.l. (?samtykke=sjekk).',

  install: 'Installasjon',
  placementOk: 'Koden til banneret står øverst i feltet for HTML-kode i Header, før all sporing, og kjøres med en gang. ⟨i <head>, uten async, defer eller type="module"⟩',
  placementInline: 'Koden fra samtykke-verktøyet står først i feltet for HTML-kode i Header, og resten av banneret lastes etterpå uten å gjøre siden tregere. ⟨inline start først i <head>, samtykke.js async⟩',
  startVersionOk: 'Koden du limte inn, og filen den henter, hører til samme utgave. ⟨inline start, handoff-versjon⟩',
  startVersionBad: 'Koden du limte inn øverst, hører til en annen utgave av banneret enn filen den henter, så alt valgfritt holdes tilbake. ⟨inline start, ukjent handoff-versjon⟩',
  pasteAgainFix: 'Lag koden på nytt i samtykke-verktøyet (steg 1–3 i veiledningen), og lim den inn i stedet for den gamle (steg 4).',
  engineUnchecked: 'samtykke.js ble hentet uten kontrollnummer, så nettleseren kan ikke se om filen er endret. ⟨data-engine-integrity mangler⟩',
  codeBefore: (hosts: string) => `Kode fra ${hosts} kjører før koden til banneret, så banneret kan ikke holde den tilbake.`,
  codeBeforeFix: 'Står den i feltet for HTML-kode i Header, flytt koden fra samtykke-verktøyet over den, helt øverst (steg 4 i veiledningen). Kommer den fra Webnode selv, kan den stå.',
  placementBad: 'Koden til banneret står feil, så den kan ikke holde sporing tilbake i tide. Til det er rettet, kjører ingenting valgfritt.',
  placementFix: {
    tag: 'lim inn koden nøyaktig slik veiledningen viser den ⟨<script src="…/samtykke.js"> uten type="module"⟩',
    async: 'fjern ordet «async» fra koden til banneret: det får koden til å vente, og da kommer den for sent',
    defer: 'fjern ordet «defer» fra koden til banneret: det får koden til å vente, og da kommer den for sent',
    snippet: 'flytt koden til banneret over Google-koden som står før den ⟨gtag⟩',
    google: 'flytt koden til banneret over Googles kode, øverst i feltet for HTML-kode i Header ⟨<head>⟩',
  } as Record<string, string>,
  placementAbove: (src: string) => `flytt koden til banneret over ${src}, øverst i feltet for HTML-kode i Header ⟨<head>⟩`,
  inBody: 'Koden til banneret står lenger ned på siden, ikke i Header, så sporing som står før den, kan laste uten samtykke. ⟨i <body>, ikke i <head>⟩',
  inBodyFix: 'Flytt koden øverst i feltet for HTML-kode i Header (steg 4 i veiledningen). ⟨<head>⟩',
  bundled: 'Banneret er bygd inn i nettstedets egen kode, så det er ingen kode å sjekke plasseringen til. ⟨bundler⟩',
  once: 'Koden til banneret står én gang.',
  onceInline: 'Koden fra samtykke-verktøyet står én gang.',
  twice: (n: number) => `Koden til banneret står ${n} ganger i siden.`,
  twiceFix: 'Fjern alle utenom den første; bare den første gjør noe.',
  version: (v: string) => `Versjon ${v}.`,
  partsOk: (files: string) => `Alle filene til banneret kom fram og er uendret. ⟨integrity: ${files}⟩`,
  partBad: (file: string) => `${file} kunne ikke lastes: den ble stoppet, nettet var borte, eller filen er endret. ⟨integrity⟩`,
  partFix: 'Last opp filen i samme mappe som samtykke.js, fra samme versjon.',
  oneFile: 'Hele banneret er i én fil; sjekken hentes bare når du ber om den.',
  nonceOk: 'Koden til banneret har sidens sikkerhetsnøkkel, og bannerets egne filer og stiler får den samme. ⟨nonce⟩',
  cspNoNonce: 'Siden har egne sikkerhetsregler for skript, men koden til banneret mangler sikkerhetsnøkkelen. ⟨Content Security Policy, ingen nonce⟩',
  cspNoNonceFix: 'Be den som satte opp sikkerhetsreglene om å gi koden til banneret den samme nøkkelen som sidens andre skript, eller om å tillate mappen banneret hentes fra. ⟨nonce="…" eller script-src⟩',
  noCsp: 'Ingen spesielle sikkerhetsinnstillinger funnet. ⟨ingen CSP i <meta>; en CSP i HTTP-svaret kan ikke leses herfra⟩',
  trustedTypes: 'Sidens sikkerhetsregler lar ikke banneret legge til skript. ⟨Trusted Types-policyen «samtykke»⟩',
  trustedTypesFix: 'Be den som satte opp sikkerhetsreglene om å tillate «samtykke». ⟨trusted-types i CSP-en⟩',
  googleOutside: (src: string) => `Google-kode som banneret ikke styrer, lastet uten samtykke: ${src}`,
  googleOutsideFix:
    'Fjern den der den står (steg 5 i veiledningen). I Webnode er det ofte feltet for Google Analytics i nettstedets innstillinger, eller kode limt inn i feltet for HTML-kode i Header før koden til banneret: la feltet stå tomt, og skriv ID-en inn i samtykke-verktøyet (steg 2) hvis den ikke er med der allerede. ⟨data-google-analytics eller data-google-ads⟩',
  googleNone: 'Ingen Google-kode har kjørt uten å gå gjennom banneret.',
  googleFetched: 'Ingen Google-kode har kjørt uten å gå gjennom banneret, men filen ble hentet før den besøkende hadde valgt: se feilen under «Før valget».',

  settings: 'Innstillinger',
  idGiven: (name: string, id: string) => `${name}: ${id}, med i koden fra samtykke-verktøyet.`,
  idFound: (name: string, id: string) => `${name}: ${id}, funnet i gammel kode på siden (ikke med i koden fra samtykke-verktøyet).`,
  idFoundFix: (attr: string, id: string) => `Skriv ${id} inn i samtykke-verktøyet (steg 2 i veiledningen), og lim inn den nye koden (steg 3 og 4), så den er med på alle sider. ⟨${attr}="${id}"⟩`,
  noIds: 'Ingen Google-id er oppgitt eller funnet.',
  purposes: (names: string) => `Besøkende blir spurt om: ${names}.`,
  noPurposes: 'Besøkende blir ikke spurt om noe: ingen tjeneste på siden trenger samtykke.',
  services: (names: string) => `Tjenester som nevnes for besøkende: ${names}.`,
  /** A video or map on the page whose service is not ticked in the tool, so the banner does not name it (`map`: a map, else a video). */
  embedUnnamed: (name: string, map: boolean) =>
    map
      ? `Siden har et ${name}-kart, men ${name} er ikke krysset av i samtykke-verktøyet, så banneret nevner det ikke for de besøkende.`
      : `Siden har en ${name}-video, men ${name} er ikke krysset av i samtykke-verktøyet, så banneret nevner den ikke for de besøkende.`,
  embedUnnamedFix: (name: string, id: string) =>
    `Kryss av for ${name} i samtykke-verktøyet (steg 2 i veiledningen), lag koden på nytt og lim den inn i stedet for den gamle (steg 3 og 4). ⟨data-embeds: ${id}⟩`,
  privacyMissing: 'Banneret har ingen lenke til personvernsiden.',
  privacyMissingFix: 'Skriv adressen til personvernerklæringen inn i samtykke-verktøyet (steg 2 i veiledningen), og lim inn den nye koden (steg 3 og 4). ⟨data-privacy-url⟩',
  privacyChecking: (url: string) => `Sjekker lenken til personvernsiden: ${url} …`,
  privacyOk: (url: string) => `Lenken til personvernsiden svarer: ${url}`,
  privacyBad: (url: string, status: string) => `Lenken til personvernsiden virker ikke: ${url} ⟨HTTP ${status}⟩`,
  privacyBadFix: 'Åpne personvernerklæringen din, og kopier adressen fra nettleseren. Skriv den inn i samtykke-verktøyet (steg 2 i veiledningen), og lim inn den nye koden (steg 3 og 4). ⟨data-privacy-url⟩',
  privacyElsewhere: (url: string) => `Lenken til personvernsiden går til et annet nettsted og kan ikke sjekkes herfra: ${url}`,
  privacyElsewhereFix: 'Åpne lenken selv og se at siden finnes.',
  unknownHost: (host: string) => `Ukjent tredjepart: ${host}`,
  unknownHostFix:
    'Lagrer eller leser den noe på den besøkendes enhet (informasjonskapsler eller annen lagring), må den legges til som tjeneste, så besøkende blir spurt. Gjør den ikke det, kan den stå. ⟨services med block⟩',
  noUnknown: 'Ingen andre selskaper enn de du har oppgitt. ⟨ingen ukjente tredjepartsverter⟩',
  messages: 'Beskjeder fra banneret',
  messagesNote: 'Banneret ga disse beskjedene på denne sidevisningen. Den som hjelper deg, finner dem på engelsk i nettleserens utviklerverktøy. ⟨konsollen⟩',
  messagesNone: 'Banneret har ikke hatt noe å si fra om.',
  /** After a message a red line shows too, naming the part that line is in. */
  same: (place: string) => `Det samme som feilen under «${place}».`,
  /** After a message another line (`badge`: its colour's word) shows too, naming the part that line is in. */
  sameLine: (badge: string, place: string) => `Det samme som linjen «${badge}» under «${place}».`,
  said: saidNb,

  view: 'Hva denne sidevisningen gjorde',
  decisionNone: 'Ingen valg er tatt ennå: alt under skjedde før et valg.',
  decisionHere: (seconds: string, choice: string) => `Valget ble tatt etter ${seconds} s på denne sidevisningen. ${choice}`,
  /** Made before this page view: on an earlier visit, or on the page view a withdrawal reloaded. */
  decisionEarlier: (date: string, choice: string) => `Valget ble tatt før denne sidevisningen (${date}). ${choice}`,
  /** The visitor changed the choice on this page (the button to open the banner again); `choice` as for the first. */
  decisionChanged: (seconds: string, choice: string) => `Valget ble endret etter ${seconds} s. ${choice}`,
  granted: (names: string) => `Godtatt: ${names}.`,
  rejected: 'Avvist: alt som ikke er nødvendig.',
  /** Every choice withdrawn at once (no decision stands): nothing is granted, and the banner asks again. */
  withdrawn: 'Trukket tilbake: banneret spør på nytt.',
  before: 'Før valget',
  after: 'Etter valget',
  /** Under «Etter valget» once the choice has changed on this page: a request made under the old choice is judged by it. */
  afterChanged: 'Valget ble endret på denne sidevisningen. Hver forespørsel er vurdert etter valget som gjaldt da den ble gjort.',
  request: (host: string, kind: string, seconds: string) => `${host} (${kind}, etter ${seconds} s)`,
  /** What kind of thing a request or a held element fetched, by the browser's word for it. */
  kinds: { script: 'skript', link: 'fil', css: 'fil fra et stilark', img: 'bilde', image: 'bilde', iframe: 'innebygd ramme', fetch: 'dataforespørsel', xmlhttprequest: 'dataforespørsel', beacon: 'måling sendt', video: 'video', audio: 'lyd', other: 'annet' } as Record<string, string>,
  leak: 'hentet før den besøkende hadde valgt ⟨sporing før samtykke⟩',
  /** Fetched ahead from the page's HTML (the engine saw it): the same red, and why it happened although samtykke stopped the code. */
  leakEarly: 'hentet før den besøkende hadde valgt, fordi gammel kode for den står i sidens HTML. Banneret stoppet koden før den kjørte, men filen ble hentet. ⟨preload scanner⟩',
  refused: 'hentet uten at den besøkende sa ja ⟨sporing uten samtykke⟩',
  /** Where the old code is (`inHead`: the page's head, which only the guide's Header field and Webnode's Google Analytics field fill), and the Google ID if samtykke has it already. */
  leakFix: (inHead: boolean, given: string | null) =>
    (inHead
      ? 'Fjern den gamle koden fra feltet for HTML-kode i Header, eller tøm Webnodes felt for Google Analytics hvis ID-en står der (steg 5 i veiledningen), og publiser.'
      : 'Fjern den gamle koden der den står (steg 5 i veiledningen): i Webnodes felt for Google Analytics, i feltet for HTML-kode i Header, eller i en HTML-blokk på siden. Publiser etterpå.') +
    (given
      ? ` ID-en ${given} er allerede med i koden fra samtykke-verktøyet, så banneret laster Google selv når den besøkende sier ja.`
      : ' Skriv ID-en inn i samtykke-verktøyet (steg 2), så laster banneret den selv når den besøkende sier ja.') +
    ' ⟨eller merk koden: type="text/plain" data-samtykke="…", data-src for en iframe⟩',
  /** A frame (a video or a map) the page's own HTML loaded before the choice: its markup is the fix, not a Google ID. */
  frameFix: 'Videoen eller kartet er limt inn som vanlig kode i siden, så nettleseren henter det med en gang. Åpne HTML-blokken der det står, endre koden slik «Videoer og kart» i veiledningen viser, og publiser. Da vises det først når den besøkende har sagt ja. ⟨<iframe data-samtykke="marketing" data-src="…">⟩',
  /** Code a grant on this page let run, still fetching after the visitor withdrew it: the paste is set not to reload the page then. */
  stillRunningFix:
    'Koden til banneret er satt til ikke å laste siden på nytt når den besøkende trekker tilbake et ja, så kode som alt kjører, fortsetter å hente. Lag koden på nytt i samtykke-verktøyet (steg 1–3 i veiledningen), og lim den inn i stedet for den gamle (steg 4): da lastes siden på nytt, og koden stopper. ⟨data-reload-on-withdraw="false"⟩',
  consented: (purpose: string) => `etter samtykke (${purpose})`,
  /** A frame the visitor showed with the placeholder's button (`button`: its label): a yes to that content only. */
  shown: (button: string) => `vist fordi den besøkende trykket «${button}» i boksen banneret viste i stedet for den. Det er et ja til akkurat dette innholdet, så det er ingen feil. ⟨samtykke for denne ene rammen⟩`,
  advanced: 'Google hentet før samtykke uten informasjonskapsler, slik den valgte innstillingen for Google tillater ⟨Consent Mode: advanced⟩',
  necessary: 'nødvendig',
  unknown: 'ukjent tredjepart: ikke sporing banneret kjenner',
  /** `own`: the other site the banner's own files came from in that part (not listed: they store nothing), or null when none did. */
  noRequests: (own: string | null) => (own ? `Ingen forespørsler til andre nettsteder, utenom bannerets egne filer (fra ${own}).` : 'Ingen forespørsler til andre nettsteder.'),
  held: 'Holdt tilbake nå',
  /** `wait`: what releases it (`heldWaits` or `heldNever`). */
  heldLine: (host: string, kind: string, wait: string) => `${host} (${kind}): holdt tilbake og aldri hentet; ${wait}.`,
  /** Held now, but fetched before samtykke held it; `place`: the part whose red line shows that fetch. */
  heldFetched: (host: string, kind: string, wait: string, place: string | null) =>
    `${host} (${kind}): holdt tilbake nå; ${wait}. Den ble hentet før banneret holdt den tilbake${place ? `: se feilen under «${place}»` : ''}.`,
  heldWaits: (purpose: string) => `venter på ${purpose}`,
  heldNever: 'ikke nevnt for besøkende, så ingen valg slipper den fram',
  noneHeld: 'Ingenting holdes tilbake nå.',
  storage: 'Informasjonskapsler og lagring',
  where: { cookie: 'informasjonskapsel', local: 'lagret i nettleseren ⟨localStorage⟩', session: 'lagret til fanen lukkes ⟨sessionStorage⟩' },
  own: (name: string) => `${name}: bannerets egen informasjonskapsel, med valget (nødvendig).`,
  declared: (name: string, where: string, service: string) => `${name} (${where}): oppgitt under ${service}.`,
  ungranted: (name: string, where: string, service: string) => `${name} (${where}): oppgitt under ${service}, men finnes uten samtykke.`,
  ungrantedFix:
    'Den er satt av kode banneret ikke styrer, eller ligger igjen fra et tidligere besøk. Slett den i nettleseren og last siden på nytt; kommer den tilbake, finn koden som setter den.',
  undeclared: (name: string, where: string) => `${name} (${where}): ikke oppgitt under noen tjeneste.`,
  undeclaredFix: 'Brukes den til statistikk eller markedsføring, før den opp i tjenestens liste over informasjonskapsler. Er den strengt nødvendig for at siden skal virke, kan den stå.',
  noStorage: 'Ingen informasjonskapsler eller lagrede nøkler.',
  consentMode: 'Hva Google fikk beskjed om ⟨Google Consent Mode⟩',
  cmDefault: (signals: string) => `Før et valg ⟨default⟩: ${signals}.`,
  cmUpdate: (signals: string) => `Etter et valg ⟨update⟩: ${signals}.`,
  cmNone: 'Google har ikke fått beskjed om å vente på samtykke. ⟨ingen Consent Mode default i dataLayer⟩',
  cmNoneFix: 'Sett koden til banneret øverst i feltet for HTML-kode i Header, før all Google-kode (steg 4 i veiledningen).',
  /** The two signals the owner's choice is about, in plain words (the rest only in the report). */
  signal: { ad_storage: 'reklame', analytics_storage: 'statistikk' } as Record<string, string>,
  signalState: { granted: 'ja', denied: 'nei' } as Record<string, string>,

  fresh: 'Prøv som ny besøkende',
  freshHelp: 'Sletter bare bannerets egen informasjonskapsel (valget) og laster siden på nytt. Andre informasjonskapsler blir ikke slettet.',
  copyHelp: 'Som tekst, til den som hjelper deg.',
  /** Over the list of red and yellow lines at the top, each a link to its place below. */
  toFix: 'Å rette og sjekke',
  copy: 'Kopier rapporten',
  copied: 'Rapporten er kopiert.',
  copyFailed: 'Kunne ikke kopiere automatisk. Merk teksten under og kopier den selv.',
  copyLabel: 'Rapporten som tekst',
  refresh: 'Sjekk på nytt',
  close: 'Lukk sjekken',
  collapse: 'Skjul detaljene',
  expand: 'Vis detaljene',

  limits: 'Hva sjekken ikke ser',
  limitLines: [
    'Sjekken ser det nettleseren selv noterer om hva siden hentet ⟨Resource Timing⟩. Den ser ikke alltid det nettleseren henter før noe på siden har kjørt ⟨preload scanner, preconnect⟩, og ikke det en innebygd ramme fra et annet nettsted henter selv.',
    'En rød linje er et bevis. En grønn linje betyr «ingenting sett herfra», ikke at alt er bevist i orden.',
    'Sjekken gjelder denne sidevisningen i denne nettleseren. Prøv også som ny besøkende.',
  ],
  reportFor: (url: string, time: string) => `samtykke-sjekk av ${url}, ${time}`,
};

export type CheckTexts = typeof nb;
