import { describe, expect, it } from 'vitest';

import { findExcelDamage } from './excelDamage';

describe('findExcelDamage', () => {
  it('flags phones turned into negative numbers', () => {
    const damage = findExcelDamage(
      ['Name', 'Phone 1'],
      [
        ['Ada', '+44 7700 900123'],
        ['Bram', '-9892'],
        ['Cleo', '(555) 010-0100'],
      ],
    );
    expect(damage).toEqual([
      {
        row: 1,
        column: 1,
        value: '-9892',
        reason: 'Excel read a phone number starting with + as a formula and saved its result',
      },
    ]);
  });

  it('flags scientific notation in phone and id columns', () => {
    const damage = findExcelDamage(
      ['Index', 'Mobile', 'Amount'],
      [
        ['1', '447712345678', '1.5E+3'],
        ['1,30E+01', '4.47712E+11', '20.5'],
        ['14', '447712345679', '3'],
      ],
    );
    expect(damage.map(({ row, column, value }) => [row, column, value])).toEqual([
      [1, 0, '1,30E+01'],
      [1, 1, '4.47712E+11'],
    ]);
  });

  it('flags a lost leading zero where the column keeps them', () => {
    const damage = findExcelDamage(['Code'], [['01234'], ['01777'], ['02468'], ['1357'], ['013579']]);
    expect(damage).toEqual([
      {
        row: 3,
        column: 0,
        value: '1357',
        reason: 'the value lost its leading zero, as Excel does when it reads the column as numbers',
      },
    ]);
  });

  it('leaves ordinary columns alone', () => {
    expect(
      findExcelDamage(
        ['Count', 'Balance', 'Phone'],
        [
          ['1', '-20', '07700 900123'],
          ['12', '-3.5', '+1-813-324-8756'],
          ['123', '4', ''],
        ],
      ),
    ).toEqual([]);
  });
});
