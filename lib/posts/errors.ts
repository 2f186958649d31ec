/** A save based on a version someone else has already replaced. */
export class EditConflictError extends Error {
  override name = 'EditConflictError';
  constructor(
    readonly postId: number,
    readonly baseVersion: number,
  ) {
    super(`文章 #${postId} 在版本 ${baseVersion} 之后已被他人保存`);
  }
}

/** A slug or source id that belongs to another post. */
export class DuplicatePostError extends Error {
  override name = 'DuplicatePostError';
}
