import { startChromium } from './drivers/chromium';
import { checkScenarios } from './check-scenarios';
import { engineScenarios } from './scenarios';
import { inlineScenarios } from './inline-scenarios';

engineScenarios('Chromium (playwright-core)', startChromium);
inlineScenarios('Chromium (playwright-core)', startChromium);
checkScenarios('Chromium (playwright-core)', startChromium);
