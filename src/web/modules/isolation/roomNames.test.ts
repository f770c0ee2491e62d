import { describe, expect, it } from 'vitest';
import { expandRoomNames } from './roomNames';

describe('room names typed by an office', () => {
  it('expands a range of same-width numbers, keeping leading zeros', () => {
    expect(expandRoomNames('101-105')).toEqual(['101', '102', '103', '104', '105']);
    expect(expandRoomNames('0908-0911')).toEqual(['0908', '0909', '0910', '0911']);
  });

  it('takes lists, lines, Chinese commas and full-width dashes', () => {
    expect(expandRoomNames('201，202、203\n301－302')).toEqual(['201', '202', '203', '301', '302']);
  });

  it('keeps a prefix on both ends, or written once', () => {
    expect(expandRoomNames('A101-A103')).toEqual(['A101', 'A102', 'A103']);
    expect(expandRoomNames('B1-3')).toEqual(['B1', 'B2', 'B3']);
    expect(expandRoomNames('3号楼101-103')).toEqual(['3号楼101', '3号楼102', '3号楼103']);
  });

  it('counts short numbers of different widths', () => {
    expect(expandRoomNames('8-11')).toEqual(['8', '9', '10', '11']);
  });

  it('leaves a building-room name, a reversed range and other prefixes as typed', () => {
    expect(expandRoomNames('3-101')).toEqual(['3-101']);
    expect(expandRoomNames('120-101')).toEqual(['120-101']);
    expect(expandRoomNames('A101-B103')).toEqual(['A101-B103']);
  });

  it('names each room once', () => {
    expect(expandRoomNames('101-103, 102 103 104')).toEqual(['101', '102', '103', '104']);
  });
});
