// The unit tests run the modules as the bundler build does: the console messages' texts at hand,
// so each message prints as it is reported and a test can read it at once.
import { helpFrom } from '../../src/core/report';
import { MESSAGES } from '../../src/help/messages';

helpFrom((done) => done(MESSAGES));
