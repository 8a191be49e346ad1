/**
 * The queue's command-line pieces, kept apart from the commands that call them: `ingest --queue` (enqueue instead of
 * processing) is one function the ingest command calls.
 */
import { enqueueInputs } from './queue.js';

/** `newsfacts ingest <paths…> --queue redis://…`: enqueue the inputs' units and print what was added. */
export async function ingestToQueue(paths: string[], queueUrl: string, opts: { quiet?: boolean } = {}): Promise<void> {
  const s = await enqueueInputs(paths, queueUrl);
  console.log(
    `queue ${s.queue}: ${s.units} units from ${paths.length} input${paths.length === 1 ? '' : 's'}, ${s.added} added, ` +
      `${s.units - s.added} already queued or done${opts.quiet ? '' : "\nstart workers with 'newsfacts worker --queue … --db …'; follow them with 'newsfacts status --queue …'"}`,
  );
}
