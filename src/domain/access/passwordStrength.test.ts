import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwordStrength';

describe('new passwords', () => {
  it('need 8 characters with letters and digits', () => {
    expect(passwordProblem('short1')).toBe('error.weak_password');
    expect(passwordProblem('onlyletters')).toBe('error.weak_password');
    expect(passwordProblem('1234567890')).toBe('error.weak_password');
  });

  it('refuse common passwords, also in Chinese users’ habits and l33t spellings', () => {
    for (const p of [
      'password1',
      'Password123',
      'p@ssw0rd1',
      'qq123456',
      'Woaini1314',
      'abc12345',
      '1qaz2wsx',
      'Aa123456',
    ]) {
      expect(passwordProblem(p), p).toBe('error.common_password');
    }
  });

  it('refuse the username with a little added, and words of the user’s name', () => {
    expect(passwordProblem('smh_grid11', { username: 'smh_grid1' })).toBe('error.password_has_username');
    expect(passwordProblem('Zhang_Min2020', { username: 'zhang_min' })).toBe('error.password_has_username');
    expect(passwordProblem('huaihe2020', { username: 'huaihe_admin' })).toBe('error.common_password');
  });

  it('accept the passwords the demo, the CLI examples and the tests use', () => {
    for (const p of [
      'Wangge2020',
      'Wangge2021ok',
      'Admin2020pw',
      'Grid2020abc',
      'Matrix2020ok',
      'Matrix2024ok',
      'Volunteer2020',
      'Cli2020abc',
      'Forces2020ok',
      'Roster2020ok',
      'Places2020ok',
      'Duty2020okay',
      'Finding2020ok',
      'Ledger2020ok',
      'Better2021x',
      'Stream2020ok',
      'Qiang-Mima-2020',
      'Huaihe-Xin-2020',
    ]) {
      expect(passwordProblem(p, { username: 'someone_else' }), p).toBeNull();
    }
  });

  it('looks at a bounded part of a very long password', () => {
    expect(passwordProblem(`Xk9#mP2$vL8@nQ4!${'a1'.repeat(100)}`)).toBeNull();
  });
});
