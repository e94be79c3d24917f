// Date and time formatting for tables and timelines, in the viewer's locale and time zone (the API
// sends ISO strings or epoch milliseconds).

const MISSING = '—';

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function toDate(value: string | number | null): Date | null {
  if (value === null) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(value: string | number | null): string {
  const date = toDate(value);
  return date === null ? MISSING : dateFormat.format(date);
}

export function formatDateTime(value: string | number | null): string {
  const date = toDate(value);
  return date === null ? MISSING : dateTimeFormat.format(date);
}

export function formatTime(value: string | number | null): string {
  const date = toDate(value);
  return date === null ? MISSING : timeFormat.format(date);
}
