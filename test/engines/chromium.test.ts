import { startChromium } from './drivers/chromium';
import { checkScenarios } from './check-scenarios';
import { engineScenarios } from './scenarios';

engineScenarios('Chromium (playwright-core)', startChromium);
checkScenarios('Chromium (playwright-core)', startChromium);
