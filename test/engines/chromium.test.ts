import { startChromium } from './drivers/chromium';
import { engineScenarios } from './scenarios';

engineScenarios('Chromium (playwright-core)', startChromium);
