import type { DiffRow, FieldChange } from '@/lib/revisions/diff';
import type { PostFormFields } from '@/lib/validations/post-form';

export interface EditorState {
  status: 'idle' | 'saved' | 'unchanged' | 'invalid' | 'conflict' | 'error';
  message?: string;
  errors?: Partial<Record<PostFormFields, string[]>>;
  version?: number;
  slug?: string;
  conflict?: {
    version: number;
    savedBy: string | null;
    savedAt: string;
    /** Their front matter against yours. */
    fields: FieldChange[];
    /** Their body against yours. */
    rows: DiffRow[];
    /** Set when that diff is by line only, or missing (too large to compare in time). */
    rowsNote?: string;
  };
}
