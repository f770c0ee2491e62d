import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isQualification,
  isSkill,
  QUALIFICATION_LABELS,
  QUALIFICATIONS,
  qualificationsOf,
} from './qualifications';
import { SKILLS, STANDINGS } from './schedule';

describe('qualificationsOf', () => {
  it('keeps known skills in the order of SKILLS, then cadre and party member', () => {
    expect(
      qualificationsOf({
        skills: ['police', 'medical', 'juggling', 'medical'],
        isCadre: true,
        isPartyMember: true,
      }),
    ).toEqual(['medical', 'police', 'cadre', 'party_member']);
  });

  it('gives nothing for nobody in particular', () => {
    expect(qualificationsOf({ skills: [], isCadre: false, isPartyMember: false })).toEqual([]);
  });

  it('does not take standings written as skills', () => {
    expect(
      qualificationsOf({ skills: ['cadre', 'party_member'], isCadre: false, isPartyMember: false }),
    ).toEqual([]);
  });

  it('answers only known qualifications, each once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...SKILLS), fc.string()), { maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (skills, isCadre, isPartyMember) => {
          const q = qualificationsOf({ skills, isCadre, isPartyMember });
          expect(new Set(q).size).toBe(q.length);
          for (const x of q) expect(isQualification(x)).toBe(true);
          expect(q.includes('cadre')).toBe(isCadre);
          expect(q.includes('party_member')).toBe(isPartyMember);
          for (const s of SKILLS) expect(q.includes(s)).toBe(skills.includes(s));
        },
      ),
    );
  });
});

describe('isSkill / isQualification', () => {
  it('knows the skills and the standings', () => {
    expect(isSkill('medical')).toBe(true);
    expect(isSkill('cadre')).toBe(false);
    expect(isSkill('Medical')).toBe(false);
    expect(isQualification('cadre')).toBe(true);
    expect(isQualification('party_member')).toBe(true);
    expect(isQualification('toString')).toBe(false);
  });
});

describe('QUALIFICATION_LABELS', () => {
  it('names every qualification in Chinese and English', () => {
    expect(QUALIFICATIONS).toEqual([...SKILLS, ...STANDINGS]);
    for (const q of QUALIFICATIONS) {
      expect(QUALIFICATION_LABELS[q]['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(QUALIFICATION_LABELS[q].en).toMatch(/^[A-Z]/);
    }
    expect(QUALIFICATION_LABELS.cadre['zh-CN']).toBe('下沉干部');
    expect(QUALIFICATION_LABELS.psychology.en).toBe('Psychological support');
  });
});
