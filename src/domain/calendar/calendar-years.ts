// A calendar year as a DATE range for queries.
import { toDbDate } from '../local-time.ts';

export function yearBounds(year: number): { gte: Date; lt: Date } {
  return { gte: toDbDate(`${year}-01-01`), lt: toDbDate(`${year + 1}-01-01`) };
}
