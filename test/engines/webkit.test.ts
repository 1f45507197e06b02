import { startWebKit } from './drivers/webkit';
import { engineScenarios } from './scenarios';

engineScenarios('WebKitGTK (WebKitWebDriver, Xvfb)', startWebKit);
