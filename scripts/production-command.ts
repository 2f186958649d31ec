/**
 * `npm start` in production (package.json's start script; production-command.test.ts holds the two
 * together), for the tests and the bench that run it as a child.
 *
 * One Node process, running the server bundled by scripts/start.mjs, with no tsx hooks. V8 grows the
 * heap to a fifth past what its last full collection left live, not up to four times as it otherwise
 * may while pages render: a crawler's walk left an instance at twice the memory it was using.
 */
export const PRODUCTION_NODE_FLAGS = ['--conditions=react-server', '--heap-growing-percent=20'];
export const PRODUCTION_NODE_ARGS = [...PRODUCTION_NODE_FLAGS, 'scripts/start.mjs', 'start'];
