import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChildren } from '../../http/org';
import { useScope } from '../../shell/ScopeContext';

/** A unit of the header's scope: the scope itself (all of it) or one of its children. */
export function UnitFilter({
  value,
  onChange,
  testId,
}: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { scopeCode, scopeUnit } = useScope();
  const children = useChildren(scopeCode, null, 200);
  return (
    <Select
      style={{ minWidth: 200 }}
      value={value ?? scopeCode}
      onChange={(code) => onChange(code === scopeCode ? undefined : code)}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={testId}
      options={[
        ...(scopeCode
          ? [{ value: scopeCode, label: t('care.filter.wholeUnit', { name: scopeUnit?.name ?? scopeCode }) }]
          : []),
        ...(children.data?.items ?? []).map((u) => ({ value: u.code, label: u.name })),
      ]}
    />
  );
}
