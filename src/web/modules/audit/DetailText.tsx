import { Typography } from 'antd';

/** An audit entry's detail object, compact: `key: value · key: value`. */
export function DetailText({ detail }: { detail: unknown }) {
  if (detail === null || detail === undefined) return null;
  if (typeof detail !== 'object') return <span>{String(detail)}</span>;
  const entries = Object.entries(detail as Record<string, unknown>);
  if (entries.length === 0) return null;
  const text = entries.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' · ');
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: text }}>
      {text}
    </Typography.Text>
  );
}
