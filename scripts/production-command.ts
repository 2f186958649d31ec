/**
 * The node arguments of `npm start` in production (package.json's start script; production-command.test.ts
 * holds the two together), for the tests and the bench that run it as a child.
 *
 * tsx's hooks load in the serving process itself (`--import tsx`), not in a child of tsx's CLI, which
 * kept a second Node process alive beside it. V8 grows the heap to a fifth past what its last full
 * collection left live, not up to four times as it otherwise may while pages render: a crawler's walk
 * left an instance at twice the memory it was using.
 */
export const PRODUCTION_NODE_ARGS = ['--conditions=react-server', '--heap-growing-percent=20', '--import', 'tsx', 'scripts/serve.ts', 'start'];
