/** Front-matter fields the model stores in columns; every other field is kept verbatim in `extra`. */
export const MODELLED_FIELDS = [
  'title', 'date', 'slug', 'description', 'keywords', 'categories', 'tags', 'artid', 'source_url',
  'image', 'featuredImage', 'featuredImagePreview', 'published', 'draft', 'status', 'format',
] as const;
