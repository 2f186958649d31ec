/** A body that cannot be published as written, with where and why. */
export class RenderError extends Error {
  override name = 'RenderError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line ? `${message} (line ${line}${column ? `, column ${column}` : ''})` : message);
  }
}
