import type { PrintMessages } from './print.zh-CN';

// Printing in English: typed by the Chinese, so a missing or extra key is a type error.
const printEn: PrintMessages = {
  button: 'Print',
  failed: 'Could not prepare the printout: {{reason}}',
  day: 'Ledger day {{day}}',
  total: '{{n}} households',
  capped:
    'More than {{cap}} households: only the first {{cap}} are printed. Narrow the filter and print the rest separately',
  no: 'No.',
  filter: {
    label: 'Filter: ',
    all: 'all households',
    colour: 'colour {{v}}',
    marker: 'marker {{v}}',
    search: 'search "{{v}}"',
    within: 'within {{v}}',
    campaign: 'screening {{v}}',
    separator: '; ',
    list: ', ',
  },
  ledger: {
    title: 'Household ledger of {{unit}}',
  },
  building: {
    title: 'Building view of {{unit}}',
  },
  doors: {
    button: 'Print the door list',
    title: 'Door-to-door screening list of {{unit}}',
    campaign: 'Campaign: {{name}} ({{dates}})',
    progress: '{{visited}} visited, {{revisit}} to revisit, {{pending}} to visit',
    place: 'Place',
    residents: 'Residents',
    colour: 'Colour',
    status: 'Visit',
    visits: ' ({{n}}×)',
    notes: 'At the door (people home, temperatures, whereabouts, notes)',
  },
};

export default printEn;
