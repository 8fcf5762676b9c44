import { describe, expect, it } from 'vitest';
import { parseNutritionCsv } from './csv.ts';

describe('parseNutritionCsv', () => {
  it("sums MyFitnessPal's per-meal export rows per day", () => {
    const csv = [
      'Date,Meal,Calories,Fat (g),Saturated Fat,Carbohydrates (g),Sugar,Protein (g),Note',
      '2027-03-01,Breakfast,520,12,3,80,20,25,"oats, ""big"" bowl"',
      '2027-03-01,Dinner,"1,100",40,10,120,8,60,',
      '2027-03-02,Lunch,700,20,5,90,10,35,',
    ].join('\r\n');
    expect(parseNutritionCsv(csv)).toEqual([
      { date: '2027-03-01', intakeKcal: 1620, fatGrams: 52, carbsGrams: 200, proteinGrams: 85 },
      { date: '2027-03-02', intakeKcal: 700, fatGrams: 20, carbsGrams: 90, proteinGrams: 35 },
    ]);
  });

  it('takes plain column names, and only calories', () => {
    expect(parseNutritionCsv('date,kcal\n2027-03-01,2400\n')).toEqual([
      { date: '2027-03-01', intakeKcal: 2400 },
    ]);
  });

  it.each([
    ['meal,calories\nx,1', /^line 1: needs a Date/],
    ['date,calories\n03/01/2027,1', /^line 2: date "03\/01\/2027"/],
    ['date,calories,protein\n2027-03-01,abc,1', /^line 2: kcal "abc" is not a number/],
    ['date,calories\n2027-03-01,25000', /^2027-03-01: intakeKcal/],
    ['date,calories\n', /has no rows/],
  ])('%j fails naming the line', (csv, message) => {
    expect(() => parseNutritionCsv(csv)).toThrow(message);
  });
});
