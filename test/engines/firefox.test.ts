import { startFirefox } from './drivers/firefox';
import { checkScenarios } from './check-scenarios';
import { engineScenarios } from './scenarios';
import { inlineScenarios } from './inline-scenarios';

engineScenarios('Firefox ESR (puppeteer-core, WebDriver BiDi)', startFirefox);
inlineScenarios('Firefox ESR (puppeteer-core, WebDriver BiDi)', startFirefox);
checkScenarios('Firefox ESR (puppeteer-core, WebDriver BiDi)', startFirefox);
