import { Breadcrumb } from 'antd';
import { Link } from 'react-router';
import type { UnitWithAncestors } from '../../http/types';

/** Ancestors (root first) and the unit itself, each a link into the tree page. */
export function UnitTrail({
  unit,
  linkTo = (code) => `/org/${code}`,
}: {
  unit: UnitWithAncestors;
  linkTo?: (code: string) => string;
}) {
  const items = [
    ...(unit.ancestors ?? []).map((a) => ({ key: a.code, title: <Link to={linkTo(a.code)}>{a.name}</Link> })),
    { key: unit.code, title: unit.name },
  ];
  return <Breadcrumb items={items} data-testid="unit-trail" />;
}
