/** A request the workflow refuses or a file it cannot use; the message is Chinese and complete. */
export class RevisionError extends Error {
  override name = 'RevisionError';
}
