import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { MAX_VEHICLE_PEOPLE } from '../../../domain/checkpoints/passage';
import { PersonCard } from './PersonCard';
import { newPerson, type PassageDraft, type Problem } from './passageDraft';

/**
 * Everyone in the vehicle (or the one on foot), one card each, and "+ a passenger" that copies the
 * first person's travel (where from, the stay), so a family is added in two taps. Shared by the staff's
 * checkpoint page and the traveller's self-registration page.
 */
export function PeopleEditor({
  draft,
  set,
  problems,
  windowDays,
  min,
  max,
  threshold,
  publicPage = false,
}: {
  draft: PassageDraft;
  set: (patch: Partial<PassageDraft>) => void;
  problems: Problem[];
  windowDays: number;
  min: string;
  max: string;
  threshold?: number;
  publicPage?: boolean;
}) {
  const { t } = useTranslation();
  const nextId = Math.max(0, ...draft.people.map((p) => p.id)) + 1;
  return (
    <>
      {draft.people.map((p, i) => (
        <PersonCard
          key={p.id}
          index={i}
          person={p}
          publicPage={publicPage}
          onChange={(np) => set({ people: draft.people.map((x, j) => (j === i ? np : x)) })}
          onRemove={
            draft.people.length > 1
              ? () => set({ people: draft.people.filter((_, j) => j !== i) })
              : undefined
          }
          problems={problems}
          windowDays={windowDays}
          min={min}
          max={max}
          threshold={threshold}
        />
      ))}
      <div style={{ padding: '0 12px' }}>
        <Button
          block
          size="large"
          color="primary"
          fill="outline"
          disabled={draft.onFoot || draft.people.length >= MAX_VEHICLE_PEOPLE}
          onClick={() => set({ people: [...draft.people, newPerson(nextId, draft.people[0])] })}
          data-testid="person-add"
        >
          + {t('checkpoints.field.addPassenger')}
        </Button>
      </div>
    </>
  );
}
