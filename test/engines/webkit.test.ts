import { startWebKit } from './drivers/webkit';
import { checkScenarios } from './check-scenarios';
import { engineScenarios } from './scenarios';
import { inlineScenarios } from './inline-scenarios';

engineScenarios('WebKitGTK (WebKitWebDriver, Xvfb)', startWebKit);
inlineScenarios('WebKitGTK (WebKitWebDriver, Xvfb)', startWebKit);
checkScenarios('WebKitGTK (WebKitWebDriver, Xvfb)', startWebKit);
