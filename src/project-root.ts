// The folder holding package.json and prisma/ (migrations, demo CSVs), found the same way
// whether this file runs as TypeScript from src/ (tests, tsx) or compiled from dist/src/
// (npm start): the nearest folder above it with a package.json.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`No package.json in ${from} or above it`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
