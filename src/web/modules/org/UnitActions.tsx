import { Space } from 'antd';
import { hasPermission, useMe } from '../../http/auth';
import type { UnitWithAncestors } from '../../http/types';
import { CreateChildButtons } from './CreateChildButtons';
import { DeleteUnitButton } from './DeleteUnitButton';
import { MoveButton } from './MoveButton';
import { RenameButton } from './RenameButton';
import { canMove, isCreatedKind } from './rules';

/** What a holder of org.write may do to this unit. */
export function UnitActions({ unit }: { unit: UnitWithAncestors }) {
  const { data: me } = useMe();
  if (!hasPermission(me, 'org.write')) return null;
  const created = isCreatedKind(unit.kind);
  return (
    <Space wrap>
      <CreateChildButtons parent={unit} />
      {created && <RenameButton unit={unit} />}
      {canMove(unit.kind) && <MoveButton unit={unit} />}
      {created && <DeleteUnitButton unit={unit} />}
    </Space>
  );
}
