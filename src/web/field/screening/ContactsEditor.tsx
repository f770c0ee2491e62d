import { Button, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { CONTACT_KIND_LABELS, CONTACT_KINDS, type ContactKind } from '../../../domain/ledger/colours';
import { useLanguage } from '../../i18n/useLanguage';
import { ProblemText } from './TravelEditor';
import { type ContactDraft, type DraftProblem, newContactDraft } from './visitDraft';

/** "跟谁接触过": contacts with confirmed or suspected cases, asymptomatic infections, key persons. */
export function ContactsEditor({
  prefix,
  value,
  min,
  max,
  problems,
  onChange,
}: {
  prefix: string;
  value: ContactDraft[];
  min: string;
  max: string;
  /** this resident's problems with their contacts, shown once a send was tried */
  problems: readonly DraftProblem[];
  onChange: (v: ContactDraft[]) => void;
}) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const set = (i: number, patch: Partial<ContactDraft>) =>
    onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <div>
      {value.map((c, i) => (
        <div
          key={c.id}
          data-testid={`${prefix}-${i}`}
          style={{
            border: '1px solid #f0f0f0',
            borderRadius: 8,
            padding: 8,
            marginBottom: 8,
            background: '#fafafa',
          }}
        >
          <Selector<ContactKind>
            columns={2}
            showCheckMark={false}
            value={c.kind ? [c.kind] : []}
            onChange={(v) => v[0] && set(i, { kind: v[0] })}
            options={CONTACT_KINDS.map((k) => ({
              value: k,
              label: <span data-testid={`${prefix}-${i}-kind-${k}`}>{CONTACT_KIND_LABELS[k][lang]}</span>,
            }))}
          />
          <ProblemText
            problem={problems.find((p) => p.index === i && p.field === 'kind')}
            testId={`${prefix}-${i}-problem-kind`}
          />
          <label style={{ fontSize: 13, color: '#666', display: 'block', marginTop: 8 }}>
            {t('fieldScreening.contactDate')}
            <input
              type="date"
              min={min}
              max={max}
              value={c.date}
              onChange={(e) => set(i, { date: e.target.value })}
              data-testid={`${prefix}-${i}-date`}
              style={{
                fontSize: 16,
                padding: '8px 6px',
                border: '1px solid #d9d9d9',
                borderRadius: 6,
                width: '100%',
                boxSizing: 'border-box',
              }}
            />
          </label>
          <ProblemText
            problem={problems.find((p) => p.index === i && p.field === 'date')}
            testId={`${prefix}-${i}-problem-date`}
          />
          <Button
            size="mini"
            fill="none"
            color="danger"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            data-testid={`${prefix}-${i}-remove`}
          >
            {t('fieldScreening.remove')}
          </Button>
        </div>
      ))}
      <Button
        size="small"
        color="primary"
        fill="outline"
        onClick={() => onChange([...value, newContactDraft(Date.now() + value.length)])}
        data-testid={`${prefix}-add`}
      >
        + {t('fieldScreening.addContact')}
      </Button>
    </div>
  );
}
