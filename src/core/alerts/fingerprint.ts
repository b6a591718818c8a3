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
  const hash = new Hash();
  for (const name of Object.keys(labels).sort(compareBytes)) {
    hash.addString(name);
    hash.addByte(separator);
    hash.addString(labels[name] ?? '');
    hash.addByte(separator);
  }
  return hash.hex();
}

// Go sorts label names by their bytes; for the ASCII names Prometheus allows this is code-unit order.
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Hash {
  // Offset basis 0xcbf29ce484222325, low limb first.
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  // ASCII (nearly every label) is hashed straight from the string; anything else as UTF-8 bytes.
  addString(text: string): void {
    for (let i = 0; i < text.length; i += 1) {
      if (text.charCodeAt(i) >= 0x80) {
        for (const byte of encoder.encode(text.slice(i))) this.addByte(byte);
        return;
      }
      this.addByte(text.charCodeAt(i));
    }
  }

  // state = (state ^ byte) * 0x100000001b3 mod 2^64, where the prime is 2^40 + 0x1b3: the product
  // is state * 0x1b3 plus state shifted left by 40 bits (two limbs and eight bits).
  addByte(byte: number): void {
    const h0 = this.h0 ^ byte;
    const t0 = h0 * 0x1b3;
    const t1 = this.h1 * 0x1b3 + (t0 >>> 16);
    const t2 = this.h2 * 0x1b3 + (t1 >>> 16) + ((h0 << 8) & 0xffff);
    const t3 = this.h3 * 0x1b3 + (t2 >>> 16) + (((h0 >>> 8) | (this.h1 << 8)) & 0xffff);
    this.h0 = t0 & 0xffff;
    this.h1 = t1 & 0xffff;
    this.h2 = t2 & 0xffff;
    this.h3 = t3 & 0xffff;
  }

  hex(): string {
    return [this.h3, this.h2, this.h1, this.h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
  }
}
