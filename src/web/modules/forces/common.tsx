import { useQueryClient } from '@tanstack/react-query';
import { Space, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { forcesKeys, type Person, type Skill } from '../../http/forces';
import { useServerEvents } from '../../shell/useServerEvents';
import { useWrite, type WriteOptions } from '../../shell/useWrite';

/** 干部 / 党员 / 志愿者 as coloured tags. */
export function StandingTags({
  person,
}: {
  person: Pick<Person, 'isCadre' | 'isPartyMember' | 'isVolunteer'>;
}) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      {person.isCadre && <Tag color="blue">{t('forces.standing.cadre')}</Tag>}
      {person.isPartyMember && <Tag color="red">{t('forces.standing.party_member')}</Tag>}
      {person.isVolunteer && <Tag color="green">{t('forces.standing.volunteer')}</Tag>}
    </Space>
  );
}

export function SkillTags({ skills }: { skills: readonly Skill[] }) {
  const { t } = useTranslation();
  if (skills.length === 0) return <span style={{ color: '#999' }}>—</span>;
  return (
    <Space size={2} wrap>
      {skills.map((s) => (
        <Tag key={s} bordered={false}>
          {t(`forces.skill.${s}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** A write: refresh what the forces screens show; the server's message on failure (unless silent). */
export function useForcesMutation<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  onDone?: (result: TResult, vars: TVars) => void,
  opts?: WriteOptions,
) {
  return useWrite(forcesKeys.all, fn, onDone, opts);
}

const TYPES = ['forces.changed'] as const;

/** When the server says the forces changed somewhere in scope, refresh (once per burst). */
export function useForcesLive(delayMs = 1500): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useServerEvents(TYPES, () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void queryClient.invalidateQueries({ queryKey: forcesKeys.all });
    }, delayMs);
  });
}

/** Fills the fields named in a server error (path 'phone', 'rows.3.phone' → 'phone'); whether any matched. */
export function fieldsOf(err: unknown, names: readonly string[]): { name: string; errors: string[] }[] {
  const fields = (err as { fields?: { path: string; message: string }[] })?.fields ?? [];
  const out = new Map<string, string[]>();
  for (const f of fields) {
    const name = f.path.split('.')[0];
    if (names.includes(name)) out.set(name, [...(out.get(name) ?? []), f.message]);
  }
  return [...out].map(([name, errors]) => ({ name, errors }));
}
