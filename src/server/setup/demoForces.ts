import type { Duty } from '../../domain/forces/duties';
import type { GroupRole } from '../../domain/forces/groupKinds';
import type { PersonInput } from '../../domain/forces/person';
import type { Availability } from '../../domain/forces/schedule';
import { generateIdNumber } from '../../domain/validators/idNumber';
import { addMember, createGroup } from '../modules/forces/groups';
import { addRecord, addTraining, createPerson, linkUser } from '../modules/forces/people';
import { assignResponsibility } from '../modules/forces/responsibility';
import { listChildren, listFacilities } from '../modules/org/service';
import type { Actor } from '../platform/access';
import type { Services } from '../platform/services';

// The demo city's forces, as the reports describe them: cadres sent down from 省民航局 and 金水区税务局 to
// 省民航社区, party members reporting to their residential community (双报到), volunteers with skills; at 长兴路
// police, health and transport staff with sent-down cadres for the checkpoints (enough for a roster of
// three shifts); a temporary party branch at 长兴路防疫服务站 with its secretary and members, a commando
// team under it, a persuasion team, a pioneer post; and 包保 for most grids and buildings of 省民航社区,
// leaving some nobody answers for so that the flag shows. Made through the service functions.

const SHENGMINHANG = '410105002008';
const HUAIHE = '410103001001';
const CHANGXINGLU = '410108004';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '丽娟',
  '海涛',
  '晓燕',
  '国华',
  '文静',
  '红梅',
  '永刚',
  '玉兰',
  '振华',
  '俊杰',
  '雪梅',
  '立新',
  '淑珍',
  '明辉',
  '婷婷',
  '卫东',
  '桂芳',
  '晨阳',
  '佳琪',
  '德胜',
  '素梅',
  '鹏飞',
  '亚楠',
  '军',
  '敏',
  '磊',
  '静',
  '浩然',
  '欣怡',
  '宏伟',
  '春燕',
  '子豪',
  '梦瑶',
];

interface Spec {
  unitCode: string;
  standing: Array<'cadre' | 'party' | 'volunteer'>;
  homeWorkUnit?: string;
  sentDownOn?: string;
  partyBranch?: string;
  reportedOn?: string;
  skills?: string[];
  availability?: Availability;
  notes?: string;
}

