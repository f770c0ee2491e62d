import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../http/types';

const COLORS: Record<UnitKind, string> = {
  province: 'magenta',
  city: 'red',
  county: 'volcano',
  town: 'orange',
  village: 'gold',
  grid: 'green',
  courtyard: 'cyan',
  building: 'blue',
};

export function UnitKindTag({ kind }: { kind: UnitKind }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[kind] ?? 'default'}>{t(`kind.${kind}`)}</Tag>;
}
