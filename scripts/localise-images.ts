import type { ImportReport } from '@/lib/import/report';
import { localisePostImages } from '@/lib/media/localise-post';

/**
 * `content:import --localise-images`: each imported post's remote images go
 * into the media library and its body points at them (a new revision whose note
 * keeps the original URLs); an image that cannot be fetched stays remote and is
 * reported on its own line.
 */
export async function localiseImported(report: ImportReport): Promise<void> {
  let moved = 0;
  let failed = 0;
  for (const result of report.results) {
    if (!result.postId || result.status === 'failed' || result.status === 'conflict') continue;
    const { images, conflict } = await localisePostImages(result.postId, null);
    for (const image of images) {
      if (image.localUrl) moved++;
      else failed++;
      console.log(image.localUrl ? `  ✓ ${result.file}: ${image.url} → ${image.localUrl}` : `  ✗ ${result.file}: ${image.url}: ${image.error}`);
    }
    if (conflict) console.error(`! ${result.file}: edited during the download; images left remote`);
  }
  console.log(`\nImages brought home ${moved}, left remote ${failed}.`);
}
