import { startWebKit } from './drivers/webkit';
import { checkScenarios } from './check-scenarios';
import { engineScenarios } from './scenarios';

engineScenarios('WebKitGTK (WebKitWebDriver, Xvfb)', startWebKit);
checkScenarios('WebKitGTK (WebKitWebDriver, Xvfb)', startWebKit);
