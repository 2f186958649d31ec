/**
 * A closed stdout or stderr (the reader of the log pipe gone) fails every write. Unhandled,
 * each failure is an uncaught exception, which Next logs to the same stream: a loop that holds
 * the main thread at full CPU and answers nothing. With this, the server goes on serving and
 * only its log lines are lost.
 */
export function surviveClosedOutput(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) stream.on('error', () => undefined);
}
