/**
 * How long the first in line has waited, as a clock that ticks every second: "4:05" (minutes and seconds)
 * under an hour, "1:02:09" past it, "2d 3:00:00" past a day. Digits read the same in Chinese and English;
 * the column heading says what it counts. A time in the future (clocks a little apart) reads 0:00.
 */
export function waitingFor(since: string, now: number): string {
  const total = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  const clock = days > 0 || hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}
