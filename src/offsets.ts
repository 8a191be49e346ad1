/**
 * Text that remembers where each of its characters came from.
 *
 * Every UTF-16 code unit i of `text` carries the half-open range [starts[i], ends[i]) of the ORIGINAL input it was
 * made from. A transformation builds its output with a TextBuilder over an existing TrackedText, naming for every
 * piece it emits which range of its input that piece replaces; the builder composes that with the input's own map,
 * so after any number of stages a span of the final text turns into a span of the original with one call.
 * (The unified/vfile idea: text travels with its positions.)
 */
export class TrackedText {
  constructor(
    readonly text: string,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
  ) {
    if (starts.length !== text.length || ends.length !== text.length) {
      throw new Error('TrackedText: map length does not match text length');
    }
  }

  /** Identity map: the text is the original. */
  static fromOriginal(text: string): TrackedText {
    const starts = new Int32Array(text.length);
    const ends = new Int32Array(text.length);
    for (let i = 0; i < text.length; i++) {
      starts[i] = i;
      ends[i] = i + 1;
    }
    return new TrackedText(text, starts, ends);
  }

  get length(): number {
    return this.text.length;
  }

  /** The original range that text[start, end) was made from. An empty span maps to an empty original span. */
  toOriginal(start: number, end: number): [number, number] {
    if (end <= start) {
      const at = start < this.text.length ? this.starts[start] : this.text.length > 0 ? this.ends[this.text.length - 1] : 0;
      return [at, at];
    }
    let s = Infinity;
    let e = -Infinity;
    // Min/max rather than first/last: a reordering stage could in principle map characters out of order.
    for (let i = start; i < end; i++) {
      if (this.starts[i] < s) s = this.starts[i];
      if (this.ends[i] > e) e = this.ends[i];
    }
    return [s, e];
  }

  /** The index range of this text whose characters come from original[origStart, origEnd). */
  fromOriginal(origStart: number, origEnd: number): [number, number] | null {
    let s = -1;
    let e = -1;
    for (let i = 0; i < this.text.length; i++) {
      if (this.ends[i] > origStart && this.starts[i] < origEnd) {
        if (s < 0) s = i;
        e = i + 1;
      }
    }
    return s < 0 ? null : [s, e];
  }

  slice(start: number, end: number): TrackedText {
    return new TrackedText(this.text.slice(start, end), this.starts.slice(start, end), this.ends.slice(start, end));
  }
}

/** Builds a new TrackedText from pieces of a source TrackedText. */
export class TextBuilder {
  private parts: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];

  constructor(private readonly source: TrackedText) {}

  get length(): number {
    return this.starts.length;
  }

  /** Copy source[start, end) unchanged. */
  copy(start: number, end: number): this {
    if (end <= start) return this;
    this.parts.push(this.source.text.slice(start, end));
    for (let i = start; i < end; i++) {
      this.starts.push(this.source.starts[i]);
      this.ends.push(this.source.ends[i]);
    }
    return this;
  }

  /**
   * Emit `out` in place of source[start, end). When the lengths agree, characters map one to one (width folding,
   * character-level OpenCC); otherwise every emitted character maps to the whole replaced range, which is the
   * honest answer for a phrase conversion such as 網際網路 → 互联网.
   */
  replace(start: number, end: number, out: string): this {
    if (out.length === 0) return this;
    if (end <= start) return this.insert(start, out);
    this.parts.push(out);
    if (out.length === end - start) {
      for (let i = 0; i < out.length; i++) {
        this.starts.push(this.source.starts[start + i]);
        this.ends.push(this.source.ends[start + i]);
      }
    } else {
      const [s, e] = this.source.toOriginal(start, end);
      for (let i = 0; i < out.length; i++) {
        this.starts.push(s);
        this.ends.push(e);
      }
    }
    return this;
  }

  /** Emit text that stands for nothing in the source (a line break between blocks); it maps to an empty range at `at`. */
  insert(at: number, out: string): this {
    const orig = at < this.source.length ? this.source.starts[at] : this.source.length > 0 ? this.source.ends[this.source.length - 1] : 0;
    this.parts.push(out);
    for (let i = 0; i < out.length; i++) {
      this.starts.push(orig);
      this.ends.push(orig);
    }
    return this;
  }

  build(): TrackedText {
    return new TrackedText(this.parts.join(''), Int32Array.from(this.starts), Int32Array.from(this.ends));
  }
}

/**
 * Apply a regex replacement to a TrackedText, keeping the map: matched text is replaced through `replace` (one to
 * one when lengths agree), everything else is copied.
 */
export function replaceTracked(
  src: TrackedText,
  pattern: RegExp,
  replacer: (match: RegExpExecArray) => string,
): TrackedText {
  if (!pattern.global) throw new Error('replaceTracked needs a global RegExp');
  const b = new TextBuilder(src);
  let last = 0;
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(src.text)) !== null) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    b.copy(last, m.index);
    b.replace(m.index, m.index + m[0].length, replacer(m));
    last = m.index + m[0].length;
  }
  b.copy(last, src.length);
  return b.build();
}
