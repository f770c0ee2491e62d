import * as gates from '../modules/gates/service';
import type { Actor } from '../platform/access';
import type { Services } from '../platform/services';

// The demo city's courtyard gate (issue 13): a gate at 省民航社区's 1区1号院, the deployment's rule (one
// person per household every two days), a pass for every household, a work certificate, and a morning's
// scans: a few residents out (so that "who is still out" has someone to show), one refused.

const COURTYARD_NAME = '1区1号院';
const COMMUNITY = '410105002008'; // 省民航社区

export async function seedDemoGates(
  services: Services,
  actor: Actor,
): Promise<{ gateId: string } | undefined> {
  const courtyard = await services.db
    .selectFrom('units')
    .select(['code'])
    .where('kind', '=', 'courtyard')
    .where('name', '=', COURTYARD_NAME)
    .where('code', 'like', `${COMMUNITY}%`)
    .orderBy('code')
    .executeTakeFirst();
  if (!courtyard) return undefined;
  const gate = await gates.createGate(services, actor, {
    unitCode: courtyard.code,
    name: '1号院东门',
    personsPerHousehold: 1,
    everyDays: 2,
  });
  await gates.issuePasses(services, actor, gate.id);
  const { items } = await gates.listPasses(services, actor.scope, gate.id, undefined);
  let n = 0;
  for (const pass of items.slice(0, 8)) {
    const h = await gates.householdAtGate(
      services,
      actor.scope,
      gate.id,
      { token: pass.token },
      actor.locale,
    );
    const [first, second] = h.residents;
    if (!first) continue;
    n++;
    if (n === 1 && second) {
      await gates.addExemption(services, actor, gate.id, {
        residentKey: second.key,
        kind: 'work_certificate',
        note: '复工证',
      });
    }
    await gates.scan(services, actor, gate.id, {
      clientId: crypto.randomUUID(),
      token: pass.token,
      residentKey: first.key,
      direction: 'out',
    });
    if (n % 3 === 0)
      await gates.scan(services, actor, gate.id, {
        clientId: crypto.randomUUID(),
        token: pass.token,
        residentKey: first.key,
        direction: 'in',
      });
    if (n === 2 && second)
      await gates
        .scan(services, actor, gate.id, {
          clientId: crypto.randomUUID(),
          token: pass.token,
          residentKey: second.key,
          direction: 'out',
        })
        .catch(() => undefined); // refused: the household's pass is used for the day
  }
  return { gateId: gate.id };
}
