/**
 * A text read as code points, each with a kind that a step computes once per distinct character (with expressions,
 * sets, dictionaries) and then finds in a table: per-character work without a string or a regular expression per
 * character. Code points as string iteration gives them: a surrogate pair is one, a lone half is one of its own.
 */

export interface CodePoints {
  /** How many code points. */
  n: number;
  cps: Int32Array;
  /** Each code point's kind (as the reader's `classify` said). */
  kinds: Uint8Array;
  /** Each code point's UTF-16 offset in the text, and the text's length at index n. */
  offsets: Int32Array;
}

export class CodePointReader {
  private readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Map<number, number>();
  // Scratch arrays, grown as needed and reused from text to text: a reading is good until the next one.
  private out: CodePoints = { n: 0, cps: new Int32Array(0), kinds: new Uint8Array(0), offsets: new Int32Array(0) };

  /** `classify` must return 1–255 (0 marks an unknown entry). */
  constructor(private readonly classify: (c: string) => number) {}

  read(text: string): CodePoints {
    if (this.out.cps.length < text.length + 1) {
      const cap = Math.max(text.length + 1, this.out.cps.length * 2);
      this.out = { n: 0, cps: new Int32Array(cap), kinds: new Uint8Array(cap), offsets: new Int32Array(cap) };
    }
    const { cps, kinds, offsets } = this.out;
    const bmp = this.bmp;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      offsets[n] = i;
      if (u >= 0xd800 && u <= 0xdbff && i + 1 < text.length) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          const cp = ((u - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          let k = this.astral.get(cp);
          if (k === undefined) this.astral.set(cp, (k = this.classify(String.fromCodePoint(cp))));
          cps[n] = cp;
          kinds[n++] = k;
          i++;
          continue;
        }
      }
      let k = bmp[u];
      if (k === 0) bmp[u] = k = this.classify(String.fromCharCode(u));
      cps[n] = u;
      kinds[n++] = k;
    }
    offsets[n] = text.length;
    this.out.n = n;
    return this.out;
  }
}
