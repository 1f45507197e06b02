/**
 * Demo-only code for the Stressfri pages: the offline Google stand-in and the debug panel.
 * The samtykke tag itself is the classic `<script src="v/<version>/samtykke.js" data-…>` in <head>.
 */
import { mountPanel } from './debug/panel';
import { registerStandIn } from './standin/register';

const standIn = registerStandIn();
// Tests and curious developers can await the stand-in before clicking.
(window as Window & { samtykkeDemo?: { standIn: typeof standIn } }).samtykkeDemo = { standIn };
mountPanel(standIn);
