// samtykke.full.js: the engine and the face (all languages) in one file, for owners who can
// upload only one; the engine behaves the same, the face is simply at hand. The texts of the
// console messages are fetched beside it when it has something to say, as the tag does.
import { start } from './main';
import { helpFrom } from './core/report';
import { helpFetcher } from './shell/load';
import { createFace } from './ui/face';

helpFrom(helpFetcher(document.currentScript as HTMLScriptElement | null));
start((_lang, done) => done(createFace), true);
