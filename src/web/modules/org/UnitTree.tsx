import { useQueries } from '@tanstack/react-query';
import { Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { getChildren, orgKeys } from '../../http/org';
import type { Page, Unit, UnitWithAncestors } from '../../http/types';
import { isWithin } from '../../shell/paths';
import { kindLabel } from './kindLabel';

const LIMIT = 100;
const MORE = 'more:';

interface Props {
  root: Unit;
  /** the unit shown on the right; its ancestors below the root are expanded */
  selected?: UnitWithAncestors;
}

/** The jurisdiction tree from the scope unit down; children load when a node opens, page by page. */
export function UnitTree({ root, selected }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [expanded, setExpanded] = useState<string[]>([root.code]);
  const [cursors, setCursors] = useState<Record<string, (string | null)[]>>({});

  useEffect(() => {
    setExpanded([root.code]);
    setCursors({});
  }, [root.code]);

  // Open the way down to the selected unit.
  useEffect(() => {
    if (!selected || !isWithin(selected, root)) return;
    const chain = (selected.ancestors ?? []).filter((a) => isWithin(a, root)).map((a) => a.code);
    setExpanded((prev) => {
      const missing = chain.filter((c) => !prev.includes(c));
      return missing.length ? [...prev, ...missing] : prev;
    });
  }, [selected, root]);

  const requests = expanded.flatMap((code) => (cursors[code] ?? [null]).map((after) => ({ code, after })));
  const results = useQueries({
    queries: requests.map((r) => ({
      queryKey: orgKeys.children(r.code, r.after, LIMIT),
      queryFn: ({ signal }: { signal: AbortSignal }) => getChildren(r.code, r.after, LIMIT, signal),
      staleTime: 30_000,
    })),
  });

  const pages = new Map<string, { pages: (Page<Unit> | undefined)[]; loading: boolean }>();
  requests.forEach((r, i) => {
    const entry = pages.get(r.code) ?? { pages: [], loading: false };
    entry.pages.push(results[i]?.data);
    entry.loading ||= !!results[i]?.isPending;
    pages.set(r.code, entry);
  });

  const build = (u: Unit): DataNode => {
    const node: DataNode = {
      key: u.code,
      isLeaf: u.childCount === 0,
      title: (
        <span data-testid={`tree-node-${u.code}`}>
          {u.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {kindLabel(u)}
            {u.childCount > 0 ? ` · ${u.childCount}` : ''}
          </Typography.Text>
        </span>
      ),
    };
    const entry = pages.get(u.code);
    if (entry) {
      const items = entry.pages.flatMap((p) => p?.items ?? []);
      const children = items.map(build);
      const last = entry.pages[entry.pages.length - 1];
      if (entry.loading)
        children.push({
          key: `loading:${u.code}`,
          isLeaf: true,
          selectable: false,
          title: <Spin size="small" />,
        });
      else if (last?.next)
        children.push({
          key: `${MORE}${u.code}:${last.next}`,
          isLeaf: true,
          title: <Typography.Link>{t('org.moreChildren')}</Typography.Link>,
        });
      node.children = children;
    }
    return node;
  };
  const treeData = [build(root)];

  return (
    <Tree
      data-testid="org-tree"
      treeData={treeData}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      selectedKeys={selected ? [selected.code] : []}
      showLine
      blockNode
      height={Math.max(320, window.innerHeight - 260)}
      onSelect={(_, info) => {
        const key = String(info.node.key);
        if (key.startsWith('loading:')) return;
        if (key.startsWith(MORE)) {
          const rest = key.slice(MORE.length);
          const sep = rest.indexOf(':');
          const code = rest.slice(0, sep);
          const after = rest.slice(sep + 1);
          setCursors((prev) => ({ ...prev, [code]: [...(prev[code] ?? [null]), after] }));
          return;
        }
        void navigate(`/org/${key}`);
      }}
    />
  );
}
