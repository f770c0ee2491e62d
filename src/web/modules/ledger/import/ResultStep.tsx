import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportResult } from '../../../http/ledger';

/** Step 4: imported (and what was created), or nothing written and why. */
export function ResultStep({
  result,
  unit,
  onAgain,
  onFix,
}: {
  result: ImportResult;
  unit: string;
  onAgain: () => void;
  onFix: () => void;
}) {
  const { t } = useTranslation();
  const r = result.report;
  const created = r.created ?? { households: r.households, residents: r.residents, buildings: 0, updated: 0 };
  return (
    <div data-testid="import-result" data-imported={String(result.imported)}>
      {result.imported ? (
        <Result
          status="success"
          title={t('importer.imported')}
          subTitle={
            <span data-testid="import-created">
              {t('importer.created', {
                households: created.households,
                residents: created.residents,
                buildings: created.buildings,
                updated: created.updated ?? 0,
              })}
              {(r.rejected?.length ?? 0) > 0 &&
                ` ${t('importer.leftOut', { n: new Set(r.rejected.map((x) => x.row)).size })}`}
            </span>
          }
          extra={
            <Space>
              <Link to={`/ledger?unit=${unit}`}>
                <Button type="primary" data-testid="import-open-ledger">
                  {t('importer.toLedger')}
                </Button>
              </Link>
              <Button onClick={onAgain} data-testid="import-again">
                {t('importer.again')}
              </Button>
            </Space>
          }
        />
      ) : (
        <Result
          status="warning"
          title={t('importer.notImported')}
          subTitle={t('importer.notImportedHint', { n: new Set((r.rejected ?? []).map((x) => x.row)).size })}
          extra={
            <Space>
              <Button onClick={onFix} data-testid="import-see-errors">
                {t('importer.seeErrors')}
              </Button>
              <Button type="primary" onClick={onAgain} data-testid="import-again">
                {t('importer.again')}
              </Button>
            </Space>
          }
        />
      )}
    </div>
  );
}
