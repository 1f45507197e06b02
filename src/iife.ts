// The one-tag build: runs as the <script> is parsed.
import { start } from './main';

start();
