import { Button, Input } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitSearch } from '../../http/org';
import { trailText } from '../../http/types';
import { FieldInput } from '../FieldInput';
import { TravelEditor } from '../screening/TravelEditor';
import { CodeColourPicker } from './CodeColourPicker';
import { type Destination, recentDestinations } from './memory';
import { isFever, type PersonDraft, type Problem } from './passageDraft';

const label: React.CSSProperties = { fontSize: 13, color: '#666', margin: '10px 0 4px' };
const big: React.CSSProperties = { '--font-size': '18px' } as React.CSSProperties;
const box: React.CSSProperties = {
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  padding: '6px 8px',
  background: '#fff',
};

/** A destination in the tree: the ones used lately on this phone first, or found by name. */
function DestinationPicker({
  value,
  onChange,
  testId,
}: {
  value: Destination | null;
  onChange: (d: Destination | null) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const hits = useUnitSearch(q, 8);
  const recent = recentDestinations();
  if (value)
    return (
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <span style={{ fontSize: 17, fontWeight: 600 }} data-testid={`${testId}-chosen`}>
          {value.name}
        </span>
        <Button size="mini" fill="none" color="primary" onClick={() => onChange(null)}>
          {t('checkpoints.field.change')}
        </Button>
      </div>
    );
  return (
    <div>
      {recent.length > 0 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginBottom: 6 }}>
          {recent.map((d) => (
            <Button
              key={d.code}
              size="small"
              onClick={() => onChange(d)}
              data-testid={`${testId}-recent-${d.code}`}
            >
              {d.name}
            </Button>
          ))}
        </div>
      )}
      <div style={box}>
        <FieldInput
          value={q}
          onChange={setQ}
          placeholder={t('checkpoints.field.destinationSearch')}
          testId={`${testId}-search`}
          clearable
        />
      </div>
      {(hits.data ?? []).map((u) => (
        <button
          type="button"
          key={u.code}
          onClick={() => {
            onChange({ code: u.code, name: u.name });
            setQ('');
          }}
          data-testid={`${testId}-hit-${u.code}`}
          style={{
            display: 'block',
            width: '100%',
            textAlign: 'left',
            padding: '10px 8px',
            border: 'none',
            borderBottom: '1px solid #eee',
            background: '#fff',
            fontSize: 16,
          }}
        >
          {u.name}
          <span style={{ color: '#999', fontSize: 12, marginLeft: 6 }}>{trailText(u.trail)}</span>
        </button>
      ))}
    </div>
  );
}

/**
 * One person of a passage: name, ID number, phone, temperature (a fever shown loud), the health and
 * itinerary codes as shown, where they have been, and where they are going. On the public page the
 * traveller fills the same card without the temperature and with an address instead of a unit.
 */
