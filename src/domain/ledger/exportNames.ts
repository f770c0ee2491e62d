// What a ledger export is called and what its title row says: the unit, the filter and the ledger's day
// (the day follows WANGGE_TODAY in the demo), e.g. 省民航社区入户台账-红橙-2020-02-05.xlsx titled
// 省民航社区入户台账（颜色：红、橙）2020-02-05 导出. A search for digits (the end of a phone or ID
// number) is named as such, never written out: the name travels in mails and chats. Pure, no I/O.

import { asciiFileName, exportFileName } from '../exports/fileNames';
import type { Locale } from '../i18n/messages';
import { COLOURS, type HouseholdColour } from './colours';
import { MARKER_INFO, type Marker } from './markers';

export interface LedgerExportFilter {
  colours?: readonly HouseholdColour[];
  markers?: readonly Marker[];
  q?: string;
  /** a screening campaign's doors, in this state of their visit (or all of its doors) */
  campaign?: { status?: 'pending' | 'visited' | 'revisit' };
}

const CAMPAIGN_STATUS: Record<'pending' | 'visited' | 'revisit' | 'all', Record<Locale, string>> = {
  pending: { 'zh-CN': '待走访', en: 'to visit' },
  visited: { 'zh-CN': '已走访', en: 'visited' },
  revisit: { 'zh-CN': '需复访', en: 'to visit again' },
  all: { 'zh-CN': '排查任务', en: 'screening' },
};

function searchText(q: string, locale: Locale): string {
  if (/\d/.test(q)) return locale === 'en' ? 'number search' : '按号码搜索';
  return q;
}

export interface LedgerExportNames {
  /** the title row: unit, filter, day */
  title: string;
  /** the file name in the user's language */
  fileName: string;
  /** the same in ASCII (the Content-Disposition fallback) */
  asciiName: string;
  /** the filter in words, '' when there is none */
  filterText: string;
}

export function ledgerExportNames(
  unit: { name: string; code: string },
  f: LedgerExportFilter,
  day: string,
  locale: Locale,
): LedgerExportNames {
  const en = locale === 'en';
  const list = (xs: readonly string[]) => xs.join(en ? ', ' : '、');
  const colours = (f.colours ?? []).map((c) => COLOURS[c].name[locale]);
  const markers = (f.markers ?? []).map((m) => MARKER_INFO[m]?.label[locale] ?? m);
  const q = f.q?.trim() ? searchText(f.q.trim(), locale) : '';
  const campaign = f.campaign ? CAMPAIGN_STATUS[f.campaign.status ?? 'all'][locale] : '';

  const described = [
    colours.length ? `${en ? 'colour: ' : '颜色：'}${list(colours)}` : '',
    markers.length ? `${en ? 'markers: ' : '标注：'}${list(markers)}` : '',
    q ? `${en ? 'search: ' : '搜索：'}${q}` : '',
    campaign ? `${en ? 'screening: ' : '排查：'}${campaign}` : '',
  ].filter(Boolean);
  const filterText = described.join(en ? '; ' : '；');
  const title = en
    ? `${unit.name} household ledger (${filterText || 'all households'}), exported ${day}`
    : `${unit.name}入户台账（${filterText || '全部住户'}）${day} 导出`;
  const fileName = exportFileName([
    en ? `${unit.name}-ledger` : `${unit.name}入户台账`,
    colours.join(en ? '+' : ''),
    markers.join('+'),
    q && !/\d/.test(f.q ?? '') ? (en ? `search ${q}` : `搜索${q}`) : q,
    campaign,
    day,
  ]);
  const asciiName = asciiFileName([
    'ledger',
    unit.code,
    (f.colours ?? []).join('+'),
    (f.markers ?? []).join('+'),
    q ? 'search' : '',
    f.campaign ? (f.campaign.status ?? 'screening') : '',
    day,
  ]);
  return { title, fileName, asciiName, filterText };
}
