import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../http/types';
import { kindLabel } from './kindLabel';

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

/** A unit's kind as a tag; given its name, a community reads 社区 / Community and a village 村 / Village. */
export function UnitKindTag({ kind, name }: { kind: UnitKind; name?: string }) {
  useTranslation(); // the label follows the language
  return (
    <Tag color={COLORS[kind] ?? 'default'} data-testid="unit-kind-tag" data-kind={kind}>
      {kindLabel({ kind, name })}
    </Tag>
  );
}
