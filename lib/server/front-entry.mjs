// The web server thread's entry: worker threads do not inherit tsx's module
// hooks, so they are registered here (tsx's documented API) before the thread's
// TypeScript is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./front-worker.ts');
