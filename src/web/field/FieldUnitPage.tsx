import { ErrorBlock, NavBar, Skeleton, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorText } from '../http/errors';
import { useUnit } from '../http/org';
import { kindLabel } from '../modules/org/kindLabel';
import { FieldChildrenList } from './FieldChildrenList';

/** One unit on the phone: its trail (each step tappable) and its children. */
export function FieldUnitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const query = useUnit(code);
  const unit = query.data;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <NavBar onBack={() => void navigate(-1)} backIcon right={<Link to="/field">{t('nav.home')}</Link>}>
        {unit?.name ?? ''}
      </NavBar>
      {query.isPending && <Skeleton.Paragraph lineCount={4} animated />}
      {query.isError && <ErrorBlock status="empty" title={errorText(query.error)} description="" />}
      {unit && (
        <>
          <div style={{ padding: 16, background: '#fff' }}>
            <div style={{ fontSize: 12, color: '#888', lineHeight: 1.8 }} data-testid="field-trail">
              {(unit.ancestors ?? []).map((a) => (
                <span key={a.code}>
                  <Link to={`/field/unit/${a.code}`}>{a.name}</Link>
                  {' › '}
                </span>
              ))}
            </div>
            <div style={{ fontSize: 20, fontWeight: 600, marginTop: 4 }} data-testid="unit-title">
              {unit.name}{' '}
              <Tag color="primary" fill="outline">
                {kindLabel(unit)}
              </Tag>
            </div>
            <div style={{ fontSize: 12, color: '#888', marginTop: 4 }}>{unit.code}</div>
          </div>
          <FieldChildrenList key={unit.code} code={unit.code} />
        </>
      )}
    </div>
  );
}
