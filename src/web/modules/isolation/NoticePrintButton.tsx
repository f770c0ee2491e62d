import { useTranslation } from 'react-i18next';
import type { KeyPersonDetail, Measure } from '../../http/isolation';
import { getUnit } from '../../http/org';
import { PrintButton, type PrintJob } from '../../shell/print/PrintButton';
import { periodDays } from './period';
import { useFeverThreshold } from './useFeverThreshold';
import './notice.css';

/** The community (or street) the person's place belongs to: its office hands the notice over. */
async function officeOf(unitCode: string): Promise<string | undefined> {
  try {
    const unit = await getUnit(unitCode);
    const chain = [...unit.ancestors, unit];
    return [...chain].reverse().find((u) => u.kind === 'village' || u.kind === 'town')?.name;
  } catch {
    return undefined;
  }
}

/**
 * 居家隔离告知书: the notice handed to a person under home isolation, on one A4 page — their name,
 * address, the dates, the responsible worker, and a blank for the office's phone, signed by both.
 */
export function NoticePrintButton({ person, measure }: { person: KeyPersonDetail; measure: Measure }) {
  const { t } = useTranslation();
  const threshold = useFeverThreshold();
  const prepare = async (): Promise<PrintJob> => {
    const office = (await officeOf(person.unitCode)) ?? person.unitName;
    const days = periodDays(measure.startsOn, measure.plannedEnd);
    const blank = <span className="notice-blank">&nbsp;</span>;
    return {
      orientation: 'portrait',
      sheet: (
        <div className="isolation-notice" data-testid="notice-sheet">
          <h1>{t('isolation.notice.title')}</h1>
          <p>{t('isolation.notice.to', { name: person.name })}</p>
          <p className="notice-indent">
            {t('isolation.notice.body1', { from: measure.startsOn, to: measure.plannedEnd, days })}
          </p>
          <ol>
            <li>{t('isolation.notice.rule1')}</li>
            <li>{t('isolation.notice.rule2')}</li>
            <li>{t('isolation.notice.rule3', { t: threshold.toFixed(1) })}</li>
            <li>{t('isolation.notice.rule4')}</li>
            <li>{t('isolation.notice.rule5')}</li>
          </ol>
          <table>
            <tbody>
              <tr>
                <th>{t('isolation.notice.name')}</th>
                <td>{person.name}</td>
              </tr>
              <tr>
                <th>{t('isolation.notice.address')}</th>
                <td data-testid="notice-address">{person.address ?? person.unitName}</td>
              </tr>
              <tr>
                <th>{t('isolation.notice.period')}</th>
                <td data-testid="notice-period">
                  {t('isolation.notice.periodText', { from: measure.startsOn, to: measure.plannedEnd, days })}
                </td>
              </tr>
              <tr>
                <th>{t('isolation.notice.responsible')}</th>
                <td>{measure.responsible?.name ?? person.responsible?.name ?? blank}</td>
              </tr>
              <tr>
                <th>{t('isolation.notice.officePhone')}</th>
                <td>{blank}</td>
              </tr>
            </tbody>
          </table>
          <p className="notice-indent">{t('isolation.notice.thanks')}</p>
          <div className="notice-signatures">
            <div>
              <p>
                {t('isolation.notice.signature')}
                {t('common.colon')}
                {blank}
              </p>
              <p>
                {t('isolation.notice.date')}
                {t('common.colon')}
                {blank}
              </p>
            </div>
            <div>
              <p>{t('isolation.notice.office', { unit: office })}</p>
              <p>
                {t('isolation.notice.date')}
                {t('common.colon')}
                {blank}
              </p>
            </div>
          </div>
        </div>
      ),
    };
  };
  return <PrintButton prepare={prepare} label={t('isolation.person.printNotice')} testId="notice-print" />;
}
