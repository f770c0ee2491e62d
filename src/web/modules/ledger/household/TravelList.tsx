import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMMON_PLACES } from '../common/places';
import {
  newTravelDraft,
  STAY_DATES,
  type StayDates,
  stayProblems,
  type TravelDraft,
} from '../common/stayDraft';

/**
 * "近14天去过哪里" on the desk: a resident's stays away from home, as an office hears them by phone. A
 * place is chosen by the user; the days are typed, or told as "近14天内" / "日期不详" (counted through the
 * window). An unfinished stay is named once a save was tried, never dropped.
 */
export function TravelList({
  value,
  onChange,
  windowDays,
  today,
  showProblems,
}: {
  value: TravelDraft[];
  onChange: (v: TravelDraft[]) => void;
  windowDays: number;
  today?: string;
  showProblems: boolean;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<TravelDraft>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="resident-travel">
      {value.map((s, i) => {
        const problems = showProblems ? stayProblems(s) : [];
        return (
          <div key={s.id} data-testid={`resident-travel-${i}`}>
            <Space wrap align="start">
              <Select
                style={{ width: 140 }}
                placeholder={t('resident.travelPlace')}
                status={problems.includes('place') ? 'error' : undefined}
                value={s.place || undefined}
                onChange={(place: string) => {
                  const common = COMMON_PLACES.find((p) => p.code === place);
                  set(i, { place, name: common ? t(`places.${common.key}`) : '' });
                }}
                options={[
                  ...COMMON_PLACES.map((p) => ({ value: p.code, label: t(`places.${p.key}`) })),
                  { value: 'other', label: t('places.other') },
                ]}
                data-testid={`resident-travel-${i}-place`}
              />
              {s.place === 'other' && (
                <>
                  <Input
                    style={{ width: 110 }}
                    placeholder={t('fieldScreening.placeCode')}
                    status={problems.includes('code') ? 'error' : undefined}
                    value={s.code}
                    onChange={(e) => set(i, { code: e.target.value })}
                    data-testid={`resident-travel-${i}-code`}
                  />
                  <Input
                    style={{ width: 120 }}
                    placeholder={t('fieldScreening.placeName')}
                    value={s.name}
                    onChange={(e) => set(i, { name: e.target.value })}
                  />
                </>
              )}
              <Radio.Group
                optionType="button"
                value={s.dates || undefined}
                onChange={(e) => set(i, { dates: e.target.value as StayDates })}
                options={STAY_DATES.map((d) => ({
                  value: d,
                  label: (
                    <span data-testid={`resident-travel-${i}-dates-${d}`}>
                      {t(`fieldScreening.stayDates.${d}`, { n: windowDays })}
                    </span>
                  ),
                }))}
              />
              {s.dates === 'exact' && (
                <>
                  <Input
                    type="date"
                    max={today}
                    status={problems.includes('from') ? 'error' : undefined}
                    value={s.from}
                    onChange={(e) => set(i, { from: e.target.value })}
                    aria-label={t('fieldScreening.from')}
                    data-testid={`resident-travel-${i}-from`}
                  />
                  <Input
                    type="date"
                    min={s.from || undefined}
                    max={today}
                    value={s.to}
                    onChange={(e) => set(i, { to: e.target.value })}
                    aria-label={t('fieldScreening.to')}
                    data-testid={`resident-travel-${i}-to`}
                  />
                </>
              )}
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('fieldScreening.remove')}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                data-testid={`resident-travel-${i}-remove`}
              />
            </Space>
            {problems.map((p) => (
              <div key={p}>
                <Typography.Text type="danger" data-testid={`resident-travel-${i}-problem-${p}`}>
                  {t(`fieldScreening.problem.travel.${p}`, { n: windowDays })}
                </Typography.Text>
              </div>
            ))}
          </div>
        );
      })}
      <Button
        icon={<PlusOutlined />}
        onClick={() => onChange([...value, newTravelDraft(Date.now() + value.length)])}
        data-testid="resident-travel-add"
      >
        {t('fieldScreening.addTravel')}
      </Button>
    </Space>
  );
}
