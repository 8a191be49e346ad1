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

/** source's map over [start, end) into starts/ends from `at` (a short piece by hand: a subarray costs more). */
function copyMap(source: TrackedText, start: number, end: number, starts: Int32Array, ends: Int32Array, at: number): void {
  if (end - start <= 16) {
    for (let i = start; i < end; i++, at++) {
      starts[at] = source.starts[i];
      ends[at] = source.ends[i];
    }
  } else {
    starts.set(source.starts.subarray(start, end), at);
    ends.set(source.ends.subarray(start, end), at);
  }
}

/** Builds a new TrackedText from pieces of a source TrackedText. */
export class TextBuilder {
  private parts: string[] = [];
  // The map under construction in typed arrays that grow by doubling (no array of numbers per character).
  private starts: Int32Array;
  private ends: Int32Array;
  private n = 0;

  constructor(private readonly source: TrackedText) {
    // Most steps emit about as many characters as they read: start at the source's length.
    const cap = Math.max(16, source.length);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
  }

  get length(): number {
    return this.n;
  }

  /** Room for `more` map entries. */
  private reserve(more: number): void {
    const need = this.n + more;
    if (need <= this.starts.length) return;
    const cap = Math.max(need, this.starts.length * 2);
    const s = new Int32Array(cap);
    const e = new Int32Array(cap);
    s.set(this.starts.subarray(0, this.n));
    e.set(this.ends.subarray(0, this.n));
    this.starts = s;
    this.ends = e;
  }

  /** Copy source[start, end) unchanged. */
  copy(start: number, end: number): this {
    if (end <= start) return this;
    const src = this.source;
    this.parts.push(src.text.slice(start, end));
    this.reserve(end - start);
    copyMap(src, start, end, this.starts, this.ends, this.n);
    this.n += end - start;
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
    const len = out.length;
    this.reserve(len);
    if (len === end - start) {
      copyMap(this.source, start, end, this.starts, this.ends, this.n);
    } else {
      const [s, e] = this.source.toOriginal(start, end);
      this.starts.fill(s, this.n, this.n + len);
      this.ends.fill(e, this.n, this.n + len);
    }
    this.n += len;
    return this;
  }

  /** Emit text that stands for nothing in the source (a line break between blocks); it maps to an empty range at `at`. */
  insert(at: number, out: string): this {
    const orig = at < this.source.length ? this.source.starts[at] : this.source.length > 0 ? this.source.ends[this.source.length - 1] : 0;
    this.parts.push(out);
    const len = out.length;
    this.reserve(len);
    this.starts.fill(orig, this.n, this.n + len);
    this.ends.fill(orig, this.n, this.n + len);
    this.n += len;
    return this;
  }

  /** The text built; the builder is done with (a map that fills its arrays exactly is handed over, not copied). */
  build(): TrackedText {
    const text = this.parts.join('');
    if (this.n === this.starts.length) return new TrackedText(text, this.starts, this.ends);
    return new TrackedText(text, this.starts.slice(0, this.n), this.ends.slice(0, this.n));
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
