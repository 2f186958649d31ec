/** A body that cannot be published as written, with where and why. */
export class RenderError extends Error {
  override name = 'RenderError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line ? `${message}（第 ${line} 行${column ? `第 ${column} 列` : ''}）` : message);
  }
}
