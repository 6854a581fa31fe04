/** ¥1,500 — offer values are whole yuan. */
export function formatYuan(value: number): string {
  return `¥${value.toLocaleString('en-US')}`;
}
