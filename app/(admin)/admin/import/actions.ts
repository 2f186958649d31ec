'use server';

import { authorizeAction } from '@/lib/auth/session';
import { revalidatePublic, tagsFor } from '@/lib/cache/revalidate';
import { importSources, type ImportReport } from '@/lib/content/import';
import { sourcesFromUpload } from '@/lib/content/upload';

export interface ImportState {
  report?: Pick<ImportReport, 'counts'> & { results: { file: string; status: string; slug?: string; postId?: number; reason?: string }[] };
  error?: string;
}

/** The admin's import: the same importer and report as the CLI. */
export async function importAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const user = await authorizeAction('editor');
  const files = formData.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
  if (!files.length) return { error: '请选择要导入的文件。' };
  const report = await importSources(await sourcesFromUpload(files), { force: formData.get('force') === 'on', authorId: user.id });
  const affected = report.results.flatMap((r) => (r.affected ? [r.affected] : []));
  await revalidatePublic(affected.length ? tagsFor(affected) : []);
  return { report: { counts: report.counts, results: report.results.map(({ affected: _a, ...r }) => r) } };
}
