import { disconnectDb } from '@/lib/db';

/**
 * Runs a CLI body and exits with its code; an error prints its message alone
 * (no stack) unless DEBUG is set. Embedded Postgres this process started is
 * stopped by its own exit hook.
 */
export async function runCli(main: () => Promise<number>): Promise<never> {
  let code = 1;
  try {
    code = await main();
  } catch (error) {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  } finally {
    await disconnectDb().catch(() => undefined);
  }
  process.exit(code);
}
