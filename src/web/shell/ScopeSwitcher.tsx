import { TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../http/auth';
import { getChildren } from '../http/org';
import type { Unit } from '../http/types';
import { kindLabel } from '../modules/org/kindLabel';
import { useScope } from './ScopeContext';

// The unit switcher in the header: roots are the user's granted units, children load lazily.

interface Node {
  value: string;
  title: string;
  isLeaf?: boolean;
  disabled?: boolean;
  selectable?: boolean;
  children?: Node[];
}

const CHILD_LIMIT = 200;

function isLeaf(u: Unit): boolean {
  return u.childCount === 0 || u.kind === 'building';
}

export function ScopeSwitcher({ block = false }: { block?: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { scopeCode, scopeUnit, setScope } = useScope();
  const [loaded, setLoaded] = useState<Record<string, { items: Unit[]; more: boolean }>>({});

  const treeData = useMemo(() => {
    const build = (u: Unit): Node => {
      const kids = loaded[u.code];
      const node: Node = { value: u.code, title: `${u.name} · ${kindLabel(u, t)}`, isLeaf: isLeaf(u) };
      if (kids) {
        node.children = kids.items.map(build);
        if (kids.more)
          node.children.push({ value: `${u.code}::more`, title: '…', isLeaf: true, disabled: true });
      }
      return node;
    };
    return (me?.units ?? []).map(build);
  }, [me, loaded, t]);

  const loadData = async (node: { value?: string | number }) => {
    const code = String(node.value ?? '');
    if (!code || loaded[code]) return;
    const page = await getChildren(code, null, CHILD_LIMIT);
    setLoaded((prev) => ({ ...prev, [code]: { items: page.items, more: !!page.next } }));
  };

  if (!me || me.units.length === 0) return null;
  return (
    <TreeSelect
      data-testid="scope-switcher"
      style={block ? { width: '100%' } : { width: 280 }}
      popupMatchSelectWidth={false}
      treeData={treeData}
      loadData={loadData}
      labelInValue
      value={scopeCode ? { value: scopeCode, label: scopeUnit?.name ?? scopeCode } : undefined}
      onChange={(v) => {
        const code = (v as { value?: string } | undefined)?.value;
        if (code && !code.endsWith('::more')) setScope(code);
      }}
      placeholder={t('shell.scopePlaceholder')}
      aria-label={t('shell.scope')}
      showSearch
      treeNodeFilterProp="title"
      treeLine
    />
  );
}