function specs(): Spec[] {
  const out: Spec[] = [];
  const add = (n: number, s: Spec | ((i: number) => Spec)) => {
    for (let i = 0; i < n; i++) out.push(typeof s === 'function' ? s(i) : s);
  };
  // 省民航社区: cadres sent down (下沉), party members reporting (双报到), volunteers
  add(5, (i) => ({
    unitCode: SHENGMINHANG,
    standing: ['cadre', 'party'],
    homeWorkUnit: '河南省民航发展局',
    sentDownOn: `2020-01-2${7 + (i % 3)}`,
    partyBranch: '省民航局机关第二党支部',
    skills: [['registration'], ['publicity'], ['driving'], ['logistics'], ['registration', 'publicity']][i],
  }));
  add(4, (i) => ({
    unitCode: SHENGMINHANG,
    standing: i < 3 ? ['cadre', 'party'] : ['cadre'],
    homeWorkUnit: '金水区税务局',
    sentDownOn: '2020-01-28',
    partyBranch: i < 3 ? '金水区税务局机关党支部' : undefined,
    skills: [['registration'], ['logistics'], ['publicity'], ['driving']][i],
  }));
  add(11, (i) => ({
    unitCode: SHENGMINHANG,
    standing: i % 4 === 0 ? ['party', 'volunteer'] : ['party'],
    partyBranch: [
      '河南省机场集团第一党支部',
      '郑州大学第一附属医院党委',
      '金水区教体局党支部',
      '省交通运输厅机关党委',
    ][i % 4],
    reportedOn: `2020-01-${String(25 + (i % 6)).padStart(2, '0')}`,
    skills: i % 4 === 1 ? ['medical'] : i % 4 === 3 ? ['transport'] : ['publicity'],
  }));
  add(10, (i) => ({
    unitCode: SHENGMINHANG,
    standing: ['volunteer'],
    skills: [['medical'], ['driving'], ['disinfection'], ['publicity'], ['logistics'], ['psychology']][i % 6],
    availability: i % 2 ? { parts: ['day'] } : { weekdays: [1, 2, 3, 4, 5] },
  }));
  // 淮河社区
  add(8, (i) => ({
    unitCode: HUAIHE,
    standing: i < 3 ? ['cadre', 'party'] : i < 5 ? ['party'] : ['volunteer'],
    homeWorkUnit: i < 3 ? '二七区城管局' : undefined,
    sentDownOn: i < 3 ? '2020-01-29' : undefined,
    partyBranch: i < 5 ? '二七区城管局党支部' : undefined,
    reportedOn: i >= 3 && i < 5 ? '2020-01-30' : undefined,
    skills: [
      ['registration'],
      ['disinfection'],
      ['driving'],
      ['publicity'],
      ['medical'],
      ['logistics'],
      ['disinfection'],
      ['publicity'],
    ][i],
  }));
  // 长兴路街道: checkpoint staff — police, health, transport, sent-down cadres (惠济区 half its cadres)
  add(5, () => ({
    unitCode: CHANGXINGLU,
    standing: ['party'],
    homeWorkUnit: '惠济区公安分局长兴路派出所',
    skills: ['police'],
  }));
  add(5, (i) => ({
    unitCode: CHANGXINGLU,
    standing: i < 2 ? ['party'] : ['volunteer'],
    homeWorkUnit: '惠济区人民医院',
    skills: ['medical'],
  }));
  add(4, () => ({
    unitCode: CHANGXINGLU,
    standing: ['cadre'],
    homeWorkUnit: '惠济区交通运输局',
    sentDownOn: '2020-01-26',
    skills: ['transport', 'registration'],
  }));
  add(6, (i) => ({
    unitCode: CHANGXINGLU,
    standing: ['cadre', 'party'],
    homeWorkUnit: ['惠济区纪委监委', '惠济区市场监管局', '长兴路街道办事处'][i % 3],
    sentDownOn: '2020-01-26',
    partyBranch: `${['惠济区纪委监委', '惠济区市场监管局', '长兴路街道'][i % 3]}机关党支部`,
    skills: [['registration'], ['disinfection'], ['publicity']][i % 3],
  }));
  add(2, () => ({ unitCode: CHANGXINGLU, standing: ['volunteer'], skills: ['disinfection', 'driving'] }));
  return out;
}

function phoneOf(i: number) {
  return `13${String(7 + (i % 3))}${String(37_100_000 + i * 7919).slice(-8)}`;
}

const REGIONS: Record<string, string> = {
  [SHENGMINHANG]: '410105',
  [HUAIHE]: '410103',
  [CHANGXINGLU]: '410108',
};

