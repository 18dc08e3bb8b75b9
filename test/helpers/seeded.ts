/**
 * A seeded generator (mulberry32), `rand(n)` in 0..n-1 from its high bits: the tests stay the
 * same run to run, and draw every length and character. (An LCG in floating point, as here
 * before, lost its low bits past 2^53 and read them too: 7 lengths of 40 ever came up.)
 */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const drawn = new Set<string>();
  const rand = (n: number, what: string) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const k = Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
    drawn.add(`${what}${k}`);
    return k;
  };
  /** How many distinct values of `what` were drawn. */
  const seen = (what: string) => [...drawn].filter((d) => d.startsWith(what)).length;
  return { rand, seen };
}
