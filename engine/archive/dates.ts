// Date checks for the archive's sources: article dates are days (yyyy-mm-dd), catalog "asOf" may be a month.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A real calendar day written yyyy-mm-dd. */
export function isIsoDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** yyyy-mm or a real yyyy-mm-dd. */
export function isIsoMonthOrDay(value: string): boolean {
  const m = MONTH.exec(value);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12;
  return isIsoDay(value);
}
