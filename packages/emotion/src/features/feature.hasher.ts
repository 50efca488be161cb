// FNV-1a with a final avalanche: fast on short strings and stable across runs and machines.
const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

export const mix = (h: number): number => {
  let x = h ^ (h >>> 15);
  x = Math.imul(x, 0x2c1b3c6d);
  x ^= x >>> 12;
  x = Math.imul(x, 0x297a2d39);
  return (x ^ (x >>> 15)) >>> 0;
};

export const hashString = (text: string, seed: number): number => {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return mix(h);
};

/** Visit every character n-gram (minN…maxN) of `text` with one FNV step per character. */
export const forEachCharGramHash = (
  text: string,
  minN: number,
  maxN: number,
  seed: number,
  visit: (hash: number) => void,
): void => {
  const length = text.length;
  for (let i = 0; i < length; i++) {
    let h = (FNV_OFFSET ^ seed) >>> 0;
    const end = Math.min(length, i + maxN);
    for (let j = i; j < end; j++) {
      h ^= text.charCodeAt(j);
      h = Math.imul(h, FNV_PRIME);
      const n = j - i + 1;
      if (n >= minN) visit(mix(h ^ n));
    }
  }
};
