// samtykke.full.js: the engine and the face (all languages) in one file, for owners who can
// upload only one; the engine behaves the same, the face is simply at hand.
import { start } from './main';
import { createFace } from './ui/face';

start((_lang, done) => done(createFace), true);
