/** A file the importer refuses, with a reason a person can act on. */
export class ContentError extends Error {
  override name = 'ContentError';
}
