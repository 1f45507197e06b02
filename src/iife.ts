// The one-tag build: runs as the <script> is parsed.
import { start } from './main';
import { createFace } from './ui/face';

start(createFace, true);
