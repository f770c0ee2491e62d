import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { addDays, mondayOf } from '../../domain/forces/duty';
import type { ShiftNeed, ShiftPattern } from '../../domain/forces/schedule';
import { CHECKPOINT_NEEDS, PATTERN_PRESETS } from '../../domain/forces/shiftPatterns';
import {
  createCallup,
  decideSignup,
  publicSignup,
  trainSignup,
  updateSignupKit,
} from '../modules/forces/duty/callups';
import { putPattern } from '../modules/forces/duty/patterns';
import { autoScheduleRange, generateShifts, publishRange } from '../modules/forces/duty/roster';
import type { Actor } from '../platform/access';
import { platformNow, platformToday } from '../platform/clock';
import type { Services } from '../platform/services';

// The demo city's call-up, shift patterns and a published roster for the demo's week: the report's
// call-up scaled down ("six per station, two shifts 8:00–18:00") at 长兴路街道, 三班倒 with police, medical,
// transport and a sent-down cadre on every shift at 长兴路防疫服务站 and 连霍高速惠济站卡点, and the testing
// site of 省民航社区 staffed by its volunteers, so that /rosters and /field/shifts have something to show.

const CHANGXINGLU = '410108004';

const VOLUNTEERS: Array<[string, string, string[]]> = [
  ['王志强', '13703710001', ['registration']],
  ['李秀兰', '13703710002', ['medical']],
  ['张建军', '13703710003', ['driving', 'logistics']],
  ['刘洋', '13703710004', ['publicity']],
  ['陈静', '13703710005', ['registration']],
  ['杨帆', '13703710006', ['disinfection']],
  ['赵磊', '13703710007', []],
  ['黄丽', '13703710008', ['psychology']],
];

async function facilityId(services: Services, name: string): Promise<string | undefined> {
  return (await services.db.selectFrom('facilities').select('id').where('name', '=', name).executeTakeFirst())
    ?.id;
}

const threeShifts = (extra: ShiftNeed[] = [], dayExtra: ShiftNeed[] = []): ShiftPattern => ({
  name: '三班倒',
  shifts: PATTERN_PRESETS.three_shifts.shifts.map((s) => ({
    ...s,
    needs: [...CHECKPOINT_NEEDS.map((n) => ({ ...n })), ...extra, ...(s.label === '白班' ? dayExtra : [])],
  })),
});

export async function seedDemoDuty(services: Services, actor: Actor): Promise<{ shifts: number }> {
  const today = platformToday(services.config);
  const station = await facilityId(services, '长兴路防疫服务站');
  const highway = await facilityId(services, '连霍高速惠济站卡点');
  const testing = await facilityId(services, '省民航社区核酸采样点');
  if (!station || !highway) return { shifts: 0 };

  // 三班倒 at the two checkpoints; the service station also takes two volunteers on the day shift
  await putPattern(services, actor, station, threeShifts([], [{ qualification: null, count: 2 }]));
  await putPattern(services, actor, highway, threeShifts());
  if (testing) {
    await putPattern(services, actor, testing, {
      name: '两班',
      shifts: PATTERN_PRESETS.two_day.shifts.map((s) => ({
        ...s,
        needs: [{ qualification: null, count: 2 }],
      })),
    });
  }

  // the call-up of the report, scaled to the demo: six places, two shifts from 8:00 to 18:00
  const callup = await createCallup(services, actor, {
    unitCode: CHANGXINGLU,
    title: '长兴路街道招募志愿者：防疫服务站，每站6人，两班 8:00–18:00',
    description:
      '协助公安、卫健、交通等部门开展信息查询登记、体温检测等工作。志愿者培训由防疫服务站现场教授，培训合格后上岗；上岗志愿者配发志愿者标志和必要防护用品，站点提供伙食。',
    requirements: { minAge: 18, maxAge: 60, notes: '身体健康，近14天无疫区旅居史' },
    startsOn: addDays(today, -3),
    pattern: {
      name: '两班',
      shifts: PATTERN_PRESETS.two_day.shifts.map((s) => ({
        ...s,
        needs: [{ qualification: null, count: 3 }],
      })),
    },
    places: [{ facilityId: station, needed: 6 }],
  });
  const signups: string[] = [];
  for (const [name, phone, skills] of VOLUNTEERS) {
    try {
      const s = await publicSignup(
        services,
        'zh-CN',
        callup.token,
        { clientId: randomUUID(), name, phone, skills: skills as never, facilityId: station },
        today,
        'seeded',
      );
      signups.push(s.id);
    } catch {
      break; // the call-up is full: the last ones were turned away, as the report's were
    }
  }
  for (const [i, id] of signups.entries()) {
    await decideSignup(services, actor, id, { decision: i < 5 ? 'approved' : 'rejected' });
    if (i < 4) {
      await trainSignup(services, actor, id, { day: addDays(today, -2) });
      await updateSignupKit(services, actor, id, {
        badgeNo: `CXL-${String(i + 1).padStart(3, '0')}`,
        gearIssued: true,
        meals: true,
      });
    }
  }

  // this week's roster, generated, filled and published
  const from = mondayOf(today);
  const to = addDays(from, 6);
  const facilityIds = [station, highway, ...(testing ? [testing] : [])];
  const made = await generateShifts(services, actor, { facilityIds, from, to });
  // the whole week, the days gone by included: the demo's history of the week
  await autoScheduleRange(services, actor, { facilityIds, from, to });
  await publishRange(services, actor, { facilityIds, from, to });
  // what happened on the shifts already over: nearly everyone came (a few minutes early or late) and
  // stayed to the end; every twentieth did not come, and stands as a missed shift on the office's list
  const now = platformNow(services.config);
  await sql`
    WITH done AS (
      UPDATE duty_assignments a
      SET checked_in_at = s.starts_at + make_interval(mins => (a.id % 25)::int - 10),
          checked_out_at = s.ends_at + make_interval(mins => (a.id % 7)::int)
      FROM duty_shifts s
      WHERE s.id = a.shift_id AND s.facility_id = ANY(${facilityIds}::bigint[]) AND s.ends_at <= ${now}
        AND a.id % 20 <> 0
      RETURNING a.id, a.shift_id, a.unit_path, a.person_id, a.checked_in_at, a.checked_out_at)
    INSERT INTO duty_events (assignment_id, shift_id, unit_path, kind, person_id, at, detail)
    SELECT id, shift_id, unit_path, k.kind, person_id, k.at, '{"demo": true}'::jsonb
    FROM done CROSS JOIN LATERAL (VALUES ('checked_in', checked_in_at), ('checked_out', checked_out_at)) k(kind, at)`.execute(
    services.db,
  );
  return { shifts: made.shifts };
}
