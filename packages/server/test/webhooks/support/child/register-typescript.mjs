// `node --import <this file> some.ts`: installs typescript-hooks.mjs for the process.
import { register } from 'node:module';

register('./typescript-hooks.mjs', import.meta.url);
