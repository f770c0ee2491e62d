import { Typography } from 'antd';
import { useLanguage } from '../../i18n/useLanguage';
import { roleLabel } from '../../shell/roleLabel';

/** An audit entry's detail object, compact: `key: value · key: value` (roles by their name). */
export function DetailText({ detail }: { detail: unknown }) {
  const [lang] = useLanguage();
  if (detail === null || detail === undefined) return null;
  if (typeof detail !== 'object') return <span>{String(detail)}</span>;
  const entries = Object.entries(detail as Record<string, unknown>);
  if (entries.length === 0) return null;
  const show = (k: string, v: unknown) => {
    if (k === 'role' && typeof v === 'string') return roleLabel(v, lang);
    if (Array.isArray(v)) return v.join(', ');
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  const text = entries.map(([k, v]) => `${k}: ${show(k, v)}`).join(' · ');
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: text }}>
      {text}
    </Typography.Text>
  );
}
