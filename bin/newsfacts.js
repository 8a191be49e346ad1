#!/usr/bin/env node
// The CLI is written in TypeScript and compiled to dist/ by `npm ci` (the `prepare` script).
import { main, stopQuietlyOnClosedPipe } from '../dist/src/cli/index.js';

stopQuietlyOnClosedPipe();

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`newsfacts: ${err && err.message ? err.message : err}`);
    process.exitCode = 1;
  },
);
