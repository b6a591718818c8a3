// The floor under `sitrep resume` with the screen's own framework: React, Ink and Yoga loaded as
// sitrep's bundle loads them (scripts/bench/ink-floor-build.mjs), the journal read and every line
// parsed, and one full screen drawn as resume draws one: a line per row across the terminal's
// width, a few styled words in each, the first row starting "D1" (what the benchmark waits for).
// sitrep's resume above this is its own (its code, its state, its workspace); this above the bare
// read is the framework's, drawing a screen of the same size.
//   node <bundle of this file> JOURNAL
import fs from 'node:fs';
import { createElement as h } from 'react';
import { Box, render, Text } from 'ink';

const events = fs
  .readFileSync(process.argv[2], 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const width = (process.stdout.columns ?? 120) - 1;
const rows = (process.stdout.rows ?? 40) - 1;
// The latest events, a row each: time, kind and text, as a workspace's timeline would show them,
// cut to the width.
const row = (event) => {
  const time = String(event.at ?? '')
    .slice(11, 19)
    .padEnd(9);
  const kind = String(event.kind ?? event.type ?? 'event').padEnd(14);
  const text = String(event.text ?? JSON.stringify(event)).padEnd(width);
  return h(
    Text,
    { wrap: 'truncate-end' },
    h(Text, { dimColor: true }, time),
    h(Text, { color: 'cyan' }, kind),
    text.slice(0, width - time.length - kind.length),
  );
};
render(
  h(
    Box,
    { flexDirection: 'column', width },
    h(Text, { bold: true }, `D1 floor: ${events.length} events`),
    ...events.slice(-(rows - 1)).map((event, index) => h(Box, { key: index }, row(event))),
  ),
);
