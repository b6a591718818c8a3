// The floor under `sitrep resume` with the screen's own framework: React, Ink and Yoga loaded as
// sitrep's bundle loads them (scripts/bench/ink-floor-build.mjs), the journal read and every line
// parsed, and one line drawn ("D1 …", what the benchmark waits for). sitrep's resume above this is
// its own (its code, its state, its screen); this above the bare read is the framework's.
//   node <bundle of this file> JOURNAL
import fs from 'node:fs';
import { createElement } from 'react';
import { Box, render, Text } from 'ink';

const events = fs
  .readFileSync(process.argv[2], 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
render(createElement(Box, null, createElement(Text, null, `D1 floor: ${events.length} events`)));
