import { describe, expect, it } from 'vitest';
import { SYMPTOMS } from '../../../domain/ledger/colour/facts';
import { alarmOf, checkBody, checkIssues, newCheckDraft, pressKey, toggleSymptom } from './checkDraft';

const AT = Date.parse('2020-02-05T02:00:00Z'); // 10:00 in Shanghai
const ID = '00000000-0000-4000-8000-000000000001';
const type = (keys: string) => [...keys].reduce((t, k) => pressKey(t, k as '1'), '');

describe('the temperature keypad', () => {
  it('puts the point after two digits by itself and takes one decimal', () => {
    expect(type('381')).toBe('38.1');
    expect(type('38.1')).toBe('38.1');
    expect(type('36.65')).toBe('36.6');
    expect(type('3..6')).toBe('3.6');
    expect(type('.5')).toBe('0.5');
    expect(pressKey('36.6', 'del')).toBe('36.');
    expect(pressKey('36.6', 'clear')).toBe('');
    expect(pressKey('', 'del')).toBe('');
  });
});

describe('the check form', () => {
  it('sends only what was filled in, with the time it was made', () => {
    const d = { ...newCheckDraft(), temperature: '36.6', needs: ' 需要买米 ', mood: 'good' as const };
    expect(checkBody(d, ID, AT)).toEqual({
      clientId: ID,
      how: 'door',
      temperatureC: 36.6,
      mood: 'good',
      needs: '需要买米',
      checkedAt: '2020-02-05T02:00:00.000Z',
    });
    expect(checkBody({ ...newCheckDraft('phone'), symptoms: ['cough'] }, ID, AT)).toEqual({
      clientId: ID,
      how: 'phone',
      symptoms: ['cough'],
      checkedAt: '2020-02-05T02:00:00.000Z',
    });
    // the platform's clock never heard: the server's time of arrival counts
    expect(checkBody(newCheckDraft(), ID, undefined)).toEqual({ clientId: ID, how: 'door' });
  });

  it('refuses what the server would refuse, and an unfinished temperature', () => {
    expect(checkIssues({ ...newCheckDraft(), temperature: '36.6' }, AT)).toEqual([]);
    expect(checkIssues(newCheckDraft(), AT)).toEqual([]);
    expect(checkIssues(newCheckDraft())).toEqual([]);
    expect(checkIssues({ ...newCheckDraft(), temperature: '37' }, AT)).toEqual([]);
    for (const bad of ['3.6', '44', '36.', '.'])
      expect(checkIssues({ ...newCheckDraft(), temperature: bad }, AT), bad).toEqual([
        { path: 'temperatureC', code: 'isolation.temperature' },
      ]);
    expect(checkIssues({ ...newCheckDraft(), how: 'sms' as 'door' }, AT)).toEqual([
      { path: 'how', code: 'isolation.how' },
    ]);
  });

  it('sees the fever rule: at or above the threshold, or any symptom', () => {
    const at = (temperature: string, symptoms: (typeof SYMPTOMS)[number][] = []) =>
      alarmOf({ ...newCheckDraft(), temperature, symptoms }, 37.3);
    expect(at('36.6')).toBeNull();
    expect(at('')).toBeNull();
    expect(at('37.2')).toBeNull();
    expect(at('37.3')).toBe('fever');
    expect(at('38.1')).toBe('fever');
    expect(at('36.6', ['cough'])).toBe('symptom');
    expect(alarmOf({ ...newCheckDraft(), temperature: '37.3' }, 37.5)).toBeNull();
  });

  it('toggles symptoms in the order of the list', () => {
    let list = toggleSymptom([], 'cough', SYMPTOMS);
    list = toggleSymptom(list, 'fever', SYMPTOMS);
    expect(list).toEqual(['fever', 'cough']);
    expect(toggleSymptom(list, 'fever', SYMPTOMS)).toEqual(['cough']);
  });
});
