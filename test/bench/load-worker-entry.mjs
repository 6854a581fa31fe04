// A worker's entry cannot be TypeScript under tsx on Node 20 (--import in a worker's
// execArgv does not apply to its entry): register tsx here, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./load-worker.ts');
