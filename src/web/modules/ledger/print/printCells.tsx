import { COLOURS, type HouseholdColour } from '../../../../domain/ledger/colours';
import { MARKERS, type Marker } from '../../../../domain/ledger/markers';
import type { Household, Resident } from '../../../http/ledger';
import type { UnitWithAncestors } from '../../../http/types';
import type { Language } from '../../../i18n';
import i18n from '../../../i18n';
import { paren } from '../../../i18n/punctuation';
import { colourName, entranceText, markerLabel, relationLabel } from '../common/labels';

// Cells of the printed ledger sheets, in words rather than icons: paper has no tooltips, and a
// black-and-white copy must still read.

/** The unit as a printed title names it: from the community (社区/村) down, e.g. '省民航社区 1号楼'. */
export function printUnitName(unit: UnitWithAncestors): string {
  const from = unit.ancestors.findIndex((a) => a.kind === 'village');
  const above = from >= 0 ? unit.ancestors.slice(from) : [];
  return [...above.map((a) => a.name), unit.name].join(' ');
}

/** '1号楼 2单元 302' */
export function printPlace(h: Pick<Household, 'unit' | 'entrance' | 'door'>): string {
  return [h.unit.name, entranceText(h.entrance), h.door].filter(Boolean).join(' ');
}

export function ColourCell({ colour, byHand }: { colour: HouseholdColour; byHand: boolean }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span
        style={{
          display: 'inline-block',
          width: '8pt',
          height: '8pt',
          marginRight: '3pt',
          verticalAlign: 'baseline',
          background: COLOURS[colour].fill,
          border: `0.5pt solid ${COLOURS[colour].border}`,
        }}
      />
      {colourName(colour, i18n.language as Language)}
      {byHand ? ` (${i18n.t('household.byHand')})` : ''}
    </span>
  );
}

/** '党员×2、低保' */
export function markersText(markers: Partial<Record<Marker, number>>, lang: Language): string {
  return MARKERS.filter((m) => (markers[m] ?? 0) > 0)
    .map((m) => ((markers[m] ?? 0) > 1 ? `${markerLabel(m, lang)}×${markers[m]}` : markerLabel(m, lang)))
    .join(i18n.t('print.filter.list'));
}

/** The residents living there (present or away), one line each: name (relation), masked ID and phone. */
export function ResidentLines({ residents, lang }: { residents: Resident[]; lang: Language }) {
  const listed = residents.filter((r) => r.status === 'present' || r.status === 'away');
  if (listed.length === 0) return <>{i18n.t('ledger.emptyHousehold')}</>;
  return (
    <>
      {listed.map((r) => {
        const relation = relationLabel(r.relation, r.relationText, lang);
        const away = r.status === 'away' ? ` ${i18n.t('resident.statuses.away')}` : '';
        const marks = r.markers.map((m) => markerLabel(m, lang)).join(i18n.t('print.filter.list'));
        return (
          <div key={r.key}>
            {r.name}
            {paren(relation)}
            {away}
            {marks && ` [${marks}]`}
            <span style={{ fontFamily: 'monospace', marginLeft: '6pt' }}>
              {[r.idMasked, r.phoneMasked].filter(Boolean).join('  ')}
            </span>
          </div>
        );
      })}
    </>
  );
}
