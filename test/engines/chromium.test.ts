import { startChromium } from './drivers/chromium';
import { checkScenarios } from './check-scenarios';
import { engineScenarios } from './scenarios';
import { inlineScenarios } from './inline-scenarios';

// Every scenario on the inline form; those whose workings differ with the form on the single
// tag too, here only (it is the cheapest engine, and test/browser runs the single tag throughout):
// the denied default, zero-markup holding, the nonce, a frame in the HTML, a face that fails.
engineScenarios('Chromium (playwright-core)', startChromium, { singleTag: [1, 4, 7, 9, 10] });
inlineScenarios('Chromium (playwright-core)', startChromium);
checkScenarios('Chromium (playwright-core)', startChromium);
