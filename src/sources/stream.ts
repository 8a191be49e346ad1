/**
 * Byte streams of container files (WARC, JSONL): read from disk with the consumed size counted for progress, and
 * gunzipped on the way when the name ends in .gz. `stream.pipeline` carries a read or gunzip error to the consumer's
 * `for await`, so a truncated .gz surfaces as an error where it happens.
 */
import { createReadStream } from 'node:fs';
import { PassThrough, Transform, pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export function openInput(file: string, progress?: { bytes: number }, gunzip = /\.gz$/i.test(file)): Readable {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (progress) progress.bytes += chunk.length;
      done(null, chunk);
    },
  });
  const out = new PassThrough();
  const stages: any[] = [createReadStream(file, { highWaterMark: 256 * 1024 }), counter];
  if (gunzip) stages.push(createGunzip());
  stages.push(out);
  pipeline(stages, () => {
    /* errors reach the consumer through `out` */
  });
  return out;
}

/**
 * Lines of a byte stream, split on \n, each as a Buffer with its 1-based number. A line longer than `maxLineBytes`
 * is not kept in memory: it comes out as `{ tooLong: size }` once it ends.
 */
export async function* lines(
  stream: AsyncIterable<Buffer>,
  maxLineBytes: number,
): AsyncGenerator<{ n: number; line: Buffer | null; size: number }> {
  let parts: Buffer[] = [];
  let size = 0;
  let n = 0;
  let dropping = false;
  for await (const chunk of stream) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      const piece = chunk.subarray(from, nl < 0 ? chunk.length : nl);
      size += piece.length;
      if (size > maxLineBytes) {
        dropping = true;
        parts = [];
      } else if (piece.length) parts.push(piece);
      if (nl < 0) break;
      n++;
      yield { n, line: dropping ? null : Buffer.concat(parts), size };
      parts = [];
      size = 0;
      dropping = false;
      from = nl + 1;
    }
  }
  if (size > 0 || parts.length) {
    n++;
    yield { n, line: dropping ? null : Buffer.concat(parts), size };
  }
}
