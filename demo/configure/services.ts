import type { ServiceForm } from './model';

type TextKey = Exclude<keyof ServiceForm, 'transfer'>;
const FIELDS: readonly { key: TextKey; label: string; placeholder: string; wide?: boolean; area?: boolean }[] = [
  { key: 'id', label: 'ID', placeholder: 'hano' },
  { key: 'name', label: 'Navn', placeholder: 'Hano timebestilling' },
  { key: 'provider', label: 'Leverandør', placeholder: 'Hano AS' },
  { key: 'privacyUrl', label: 'Leverandørens personvernside', placeholder: 'https://hano.no/personvern' },
  { key: 'description', label: 'Hva den gjør (vises til besøkende)', placeholder: 'Viser timebestillingen vår fra Hano.', wide: true },
  { key: 'block', label: 'Holdes tilbake: adresser den laster fra (vert, eventuelt med sti)', placeholder: 'stressfri.hano.no', wide: true },
  { key: 'src', label: 'Skript som lastes etter samtykke (adresse)', placeholder: 'https://chat.example.no/widget.js', wide: true },
  { key: 'cookies', label: 'Informasjonskapsler, én per linje: navn | formål | levetid', placeholder: 'hano_session | Husker bestillingen din | Til du lukker nettleseren', wide: true, area: true },
];

const PURPOSES: readonly [string, string][] = [
  ['marketing', 'Markedsføring'],
  ['analytics', 'Statistikk'],
  ['functional', 'Funksjonelle'],
  ['necessary', 'Nødvendige (alltid på)'],
];

/** One owner service as a fieldset; `services[i]` in messages points at `data-index="i"`. */
export function serviceFieldset(index: number, onInput: () => void, onRemove: () => void): HTMLFieldSetElement {
  const set = document.createElement('fieldset');
  set.className = 'service';
  set.dataset.index = String(index);
  const legend = document.createElement('legend');
  legend.textContent = `Tjeneste ${index + 1}`;
  const grid = document.createElement('div');
  grid.className = 'grid';
  for (const f of FIELDS) {
    const label = document.createElement('label');
    if (f.wide) label.style.gridColumn = '1 / -1';
    label.append(f.label);
    const input = f.area ? document.createElement('textarea') : document.createElement('input');
    input.name = f.key;
    input.placeholder = f.placeholder;
    if (input instanceof HTMLTextAreaElement) input.rows = 2;
    label.append(input);
    grid.append(label);
    if (f.key === 'name') grid.append(purposeSelect());
  }
  const transfer = document.createElement('label');
  transfer.style.gridColumn = '1 / -1';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = 'transfer';
  transfer.append(box, ' Leverandøren kan overføre opplysninger til USA');
  grid.append(transfer);
  const msg = document.createElement('p');
  msg.className = 'msg';
  msg.setAttribute('aria-live', 'polite');
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = 'Fjern';
  remove.addEventListener('click', onRemove);
  set.append(legend, grid, msg, remove);
  set.addEventListener('input', onInput);
  return set;
}

function purposeSelect(): HTMLLabelElement {
  const label = document.createElement('label');
  label.append('Formål');
  const select = document.createElement('select');
  select.name = 'purpose';
  for (const [value, text] of PURPOSES) select.append(new Option(text, value));
  label.append(select);
  return label;
}

export function readService(set: HTMLFieldSetElement): ServiceForm {
  const value = (name: string) => (set.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${name}"]`)?.value ?? '');
  return {
    id: value('id'),
    name: value('name'),
    purpose: value('purpose'),
    provider: value('provider'),
    description: value('description'),
    privacyUrl: value('privacyUrl'),
    src: value('src'),
    block: value('block'),
    transfer: set.querySelector<HTMLInputElement>('[name="transfer"]')?.checked ?? false,
    cookies: value('cookies'),
  };
}
