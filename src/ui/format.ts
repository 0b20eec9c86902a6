/** Display helpers shared by views. Times are virtual (the world's clock), shown in UTC like the AWS console's ISO view. */
export function formatInstant(instant: number | undefined): string {
  if (instant === undefined) return '—';
  return new Date(instant).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

export function formatDay(instant: number | undefined): string {
  if (instant === undefined) return '—';
  return new Date(instant).toISOString().slice(0, 10);
}

export function errorText(error: { code: string; message: string }): string {
  return error.message ? `${error.code}: ${error.message}` : error.code;
}