export async function seedDemoForces(services: Services, actor: Actor): Promise<{ people: number }> {
  const already = await services.db.selectFrom('people').select('id').limit(1).executeTakeFirst();
  if (already) return { people: 0 };
  const people: { id: string; spec: Spec; name: string }[] = [];
  const all = specs();
  for (const [i, spec] of all.entries()) {
    const name = `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 5 + Math.floor(i / 7)) % GIVEN.length]}`;
    const year = 1962 + ((i * 13) % 38);
    const input: PersonInput = {
      unitCode: spec.unitCode,
      name,
      phone: phoneOf(i),
      idNumber: generateIdNumber({
        regionCode: REGIONS[spec.unitCode],
        birthDate: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 3) % 28)).padStart(2, '0')}`,
        sequence: 500 + i,
      }),
      isCadre: spec.standing.includes('cadre'),
      isPartyMember: spec.standing.includes('party'),
      isVolunteer: spec.standing.includes('volunteer'),
      homeWorkUnit: spec.homeWorkUnit,
      sentDownOn: spec.sentDownOn,
      partyBranch: spec.partyBranch,
      reportedOn: spec.reportedOn,
      skills: spec.skills,
      availability: spec.availability,
    };
    const p = await createPerson(services, actor, input);
    people.push({ id: p.id, spec, name });
  }
  const at = (code: string) => people.filter((p) => p.spec.unitCode === code);
  const smh = at(SHENGMINHANG);
  const cxl = at(CHANGXINGLU);

  // logins: the volunteer and the checkpoint user of the demo see their own shifts
  const users = await services.db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['smh_zhiyuanzhe', 'changxinglu_kadian', 'smh_louzhang'])
    .execute();
  const userId = (name: string) => users.find((u) => u.username === name)?.id;
  const volunteer = smh.find((p) => p.spec.standing.join() === 'volunteer');
  const checkpoint = cxl.find((p) => p.spec.skills?.includes('registration'));
  if (volunteer && userId('smh_zhiyuanzhe'))
    await linkUser(services, actor, volunteer.id, userId('smh_zhiyuanzhe') as string);
  if (checkpoint && userId('changxinglu_kadian'))
    await linkUser(services, actor, checkpoint.id, userId('changxinglu_kadian') as string);

  // on-site training before duty, for everybody at the checkpoints
  for (const p of cxl)
    await addTraining(services, actor, p.id, {
      training: '卡点上岗培训（七步工作法）',
      passedOn: '2020-01-26',
    });

  // organisation
  const facilities = [
    ...(await listFacilities(services.db, actor.scope, CHANGXINGLU)).items,
    ...(await listFacilities(services.db, actor.scope, '410108')).items,
    ...(await listFacilities(services.db, actor.scope, SHENGMINHANG)).items,
  ];
  const facility = (name: string) => facilities.find((f) => f.name === name)?.id;
  const members = async (groupId: string, list: { id: string }[], role: GroupRole = 'member') => {
    for (const p of list)
      await addMember(services, actor, groupId, { personId: p.id, role, joinedOn: '2020-01-27' });
  };
  const party = (list: typeof people) => list.filter((p) => p.spec.standing.includes('party'));
  const station = facility('长兴路防疫服务站');
  if (station) {
    const branch = await createGroup(services, actor, {
      facilityId: station,
      kind: 'temporary_branch',
      name: '长兴路防疫服务站临时党支部',
      setUpOn: '2020-01-26',
      notes: '三班倒，24 小时在岗',
    });
    const cadres = cxl.filter((p) => p.spec.standing.includes('cadre') && p.spec.standing.includes('party'));
    await members(branch.id, cadres.slice(0, 1), 'secretary');
    await members(branch.id, cadres.slice(1, 2), 'deputy');
    await members(branch.id, [...cadres.slice(2), ...party(cxl).filter((p) => !cadres.includes(p))]);
    const commando = await createGroup(services, actor, {
      unitCode: CHANGXINGLU,
      parentId: branch.id,
      kind: 'commando_team',
      name: '长兴路街道党员突击队',
      setUpOn: '2020-01-27',
    });
    const police = cxl.filter((p) => p.spec.skills?.includes('police'));
    await members(commando.id, police.slice(0, 1), 'leader');
    await members(commando.id, police.slice(1));
    const squad = await createGroup(services, actor, {
      unitCode: CHANGXINGLU,
      parentId: branch.id,
      kind: 'disinfection_squad',
      name: '长兴路消杀队',
      setUpOn: '2020-01-28',
    });
    await members(
      squad.id,
      cxl.filter((p) => p.spec.skills?.includes('disinfection')),
    );
  }
  const highway = facility('连霍高速惠济站卡点');
  if (highway) {
    const branch = await createGroup(services, actor, {
      facilityId: highway,
      kind: 'temporary_branch',
      name: '连霍高速惠济站卡点临时党支部',
      setUpOn: '2020-01-30',
    });
    const police = cxl.filter((p) => p.spec.skills?.includes('police'));
    await members(branch.id, police.slice(-1), 'secretary');
  }
  const smhCommando = await createGroup(services, actor, {
    unitCode: SHENGMINHANG,
    kind: 'commando_team',
    name: '省民航社区党员突击队',
    setUpOn: '2020-01-27',
  });
  const smhParty = party(smh);
  await members(smhCommando.id, smhParty.slice(0, 1), 'leader');
  await members(smhCommando.id, smhParty.slice(1, 8));
  const persuasion = await createGroup(services, actor, {
    unitCode: SHENGMINHANG,
    kind: 'persuasion_team',
    name: '省民航社区劝导队',
    setUpOn: '2020-01-28',
    notes: '劝导居民不聚集、不串门，出门戴口罩',
  });
  const smhVolunteers = smh.filter((p) => p.spec.standing.includes('volunteer'));
  await members(persuasion.id, smhVolunteers.slice(0, 1), 'leader');
  await members(persuasion.id, smhVolunteers.slice(1, 6));
  const testing = facility('省民航社区核酸采样点');
  const post = await createGroup(services, actor, {
    ...(testing ? { facilityId: testing } : { unitCode: SHENGMINHANG }),
    kind: 'pioneer_post',
    name: '核酸采样点党员先锋岗',
    setUpOn: '2020-01-29',
  });
  await members(post.id, smhParty.slice(8, 9), 'leader');
  await members(post.id, smhParty.slice(9, 11));
  const huaihe = await createGroup(services, actor, {
    unitCode: HUAIHE,
    kind: 'volunteer_team',
    name: '淮河社区志愿服务队',
    setUpOn: '2020-01-29',
  });
  await members(huaihe.id, at(HUAIHE).slice(5));

  // 入党申请书 handed in at the front line, and a commendation
  for (const p of cxl.filter((x) => !x.spec.standing.includes('party')).slice(0, 3))
    await addRecord(services, actor, p.id, {
      kind: 'party_application',
      onDate: '2020-02-02',
      title: '在卡点递交入党申请书',
    });
  if (smhVolunteers[0])
    await addRecord(services, actor, smhVolunteers[0].id, {
      kind: 'commendation',
      onDate: '2020-02-03',
      title: '社区防控优秀志愿者',
    });

  // 包保: a street leader for the community, the two committees for grids 1–3, building leaders for most
  // buildings of grids 1–3, grid leaders for their courtyards (the last building of each courtyard and all of
  // grid 4 left for the flag)
  const assign = (unitCode: string, personId: string, duty: Duty) =>
    assignResponsibility(services, actor, { unitCode, personId, duty, since: '2020-01-27' });
  const cadres = smh.filter((p) => p.spec.standing.includes('cadre'));
  await assign(SHENGMINHANG, cadres[0].id, 'street_leader');
  const grids = (await listChildren(services.db, actor.scope, SHENGMINHANG, undefined, 50)).items.filter(
    (u) => u.kind === 'grid',
  );
  const leaders = [...smhParty.slice(1), ...smhVolunteers];
  let n = 0;
  const louzhang = userId('smh_louzhang');
  for (const [g, grid] of grids.slice(0, 3).entries()) {
    await assign(grid.code, cadres[(g + 1) % cadres.length].id, 'committee_member');
    const yards = (await listChildren(services.db, actor.scope, grid.code, undefined, 50)).items;
    for (const [y, yard] of yards.entries()) {
      await assign(yard.code, smhParty[(g * 3 + y) % smhParty.length].id, 'grid_leader');
      const buildings = (await listChildren(services.db, actor.scope, yard.code, undefined, 50)).items;
      for (const b of buildings.slice(0, -1)) {
        const leader = leaders[Math.floor(n++ / 3) % leaders.length];
        await assign(b.code, leader.id, 'building_leader');
        if (n === 1 && louzhang) await linkUser(services, actor, leader.id, louzhang);
      }
    }
  }
  return { people: people.length };
}
