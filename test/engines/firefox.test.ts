import { startFirefox } from './drivers/firefox';
import { engineScenarios } from './scenarios';

engineScenarios('Firefox ESR (puppeteer-core, WebDriver BiDi)', startFirefox);
