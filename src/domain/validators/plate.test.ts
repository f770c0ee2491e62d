import { describe, expect, it } from 'vitest';
import { plateProvince, validatePlate } from './plate';

describe('vehicle plates (GA 36)', () => {
  it('reads ordinary plates, written any way', () => {
    for (const written of ['豫A12345', '豫a·12345', '豫A-12345', '豫 A 12345', '豫Ａ１２３４５']) {
      expect(validatePlate(written), written).toEqual({ ok: true, value: '豫A12345', kind: 'ordinary' });
    }
    expect(validatePlate('豫AB123C').ok).toBe(true);
  });

  it('reads the 8-character new-energy plates, small and large', () => {
    expect(validatePlate('豫AD12345')).toEqual({ ok: true, value: '豫AD12345', kind: 'new_energy' });
    expect(validatePlate('豫AFA1234')).toEqual({ ok: true, value: '豫AFA1234', kind: 'new_energy' });
    expect(validatePlate('豫A12345D')).toEqual({ ok: true, value: '豫A12345D', kind: 'new_energy' });
  });

  it('tells trailers, coaches and police cars', () => {
    expect(validatePlate('豫A1234挂')).toMatchObject({ ok: true, kind: 'trailer' });
    expect(validatePlate('豫A1234学')).toMatchObject({ ok: true, kind: 'coach' });
    expect(validatePlate('豫A1234警')).toMatchObject({ ok: true, kind: 'police' });
  });

  it('refuses what no plate looks like', () => {
    for (const bad of ['', '豫A1234', '豫A123456', 'XA12345', '豫AI2345', '豫AO2345', '豫112345', '豫AD1234Z', '豫AZ12345']) {
      expect(validatePlate(bad), bad).toEqual({ ok: false, code: 'plate.format' });
    }
  });

  it('knows the province from the first character', () => {
    expect(plateProvince('豫A12345')).toMatchObject({ abbr: '豫' });
    expect(plateProvince('Q12345')).toBeNull();
  });
});
