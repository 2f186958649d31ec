/** A save based on a version someone else has already replaced. */
export class EditConflictError extends Error {
  override name = 'EditConflictError';
  constructor(
    readonly postId: number,
    readonly baseVersion: number,
  ) {
    super(`post #${postId} was saved by someone else since version ${baseVersion}`);
  }
}

/** A slug or source id that belongs to another post. */
export class DuplicatePostError extends Error {
  override name = 'DuplicatePostError';
}
