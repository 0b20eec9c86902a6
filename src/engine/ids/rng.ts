/**
 * The world's seeded random source: sfc32, a small fast generator with a 128-bit state that fits in the
 * snapshot as four numbers, so a replay from the same snapshot draws the same values. Not for real secrets:
 * SecretsLab is a simulator and says so.
 */
export type RngState = [number, number, number, number];

export function seedRng(seed: string): RngState {
  // xmur3 string hash spreads the seed text over the four state words.
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  const state: RngState = [next(), next(), next(), next()];
  const rng = new Rng(state);
  for (let i = 0; i < 12; i++) rng.nextUint32();
  return rng.state;
}

export class Rng {
  constructor(public state: RngState) {}

  nextUint32(): number {
    const s = this.state;
    let [a, b, c, d] = s;
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    s[0] = a >>> 0;
    s[1] = b >>> 0;
    s[2] = c >>> 0;
    s[3] = d >>> 0;
    return t;
  }

  /** A uniform integer in [0, bound), without modulo bias. */
  nextInt(bound: number): number {
    if (bound <= 0 || bound > 2 ** 32) throw new RangeError(`bad bound ${bound}`);
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % bound;
    }
  }

  /** A float in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 2 ** 32;
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 4) {
      let x = this.nextUint32();
      for (let j = 0; j < 4 && i + j < length; j++) {
        out[i + j] = x & 0xff;
        x >>>= 8;
      }
    }
    return out;
  }

  pick(alphabet: string): string {
    return alphabet.charAt(this.nextInt(alphabet.length));
  }
}
