import { SHANGHAI_OFFSET_MS } from '../../domain/time/shanghai';

// One way to write days and times on every screen, in both languages: 2020-02-05, 2020-02-05 14:30,
// 14:30 (ISO order, 24-hour clock). Times are in Asia/Shanghai whatever the browser's zone (DESIGN
// rule 7); Asia/Shanghai keeps UTC+8 all year, so a fixed offset is exact.

/** 'YYYY-MM-DDTHH:MM:SS' of an instant in Asia/Shanghai, or undefined when it is no instant. */
function shanghaiIso(at: string | number | Date): string | undefined {
  const t = new Date(at).getTime();
  if (Number.isNaN(t)) return undefined;
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19);
}

/** 2020-02-05 14:30 (with seconds: 2020-02-05 14:30:05); what is no instant is shown as given. */
export function formatDateTime(at: string | number | Date, opts: { seconds?: boolean } = {}): string {
  const iso = shanghaiIso(at);
  if (!iso) return String(at);
  return `${iso.slice(0, 10)} ${iso.slice(11, opts.seconds ? 19 : 16)}`;
}

/** 2020-02-05 */
export function formatDay(at: string | number | Date): string {
  return shanghaiIso(at)?.slice(0, 10) ?? String(at);
}

/** 14:30 */
export function formatClock(at: string | number | Date): string {
  return shanghaiIso(at)?.slice(11, 16) ?? String(at);
}
