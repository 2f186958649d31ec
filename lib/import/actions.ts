'use server';

import { authorizeAction } from '@/lib/auth/session';
import { sourcesFromUpload } from '@/lib/content/upload';
import { importSources } from './import';
import type { ImportReport } from './report';

export interface ImportState {
  report?: Pick<ImportReport, 'counts'> & { results: { file: string; status: string; slug?: string; postId?: number; reason?: string }[] };
  error?: string;
}

/** The admin's import: the same importer and report as the CLI (which also refreshes the pages it touched). */
export async function importAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const user = await authorizeAction('editor');
  const files = formData.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
  if (!files.length) return { error: '请选择要导入的文件。' };
  const report = await importSources(await sourcesFromUpload(files), { force: formData.get('force') === 'on', authorId: user.id });
  return { report: { counts: report.counts, results: report.results.map(({ affected: _a, ...r }) => r) } };
}
