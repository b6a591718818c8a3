import type { LabelSet } from './alert.js';

// The 64-bit FNV-1a hash Prometheus and Alertmanager use for a label set's fingerprint: label names
// sorted, each name and value followed by the byte 0xff. Computing the same hash means a Prometheus
// alert and the Alertmanager alert it became share a fingerprint, so merging needs no guessing.
// The 64-bit state is kept in four 16-bit limbs: plain number arithmetic, no BigInt, so hashing
// 100,000 alerts stays cheap.

const separator = 0xff;
const encoder = new TextEncoder();

/** The fingerprint Alertmanager would give these labels: 16 lowercase hex digits. */
export function labelsFingerprint(labels: LabelSet): string {
  const state = [0x2325, 0x8422, 0x9ce4, 0xcbf2]; // offset basis 0xcbf29ce484222325, low limb first
  for (const name of Object.keys(labels).sort(compareBytes)) {
    addBytes(state, encoder.encode(name));
    addByte(state, separator);
    addBytes(state, encoder.encode(labels[name] ?? ''));
    addByte(state, separator);
  }
  return state
    .map((limb) => limb.toString(16).padStart(4, '0'))
    .reverse()
    .join('');
}

// Go sorts label names by their bytes; for the ASCII names Prometheus allows this is code-unit order.
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function addBytes(state: number[], bytes: Uint8Array): void {
  for (const byte of bytes) addByte(state, byte);
}

// state = (state ^ byte) * 0x100000001b3 mod 2^64, where the prime is 2^40 + 0x1b3: the product is
// state * 0x1b3 plus state shifted left by 40 bits (two limbs and eight bits).
function addByte(state: number[], byte: number): void {
  const h0 = (state[0] ?? 0) ^ byte;
  const h1 = state[1] ?? 0;
  const h2 = state[2] ?? 0;
  const h3 = state[3] ?? 0;
  const t0 = h0 * 0x1b3;
  const t1 = h1 * 0x1b3 + (t0 >>> 16);
  const t2 = h2 * 0x1b3 + (t1 >>> 16) + ((h0 << 8) & 0xffff);
  const t3 = h3 * 0x1b3 + (t2 >>> 16) + (((h0 >>> 8) | (h1 << 8)) & 0xffff);
  state[0] = t0 & 0xffff;
  state[1] = t1 & 0xffff;
  state[2] = t2 & 0xffff;
  state[3] = t3 & 0xffff;
}
