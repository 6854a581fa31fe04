// What every domain function gets: the database (or a transaction) and the clock.
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';

export type Deps = { db: Db; clock: Clock };