export function PersonCard({
  index,
  person,
  onChange,
  onRemove,
  problems,
  windowDays,
  min,
  max,
  publicPage = false,
  threshold,
}: {
  index: number;
  person: PersonDraft;
  onChange: (p: PersonDraft) => void;
  onRemove?: () => void;
  problems: Problem[];
  windowDays: number;
  min: string;
  max: string;
  publicPage?: boolean;
  threshold?: number;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<PersonDraft>) => onChange({ ...person, ...patch });
  const p = `person-${index}`;
  const fever = isFever(person.temperature, threshold);
  const has = (what: Problem['what']) =>
    problems.some((x) => x.what === what && 'person' in x && x.person === index);
  const fromRegistration = person.registrationPerson !== undefined;
  return (
    <div
      data-testid={p}
      style={{
        background: fever ? '#fff1f0' : '#fff',
        border: `2px solid ${fever ? '#cf1322' : '#f0f0f0'}`,
        borderRadius: 10,
        padding: 12,
        margin: '8px 12px',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <b style={{ fontSize: 16 }}>
          {index === 0 ? t('checkpoints.field.first') : t('checkpoints.field.passenger', { n: index + 1 })}
        </b>
        {onRemove && (
          <Button size="mini" color="danger" fill="none" onClick={onRemove} data-testid={`${p}-remove`}>
            {t('checkpoints.field.remove')}
          </Button>
        )}
      </div>
      {!publicPage && (
        <>
          <div style={label}>{t('checkpoints.field.temperature')}</div>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <div style={{ ...box, flex: 1, borderColor: fever ? '#cf1322' : '#d9d9d9' }}>
              <FieldInput
                type="number"
                inputMode="decimal"
                value={person.temperature}
                onChange={(temperature) => set({ temperature })}
                placeholder="36.5"
                testId={`${p}-temp`}
                style={{ '--font-size': '26px' } as React.CSSProperties}
              />
            </div>
            <span style={{ fontSize: 20 }}>°C</span>
          </div>
          {fever && (
            <div
              role="alert"
              data-testid={`${p}-fever`}
              style={{
                marginTop: 6,
                padding: '8px 10px',
                background: '#cf1322',
                color: '#fff',
                fontSize: 20,
                fontWeight: 700,
                borderRadius: 6,
              }}
            >
              {t('checkpoints.field.fever', { t: person.temperature })}
            </div>
          )}
          {has('temperature') && (
            <div style={{ color: '#cf1322' }}>{t('checkpoints.field.badTemperature')}</div>
          )}
        </>
      )}
      <div style={label}>{t('checkpoints.field.name')}</div>
      <div style={{ ...box, borderColor: has('name') ? '#cf1322' : '#d9d9d9' }}>
        <FieldInput
          value={person.name}
          onChange={(name) => set({ name })}
          maxLength={30}
          testId={`${p}-name`}
          style={big}
        />
      </div>
      {has('name') && (
        <div style={{ color: '#cf1322' }} data-testid={`${p}-problem-name`}>
          {t('checkpoints.field.nameRequired')}
        </div>
      )}
      {fromRegistration ? (
        <div style={{ color: '#666', marginTop: 6 }} data-testid={`${p}-masked`}>
          {[person.idNumberMasked, person.phoneMasked].filter(Boolean).join(' · ')}
        </div>
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
          <div>
            <div style={label}>{t('checkpoints.field.idNumber')}</div>
            <div style={box}>
              <FieldInput
                value={person.idNumber}
                onChange={(idNumber) => set({ idNumber })}
                maxLength={20}
                testId={`${p}-id`}
              />
            </div>
          </div>
          <div>
            <div style={label}>{t('checkpoints.field.phone')}</div>
            <div style={box}>
              <FieldInput
                type="tel"
                value={person.phone}
                onChange={(phone) => set({ phone })}
                maxLength={20}
                testId={`${p}-phone`}
              />
            </div>
          </div>
        </div>
      )}
      <div style={label}>{t('checkpoints.field.healthCode')}</div>
      <CodeColourPicker
        value={person.healthCode}
        onChange={(healthCode) => set({ healthCode })}
        testId={`${p}-health`}
      />
      <div style={label}>{t('checkpoints.field.itineraryCode')}</div>
      <CodeColourPicker
        value={person.itineraryCode}
        onChange={(itineraryCode) => set({ itineraryCode })}
        testId={`${p}-itinerary`}
      />
      <div style={label}>{t('checkpoints.field.travel', { n: windowDays })}</div>
      <TravelEditor
        prefix={`${p}-travel`}
        value={person.travel}
        min={min}
        max={max}
        windowDays={windowDays}
        problems={problems.flatMap((x) =>
          x.what === 'travel' && x.person === index
            ? [{ resident: index, index: x.index, what: 'travel' as const, field: x.field }]
            : [],
        )}
        onChange={(travel) => set({ travel })}
      />
      <div style={label}>{t('checkpoints.field.destination')}</div>
      {!publicPage && (
        <DestinationPicker
          value={person.destination}
          onChange={(destination) => set({ destination })}
          testId={`${p}-dest`}
        />
      )}
      <div style={{ ...box, marginTop: 6 }}>
        <Input
          value={person.destinationAddress}
          onChange={(destinationAddress) => set({ destinationAddress })}
          placeholder={t('checkpoints.field.address')}
          maxLength={120}
        />
      </div>
    </div>
  );
}
