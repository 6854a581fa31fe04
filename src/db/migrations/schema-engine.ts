// Prisma's schema engine compiled to wasm, talking to Postgres through @prisma/adapter-pg,
// so migrations work on machines where the CLI cannot download its native engine.
// The package's entry point imports the .wasm as an ES module, which Node 20 cannot do
// without a flag, so we instantiate it ourselves the way that entry point would.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { MigrationAdapterFactory } from './schema-engine-adapter.ts';

export type SchemaEngine = bindings.SchemaEngine;
export type { DiagnoseMigrationHistoryOutput, MigrationList, SchemaContainer } from '@prisma/schema-engine-wasm/schema_engine_bg';

// The engine reports a Rust panic by calling this global before throwing a bare
// "unreachable"; keeping the message lets us report what actually went wrong.
interface PanicRegistry {
  set_message(message: string): void;
  get(): string;
}
const registryHolder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
class PanicMessage implements PanicRegistry {
  private message = '';
  set_message(message: string): void {
    this.message = message;
  }
  get(): string {
    return this.message;
  }
}
registryHolder.PRISMA_WASM_PANIC_REGISTRY ??= new PanicMessage();

/**
 * A panic inside the engine surfaces as an uncaught "RuntimeError: unreachable" from a
 * microtask, not as a rejection; an uncaughtException handler can ask for the reason here.
 */
export function lastEnginePanic(): string | undefined {
  return registryHolder.PRISMA_WASM_PANIC_REGISTRY?.get() || undefined;
}

// The wasm instance lives in the bindings module, which Node loads once per process;
// this file may be loaded more than once (e.g. two module graphs of a test runner in one
// process), so the instance and its bookkeeping are kept process-wide. Instantiating a
// second time would leave the bindings reading strings from the first instance's memory.
interface EngineState {
  loaded?: Promise<void>;
  // The engine arms timers (10 s timeouts) and, having no clearTimeout, never cancels
  // them; each would keep Node alive long after the work is done. We clear the leftovers
  // once no engine call is running.
  timers: Set<NodeJS.Timeout>;
  running: number;
}
const stateHolder = globalThis as { __keyaccountSchemaEngineWasm?: EngineState };
const wasmState: EngineState = (stateHolder.__keyaccountSchemaEngineWasm ??= { timers: new Set(), running: 0 });

function trackedSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    wasmState.timers.delete(timer);
    callback();
  }, ms >>> 0);
  wasmState.timers.add(timer);
  return timer;
}

function clearLeftoverTimers(): void {
  for (const timer of wasmState.timers) clearTimeout(timer);
  wasmState.timers.clear();
}

function loadWasm(): Promise<void> {
  wasmState.loaded ??= (async () => {
    const glue = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(glue), 'schema_engine_bg.wasm'));
    const imports: Record<string, unknown> = { ...bindings };
    for (const name of Object.keys(imports)) {
      if (name.startsWith('__wbg_setTimeout_')) imports[name] = trackedSetTimeout;
    }
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': imports as WebAssembly.ModuleImports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmState.loaded;
}

/**
 * Runs fn with an engine connected to databaseUrl, then releases every connection it
 * opened and drops any shadow database it created.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schemaFiles: bindings.SchemaContainer[],
  log: (line: string) => void,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const adapters = new MigrationAdapterFactory(databaseUrl);
  wasmState.running++;
  try {
    const engine = await bindings.SchemaEngine.new(
      { datamodels: schemaFiles.map((file): [string, string] => [file.path, file.content]) },
      (message: unknown) => log(String(message)),
      bindMigrationAwareSqlAdapterFactory(adapters),
    );
    try {
      return await fn(engine);
    } finally {
      engine.free();
    }
  } catch (error) {
    throw engineError(error);
  } finally {
    if (--wasmState.running === 0) clearLeftoverTimers();
    await adapters.disposeAll();
  }
}

// Engine errors arrive as plain objects or wasm-bindgen errors; keep the readable part.
function engineError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error !== null) {
    const { message, error: inner } = error as { message?: unknown; error?: unknown };
    if (typeof message === 'string') return new Error(message);
    if (typeof inner === 'string') return new Error(inner);
    return new Error(JSON.stringify(error));
  }
  return new Error(String(error));
}
