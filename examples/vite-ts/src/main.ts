import './consent-config';
import { samtykke, type ConsentState } from 'samtykke';

const status = document.querySelector<HTMLParagraphElement>('#status');

function show(state: ConsentState | null): void {
  if (status) status.textContent = state ? `Marketing: ${state.purposes.marketing ? 'yes' : 'no'}` : 'No decision yet.';
}

// `undefined` on a server (SSR) or if samtykke could not start (it says why in the console).
if (samtykke) {
  show(samtykke.get());
  samtykke.on('change', show);
}
