import type { ButtonProps } from 'antd';

/** `data-testid` for props objects that TypeScript would otherwise not let through (e.g. Modal okButtonProps). */
export function testIdProps(id: string): ButtonProps {
  return { 'data-testid': id } as unknown as ButtonProps;
}
