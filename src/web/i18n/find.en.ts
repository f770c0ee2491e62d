import type { FindMessages } from './find.zh-CN';

// Seeing and finding (issue 10) in English: typed by the Chinese, so a missing or extra key is a type error.
const findEn: FindMessages = {
  ledgerSearch: 'Name, pinyin, ID number, phone, last 4 digits or door',
  total: '{{n}} households',
  totalMore: 'more than {{n}} households',
  visits: {
    title: 'Screening visits',
    empty: 'No screening visits yet',
    count: '{{n}} visits',
    visited: 'Visited',
    nobodyHome: 'Nobody home',
    noChange: 'colour unchanged',
    system: 'system',
    present: 'at home',
    away: 'away',
    moved_out: 'moved out',
    deceased: 'deceased',
    temperature: '{{t}} °C',
    fever: 'fever',
    symptoms: 'Symptoms: {{list}}',
    travel: 'Been to: {{list}}',
    contacts: 'Contacts: {{list}}',
    newResidents: '{{n}} newly registered',
    notes: 'Notes: {{text}}',
    noAnswers: 'No answers about the residents',
  },
  doors: {
    search: 'Name, pinyin, door or building',
    jump: 'Go to building',
    allBuildings: 'All buildings',
    buildingProgress: '{{visited}}/{{total}}',
    phones: 'Phone',
    phonesTitle: 'Phones at {{door}}',
    noPhone: 'No phone on record',
    reveal: 'Show number',
    call: 'Call',
    close: 'Close',
    noMatch: 'Nothing found for “{{q}}”',
    searchAll: 'Search all doors',
    truncated: 'Only the first {{n}} buildings are listed; use the search',
  },
};

export default findEn;
