// Times as snap prints them: relative to today ("today at 15:04 UTC",
// "yesterday at …", "3 days ago, at …") within sixty days, a date beyond;
// or RFC 3339 with --abs-time.

const pad = (n: number) => String(n).padStart(2, "0");

function zoneName(t: Date): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(t).find((p) => p.type === "timeZoneName");
  return part?.value ?? "UTC";
}

/** Whole calendar days from now's day to then's day, in local time (negative in the past). */
function dayDelta(then: Date, now: Date): number {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
  return day(then) - day(now);
}

export function humanTime(then: Date, now: Date = new Date()): string {
  const d = dayDelta(then, now);
  const clock = `${pad(then.getHours())}:${pad(then.getMinutes())} ${zoneName(then)}`;
  if (d < -60 || d > 60) return `${then.getFullYear()}-${pad(then.getMonth() + 1)}-${pad(then.getDate())}`;
  if (d < -1) return `${-d} days ago, at ${clock}`;
  if (d === -1) return `yesterday at ${clock}`;
  if (d === 0) return `today at ${clock}`;
  if (d === 1) return `tomorrow at ${clock}`;
  return `in ${d} days, at ${clock}`;
}

/** RFC 3339 in local time, seconds precision, "Z" for UTC, as Go formats it. */
export function absTime(t: Date): string {
  const off = -t.getTimezoneOffset();
  const zone = off === 0 ? "Z" : `${off > 0 ? "+" : "-"}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}${zone}`;
}

export const timeFormatter = (abs: boolean, now: Date = new Date()) => (iso: string | undefined): string => (iso === undefined ? "-" : abs ? absTime(new Date(iso)) : humanTime(new Date(iso), now));
