// A time written as toISOString writes it (`2026-11-23T14:02:10.000Z`, milliseconds optional)
// that names a real calendar day and time of day: such text can be used as it is, without a Date
// round trip. Date.parse would roll 02-30 over into March and read 24:00 as the next day, so those
// are not canonical and take the Date path wherever this is asked.
const isoUtc =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/;
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for `YYYY-MM-DDTHH:MM:SS(.mmm)Z` on a day that exists (29 February only in a leap year). */
export function isCalendarUtcTime(text: string): boolean {
  if (!isoUtc.test(text)) return false;
  // Days 29 to 31 exist in some months only.
  if (text.charCodeAt(8) !== 0x33 && !text.startsWith('29', 8)) return true;
  const [year, month, day] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (daysInMonth[month - 1] ?? 0));
}
